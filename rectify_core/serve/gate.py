"""Admission: at most ``workers`` requests work at once, at most ``queue`` wait; the rest hear 503.

A bounded queue is what keeps a service alive under overload: past it a client is told to come
back (``Retry-After``) instead of piling up memory and time in the server.  Each admitted request
runs its conversion in a worker process (see :mod:`rectify_core.serve.jobs`) through a thread, so
the event loop only ever waits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, TypeVar

import anyio
import anyio.to_thread

from .problems import Problem

T = TypeVar("T")


class Gate:
    def __init__(self, workers: int, queue: int, retry_after: int = 2) -> None:
        self.workers = max(1, workers)
        self.queue = max(0, queue)
        self.retry_after = retry_after
        self._slots = anyio.Semaphore(self.workers)
        self._limiter = anyio.CapacityLimiter(self.workers)
        self.admitted = 0  # working + waiting

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self.admitted >= self.workers + self.queue:
            raise Problem("busy", f"all {self.workers} workers are busy and {self.queue} requests are waiting; "
                                  f"retry in {self.retry_after} s", headers={"Retry-After": str(self.retry_after)})
        self.admitted += 1
        try:
            async with self._slots:
                return await anyio.to_thread.run_sync(partial(fn, *args, **kwargs), limiter=self._limiter)
        finally:
            self.admitted -= 1


__all__ = ["Gate"]
