"""Inputs that are not ordinary files: each a sentence and exit 2, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


def rectify(*args: str, **kw: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "rectify_core", "convert", *args, "--to", "json", "-o", "-"],
                          capture_output=True, check=False, timeout=30, **kw)  # type: ignore[call-overload]


def test_a_fifo_without_writer_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "in.txt"
    os.mkfifo(fifo)
    done = rectify(str(fifo), "--from", "txt")
    assert done.returncode == 2 and b"empty" in done.stderr


@pytest.mark.parametrize("make, words", [
    (lambda p: p.symlink_to(p), b"symbolic links"),
    (lambda p: p.mkdir(), b"no input files"),  # a folder is a batch; an empty one has nothing to read
    (lambda p: None, b"no such file"),
], ids=["symlink loop", "folder", "missing"])
def test_unreadable_paths(tmp_path: Path, make: object, words: bytes) -> None:
    path = tmp_path / "in.txt"
    make(path)  # type: ignore[operator]
    done = rectify(str(path))
    assert done.returncode == 2 and words in done.stderr and b"Traceback" not in done.stderr


def test_closed_stdin() -> None:
    done = rectify("-", "--from", "txt", stdin=None, preexec_fn=lambda: os.close(0))
    assert done.returncode == 2 and b"standard input is closed" in done.stderr
