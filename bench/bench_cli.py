"""Start-up cost of the rectify command: wall time of `--help` and `formats`, and import time.

    python bench/bench_cli.py [--runs N]

Prints a table of medians over N fresh processes.  The target (issue #2) is `rectify --help`
under 150 ms on the project's 2-core machine; figures are recorded in docs/performance.md.
"""

from __future__ import annotations

import argparse
import re
import statistics
import subprocess
import sys
import time


def wall(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def import_time(code: str, runs: int) -> float:
    """Cumulative µs of the top-level imports `python -X importtime` reports, as ms."""
    totals = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True).stderr
        rows = re.findall(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", err)
        totals.append(sum(int(cum) for cum, indent, _ in rows if len(indent) == 1) / 1000)
    return statistics.median(totals)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()
    py = sys.executable
    rows = [
        ("python -c pass", wall([py, "-c", "pass"], args.runs)),
        ("rectify --help", wall([py, "-m", "rectify_core", "--help"], args.runs)),
        ("rectify formats", wall([py, "-m", "rectify_core", "formats"], args.runs)),
        ("rectify schema", wall([py, "-m", "rectify_core", "schema"], args.runs)),
    ]
    imp = import_time("from rectify_core.cli import main; main(['--help'])", args.runs)
    print(f"{'command':<20} {'median ms':>10}   (runs={args.runs})")
    for name, ms in rows:
        print(f"{name:<20} {ms:>10.1f}")
    print(f"{'imports for --help':<20} {imp:>10.1f}   (python -X importtime, cumulative)")


if __name__ == "__main__":
    main()
