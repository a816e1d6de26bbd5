"""Whole-process times of the rectify command, side by side with pandoc, pdftotext and Python itself.

    python bench/bench_process.py [--runs N] [--batch N] [--seed PATH] [--instructions]

Every figure is the median of N runs of a fresh process (start-up, imports and the work together,
as a user waits for it), after one warm-up run: wall time, and CPU time (user + system of the
process and every process it waited for, from getrusage) — on a shared, loaded machine the wall
time mostly measures the queue for a core, the CPU time what the command costs.  Each rectify
command and its anchor run interleaved (A B A B …), so a change in load hits both alike.  The runs
drop PYTHONDONTWRITEBYTECODE: with it set, Python compiles every project module from source on
every start (~80 ms here), which no installed rectify does.  The anchors get the same content:
the seed notice as Markdown for pandoc, and the PDF rectify writes of it for pdftotext.  The batch
rows convert N generated notices (different sizes and numbers) to JSON with --jobs 1 and --jobs 2,
interleaved with the machine's ceiling: a CPU-bound pure-Python loop split over 1 and 2 processes.
With --instructions, the rows read in this process are also counted in instructions under
valgrind's callgrind (the same count for the same binary and input whatever else the machine does:
what the wall and CPU figures of a shared virtual machine cannot give; pandoc's compiled code does
more per instruction than the interpreter, so compare rectify's counts with each other).
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
DEFAULT_SEED = ROOT.parent / "shared" / "corpus" / "seeds" / "002_a20cf11d709bd286.txt"  # the seed of issue 13

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

# The machine's own ceiling for the batch rows: the same split of CPU-bound pure-Python work over 1
# and 2 processes (multiprocessing.Pool, fork).  On a 2-vCPU VM the second vCPU is often not a whole
# core (a hyperthread or a shared host), so this is what "twice the cores" can give here.
CEILING = """
import multiprocessing as mp, sys
def work(n):
    s = 0
    for i in range(n):
        s += i * i % 7
    return s
with mp.get_context("fork").Pool(int(sys.argv[1])) as pool:
    pool.map(work, [1_000_000] * 40, chunksize=1)
"""


ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def instructions(cmd: list[str], cwd: str) -> float | None:
    """Millions of instructions ``cmd`` and the processes it starts execute (callgrind), or None
    without valgrind."""
    if shutil.which("valgrind") is None:
        return None
    with tempfile.TemporaryDirectory(prefix="rectify-callgrind-") as out:
        valgrind = ["valgrind", "--tool=callgrind", "--trace-children=yes", f"--callgrind-out-file={out}/cg.%p"]
        run = subprocess.run([*valgrind, *cmd], cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True)
    counts = [int(line.rsplit(":", 1)[1]) for line in run.stderr.splitlines() if "Collected :" in line]
    return sum(counts) / 1e6 if counts else None


def timed(cmd: list[str], runs: int, cwd: str) -> tuple[float, float]:
    """Median wall ms and median CPU ms (user + system of the process and all it waited for)."""
    return interleaved([cmd], runs, cwd)[0]


def interleaved(cmds: list[list[str]], runs: int, cwd: str, warm_up: bool = True) -> list[tuple[float, float]]:
    """(median wall ms, median CPU ms) of each command, run in turn A B A B … after one warm-up each."""
    for cmd in cmds if warm_up else []:
        subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    times: list[list[float]] = [[] for _ in cmds]
    cpu: list[list[float]] = [[] for _ in cmds]
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
            times[i].append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[i].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if proc.returncode not in (0, 1):
                raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-500:]}")
    return [(statistics.median(w) * 1000, statistics.median(c) * 1000) for w, c in zip(times, cpu, strict=True)]


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
    ap.add_argument("--instructions", action="store_true", help="also count instructions with valgrind (slow)")
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
        print(f"{'rectify':<34} {'wall ms':>8} {'CPU ms':>7}   {'anchor':<26} {'wall ms':>8} {'CPU ms':>7}"
              f"  {'ratio wall':>10} {'ratio CPU':>9}")
        for label, cmd, anchor_label, anchor in rows:
            if anchor is None:
                wall, cpu = timed(cmd, args.runs, str(work))
                print(f"{label:<34} {wall:8.1f} {cpu:7.1f}")
                continue
            if shutil.which(anchor[0]) is None and not os.path.exists(anchor[0]):
                wall, cpu = timed(cmd, args.runs, str(work))
                print(f"{label:<34} {wall:8.1f} {cpu:7.1f}   {anchor_label:<26} {'(not installed)':>16}")
                continue
            (wall, cpu), (awall, acpu) = interleaved([cmd, anchor], args.runs, str(work))
            print(f"{label:<34} {wall:8.1f} {cpu:7.1f}   {anchor_label:<26} {awall:8.1f} {acpu:7.1f}"
                  f"  {wall / awall:9.2f}× {cpu / acpu:8.2f}×")
            if args.instructions and "pdf" not in label:  # a PDF is read in a worker the count misses
                ours, theirs = instructions(cmd, str(work)), instructions(anchor, str(work))
                if ours is not None and theirs is not None:
                    print(f"{'  instructions (M)':<34} {ours:8.1f} {'':>7}   {'':<26} {theirs:8.1f}")

        if args.batch:
            notices = work / "batch"
            generate(notices, args.batch)
            load = os.getloadavg()[0]
            cmds = [[RECTIFY, "convert", str(notices), "--to", "json", "-o", str(work / f"out{jobs}"), "--force",
                     "-q", "--jobs", str(jobs)] for jobs in (1, 2)]
            cmds += [[sys.executable, "-c", CEILING, str(procs)] for procs in (1, 2)]
            measured = interleaved(cmds, args.batch_runs, str(work), warm_up=False)  # long enough without one
            figures = dict(zip((1, 2), measured[:2], strict=True))
            ceiling = dict(zip((1, 2), measured[2:], strict=True))
            for jobs, (wall, cpu) in figures.items():
                print(f"{f'batch of {args.batch}, --jobs {jobs}':<34} {wall:8.1f} {cpu:7.1f}   "
                      f"{'wall / CPU ms a file':<26} {wall / args.batch:8.2f} {cpu / args.batch:7.2f}")
            for procs, (wall, cpu) in ceiling.items():
                print(f"{f'CPU loop, {procs} process(es)':<34} {wall:8.1f} {cpu:7.1f}   (the machine's ceiling)")
            print(f"{'batch speed-up, --jobs 2 over 1':<34} {figures[1][0] / figures[2][0]:7.2f}×   "
                  f"ceiling (same loop on 2 processes over 1) {ceiling[1][0] / ceiling[2][0]:.2f}×   "
                  f"(cores: {os.cpu_count()}, load average before/after: {load:.1f}/{os.getloadavg()[0]:.1f})")


if __name__ == "__main__":
    main()
