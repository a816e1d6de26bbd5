"""Read every file of the external corpus in-process: outcome, time, coverage, findings.

    python bench/bench_corpus.py [--root ../shared/corpus/external] [--markdown]

Prints one row per file: the time of rectify's read (wall, one run, in-process: no worker process;
a read is stopped at 10 s, and a file over 10 s is a bug),
whether it was read, refused (with the reason) or crashed, the text coverage against the
independent extractor (pandoc / pdftotext / lxml; measure in tests/corpus_external/coverage.py)
and the reading findings raised.  ``--markdown`` prints the table recorded in docs/corpus.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.corpus_external.coverage import (  # noqa: E402  (the repository root is on sys.path)
    LOW_COVERAGE,
    OVER_TIME,
    REFUSED,
    files,
    measure,
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT.parent / "shared" / "corpus" / "external")
    parser.add_argument("--markdown", action="store_true", help="print the docs/corpus.md table")
    args = parser.parse_args()
    rows = []
    for path in files(args.root):
        out = measure(path, args.root)
        if out.status == "ok":
            note = LOW_COVERAGE.get(out.path, "")
            result = "read"
        elif out.status == "refused":
            note = out.message.split(": ", 1)[-1][:90]
            result = "refused" + ("" if out.path in REFUSED else " (UNEXPECTED)")
        elif out.status == "timeout":
            note = OVER_TIME.get(out.path, out.message)[:90]
            result = "TIMEOUT"
        else:
            note = out.message.strip().splitlines()[-1][:90]
            result = "BUG"
        cov = f"{out.coverage:.3f}" if out.coverage is not None else "–"
        reading = ", ".join(sorted({f for f in out.findings if f.startswith("read.")}))
        rows.append((out.path, f"{out.seconds * 1000:.0f}", result, cov, str(out.reference_chars or "–"),
                     reading, note))
        if not args.markdown:
            print(f"{rows[-1][1]:>7} ms  {result:9} {cov:>6}  {out.path:48} {reading} {note}", flush=True)
    if args.markdown:
        print("| file | ms | result | coverage | ref. chars | reading findings | note |")
        print("|---|---:|---|---:|---:|---|---|")
        for row in rows:
            print("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
    ok = [r for r in rows if r[2] == "read"]
    low = [r for r in ok if r[3] != "–" and float(r[3]) < 0.95]
    total_ms = sum(float(r[1]) for r in rows)
    counts = (f"{len(rows)} files: {len(ok)} read, {sum(r[2].startswith('refused') for r in rows)} refused, "
              f"{sum(r[2] == 'BUG' for r in rows)} bugs, {sum(r[2] == 'TIMEOUT' for r in rows)} over 10 s; ")
    print(f"\n{counts}{len(low)} read below 0.95 coverage; total {total_ms / 1000:.1f} s, "
          f"slowest {max(float(r[1]) for r in rows):.0f} ms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
