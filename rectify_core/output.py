"""Writing results safely: whole files or nothing, never over something that is not a file.

``atomic_write`` puts the bytes in a temporary file in the target's folder and then moves it into
place in one step, so a reader of the target sees the old file or the new one, never half of one,
even if rectify is killed.  On top of that:

* only regular files are ever replaced: a device (``-o /dev/null --force`` as root would otherwise
  turn /dev/null into a file), a FIFO, a socket or a folder is refused, with or without ``--force``;
* without ``force`` the move is a hard link, which fails if the target exists — so of eight runs
  racing to the same new path exactly one wins (checking first and renaming later is not atomic);
  where hard links are not supported, the target is reserved with ``O_EXCL`` first;
* temporary names are short (``.rectify-PID-XXXXXXXX.part``, 30 bytes), so any target name that
  is legal (up to 255 bytes) can be written; a run that was killed leaves such a file behind, and
  the next run writing into that folder removes it once its process is gone (only names of that
  exact pattern, only when the PID no longer runs or the file is over a day old);
* every failure of the disk or the folder (read-only, permission, full, name too long) is an
  :class:`OutputError` (exit 2) with one sentence naming the file, and the temporary file is gone.

``write_stdout`` does the same for standard output: closed, a broken pipe or a full device is an
OutputError, not a traceback.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import time

from .errors import OutputError, UsageError

# plain re: a short ASCII pattern compiles in ~30 µs, less than loading the pattern cache, which
# `rectify formats` (it prints through write_stdout) otherwise never needs
TEMP_PATTERN = re.compile(r"^\.rectify-(\d{1,10})-[0-9a-f]{8}\.part$")
STALE_AFTER = 24 * 3600  # a temporary whose PID runs again (reused) is still removed after a day

_REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "operation not permitted",
    errno.EROFS: "the file system is read-only",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.EISDIR: "it is a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOENT: "the folder does not exist",
    errno.EPIPE: "the reader of the output went away (broken pipe)",
    errno.EFBIG: "the file is too large for this file system",
    errno.EIO: "an input/output error occurred",
}


def reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc))


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, word in ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return word
    return "not a regular file"


def check_target(path: str | os.PathLike[str], *, force: bool) -> None:
    """Refuse early (before any reading) a target that exists without ``force`` or is not a regular file."""
    target = os.fspath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise OutputError(f"cannot write here: {reason(exc)}", file=target) from None
    kind = _kind(info.st_mode)
    if kind is not None:
        raise OutputError(f"is {kind}, not a regular file; rectify only writes regular files "
                          "(even with --force)", file=target)
    if not force:
        raise _exists(target)


def atomic_write(path: str | os.PathLike[str], data: bytes, *, force: bool = True) -> None:
    """Write ``data`` to ``path`` in one step; see the module docstring for the guarantees."""
    target = os.fspath(path)  # str paths, not pathlib: pathlib costs every start ~2.5 ms (urllib, ipaddress)
    check_target(target, force=force)
    directory = os.path.dirname(target) or "."
    if not os.path.isdir(directory):
        raise OutputError(f"folder {directory} does not exist", file=target)
    if directory not in _CLEANED:  # once a folder a run (a batch writes 1 000 files into a few folders)
        _CLEANED.add(directory)
        clean_stale(directory)
    tmp = os.path.join(directory, f".rectify-{os.getpid()}-{os.urandom(4).hex()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            # mkstemp-like private mode until complete; then the mode an ordinary open() would give
            os.fchmod(fd, _mode_for(target))
        finally:
            os.close(fd)
        if force:
            check_target(target, force=True)  # it may have become a FIFO or a folder meanwhile
            os.replace(tmp, target)
        else:
            _link_new(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write the output: {reason(exc)}", file=target) from None
    finally:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        except OSError:
            pass


def _link_new(tmp: str, target: str) -> None:
    """Give ``tmp``'s content the name ``target`` only if ``target`` does not exist, atomically."""
    try:
        os.link(tmp, target)
        return
    except FileExistsError:
        raise _exists(target) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EMLINK, errno.EXDEV, errno.ENOSYS):
            raise
    try:  # no hard links here (FAT, some network shares): reserve the name, then move over it
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        raise _exists(target) from None
    os.replace(tmp, target)


def _exists(target: str | os.PathLike[str]) -> UsageError:
    return UsageError(f"{os.fspath(target)} exists; pass force=True to replace it",
                      cli_reason=f"{os.fspath(target)} exists; use --force to replace it")


def _mode_for(target: str) -> int:
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


#: folders this process has cleaned of stale temporaries: a killed run's leftovers are removed the
#: first time a run writes there; scanning the folder before every file cost a batch O(files²)
_CLEANED: set[str] = set()


def clean_stale(directory: str | os.PathLike[str]) -> list[str]:
    """Remove our temporaries left in ``directory`` by runs that were killed; return their names."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = TEMP_PATTERN.match(entry.name)
        if m is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode):
                continue
            if _alive(int(m.group(1))) and now - info.st_mtime < STALE_AFTER:
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True


def write_stdout(data: bytes) -> None:
    """Write to standard output; a closed stdout, a broken pipe or a full device is an OutputError."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed; give an output file with -o")
    try:
        stream.buffer.write(data)
        stream.buffer.flush()
    except OSError as exc:
        _silence_stdout()
        raise OutputError(f"cannot write to standard output: {reason(exc)}") from None
    except ValueError:  # "I/O operation on closed file"
        raise OutputError("standard output is closed; give an output file with -o") from None


def _silence_stdout() -> None:
    """Point fd 1 at /dev/null so the interpreter's own flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


__all__ = ["TEMP_PATTERN", "atomic_write", "check_target", "clean_stale", "write_stdout"]
