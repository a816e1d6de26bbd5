"""Shared pieces of the service tests: the serve extra (skip locally, fail in CI), a live server."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.clients import in_ci

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen.json"


def require_serve_extra() -> None:
    """Skip (fail under CI=true) when the serve extra is not installed."""
    try:
        import starlette  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        message = "the serve extra is not installed: pip install -e '.[serve]' (.ci/run installs it)"
        if in_ci():
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def live_server(*args: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`rectify serve` in its own process on a free loopback port; stopped (and its workers) on exit."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "rectify_core", "serve", "--port", str(port),
                             "--log-level", "warning", *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"}, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        import httpx2 as httpx

        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                error = proc.stderr.read().decode() if proc.stderr else ""
                raise AssertionError(f"rectify serve did not start: {error}")
            time.sleep(0.1)
        yield base, proc
    finally:
        import signal

        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
