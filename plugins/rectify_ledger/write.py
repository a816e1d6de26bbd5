"""Ledger writers: any Document → xlsx (with its 基本信息 front sheet) or csv (the table only)."""

from __future__ import annotations

import datetime as _dt
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Writer

from .table import csv_sheets, expected_ledger, workbook_sheets
from .xlsx import render_csv, render_xlsx


def _created(document: Document) -> _dt.date | None:
    sig = document.signature
    if sig is not None and sig.date is not None and sig.date.iso is not None:
        return _dt.date.fromisoformat(sig.date.iso)
    return None


class XlsxWriter(Writer):
    name = "xlsx"
    extension = "xlsx"
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    description = "rectification ledger (整改台账): one row per problem, front matter on 基本信息 (lossy)"
    lossless = False

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(render_xlsx(workbook_sheets(document), header_row=1, created=_created(document)))

    def expected(self, document: Document) -> Document:
        """What a ledger carries (see ``table``'s docstring), computed by the reader itself."""
        return expected_ledger(document, workbook_sheets(document))


class CsvWriter(Writer):
    name = "csv"
    extension = "csv"
    media_type = "text/csv"
    description = "rectification ledger (整改台账) as csv: the table only, UTF-8 (lossy)"
    lossless = False

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(render_csv(csv_sheets(document)[0]))

    def expected(self, document: Document) -> Document:
        return expected_ledger(document, csv_sheets(document))


__all__ = ["CsvWriter", "XlsxWriter"]
