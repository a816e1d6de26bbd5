"""``rectify check FILE…``: lint notices as laid out against GB/T 9704 (page, grid, fonts per role,
indents, page numbers, signature) plus the numbering rules, each finding with its rule id, where it
is (paragraph and the start of its text) and the expected and found values.

The measuring belongs to the format's reader (``Reader.check_layout``: docx today); the figures it
measures against are ``rectify_core.gbt9704``'s, the ones the writers use, so ``check`` on rectify's
own output reports nothing.  Exit codes as ``validate``: 0 clean, 1 findings at or above
``--fail-on``, 2 bad input or usage.
"""

from __future__ import annotations

import argparse
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the parser is built on every start-up; the findings module (dataclasses) loads in cmd_check
    from .findings import Finding


def check_file(path: str, from_format: str | None = None) -> list[Finding]:
    """The layout findings of one file, then its numbering findings (read through its reader)."""
    from . import api
    from .errors import UsageError
    from .formats import Source
    from .plugins import get_registry

    reg = get_registry()
    try:
        with open(path, "rb") as fh:
            data = fh.read(64 * 2**20 + 1)
    except OSError as exc:
        raise UsageError(f"cannot read the file: {exc.strerror}", file=path) from None
    reader = reg.reader(from_format) if from_format else reg.reader_for(data[:4096], os.path.basename(path))
    if reader is None:
        raise UsageError("cannot tell this file's format; name it with --from", file=path)
    layout = reader.check_layout(Source(data, path), {})
    if layout is None:
        raise UsageError(f"rectify check measures Word (docx) pages; a {reader.name} file has none to measure",
                         file=path)
    document = api.read(path, reader.name).document
    numbering = [f for f in api.validate(document) if f.rule.startswith("numbering.")]
    return [*layout, *numbering]


def cmd_check(args: argparse.Namespace) -> int:
    from .cli import EXIT_FINDINGS, EXIT_OK, _out
    from .findings import SEVERITY_RANK

    worst = EXIT_OK
    rows: list[dict[str, Any]] = []
    threshold = None if args.fail_on == "never" else SEVERITY_RANK[args.fail_on]
    for path in args.files:
        found = check_file(path, args.from_format)
        for f in found:
            if args.json:
                rows.append({"file": path, **f.to_dict()})
            else:
                where = f" {f.where}:" if f.location is None and f.pointer else ""
                _out(f"{f.location if f.location is not None else path}:{where} {f.severity}: [{f.rule}] "
                     f"{f.message}\n")
        if threshold is not None and any(SEVERITY_RANK[f.severity] >= threshold for f in found):
            worst = EXIT_FINDINGS
    if args.json:
        import json

        _out(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    return worst


def add_parser(command: Any, tr: Any) -> None:
    k = command("check", "measure Word notices against GB/T 9704 (page, fonts, indents, page numbers)",
                "按 GB/T 9704 测量 Word 通报的版式（页面、字体、缩进、页码）",
                "Measure each FILE as laid out: paper and margins, lines per page and characters per line, the "
                "typeface of the title, body, 一、 and （一） headings, first-line indents, page numbers, the "
                "signature date, and numbering order. `rectify convert FILE -o fixed.docx` is the fix.",
                "测量每个 FILE 的版式：纸张与页边距、每页行数与每行字数、标题/正文/一级/二级标题字体、首行缩进、"
                "页码、成文日期位置与编号顺序。`rectify convert FILE -o fixed.docx` 即可改正。")
    k.add_argument("files", nargs="+", metavar="FILE")
    k.add_argument("--from", dest="from_format", metavar="F", help=tr("input format (default: detected)",
                                                                      "输入格式（默认自动识别）"))
    k.add_argument("--fail-on", choices=["warning", "error", "never"], default="error",
                   help=tr("lowest severity that makes the exit code 1 (default: error)",
                           "使退出码为 1 的最低严重程度（默认 error）"))
    k.add_argument("--json", action="store_true", help=tr("print findings as JSON", "以 JSON 输出问题"))


__all__ = ["add_parser", "check_file", "cmd_check"]
