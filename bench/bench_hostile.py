"""Every hostile case of tests/hostile/cases.py run through the CLI: exit code, wall time, peak memory.

    python bench/bench_hostile.py              # all cases
    python bench/bench_hostile.py pdf- json-   # cases whose name starts with one of these

Prints one row a case (the figures recorded in docs/security.md) and, as anchors, the cost of
reading a real notice of the corpus the same way.  Targets: every case refused or read in < 2 s
and < 200 MB peak, no traceback, no partial output.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile.cases import CASES, Case, run_case


def main(argv: list[str]) -> int:
    prefixes = tuple(argv)
    chosen = [c for c in CASES if not prefixes or c.name.startswith(prefixes)]
    seed = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "seeds" / "000_74367c890ce1a3e5.txt"
    if seed.exists() and not prefixes:
        chosen.insert(0, Case("anchor-real-txt", "", None, (0,), args=("convert", str(seed), "--to", "json", "-q"),
                              what="a real notice (seed 000), for scale"))
    import os

    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(times grow with it; the anchor shows by how much)")
    print(f"{'case':<30} {'exit':>4} {'seconds':>8} {'×anchor':>8} {'peak MB':>8}  verdict  attack")
    bad = 0
    anchor = None
    for case in chosen:
        with tempfile.TemporaryDirectory(prefix="rectify-hostile-") as tmp:
            out = run_case(case, Path(tmp))
        problems = out.problems()
        if anchor is None and case.name.startswith("anchor"):
            anchor = out.seconds
        if out.seconds >= 2 or out.peak_mb >= 200:
            problems.append("over target")
        bad += bool(problems)
        verdict = "ok" if not problems else "; ".join(problems)
        ratio = f"{out.seconds / anchor:8.1f}" if anchor else f"{'':>8}"
        print(f"{case.name:<30} {out.exit:>4} {out.seconds:>8.2f} {ratio} {out.peak_mb:>8.0f}  {verdict:<7}  "
              f"{case.what}", flush=True)
        if problems and out.stderr:
            print("    " + out.stderr.strip().splitlines()[-1][:300], flush=True)
    print(f"{len(chosen) - bad} of {len(chosen)} within target")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
