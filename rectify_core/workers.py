"""Run reads and conversions in worker processes that the operating system keeps within limits.

Our own loops charge a :class:`~rectify_core.budget.Budget`, but some work happens inside C
libraries that Python cannot interrupt — pdfium laying out a page, libxml2 parsing, a regular
expression backtracking.  A worker process bounds that work from outside: before running the
task the child sets ``RLIMIT_AS`` (address space, ``Limits.max_memory``) and ``RLIMIT_CPU``
(``Limits.timeout`` rounded up, plus one second); the address space allowed is what the child
already has (a fork inherits its parent's) plus ``max_memory``, and the parent kills it when the wall-clock
``timeout`` (plus a short grace, so the child's own budget check can answer first with a better
message) has passed.  Whatever happens in the child comes back as what it would have been in
the parent: the value, a :class:`~rectify_core.errors.RectifyError` (with its file, place and
exit code), or — when the child was killed or ran out of memory — a :class:`SecurityError`
naming the limit.  A non-RectifyError exception in the child is a bug and comes back as
:class:`WorkerBug` (exit 70) with the child's traceback in ``detail``.

API
---
``run(fn, *args, limits=None, name=None, **kwargs)``
    Call ``fn(*args, **kwargs)`` in one worker; return its value or raise as described.
    ``fn`` and the arguments must be picklable when the start method is not ``fork``
    (use module-level functions).  ``name`` is the file named in limit messages.

``Pool(jobs=N, limits=None, start_method=None)`` and ``pool.map(fn, items, names=None)``
    Run ``fn(item)`` for every item with at most N workers at a time, one fresh process per
    item, yielding :class:`Outcome` objects (``index``, ``item``, ``value``, ``error``,
    ``seconds``) **in completion order** (sort by ``index`` for input order).  An item that fails,
    runs out of memory or time only produces an Outcome with ``error`` set: it never stops or
    slows the others, since each item has its own process, address space and deadline.
    ``map`` is a generator: closing it early kills the workers still running.

``start_method()``
    ``"fork"`` when this process has a single thread (a CLI run: ~2 ms a worker, measured in
    docs/security.md), else ``"forkserver"`` (a service with threads: forking a threaded process
    can deadlock on locks held by the other threads).  The forkserver pre-imports the core and
    the plugins, so a worker costs a fork there too, after a one-time ~0.4 s start.

Which reads use a worker is decided in :func:`rectify_core.api.read` (``isolate=``); see
docs/security.md.
"""

from __future__ import annotations

import math
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .budget import Limits, size_text
from .errors import RectifyError, SecurityError

GRACE = 1.0  # seconds the parent waits past the deadline before killing: the child's own check speaks first
IN_WORKER = False  # set in the child, so nested reads do not start workers of their own
#: A pure-Python reader (``Reader.isolate`` False) reads an input up to this size in the calling
#: process: its loops charge the Budget and check the clock, and on 256 KiB of text no regex of the
#: recognizer runs long, so a worker would only add its cost (a fork and a second copy of the
#: recognizer's warm-up: ~70 ms of CPU for a CLI conversion of a seed, docs/performance.md).
IN_PROCESS_MAX = 256 * 1024

_PRELOAD = ["rectify_core.api", "rectify_core.plugins", "rectify_core.recognize"]


class WorkerBug(RuntimeError):
    """A worker raised something that is not a RectifyError: a bug, reported with the child's traceback."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail


@dataclass
class Outcome:
    """One item of ``Pool.map``: its value, or the error it ended with."""

    index: int
    item: Any
    value: Any = None
    error: BaseException | None = None
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None


def start_method() -> str:
    import threading

    return "fork" if threading.active_count() == 1 else "forkserver"


def _context(method: str | None) -> Any:
    import multiprocessing

    method = method or start_method()
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(_PRELOAD)
    return ctx


# --------------------------------------------------------------------------------------- child side

def _apply_rlimits(limits: Limits) -> None:
    import faulthandler
    import resource

    global IN_WORKER
    IN_WORKER = True
    faulthandler.disable()  # a library crash is reported as a refusal, not as a C-level traceback
    # max_memory is what the task may add: a fork starts with its parent's address space (a test
    # runner or a service can hold hundreds of MB of it), which must not eat the task's allowance
    # Only the soft limits are lowered: nothing in the worker but our own code calls setrlimit, and a
    # trusted helper program a reader starts (LibreOffice for .doc/.wps) gets its own limits back
    # through release_limits() — it is bounded by its own timeout and output cap instead.
    mem = _address_space() + int(limits.max_memory)
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or mem < hard:
        resource.setrlimit(resource.RLIMIT_AS, (mem, hard))
    cpu = math.ceil(limits.timeout) + 1
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu += int(used.ru_utime + used.ru_stime)  # a fork inherits the CPU time already used
    if hard == resource.RLIM_INFINITY or cpu + 2 <= hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, hard))


def release_limits() -> None:
    """For ``subprocess.Popen(preexec_fn=…)``: a trusted helper program started from a worker (the
    LibreOffice that converts .doc/.wps) runs without the worker's memory and CPU ceilings, which
    are the input's budget, not the program's (an address-space cap breaks LibreOffice's own
    allocations).  It stays bounded by the caller's wall-clock timeout and output-size cap."""
    import resource

    for which in (resource.RLIMIT_AS, resource.RLIMIT_CPU):
        _, hard = resource.getrlimit(which)
        resource.setrlimit(which, (hard, hard))


