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
    Run ``fn(item)`` for every item on at most N worker processes, yielding :class:`Outcome`
    objects (``index``, ``item``, ``value``, ``error``, ``seconds``) **in completion order** (sort
    by ``index`` for input order).  A worker serves item after item, and before each one its
    limits are set afresh from what it uses at that moment — the same allowance a fresh fork
    would get — and the parent gives each item its own wall-clock deadline.  An item that fails,
    runs out of memory or time only produces an Outcome with ``error`` set, and never stops or
    slows the others: a worker whose item fails in any way is retired (killed, when it is over
    time or dead) and the next item starts on a fresh fork, so nothing an item left behind
    reaches another one.  Workers are also retired after ``ITEMS_PER_WORKER`` items or when an
    item left them much larger.  (A fresh fork for every item cost ~6 ms of page faults an item —
    more than reading a small notice — and the parent's forking kept a second core from paying
    off; issue 13.)  ``map`` is a generator: closing it early kills the workers still running.

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
from typing import Any

from .budget import Limits, size_text
from .errors import RectifyError, SecurityError
from .records import dataclass

#: a pool worker serves at most this many items before a fresh fork takes over (bounds what caches
#: and fragmentation can add up to; a fork and its page faults cost ~6–8 ms, ~0.03 ms an item here)
ITEMS_PER_WORKER = 256
#: a pool worker that grew by more than this since it started retires after its item
RETIRE_GROWTH = 128 * 2**20
GRACE = 1.0  # seconds the parent waits past the deadline before killing: the child's own check speaks first
IN_WORKER = False  # set in the child, so nested reads do not start workers of their own

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


