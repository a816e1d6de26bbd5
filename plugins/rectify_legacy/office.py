"""One LibreOffice conversion, run as a child process that cannot hurt us.

``soffice --headless --convert-to`` with its own throw-away profile folder (a user's running
LibreOffice and its settings are never touched, and two conversions never share state), in its own
process group (killed whole when the wall-clock limit is reached), and with the output's size
checked before it is read.  Measured on the 2-core CI machine: 0.9–1.1 s per file, most of it
LibreOffice starting (docs/doc.md).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from rectify_core.plugin_api import InputError, SecurityError

INSTALL_HINT = ("LibreOffice is needed to read and write .doc and .wps files: install it "
                "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; other systems: libreoffice.org), "
                "or set RECTIFY_SOFFICE to the soffice program")
DEFAULT_TIMEOUT = 60.0
MAX_OUTPUT = 64 * 1024 * 1024


def soffice() -> str:
    """The soffice program, or an error that says what to install."""
    configured = os.environ.get("RECTIFY_SOFFICE")
    found = configured if configured and os.path.isfile(configured) else None
    found = found or shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise InputError(INSTALL_HINT)
    return found


def convert(data: bytes, suffix: str, target: str, source: str, *, timeout: float = DEFAULT_TIMEOUT,
            max_output: int = MAX_OUTPUT) -> bytes:
    """``data`` (a file ending in ``suffix``) converted by LibreOffice with filter spec ``target``
    (e.g. ``docx`` or ``doc:MS Word 97``); the output's bytes.  Errors name ``source``."""
    program = soffice()
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
                              start_new_session=True) as proc:
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
        size = result.stat().st_size
        if size > max_output:
            raise SecurityError(f"LibreOffice's conversion is {size // 2**20} MiB, more than the "
                                f"{max_output // 2**20} MiB allowed", file=source)
        return result.read_bytes()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    """soffice starts soffice.bin as a child: end the whole process group we created."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


__all__ = ["INSTALL_HINT", "convert", "soffice"]
