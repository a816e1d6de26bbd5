"""One long-lived LibreOffice for a batch: unoserver under the system Python, spoken to over XML-RPC.

Starting LibreOffice is most of a single conversion's cost (docs/doc.md: ≈ 1 s cold, ≈ 0.7 s through
a running instance, measured on the 2-core machine).  So when one process converts more than one
file, rectify starts one LibreOffice behind ``unoserver`` (PyPI, MIT; in the ``doc`` extra) and
sends it every later file.  The server needs LibreOffice's Python bridge, ``uno``, which Debian
ships for the *system* Python only (``python3-uno``), so it runs as ``/usr/bin/python3 -m
unoserver.server`` (``RECTIFY_UNO_PYTHON`` overrides), with only the unoserver package put on its
path; rectify talks to it with the standard library's XML-RPC client, whatever Python rectify runs
on.  The server has its own profile folder, listens on free ports of 127.0.0.1 only, lives in its
own process group, and is stopped when the process exits (or as soon as a conversion times out:
its state is then unknown).  When the system Python lacks ``uno`` or unoserver is not installed,
conversions simply stay single ``soffice`` runs.

A command-line batch runs each file in a fresh worker process (``rectify_core.workers``): the
workers of one command share one server through a private rendezvous folder named after their
parent process (``shared``), and a watchdog stops that server when the parent ends.
"""

from __future__ import annotations

import atexit
import importlib.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import xmlrpc.client
from pathlib import Path

from rectify_core.plugin_api import release_limits

START_TIMEOUT = 60.0
_server: OfficeServer | None = None
_unavailable: str | None = None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def uno_python() -> str | None:
    """The system Python with LibreOffice's ``uno`` bridge, or None."""
    python = os.environ.get("RECTIFY_UNO_PYTHON") or "/usr/bin/python3"
    if not os.path.isfile(python):
        return None
    done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=30)
    return python if done.returncode == 0 else None


class _Transport(xmlrpc.client.Transport):
    """XML-RPC over HTTP with a socket timeout: a conversion that hangs ends as an error."""

    def __init__(self, timeout: float) -> None:
        super().__init__()
        self.timeout = timeout

    def make_connection(self, host: str) -> object:  # type: ignore[override]
        connection = super().make_connection(host)
        connection.timeout = self.timeout  # type: ignore[attr-defined]
        return connection


def _convert(url: str, data: bytes, target: str, filtername: str | None, timeout: float) -> bytes:
    """One conversion by the unoserver at ``url`` (ours or another worker's), over XML-RPC."""
    proxy = xmlrpc.client.ServerProxy(url, transport=_Transport(timeout), allow_none=True)
    result = proxy.convert(None, xmlrpc.client.Binary(data), None, target, filtername)
    if not isinstance(result, xmlrpc.client.Binary):
        raise RuntimeError("unoserver returned no document")
    return result.data