def _peak() -> int | None:
    """The largest address space this process ever had, in bytes (None where /proc is missing)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) * 1024 for line in fh if line.startswith("VmPeak:"))
    except (OSError, ValueError, StopIteration):
        return None


def _peak_over(size: int) -> bool:
    """Whether an item took this worker above ``size`` at some point (it then retires: the next
    item's memory check must not be judged against what this one reached)."""
    peak = _peak()
    return peak is not None and peak > size


def _near_memory_limit() -> bool:
    """Whether the address space came within 5% of RLIMIT_AS: a C library's odd error then means 'out of memory'."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_AS)
    if soft == resource.RLIM_INFINITY:
        return False
    peak = _peak()
    return peak is not None and peak > soft * 0.95


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
    _reply(conn, _call(fn, args, kwargs, limits, name), limits, name)
    conn.close()


def _serve(conn: Any, fn: Callable[[Any], Any], limits: Limits) -> None:
    """A pool worker: ``fn(item)`` for each ``(item, name)`` the parent sends, until it sends None
    or this worker retires (see the module docstring); each reply says whether it retires."""
    import select
    import signal

    # Ctrl-C reaches the whole process group: the parent answers it and ends its workers, which must
    # not print a traceback of their own (waiting for an item, or inside one)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.getppid()
    waiting = select.poll()  # one poll object (Connection.poll builds a selector on every call)
    waiting.register(conn.fileno(), select.POLLIN)
    start = _address_space()
    for served in range(1, ITEMS_PER_WORKER + 1):
        try:
            # a parent killed outright (kill -9) sends no None and, since every fork holds the other
            # ends of the pipes too, no end of file: a worker checks that it still has its parent
            while not waiting.poll(1000):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):  # the parent closed the pipe
            break
        if task is None:
            break
        item, name = task
        _apply_rlimits(limits)  # the allowance of a fresh fork, from what this process uses now
        msg = _call(fn, (item,), {}, limits, name)
        retire = (msg[0] != "ok" or served == ITEMS_PER_WORKER
                  or _address_space() - start > RETIRE_GROWTH or _peak_over(start + int(limits.max_memory) // 2))
        _reply(conn, msg, limits, name, retire)
        if retire:
            break
    conn.close()


def _call(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], limits: Limits,
          name: str | None) -> tuple[Any, ...]:
    """``fn``'s value or what it raised, as the message the parent decodes (see ``_Task.finish``)."""
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
    return msg


def _reply(conn: Any, msg: tuple[Any, ...], limits: Limits, name: str | None, retire: bool | None = None) -> None:
    """Send ``msg`` (a pool worker's as ``(retire, msg)``); a value that cannot be sent is an error."""
    def wrap(m: tuple[Any, ...], failed: bool = False) -> Any:
        return m if retire is None else (retire or failed, m)

    try:
        conn.send(wrap(msg))
    except MemoryError:
        conn.send(wrap(("error", *_frozen(_memory_error(limits, name))), True))
    except Exception as exc:  # an unpicklable value is our bug
        conn.send(wrap(("bug", f"worker result could not be sent back: {type(exc).__name__}: {exc}", ""), True))


# -------------------------------------------------------------------------------------- parent side

def _decode(msg: tuple[Any, ...]) -> Any:
    """A child's message as its value, or raised as the error it stands for."""
    kind = msg[0]
    if kind == "ok":
        return msg[1]
    if kind == "error":
        raise _thaw(msg[1], msg[2])
    raise WorkerBug(msg[1], msg[2])


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
        self.closed = False
        self._begin(name)
        self._spawn(ctx, _child, (fn, args, kwargs, limits, name), duplex=False)

    def _spawn(self, ctx: Any, target: Callable[..., None], args: tuple[Any, ...], duplex: bool) -> None:
        """Start ``target(its end of a new pipe, *args)`` in a daemon process; keep this end."""
        self.conn, child = ctx.Pipe(duplex=duplex)
        self.proc = ctx.Process(target=target, args=(child, *args), daemon=True)
        self.proc.start()
        child.close()

    def _begin(self, name: str | None) -> None:
        """An item starts now: its name for messages and its wall-clock deadline."""
        self.name = name
        self.started = time.monotonic()
        self.deadline = self.started + self.limits.timeout + GRACE

    def handles(self) -> list[Any]:
        return [self.conn, self.proc.sentinel]

    def finish(self) -> Any:
        """The child's value, or raise what it raised / what killed it.  Call when a handle is ready."""
        try:
            return _decode(self.receive())
        finally:
            self.close()

    def receive(self, readable: bool = False) -> Any:
        """The child's next message, or raise what killed it (no message and the process gone).

        ``readable``: a select said the pipe has data or its end, so ``recv`` cannot block
        (``Connection.poll`` builds a selector on every call: a tenth of a pool parent's work)."""
        try:
            msg = self.conn.recv() if readable or self.conn.poll() else None
        except (EOFError, OSError):
            msg = None
        if msg is None:
            self.proc.join(GRACE)
            raise self._death()
        return msg

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


class _Worker(_Task):
    """A pool worker (``_serve``): one process, its pipe, and the items sent to it in order.

    The first of ``queue`` is the item it is on, with that item's deadline; the next one is already
    in the pipe, so the worker starts it the moment it answers instead of waiting for the parent.
    """

    def __init__(self, ctx: Any, fn: Callable[[Any], Any], limits: Limits) -> None:
        self.limits = limits
        self.closed = False
        self.queue: list[tuple[int, Any, str | None]] = []
        self._begin(None)
        self._spawn(ctx, _serve, (fn, limits), duplex=True)

    def give(self, index: int, item: Any, name: str | None) -> None:
        self.queue.append((index, item, name))
        if len(self.queue) == 1:
            self._begin(name)
        try:
            self.conn.send((item, name))
        except OSError:  # the worker died on the item before: that item's answer says so, and this one is sent again
            pass

    def next_item(self) -> None:
        """The item it was on is answered: the next one in the pipe is now running."""
        self.queue.pop(0)
        if self.queue:
            self._begin(self.queue[0][2])

    def stop(self) -> None:
        """Ask the worker to end, and reap it (killed if it does not end at once)."""
        if not self.closed and self.proc.is_alive():
            try:
                self.conn.send(None)
                self.proc.join(0.2)
            except OSError:
                pass
        self.close()


class Pool:
    """At most ``jobs`` worker processes serving items one at a time; see the module docstring."""

    #: items sent ahead to a worker: the one it is on and the next (so it never waits for the parent)
    DEPTH = 2

    def __init__(self, jobs: int | None = None, limits: Limits | None = None, start_method: str | None = None) -> None:
        self.jobs = max(1, jobs or os.cpu_count() or 1)
        self.limits = limits or Limits()
        self.method = start_method

    def map(self, fn: Callable[[Any], Any], items: Iterable[Any],
            names: Callable[[Any], str | None] | None = None) -> Iterator[Outcome]:
        import gc
        import selectors
        from collections import deque

        ctx = _context(self.method)
        gc.freeze()  # what is loaded now is shared with every fork: no collection in a worker touches (copies) it
        pending = iter(enumerate(items))
        backlog: deque[tuple[int, Any, str | None]] = deque()  # sent to a worker that ended before them

        exhausted = False

        def take() -> tuple[int, Any, str | None] | None:
            nonlocal exhausted
            if backlog:
                return backlog.popleft()
            nxt = None if exhausted else next(pending, None)
            if nxt is None:
                exhausted = True
                return None
            index, item = nxt
            return index, item, names(item) if names else (item if isinstance(item, str) else None)

        # one selector for the whole run: the parent's own work per item is what a second worker
        # competes with for the cores, so it is kept to a select, a recv and a send
        selector = selectors.DefaultSelector()
        workers: list[_Worker] = []

        def fill(worker: _Worker | None) -> None:
            while worker is None or len(worker.queue) < self.DEPTH:
                task = take()
                if task is None:
                    return
                if worker is None:
                    worker = _Worker(ctx, fn, self.limits)
                    workers.append(worker)
                    selector.register(worker.conn, selectors.EVENT_READ, worker)
                    selector.register(worker.proc.sentinel, selectors.EVENT_READ, worker)
                worker.give(*task)

        def drop(worker: _Worker) -> None:
            selector.unregister(worker.conn)
            selector.unregister(worker.proc.sentinel)
            workers.remove(worker)
            worker.stop()

        try:
            while True:
                for worker in list(workers):
                    fill(worker)
                while len(workers) < self.jobs and (backlog or not exhausted):
                    fill(None)  # a new worker, if anything is left to give it
                for worker in [w for w in workers if not w.queue]:  # nothing left for it
                    drop(worker)
                if not workers:
                    return
                soonest = min(w.deadline for w in workers)
                events = selector.select(max(0.0, soonest - time.monotonic()))
                answered = {key.data for key, _ in events if key.fileobj is key.data.conn}
                ready = {key.data for key, _ in events} | {w for w in workers if w.expired()}
                for worker in ready:
                    index, item, _ = worker.queue[0]
                    outcome = Outcome(index, item)
                    retire = True
                    try:
                        # a handle is ready (an answer, or the process ending) unless only the clock ran out;
                        # is_alive() is no test: the sentinel can wake us before the exit can be reaped
                        if worker in answered or worker.conn.poll() or not worker.expired():
                            # a pool worker answers (retire, message)
                            retire, msg = worker.receive(readable=worker in answered)
                            outcome.value = _decode(msg)
                        else:
                            raise worker.timeout_error()
                    except (RectifyError, WorkerBug) as exc:
                        outcome.error = exc
                    outcome.seconds = time.monotonic() - worker.started
                    worker.next_item()
                    if retire:  # what was sent after this item never ran: another worker takes it
                        backlog.extendleft(reversed(worker.queue))
                        worker.queue.clear()
                        drop(worker)
                    yield outcome
        finally:
            for worker in workers:
                worker.close()
            selector.close()
            gc.unfreeze()


__all__ = ["IN_WORKER", "Outcome", "Pool", "WorkerBug", "run", "start_method"]