def _address_space() -> int:
    """This process's current virtual size in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _near_memory_limit() -> bool:
    """Whether the address space came within 5% of RLIMIT_AS: a C library's odd error then means 'out of memory'."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return False
    try:
        with open("/proc/self/status") as fh:
            peak = next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmPeak:"))
    except (OSError, ValueError, StopIteration):
        return False
    return peak > soft * 0.95


def _frozen(exc: RectifyError) -> tuple[type[RectifyError], dict[str, Any]]:
    state = dict(vars(exc))
    try:
        import pickle

        pickle.dumps(state)
    except Exception:
        state = {k: v for k, v in state.items() if k in ("reason", "file", "location")}
    return type(exc), state


def _thaw(cls: type[RectifyError], state: dict[str, Any]) -> RectifyError:
    exc = cls.__new__(cls)
    exc.__dict__.update(state)
    Exception.__init__(exc, str(exc))
    return exc


def _memory_error(limits: Limits, name: str | None) -> SecurityError:
    return SecurityError(f"reading needs more than {size_text(limits.max_memory)} of memory; limit max_memory="
                         f"{limits.max_memory} (raise it with --limits max_memory=2G if the file is trusted)",
                         file=name)


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
           limits: Limits, name: str | None) -> None:
    _apply_rlimits(limits)
    msg: tuple[Any, ...]
    try:
        msg = ("ok", fn(*args, **kwargs))
    except RectifyError as exc:
        msg = ("error", *_frozen(exc))
    except MemoryError:
        msg = ("error", *_frozen(_memory_error(limits, name)))
    except RecursionError:
        msg = ("error", *_frozen(SecurityError(
            f"the input nests too deeply to read (Python's recursion limit); limit max_depth={limits.max_depth}",
            file=name)))
    except BaseException as exc:
        if _near_memory_limit():  # libxml2 and pdfium report a failed allocation in their own words
            msg = ("error", *_frozen(_memory_error(limits, name)))
        else:
            import traceback  # only for a bug: it brings textwrap and linecache

            msg = ("bug", f"{type(exc).__name__}: {exc}", traceback.format_exc())
    try:
        conn.send(msg)
    except MemoryError:
        conn.send(("error", *_frozen(_memory_error(limits, name))))
    except Exception as exc:  # an unpicklable value is our bug
        conn.send(("bug", f"worker result could not be sent back: {type(exc).__name__}: {exc}", ""))
    finally:
        conn.close()


# -------------------------------------------------------------------------------------- parent side

_SIGNALS = {9: "was killed (SIGKILL: the system's out-of-memory killer, or the time limit)",
            24: "used more CPU time than allowed (SIGXCPU)",
            6: "aborted (SIGABRT), most likely when an allocation failed under the memory limit",
            11: "crashed (SIGSEGV), most likely when an allocation failed under the memory limit",
            7: "crashed (SIGBUS)"}


