"""LibreOffice conversions, run as child processes that cannot hurt us.

The first conversion of a process is one ``soffice --headless --convert-to`` with its own throw-away
profile folder (a user's running LibreOffice and its settings are never touched, and two
conversions never share state), in its own process group (killed whole when the wall-clock limit
is reached), and with the output's size checked before it is read.  From the second conversion
on — a batch — one long-lived LibreOffice behind unoserver does the work (``server``), when the
machine can run it; ``RECTIFY_SOFFICE_SERVER=never`` keeps every conversion a single run,
``always`` uses the server from the first.  Figures in docs/doc.md.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from rectify_core.plugin_api import InputError, SecurityError, release_limits

if TYPE_CHECKING:
    import subprocess

    from .server import OfficeServer, Remote

# subprocess, tempfile, shutil, pathlib and xmlrpc are imported where a conversion needs them: the .doc reader
# reads DEFAULT_TIMEOUT from here, and every input is sniffed by that reader

INSTALL_HINT = ("LibreOffice is needed to read and write .doc and .wps files: install it "
                "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; other systems: libreoffice.org), "
                "or set RECTIFY_SOFFICE to the soffice program")
DEFAULT_TIMEOUT = 60.0
MAX_OUTPUT = 64 * 1024 * 1024
_conversions = 0  # in this process: the second one starts the batch's server


def soffice() -> str:
    """The soffice program, or an error that says what to install."""
    configured = os.environ.get("RECTIFY_SOFFICE")
    found = configured if configured and os.path.isfile(configured) else None
    import shutil

    found = found or shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise InputError(INSTALL_HINT)
    return found


def convert(data: bytes, suffix: str, target: str, source: str, *, timeout: float = DEFAULT_TIMEOUT,
            max_output: int = MAX_OUTPUT) -> bytes:
    """``data`` (a file ending in ``suffix``) converted by LibreOffice with filter spec ``target``
    (e.g. ``docx`` or ``doc:MS Word 97``); the output's bytes.  Errors name ``source``."""
    global _conversions
    program = soffice()
    _conversions += 1
    mode = os.environ.get("RECTIFY_SOFFICE_SERVER", "auto")
    if mode != "never":
        from . import server

        batch = server.shared(program, mode == "always")  # a worker of a batch: the batch's server
        if batch is not None:
            try:
                return _checked(_via_server(batch, data, target, source, timeout), max_output, source)
            except ConnectionRefusedError:
                server.forget(batch)  # gone (stopped after another file's overrun): this file runs alone
        running = server.start(program) if mode == "always" or _conversions > 1 else None
        if running is not None:
            return _checked(_via_server(running, data, target, source, timeout), max_output, source)
    return _single(program, data, suffix, target, source, timeout, max_output)


def _checked(result: bytes, max_output: int, source: str) -> bytes:
    _check_size(len(result), max_output, source)
    return result


def _check_size(size: int, max_output: int, source: str) -> None:
    if size > max_output:
        raise SecurityError(f"LibreOffice's conversion is {size // 2**20} MiB, more than the "
                            f"{max_output // 2**20} MiB allowed", file=source)


def _via_server(running: OfficeServer | Remote, data: bytes, target: str, source: str, timeout: float) -> bytes:
    import xmlrpc.client  # with http.client, email and ssl: ~12 ms, which only a conversion through the server needs

    from . import server

    def drop() -> None:  # its state is unknown now: the next file starts a fresh one
        if isinstance(running, server.Remote):
            server.forget(running)
        else:
            server.stop()

    extension, _, filtername = target.partition(":")
    try:
        return running.convert(data, extension, filtername or None, timeout)
    except TimeoutError:
        drop()
        raise SecurityError(f"LibreOffice did not finish converting within {timeout:g} s "
                            "(a damaged or hostile file?)", file=source) from None
    except xmlrpc.client.Fault as exc:
        raise InputError("LibreOffice could not convert the file (damaged, password-protected, or not a "
                         f"word-processing document): {str(exc.faultString).strip().splitlines()[-1:]}",
                         file=source) from None
    except ConnectionRefusedError:
        if isinstance(running, server.Remote):
            raise  # the caller converts this file alone
        drop()
        raise InputError("LibreOffice stopped while converting the file", file=source) from None
    except (OSError, xmlrpc.client.Error, RuntimeError) as exc:
        drop()
        raise InputError(f"LibreOffice stopped while converting the file ({exc})", file=source) from None


def _single(program: str, data: bytes, suffix: str, target: str, source: str, timeout: float,
            max_output: int) -> bytes:
    import subprocess
    import tempfile
    from pathlib import Path

    extension = target.split(":", 1)[0]
    with tempfile.TemporaryDirectory(prefix="rectify-lo-") as tmp:
        folder = Path(tmp)
        src = folder / f"input.{suffix}"
        src.write_bytes(data)
        out = folder / "out"
        command = [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--nodefault", "--convert-to", target, "--outdir", str(out),
                   str(src)]
        env = {**os.environ, "HOME": str(folder)}  # nothing is written to the user's home either
        with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                              start_new_session=True, preexec_fn=release_limits) as proc:
            try:
                _, err = proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                _kill(proc)
                raise SecurityError(f"LibreOffice did not finish converting within {timeout:g} s "
                                    "(a damaged or hostile file?)", file=source) from None
        result = out / f"input.{extension}"
        if not result.is_file():
            detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
            raise InputError("LibreOffice could not convert the file (damaged, password-protected, or not a "
                             f"word-processing document){': ' + detail[0] if detail else ''}", file=source)
        _check_size(result.stat().st_size, max_output, source)  # before it is read into memory
        return result.read_bytes()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """soffice starts soffice.bin as a child: end the whole process group we created."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


__all__ = ["INSTALL_HINT", "convert", "soffice"]
