"""Worker processes: values and errors come back, runaway work is stopped and named."""

from __future__ import annotations

import time

import pytest

from rectify_core import workers
from rectify_core.budget import IN_PROCESS_MAX, Limits
from rectify_core.errors import InputError, SecurityError

from . import tasks

SMALL = Limits(timeout=1.0, max_memory=400 * 2**20)


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_value_comes_back(method: str) -> None:
    assert workers.run(tasks.double, 21, limits=SMALL, method=method) == 42


def test_rectify_error_keeps_file_place_and_class() -> None:
    with pytest.raises(InputError) as err:
        workers.run(tasks.refuse, limits=SMALL)
    assert (err.value.file, err.value.location, err.value.exit_code) == ("x.pdf", "page 3", 2)


def test_memory_limit_is_named() -> None:
    with pytest.raises(SecurityError, match="max_memory") as err:
        workers.run(tasks.hog, limits=SMALL, name="big.pdf")
    assert err.value.file == "big.pdf"


def test_memory_limit_counts_from_what_a_forked_worker_inherits() -> None:
    # A parent that once ran many threads holds their malloc arenas (~1 GiB after the serve load
    # test) without touching them; a fork inherits that address space and RLIMIT_AS counts it.
    import mmap

    reserved = mmap.mmap(-1, 2 * SMALL.max_memory)  # reserved, never touched
    try:
        assert workers.run(tasks.modest, limits=SMALL, method="fork") == 64 * 2**20
        with pytest.raises(SecurityError, match="max_memory"):
            workers.run(tasks.hog, limits=SMALL, method="fork")
    finally:
        reserved.close()


def test_wall_clock_limit_kills() -> None:
    start = time.monotonic()
    with pytest.raises(SecurityError, match="timeout=1"):
        workers.run(tasks.sleep, limits=SMALL)
    assert time.monotonic() - start < 1.0 + workers.GRACE + 3


def test_crash_and_recursion_are_refusals_not_tracebacks() -> None:
    with pytest.raises(SecurityError, match="SIGSEGV"):
        workers.run(tasks.crash, limits=SMALL)
    with pytest.raises(SecurityError, match="max_depth"):
        workers.run(tasks.deep, limits=SMALL)


def test_a_bug_is_a_bug() -> None:
    with pytest.raises(workers.WorkerBug, match="ZeroDivisionError") as err:
        workers.run(tasks.bug, limits=SMALL)
    assert "Traceback" in err.value.detail


def test_pool_one_bad_item_does_not_stop_the_rest() -> None:
    items = ["a", "hog", "b", "sleep", "refuse", "c"]
    outcomes = sorted(workers.Pool(jobs=2, limits=SMALL).map(tasks.item, items), key=lambda o: o.index)
    assert [o.item for o in outcomes] == items
    assert [o.value for o in outcomes if o.ok] == ["a", "b", "c"]
    errors = {o.item: o.error for o in outcomes if not o.ok}
    assert isinstance(errors["hog"], SecurityError) and "max_memory" in str(errors["hog"])
    assert isinstance(errors["sleep"], SecurityError) and "timeout" in str(errors["sleep"])
    assert isinstance(errors["refuse"], InputError)
    fast = [o.seconds for o in outcomes if o.item in ("a", "b", "c")]
    assert max(fast) < 1.0  # the sleeper never held them up


