"""Module-level tasks for the worker tests: a worker started by forkserver needs importable functions."""

from __future__ import annotations

import os
import signal
import time

from rectify_core.errors import InputError


def double(x: int) -> int:
    return x * 2


def modest() -> int:
    return len(bytearray(64 * 2**20))  # well within any limit the tests set


def hog() -> bytearray:
    return bytearray(900 * 2**20)


def spin() -> None:
    while True:
        pass


def sleep() -> None:
    time.sleep(60)


def refuse() -> None:
    raise InputError("not a notice", file="x.pdf", location="page 3")


def bug() -> float:
    return 1 / 0


def crash() -> None:
    os.kill(os.getpid(), signal.SIGSEGV)


def deep() -> int:
    def down(n: int) -> int:
        return down(n + 1) + 1

    return down(0)


def item(x: object) -> object:
    if x == "hog":
        return hog()
    if x == "sleep":
        return sleep()
    if x == "refuse":
        return refuse()
    return x


_kept: list[bytearray] = []


def served(x: object) -> object:
    """For the pool tests: the worker's pid with the value, and what some items do to the worker."""
    if x == "crash":
        crash()
    if x == "refuse":
        refuse()
    if x == "keep":  # leaves 100 MiB behind in the worker (under RETIRE_GROWTH: the worker stays)
        _kept.append(bytearray(100 * 2**20))
    if x == "keep-big":  # leaves 300 MiB behind (over RETIRE_GROWTH: the worker retires)
        _kept.append(bytearray(300 * 2**20))
    if x == "more":  # 350 MiB of SMALL's 400: over the allowance if the 100 MiB kept before counted
        return os.getpid(), len(bytearray(350 * 2**20))
    return os.getpid(), x
