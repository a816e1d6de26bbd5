"""The recognizer in linear time: seconds per MB for 1 MB and 10 MB inputs of each shape.

    .venv/bin/python bench/bench_linear.py [--sizes 1,10] [--shapes one-line,short-lines,...]

Each input is a fictional 示例镇 notice grown to the size by repeating its own parts, in the four
shapes that made the recognizer quadratic before (issue 11 item 3):

``one-line``      the whole notice on one line, parts separated by spaces (a CMS "one-line dump");
``short-lines``   the notice hard-broken into lines of 12 characters;
``huge-para``     a normal notice whose preamble is one paragraph of the size;
``last-line``     a normal notice whose last line is a long run of words separated by spaces
                  (the shape that took 106 s for 60 kB: ``tail._one_line`` re-parsed the rest at
                  every space);
``pre-page``      an HTML page whose notice is one ``<pre>`` block of lines (58 s for 460 kB before).

Figures are CPU seconds (this process and the reader processes the API forks, ``_cpu``: the
machine is shared, and wall time under a load of 10 on 2 cores measures the neighbours) divided by
the input's size in MB: ``read`` is one ``api.read`` (txt:
decode, recognize, then the core's checks and plausibility measure; the HTML reader for
``pre-page``), ``recognize`` the recognizer alone on the txt reader's blocks
(``recognize.pipeline.build_document``).  Linear code gives the same s/MB at both sizes.  The
anchor is the library floor: ``str.split`` + ``re.finditer`` over the same text (what any reader
must at least do), printed beside each figure.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Callable

HEAD = ("中共示例镇委员会关于巡察整改进展情况的通报",
        "根据县委统一部署，2026年3月1日至4月30日，县委第二巡察组对示例镇党委开展了常规巡察。5月20日，巡察组反馈了巡察意见。")
SECTION = ("一、整改工作开展情况", "镇党委召开专题会议研究部署整改工作，逐条制定整改措施。",
           "二、反馈问题整改情况", "（一）关于村务公开不及时的问题",
           "整改情况：已规范各村公开栏，按月公开财务收支。（已完成）",
           "（二）关于集体资金管理不规范的问题", "整改情况：建立村级资金审批台账，实行双人复核。（长期坚持）")
TAIL = ("欢迎广大干部群众对巡察整改落实情况进行监督。", "联系电话：0123-6543210", "中共示例镇委员会", "2026年6月18日")
MB = 1024 * 1024


def _grow(parts: tuple[str, ...], size: int, sep: str) -> str:
    out: list[str] = []
    total = 0
    while total < size:
        for p in parts:
            out.append(p)
            total += len(p.encode("utf-8")) + len(sep)
    return sep.join(out)


def one_line(size: int) -> str:
    return " ".join([*HEAD, _grow(SECTION, size, " "), *TAIL])


def short_lines(size: int) -> str:
    text = "\n".join([*HEAD, _grow(SECTION, size, "\n"), *TAIL])
    return "\n".join(line[i:i + 12] for line in text.split("\n") for i in range(0, len(line), 12))


def huge_para(size: int) -> str:
    return "\n".join([*HEAD, _grow((HEAD[1],), size, ""), *SECTION, *TAIL])


def last_line(size: int) -> str:
    words = _grow(("镇党委", "研究部署", "整改工作", "逐条", "制定措施"), size, " ")
    return "\n".join([*HEAD, *SECTION, *TAIL[:2], words])


def pre_page(size: int) -> str:
    text = "\n".join([*HEAD, _grow(SECTION, size, "\n"), *TAIL])
    return f"<html><head><meta charset='utf-8'><title>通报</title></head><body><pre>{text}</pre></body></html>"


SHAPES: dict[str, tuple[Callable[[int], str], str]] = {
    "one-line": (one_line, "txt"), "short-lines": (short_lines, "txt"), "huge-para": (huge_para, "txt"),
    "last-line": (last_line, "txt"), "pre-page": (pre_page, "html"),
}


def _cpu() -> float:
    """CPU seconds used so far by this process and its finished children (a reader's worker)."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def _read(data: bytes, fmt: str) -> float:
    from rectify_core import api

    t = _cpu()
    api.read(data, fmt, name=f"bench.{fmt}")
    return _cpu() - t


def _recognize(text: str) -> float:
    from rectify_txt.reader import to_blocks

    from rectify_core.recognize.pipeline import build_document
    from rectify_core.report import Report

    blocks = to_blocks(text)
    t = _cpu()
    build_document(blocks, Report("bench.txt"))
    return _cpu() - t


def _floor(text: str) -> float:
    t = _cpu()
    for line in text.split("\n"):
        for _ in re.finditer(r"[ \u3000]+|[。！？]", line):
            pass
    return _cpu() - t


def main() -> None:
    from rectify_core.errors import RectifyError

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1,10", help="sizes in MB, comma-separated (default 1,10)")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="shapes to run (default all)")
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    _read("\n".join([*HEAD, *SECTION, *TAIL]).encode("utf-8"), "txt")  # imports out of the figures
    print(f"{'shape':<12} {'MB':>5} {'read s':>8} {'s/MB':>7} {'recognize s/MB':>15} {'floor s/MB':>11}")
    for shape in args.shapes.split(","):
        make, fmt = SHAPES[shape]
        for size in sizes:
            text = make(int(size * MB))
            data = text.encode("utf-8")
            mb = len(data) / MB
            try:
                seconds = _read(data, fmt)
            except RectifyError as exc:  # a reader's own limit, not the recognizer's time
                print(f"{shape:<12} {mb:>5.1f}  refused: {exc}", flush=True)
                continue
            alone = f"{_recognize(text) / mb:>15.2f}" if fmt == "txt" else f"{'—':>15}"
            print(f"{shape:<12} {mb:>5.1f} {seconds:>8.2f} {seconds / mb:>7.2f} {alone} {_floor(text) / mb:>11.3f}",
                  flush=True)


if __name__ == "__main__":
    main()