@pytest.mark.parametrize(("fmt", "size", "isolated"), [
    ("txt", 2_000, False),                          # small, pure Python: read in this process
    ("txt", IN_PROCESS_MAX + 1_000, True),  # large: the recognizer's regexes run in a worker
    ("html", 2_000, True),                          # libxml2: always a worker
])
def test_which_reads_use_a_worker(monkeypatch, fmt: str, size: int, isolated: bool) -> None:
    from rectify_core import api

    calls: list[str] = []
    real = workers.run

    def spy(*args, **kwargs):
        calls.append(kwargs.get("name", ""))
        return real(*args, **kwargs)

    monkeypatch.setattr(workers, "run", spy)
    line = "一、问题：村务公开不及时。整改情况：已完成整改。\n"
    text = "示例镇关于巡察整改进展情况的通报\n\n" + line * (size // len(line.encode()) + 1)
    data = text.encode() if fmt == "txt" else f"<html><body><p>{text}</p></body></html>".encode()
    api.read(data, fmt, name=f"n.{fmt}")
    assert bool(calls) is isolated


def _pool(items: list[str], jobs: int = 1) -> list[workers.Outcome]:
    return sorted(workers.Pool(jobs=jobs, limits=SMALL).map(tasks.served, items), key=lambda o: o.index)


def test_a_pool_worker_serves_item_after_item() -> None:
    outcomes = _pool([str(n) for n in range(12)], jobs=2)
    assert [o.value[1] for o in outcomes] == [str(n) for n in range(12)]
    assert len({o.value[0] for o in outcomes}) <= 2  # two workers, not a fork per item


def test_a_worker_is_retired_after_an_item_that_fails() -> None:
    before, bad, after = _pool(["a", "refuse", "b"])
    assert isinstance(bad.error, InputError)
    assert before.value[0] != after.value[0]  # the item after a failure starts on a fresh fork


def test_items_sent_to_a_worker_that_died_run_on_another() -> None:
    # with one worker, "b" and "c" are in its pipe (or about to be) when it dies on "crash"
    first, crashed, *rest = _pool(["a", "crash", "b", "c"])
    assert first.ok and isinstance(crashed.error, SecurityError) and "SIGSEGV" in str(crashed.error)
    assert [o.value[1] for o in rest] == ["b", "c"]
    assert {o.value[0] for o in rest}.isdisjoint({first.value[0]})


def test_each_item_gets_a_fresh_allowance_of_memory() -> None:
    # "keep" leaves 100 MiB in its worker, which stays; "more" then gets its whole 400 MiB anyway
    kept, more = _pool(["keep", "more"])
    assert kept.ok and more.ok, (kept.error, more.error)
    assert kept.value[0] == more.value[0]


def test_a_worker_that_grew_much_is_retired() -> None:
    grown, after = _pool(["keep-big", "b"])
    assert grown.ok and after.ok and grown.value[0] != after.value[0]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split()[2] != "Z"
    except OSError:
        return False


def test_workers_of_a_killed_parent_end_and_ctrl_c_prints_no_worker_traceback() -> None:
    import os
    import signal
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    # the parent takes one outcome and then waits: its workers finish what they were sent and wait too
    code = ("import sys, time; sys.path.insert(0, '.')\n"
            "from rectify_core import workers\n"
            "from rectify_core.budget import Limits\n"
            "from tests.hostile import tasks\n"
            "outcomes = workers.Pool(jobs=2, limits=Limits(timeout=30)).map(tasks.served, [str(n) for n in range(8)])\n"
            "print(next(outcomes).value[0], flush=True)\n"
            "try:\n"
            "    time.sleep(60)\n"
            "except KeyboardInterrupt:\n"
            "    outcomes.close()\n")
    for how in ("kill -9 the parent", "Ctrl-C"):
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                cwd=root, start_new_session=True)
        worker = int(proc.stdout.readline())
        time.sleep(0.3)
        if how == "Ctrl-C":
            os.killpg(proc.pid, signal.SIGINT)  # as a terminal sends it: to the whole process group
        else:
            os.kill(proc.pid, signal.SIGKILL)  # the parent alone: its workers are orphans now
        _, err = proc.communicate(timeout=20)
        deadline = time.monotonic() + 5
        while _alive(worker) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(worker), f"a worker outlived its parent ({how})"
        assert b"Traceback" not in err, err.decode()[-800:]


def test_a_pool_on_forkserver_serves_and_retires_alike() -> None:
    # a threaded program (a service, an integrator's) gets forkserver workers: items travel pickled
    pool = workers.Pool(jobs=2, limits=SMALL, start_method="forkserver")
    outcomes = sorted(pool.map(tasks.served, ["a", "refuse", "b", "c", "d"]), key=lambda o: o.index)
    assert [o.value[1] if o.ok else type(o.error).__name__ for o in outcomes] == ["a", "InputError", "b", "c", "d"]
