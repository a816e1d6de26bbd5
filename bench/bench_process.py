"""Whole-process times of the rectify command, side by side with pandoc, pdftotext and Python itself.

    python bench/bench_process.py [--runs N] [--batch N] [--seed PATH]

Every figure is the median wall time of N runs of a fresh process (start-up, imports and the work
together, as a user waits for it), after one warm-up run.  The anchors get the same content:
the seed notice as Markdown for pandoc, and the PDF rectify writes of it for pdftotext.  The batch
rows convert N generated notices (different sizes and numbers) to JSON with --jobs 1 and --jobs 2.
Nothing is asserted: docs/performance.md records the figures with the machine they came from.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RECTIFY = str(BIN / "rectify")
DEFAULT_SEED = ROOT.parent / "shared" / "corpus" / "seeds" / "000_74367c890ce1a3e5.txt"

NOTICE = """中共示例镇委员会关于县委第{n}轮巡察整改进展情况的通报

根据县委统一部署，县委第{team}巡察组于2026年1月8日至3月6日对示例镇第{n}村党支部开展了巡察。

一、巡察反馈问题整改情况

{problems}
中共示例镇委员会
2026年6月{day}日
"""
PROBLEM = ("（{k}）问题{k}：村务公开不及时，第{n}号公开栏更新滞后。\n\n"
           "整改情况：已规范公开栏，按月公开。目前已完成整改。\n\n")
CHINESE = "一二三四五六七八九十"


def median_ms(cmd: list[str], runs: int, cwd: str) -> float:
    return timed(cmd, runs, cwd)[0]


def timed(cmd: list[str], runs: int, cwd: str) -> tuple[float, float]:
    """Median wall ms and median CPU ms (user + system of the process and all it waited for)."""
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - t)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return statistics.median(times) * 1000, statistics.median(cpu) * 1000


def generate(folder: Path, count: int) -> None:
    """``count`` fictional notices of 1–10 problems each, under a few sub-folders."""
    for n in range(count):
        problems = "".join(PROBLEM.format(k=CHINESE[k], n=n) for k in range(1 + n % 10))
        path = folder / f"town{n % 7}" / f"notice{n:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(NOTICE.format(n=n + 1, team=CHINESE[n % 5], problems=problems, day=1 + n % 28),
                        encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--batch", type=int, default=1000, help="generated notices in the batch rows (0: none)")
    ap.add_argument("--batch-runs", type=int, default=3)
    ap.add_argument("--seed", type=Path, default=DEFAULT_SEED)
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="rectify-bench-") as tmp:
        work = Path(tmp)
        shutil.copy(args.seed, work / "seed.txt")
        shutil.copy(args.seed, work / "seed.md")
        subprocess.run([RECTIFY, "convert", "seed.txt", "-o", "seed.pdf"], cwd=work, check=True,
                       capture_output=True)
        rows: list[tuple[str, list[str], str, list[str] | None]] = [
            ("start-up", [sys.executable, "-c", "pass"], "", None),
            ("rectify --help", [RECTIFY, "--help"], "python -c pass", [sys.executable, "-c", "pass"]),
            ("rectify formats", [RECTIFY, "formats"], "python -c pass", [sys.executable, "-c", "pass"]),
            ("convert seed.txt -o x.docx", [RECTIFY, "convert", "seed.txt", "-o", "x.docx", "--force"],
             "pandoc seed.md -o y.docx", ["pandoc", "seed.md", "-o", "y.docx"]),
            ("convert seed.pdf --to json", [RECTIFY, "convert", "seed.pdf", "--to", "json", "-o", "-"],
             "pdftotext seed.pdf -", ["pdftotext", "seed.pdf", "-"]),
            ("validate seed.txt", [RECTIFY, "validate", "seed.txt"], "python -c pass", [sys.executable, "-c", "pass"]),
        ]
        print(f"{'rectify':<34} {'ms':>7}   {'anchor':<26} {'ms':>7}  ratio")
        for label, cmd, anchor_label, anchor in rows:
            ours = median_ms(cmd, args.runs, str(work))
            if anchor is None:
                print(f"{label:<34} {ours:7.1f}")
                continue
            if shutil.which(anchor[0]) is None and not os.path.exists(anchor[0]):
                print(f"{label:<34} {ours:7.1f}   {anchor_label:<26} {'(not installed)':>7}")
                continue
            theirs = median_ms(anchor, args.runs, str(work))
            print(f"{label:<34} {ours:7.1f}   {anchor_label:<26} {theirs:7.1f}  {ours / theirs:4.2f}×")

        if args.batch:
            notices = work / "batch"
            generate(notices, args.batch)
            figures = {}
            for jobs in (1, 2):
                cmd = [RECTIFY, "convert", str(notices), "--to", "json", "-o", str(work / f"out{jobs}"), "--force",
                       "-q", "--jobs", str(jobs)]
                figures[jobs], cpu = timed(cmd, args.batch_runs, str(work))
                print(f"{f'batch of {args.batch}, --jobs {jobs}':<34} {figures[jobs]:7.1f}   "
                      f"{'ms a file (CPU ms a file)':<26} {figures[jobs] / args.batch:7.2f}  ({cpu / args.batch:.2f})")
            print(f"{'batch speed-up, --jobs 2 over 1':<34} {figures[1] / figures[2]:7.2f}×   "
                  f"(cores: {os.cpu_count()}, load average now: {os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
