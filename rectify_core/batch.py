"""Many files at once: which files an argument names, where their outputs go, and running them.

* :func:`expand` turns command-line arguments — files, folders (searched recursively, filtered by
  a ``--pattern``), globs (``in/**/*.txt``) and ``-`` — into :class:`Input` objects that remember
  the path relative to the folder or glob they came from, so outputs keep the input's layout.
* :func:`run_batch` runs ``fn(item)`` over the items with ``jobs`` worker processes (the bounded
  pool of :mod:`rectify_core.workers`) and yields ``(index, value, error)`` as each finishes.  It
  is the one place that knows how work is spread over processes.
* :class:`Progress` draws a one-line progress bar on a terminal.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, TextIO, TypeVar

from .errors import UsageError
from .records import dataclass

_T = TypeVar("_T")
_MAGIC = set("*?[")


@dataclass(frozen=True)
class Input:
    """A file to process: its path and its name relative to the folder or glob it was found in."""

    path: str
    rel: str


def _is_glob(arg: str) -> bool:
    return any(c in _MAGIC for c in arg)


def _glob_base(pattern: str) -> str:
    """The folder part of a glob before its first wildcard (``in/a/*/x.txt`` → ``in/a``)."""
    parts = _parts(pattern)
    base: list[str] = []
    for part in parts[:-1]:
        if _is_glob(part):
            break
        base.append(part)
    return os.path.join(*base) if base else "."


def _parts(path: str) -> list[str]:
    """The names of ``path``, as PurePath.parts gives them (a leading ``/`` is a part; ``.`` and
    empty names dropped), without importing pathlib, which costs every start ~2.5 ms."""
    head = [os.sep] if os.path.isabs(path) else []
    return head + [p for p in os.path.normpath(path).split(os.sep) if p not in ("", ".")]


def _posix(path: str) -> str:
    return "/".join(_parts(path))


def _hidden(name: str) -> bool:
    return name.startswith(".")


def expand(args: Sequence[str], pattern: str | None = None,
           extensions: Iterable[str] = ()) -> list[Input]:
    """The files named by ``args``, in the order given (each folder's and glob's files sorted).

    A folder is searched recursively for files matching ``pattern`` (a shell pattern on the file
    name, e.g. ``*.txt``), or by default for files with one of ``extensions``; hidden files and
    folders are skipped.  A glob matching nothing is a UsageError; a plain name that does not
    exist is kept, so that file fails on its own (``no such file``) without stopping the others.
    """
    exts = {e.lower().lstrip(".") for e in extensions}

    def wanted(name: str) -> bool:
        if pattern:
            return fnmatch.fnmatch(name, pattern)
        return not exts or os.path.splitext(name)[1].lower().lstrip(".") in exts

    out: list[Input] = []
    for arg in args:
        if arg == "-":
            out.append(Input("-", "stdin"))
        elif os.path.isdir(arg):
            found = []
            for root, dirs, files in os.walk(arg):
                dirs[:] = sorted(d for d in dirs if not _hidden(d))
                for name in files:
                    if not _hidden(name) and wanted(name):
                        path = os.path.join(root, name)
                        found.append(Input(path, _posix(os.path.relpath(path, arg))))
            out += sorted(found, key=lambda i: i.rel)
        elif _is_glob(arg) and not os.path.exists(arg):
            base = _glob_base(arg)
            import glob

            paths = sorted(p for p in glob.glob(arg, recursive=True) if os.path.isfile(p))
            if not paths:
                raise UsageError(f"no file matches {arg!r}")
            out += [Input(p, _posix(os.path.relpath(p, base))) for p in paths]
        else:
            out.append(Input(arg, os.path.basename(arg) or arg))
    return out


def output_path(inp: Input, folder: str, extension: str) -> str:
    """Where the output of ``inp`` in a format with ``extension`` goes under ``folder``."""
    *dirs, name = _parts(inp.rel)
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name  # PurePath's suffix rule: not ".x", not "x."
    return os.path.join(folder, *dirs, f"{stem}.{extension}")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_batch(items: Sequence[_T], fn: Callable[[_T], Any], jobs: int,
              stop: Callable[[Any], bool] | None = None, limits: Mapping[str, Any] | None = None,
              names: Callable[[_T], str | None] | None = None) -> Iterator[tuple[int, Any, BaseException | None]]:
    """``fn(item)`` for every item, yielded as ``(index, value, error)`` in completion order.

    A single item runs in this process (``fn`` isolates its own read).  Several run on
    :class:`rectify_core.workers.Pool`: at most ``jobs`` worker processes, each item under its
    own memory and time ``limits`` and a worker retired after any item that fails, so an item
    that crashes, runs out of memory or hangs only ends its own outcome.  When ``stop(value)`` is
    true no further item is started and the running ones are stopped (``--fail-fast``).
    """
    if len(items) == 1:
        try:
            yield 0, fn(items[0]), None
        except Exception as exc:
            yield 0, None, exc
        return
    from . import workers
    from .budget import Limits

    pool = workers.Pool(jobs=jobs, limits=Limits().merged(dict(limits or {})))
    outcomes: Generator[Any, None, None] = pool.map(fn, items, names=names)  # type: ignore[assignment]
    try:
        for o in outcomes:
            yield o.index, o.value, o.error
            if o.error is None and stop is not None and stop(o.value):
                return
    finally:
        outcomes.close()  # kills the workers still running when stopped early


class Progress:
    """``  37/100 [#######.............] name`` redrawn in place on a terminal; silent otherwise."""

    def __init__(self, total: int, stream: TextIO | None = None, enabled: bool | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.done = 0
        self._width = 0

    def step(self, name: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        bar = 24
        filled = bar * self.done // max(self.total, 1)
        line = f"{self.done:>{len(str(self.total))}}/{self.total} [{'#' * filled}{'.' * (bar - filled)}] {name}"
        line = line[:100]
        self.stream.write("\r" + line.ljust(self._width))
        self._width = len(line)
        self.stream.flush()

    def clear(self) -> None:
        if self.enabled and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()
            self._width = 0
