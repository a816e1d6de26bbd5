"""`rectify serve` under load: latency percentiles and throughput, beside the CLI doing the same work.

    python bench/bench_serve.py [--clients 50] [--seconds 30] [--workers 2]

Starts `rectify serve` on a free loopback port, warms it up, then runs the load generator of
tests/serve/load.py (real-size notices and hostile files, a /healthz probe) and prints, per case,
how many requests were answered, their median and p99 latency, and the whole run's throughput.
The anchor is one `rectify convert` process per file doing the same conversion (what a PHP or Java
system shelling out to the CLI would pay).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cli_ms(path: Path, to: str, runs: int = 5) -> float:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(runs):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "rectify_core", "convert", str(path), "--to", to,
                            "-o", str(Path(tmp) / f"out{i}.{to}"), "-q"], check=False, capture_output=True)
            times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2] * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()

    from tests.serve.helpers import live_server
    from tests.serve.load import rss_kib, run_load
    from tests.serve.test_load import cases

    mix, expected = cases()
    with live_server("--workers", str(args.workers), "--queue", "16", "--max-body", "8M") as (base, proc):
        run_load(base, mix, clients=len(mix), seconds=3.0)
        single = run_load(base, mix, clients=1, seconds=8.0, check=expected)
        time.sleep(1)
        before = rss_kib(proc.pid)
        stats = run_load(base, mix, clients=args.clients, seconds=args.seconds, check=expected)
        time.sleep(2)
        after = rss_kib(proc.pid)
    print(f"rectify serve --workers {args.workers}: {args.clients} clients for {args.seconds:g} s on loopback")
    print(f"{'case':<16}{'answered':>9}{'503':>6}{'p50 ms':>9}{'p99 ms':>9}")
    for case in mix:
        answered = sum(n for (name, status), n in stats.statuses.items() if name == case.name and status != 503)
        busy = stats.statuses.get((case.name, 503), 0)
        values = sorted(stats.latencies.get(case.name, []))
        p50 = values[len(values) // 2] * 1000 if values else float("nan")
        p99 = values[min(len(values) - 1, int(0.99 * len(values)))] * 1000 if values else float("nan")
        print(f"{case.name:<16}{answered:>9}{busy:>6}{p50:>9.0f}{p99:>9.0f}")
    print("one client at a time (no queueing), median ms: " + ", ".join(
        f"{case.name} {single.median(case.name) * 1000:.0f}" for case in mix if single.latencies.get(case.name)))
    served = sum(n for (_, status), n in stats.statuses.items() if status != 503)
    print(f"throughput: {served / stats.seconds:.1f} answered requests/s ({stats.requests} sent, "
          f"{stats.requests - served} told 503); wrong answers: {len(stats.wrong)}; "
          f"/healthz failures: {stats.health_failures}/{stats.health_probes}")
    print(f"server memory: {before / 1024:.0f} MiB before, {after / 1024:.0f} MiB after")
    from tests.corpus import seed

    print("anchor, one CLI process per file (median of 5):")
    example = cli_ms(ROOT / "examples" / "shili-zhen.json", "docx")
    print(f"  rectify convert examples/shili-zhen.json --to docx  {example:.0f} ms")
    print(f"  rectify convert seed 002 --to json                  {cli_ms(seed('002'), 'json'):.0f} ms")


if __name__ == "__main__":
    main()
