"""Timing helpers shared by the benchmark scripts (run as `python bench/NAME.py`)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], runs: int) -> float:
    """Median wall time of ``fn`` in ms over ``runs`` calls, after one warm-up call.

    The warm-up takes imports and caches out of the figure: the benchmarks measure work, not
    start-up (bench_cli.py measures start-up on its own).
    """
    fn()
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000