class OfficeServer:
    """A running unoserver + LibreOffice pair, started by :meth:`start`."""

    def __init__(self, python: str, package: Path, soffice: str, within: Path | None = None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="rectify-uno-", dir=within))
        path = self.folder / "path"
        path.mkdir()
        for entry in package.parent.glob("unoserver*"):  # the package and its metadata, not our whole venv
            (path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
        self.port = _free_port()
        command = [python, "-m", "unoserver.server", "--interface", "127.0.0.1", "--port", str(self.port),
                   "--uno-interface", "127.0.0.1", "--uno-port", str(_free_port()), "--executable", soffice,
                   "--user-installation", str(self.folder / "profile"), "--quiet"]
        env = {**os.environ, "PYTHONPATH": str(path), "HOME": str(self.folder)}
        # a server for other processes must not write to a pipe whose reader (this process) ends first
        log = open(self.folder / "server.log", "wb") if within is not None else subprocess.PIPE
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log, env=env,
                                        start_new_session=True, preexec_fn=release_limits)
        if within is not None:
            log.close()  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = START_TIMEOUT) -> None:
        proxy = xmlrpc.client.ServerProxy(self.url, transport=_Transport(5.0))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("unoserver exited: " + (self.process.stderr.read() if self.process.stderr
                                                           else b"").decode("utf-8", "replace")[-500:])
            try:
                proxy.info()
                return
            except (OSError, xmlrpc.client.Error):
                time.sleep(0.1)
        raise RuntimeError(f"unoserver did not answer within {timeout:g} s")

    def convert(self, data: bytes, target: str, filtername: str | None, timeout: float) -> bytes:
        return _convert(self.url, data, target, filtername, timeout)

    def stop(self) -> None:
        """SIGTERM to the group (unoserver ends LibreOffice), SIGKILL what is left after 2 s: the
        profile is thrown away, so nothing is lost by a hard stop."""
        for sig, wait in ((signal.SIGTERM, 2.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + wait
            while time.monotonic() < deadline and (self.process.poll() is None or alive(self.process.pid)):
                time.sleep(0.05)
            if self.process.poll() is not None and not alive(self.process.pid):
                break
        self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def alive(group: int) -> list[int]:
    """Processes of process group ``group`` still running (zombies aside: a container's init may
    reap LibreOffice's children late, and a zombie holds nothing)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        return [group]
    out = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) ": state ppid pgrp …
        if fields[0] != "Z" and int(fields[2]) == group:
            out.append(int(entry.name))
    return out


class Remote:
    """A server another worker of the same batch started: its address and process group."""

    def __init__(self, url: str, group: int) -> None:
        self.url, self.group = url, group

    def convert(self, data: bytes, target: str, filtername: str | None, timeout: float) -> bytes:
        return _convert(self.url, data, target, filtername, timeout)

    def stop(self) -> None:
        _kill_group(self.group)


_WATCHDOG = r"""
import os, shutil, signal, sys, time
parent, group, folder = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
while True:
    try:
        os.kill(parent, 0)
    except ProcessLookupError:
        break
    time.sleep(0.5)
for sig in (signal.SIGTERM, signal.SIGKILL):
    try:
        os.killpg(group, sig)
    except ProcessLookupError:
        break
    time.sleep(2)
shutil.rmtree(folder, ignore_errors=True)
"""


def _kill_group(group: int) -> None:
    for sig in (signal.SIGTERM, signal.SIGKILL):
        try:
            os.killpg(group, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + 2.0
        while time.monotonic() < deadline and alive(group):
            time.sleep(0.05)


def _rendezvous(parent: int) -> Path:
    """This batch's folder: private to this user, created once, never a link planted by another."""
    folder = Path(tempfile.gettempdir()) / f"rectify-uno-{os.getuid()}-{parent}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = folder.lstat()
    if not folder.is_dir() or folder.is_symlink() or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise RuntimeError(f"{folder} is not a private folder of this user")
    return folder


def shared(soffice: str, always: bool) -> Remote | None:
    """In a worker process of a batch (``rectify convert *.doc``: one fresh process per file), the
    server the batch's workers share: the second file of the batch starts it, detached, with a
    watchdog that stops it when the batch's process ends; every later file uses it.  None outside
    a batch, for the batch's first file, or when no server can run here."""
    import fcntl
    import json
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is None or parent.pid is None or _unavailable is not None:
        return None
    folder = _rendezvous(parent.pid)
    with open(folder / "lock", "a+") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        state_file = folder / "state.json"
        state = json.loads(state_file.read_text()) if state_file.exists() else {"files": 0}
        state["files"] += 1
        if "url" in state:
            state_file.write_text(json.dumps(state))
            return Remote(state["url"], state["group"])
        if state["files"] < 2 and not always:
            state_file.write_text(json.dumps(state))
            return None
        started = start(soffice, within=folder)
        if started is None:
            return None
        state.update(url=started.url, group=started.process.pid)
        state_file.write_text(json.dumps(state))
        subprocess.Popen([sys.executable, "-c", _WATCHDOG, str(parent.pid), str(started.process.pid), str(folder)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, preexec_fn=release_limits)
        return Remote(started.url, started.process.pid)


def forget(remote: Remote) -> None:
    """A shared server that failed: stop it and let the next file start a fresh one."""
    import multiprocessing

    remote.stop()
    parent = multiprocessing.parent_process()
    if parent is not None and parent.pid is not None:
        state_file = _rendezvous(parent.pid) / "state.json"
        state_file.unlink(missing_ok=True)


def running() -> OfficeServer | None:
    return _server


def start(soffice: str, within: Path | None = None) -> OfficeServer | None:
    """The batch's server, started once; None when this machine cannot run one (then said once).
    ``within``: a server for other processes (``shared``), its files in that folder, not stopped
    when this process exits."""
    global _server, _unavailable
    keep = within is not None
    if (_server is not None and not keep) or _unavailable is not None:
        return _server
    spec = importlib.util.find_spec("unoserver")
    python = uno_python()
    if spec is None or spec.origin is None:
        _unavailable = "unoserver is not installed (pip install 'rectify[doc]')"
        return None
    if python is None:
        _unavailable = "the system Python has no LibreOffice bridge (Debian: apt-get install python3-uno)"
        return None
    server = OfficeServer(python, Path(spec.origin).parent, soffice, within)
    try:
        server.wait_ready()
    except RuntimeError as exc:
        server.stop()
        _unavailable = str(exc)
        return None
    if keep:
        return server
    _server = server
    atexit.register(stop)
    return server


def stop() -> None:
    """Stop the batch's server (at exit, or after a conversion it could not finish)."""
    global _server
    if _server is not None:
        server, _server = _server, None
        server.stop()


def unavailable() -> str | None:
    """Why no server runs, once that was found out."""
    return _unavailable


__all__ = ["OfficeServer", "Remote", "alive", "forget", "running", "shared", "start", "stop", "unavailable",
           "uno_python"]