class _Task:
    """One running worker: its process, the read end of its pipe and its deadline."""

    def __init__(self, ctx: Any, fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
                 limits: Limits, name: str | None) -> None:
        self.limits = limits
        self.name = name
        self.closed = False
        self.started = time.monotonic()
        self.deadline = self.started + limits.timeout + GRACE
        self.conn, send = ctx.Pipe(duplex=False)
        self.proc = ctx.Process(target=_child, args=(send, fn, args, kwargs, limits, name), daemon=True)
        self.proc.start()
        send.close()

    def handles(self) -> list[Any]:
        return [self.conn, self.proc.sentinel]

    def finish(self) -> Any:
        """The child's value, or raise what it raised / what killed it.  Call when a handle is ready."""
        try:
            try:
                msg = self.conn.recv() if self.conn.poll() else None
            except (EOFError, OSError):
                msg = None
            if msg is None:
                self.proc.join(GRACE)
                raise self._death()
            kind = msg[0]
            if kind == "ok":
                return msg[1]
            if kind == "error":
                raise _thaw(msg[1], msg[2])
            raise WorkerBug(msg[1], msg[2])
        finally:
            self.close()

    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def timeout_error(self) -> SecurityError:
        self.kill()
        return SecurityError(f"reading took longer than {self.limits.timeout:g} s and was stopped; limit timeout="
                             f"{self.limits.timeout:g} (raise it with --limits timeout=N if the file is trusted)",
                             file=self.name)

    def _death(self) -> SecurityError:
        code = self.proc.exitcode
        if code is not None and code < 0:
            sig = -code
            if sig == 9 and self.expired():
                return self.timeout_error()
            if sig == 24:
                return SecurityError(f"reading used more than {self.limits.timeout:g} s of CPU and was stopped; "
                                     f"limit timeout={self.limits.timeout:g}", file=self.name)
            what = _SIGNALS.get(sig, f"died of signal {sig}")
            return SecurityError(f"the reading process {what}; limits max_memory={self.limits.max_memory}, "
                                 f"timeout={self.limits.timeout:g}", file=self.name)
        return SecurityError(f"the reading process ended without an answer (exit code {code}), most likely at the "
                             f"memory limit max_memory={self.limits.max_memory}", file=self.name)

    def kill(self) -> None:
        if self.closed:
            return
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(GRACE)

    def close(self) -> None:
        if self.closed:
            return
        self.kill()
        self.closed = True
        self.conn.close()
        self.proc.close()


def run(fn: Callable[..., Any], *args: Any, limits: Limits | None = None, name: str | None = None,
        method: str | None = None, **kwargs: Any) -> Any:
    """``fn(*args, **kwargs)`` in a worker process under ``limits``; see the module docstring."""
    from multiprocessing.connection import wait

    task = _Task(_context(method), fn, args, kwargs, limits or Limits(), name)
    try:
        while True:
            ready = wait(task.handles(), timeout=max(0.0, task.deadline - time.monotonic()))
            if ready:
                return task.finish()
            if task.expired():
                raise task.timeout_error()
    finally:
        task.close()


class Pool:
    """At most ``jobs`` workers at a time, one fresh process per item; see the module docstring."""

    def __init__(self, jobs: int | None = None, limits: Limits | None = None, start_method: str | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.limits = limits or Limits()
        self.method = start_method

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any],
            names: Callable[[Any], str | None] | None = None) -> Iterator[Outcome]:
        from multiprocessing.connection import wait

        ctx = _context(self.method)
        pending = iter(enumerate(items))
        running: dict[int, tuple[_Task, Any]] = {}
        try:
            while True:
                while len(running) < self.jobs:
                    nxt = next(pending, None)
                    if nxt is None:
                        break
                    index, item = nxt
                    name = names(item) if names else (item if isinstance(item, str) else None)
                    running[index] = (_Task(ctx, fn, (item,), {}, self.limits, name), item)
                if not running:
                    return
                soonest = min(t.deadline for t, _ in running.values())
                handles = {h: i for i, (t, _) in running.items() for h in t.handles()}
                ready = wait(list(handles), timeout=max(0.0, soonest - time.monotonic()))
                done = {handles[h] for h in ready} | {i for i, (t, _) in running.items() if t.expired()}
                for index in sorted(done):
                    task, item = running.pop(index)
                    outcome = Outcome(index, item)
                    try:
                        if task.conn.poll() or not task.proc.is_alive():
                            outcome.value = task.finish()
                        else:
                            raise task.timeout_error()
                    except (RectifyError, WorkerBug) as exc:
                        outcome.error = exc
                    finally:
                        task.close()
                    outcome.seconds = time.monotonic() - task.started
                    yield outcome
        finally:
            for task, _ in running.values():
                task.close()


__all__ = ["IN_WORKER", "Outcome", "Pool", "WorkerBug", "run", "start_method"]
