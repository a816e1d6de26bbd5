"""Ledgers made in the tests: xlsx written cell by cell with XlsxWriter (as an office keeps one,
not by rectify's writer), csv in UTF-8 and GBK, xls and ods converted from the xlsx by LibreOffice."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from rectify_core.budget import Limits
from rectify_core.formats import ReadResult, Source
from rectify_core.plugins import get_registry
from rectify_core.reading import read_source
from tests.clients import in_ci, require_client

HEADER = ["序号", "反馈问题", "整改措施", "责任单位", "责任人", "整改时限", "完成情况"]

# One merged title row, the header, then heading rows (a 1-tuple: merged across) and problem rows.
ROWS: list[tuple[Any, ...]] = [
    ("一、党的政治建设方面",),
    ("（一）理论学习",),
    (1, "理论学习流于形式。", "修订学习制度。", "镇党政办", "王某某", dt.date(2026, 3, 31), "已完成"),
    (2, "研讨发言准备不足。\n发言提纲未预审。", "实行提纲预审。", "镇党政办", "王某某", "长期坚持", "长期坚持"),
    ("二、全面从严治党方面",),
    (3, "村级财务不规范。", "推行非现金结算。", "镇农经站", "周某某", dt.date(2026, 12, 31), "正在推进"),
    (4, "公务接待无公函。", "开展专项检查。", "镇财政所", "孙某某", "2026年6月底前", "继续整改"),
]


def xlsx_bytes(rows: Sequence[tuple[Any, ...]] = ROWS, header: Sequence[str] = HEADER, *,
               title: str | None = "示例镇整改台账", sheet: str = "台账",
               extra_sheets: dict[str, list[list[Any]]] | None = None,
               merge_down: Sequence[tuple[int, int, int]] = ()) -> bytes:
    """``merge_down`` holds (first row, last row, column) areas over the data rows (0 = first data row)."""
    import xlsxwriter

    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    ws = book.add_worksheet(sheet)
    last = len(header) - 1
    top = 0
    if title:
        ws.merge_range(0, 0, 0, last, title)
        top = 1
    ws.write_row(top, 0, header)
    first = top + 1
    skip: set[tuple[int, int]] = set()
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    for r0, r1, c in merge_down:
        ws.merge_range(first + r0, c, first + r1, c, rows[r0][c])
        skip |= {(first + r, c) for r in range(r0, r1 + 1)}
    for i, row in enumerate(rows):
        r = first + i
        if len(row) == 1:
            ws.merge_range(r, 0, r, last, row[0])
            continue
        for c, value in enumerate(row):
            if (r, c) in skip or value is None:
                continue
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), day)
            elif isinstance(value, int):
                ws.write_number(r, c, value)
            else:
                ws.write_string(r, c, value)
    for name, grid in (extra_sheets or {}).items():
        extra = book.add_worksheet(name)
        for r, row in enumerate(grid):
            extra.write_row(r, 0, row)
    book.close()
    return buf.getvalue()


def csv_bytes(rows: Sequence[tuple[Any, ...]] = ROWS, encoding: str = "utf-8") -> bytes:
    import csv

    out = io.StringIO(newline="")
    w = csv.writer(out)
    w.writerow(HEADER)
    for row in rows:
        w.writerow(["" if v is None else v.isoformat() if isinstance(v, dt.date) else v for v in row])
    return out.getvalue().encode(encoding)


def read(data: bytes, fmt: str, name: str | None = None, limits: Limits | None = None,
         **options: Any) -> ReadResult:
    return read_source(get_registry().reader(fmt), Source(data, name or f"ledger.{fmt}"), options, limits=limits)


def require_calc() -> str:
    """soffice with its spreadsheet component (Debian's libreoffice-calc-nogui)."""
    soffice = require_client("soffice")
    program = Path(os.path.realpath(soffice)).parent
    if not any(program.glob("libsclo.so*")):
        message = "LibreOffice Calc is not installed (.ci/run installs libreoffice-calc-nogui)"
        if in_ci():
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    return soffice


def convert(data: bytes, to: str) -> bytes:
    """``data`` (an xlsx) converted by LibreOffice to ``to`` (xls, ods)."""
    soffice = require_calc()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "ledger.xlsx"
        src.write_bytes(data)
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--convert-to", to,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        return (Path(tmp) / f"ledger.{to}").read_bytes()
