"""txt → Document timings: each seed, and documents 10× and 100× a seed's size.

    .venv/bin/python bench/bench_txt.py [--runs N]

The large inputs are generated from the seeds themselves so they keep the genre's shape: for the
paragraph-per-line seed (002) the body sections are repeated (and renumbered) and written as
canonical text; for the hard-wrapped PDF seed (000) its wrapped body lines are repeated between
the original head and tail.  Each figure is the median of ``--runs`` reads (decode + recognize)
after one warm-up read.  Linear growth means the ×100 row takes about 100× the ×1 row.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from rectify_txt.reader import TxtReader
from rectify_txt.writer import render

from rectify_core.formats import Source
from rectify_core.model import Document, replace
from rectify_core.reading import read_source

CORPUS = Path(os.environ.get("RECTIFY_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def seed(number: str) -> bytes:
    return next((CORPUS / "seeds").glob(f"{number}_*.txt")).read_bytes()


def scale_paragraphs(data: bytes, factor: int) -> bytes:
    """Seed 002 with its body sections repeated ``factor`` times, renumbered 一、二、… ."""
    doc = read_source(TxtReader(), Source(data, "seed.txt")).document
    body = [replace(node, marker=replace(node.marker, value=i + 1, text=None) if node.marker else None)
            for i, node in enumerate(list(doc.body) * factor)]
    return render(replace(doc, body=tuple(body))).encode("utf-8") if factor > 1 else data


def scale_wrapped(data: bytes, factor: int) -> bytes:
    """Seed 000 with its wrapped body lines (from 一、 to the closing) repeated ``factor`` times."""
    lines = data.decode("utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("一、"))
    end = next(i for i, line in enumerate(lines) if line.startswith("欢迎"))
    return "\n".join(lines[:start] + lines[start:end] * factor + lines[end:]).encode("utf-8")


def time_read(data: bytes, runs: int) -> tuple[float, Document]:
    reader = TxtReader()
    doc = read_source(reader, Source(data, "bench.txt")).document  # warm-up
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        read_source(reader, Source(data, "bench.txt"))
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args(argv)
    rows = []
    for name, number, scale in (("seed 000 (PDF text, wrapped)", "000", scale_wrapped),
                                ("seed 002 (paragraph per line)", "002", scale_paragraphs)):
        base_ms = None
        for factor in (1, 10, 100):
            data = scale(seed(number), factor)
            runs = args.runs if factor < 100 else max(3, args.runs // 3)
            ms, doc = time_read(data, runs)
            base_ms = base_ms or ms
            label = name if factor == 1 else f"  × {factor}"
            rows.append((label, len(data.decode("utf-8")), data.count(b"\n") + 1, len(doc.problems()), ms,
                         ms / base_ms))
    print(f"{'input':32} {'chars':>9} {'lines':>7} {'problems':>8} {'ms':>9} {'× time':>7}")
    for label, chars, lines, problems, ms, ratio in rows:
        print(f"{label:32} {chars:9d} {lines:7d} {problems:8d} {ms:9.2f} {ratio:7.1f}")
    print(f"\npython {sys.version.split()[0]}, median of {args.runs} runs (×100: {max(3, args.runs // 3)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
