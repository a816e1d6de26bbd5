"""Ledger readers: xlsx, xls, ods (python-calamine) and csv → a Document.

A reader returns ``Shown``: the facts (inspection, statistics, contacts) of a notice built from a
ledger are what its text states, derived by the core as for every visible format.

Options: ``columns=HEADER=FIELD,…`` maps header names the vocabulary does not know
(``rectify_core.vocab.tables``); ``front=FILE`` gives the front matter (``--front FILE`` on the
command line).  Every sheet with a ledger header adds its rows to the body in sheet order; a sheet
named 封面 / 基本信息 / front holds front matter; any other sheet is reported and skipped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rectify_core.plugin_api import (
    OLE2_MAGIC,
    Document,
    InputError,
    Node,
    Option,
    Reader,
    Report,
    Shown,
    Source,
    UsageError,
    vocab,
)

if TYPE_CHECKING:
    from .sheets import Sheet

OPTIONS = (
    Option("front", "path", None, "front matter (TOML or JSON) of the notice: issuer, title, inspection facts, "
           "contacts, date (--front FILE)",
           "通报的封面信息（TOML 或 JSON）：发文机关、标题、巡察事实、联系方式、日期（--front FILE）"),
    Option("columns", "str", None, "map other header names: HEADER=FIELD,… (fields: index finding measures account "
           "unit person time_limit status progress category remark)",
           "映射其他表头：表头=字段,…（字段：index finding measures account unit person time_limit status progress "
           "category remark）"),
)
ODS_MIME = b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet"


def document_from_sheets(sheets: list[Sheet], options: dict[str, Any], report: Report) -> Document:
    """The Document a workbook states (facts still to be derived from its text: see ``Shown``)."""
    # imported here, not above: every input is sniffed by this module's readers, few are ledgers
    from .body import read_sheet
    from .front import compose, front_from_sheet, is_front_sheet, load_front_file

    name = report.source
    extra = None
    if options.get("columns"):
        try:
            extra = vocab.tables.parse_columns_option(str(options["columns"]))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    front: dict[str, Any] = {}
    body: list[Node] = []
    ledgers = problems = 0
    for sheet in sheets:
        if is_front_sheet(sheet.name):
            front.update(front_from_sheet(sheet, name))
            continue
        read = read_sheet(sheet, report, extra)
        if read is None:
            if any(v is not None for row in sheet.rows for v in row):
                report.add("ledger.sheet-skipped", "warning", f"工作表“{sheet.name}”没有台账表头，未读入",
                           f"sheet {sheet.name!r} has no ledger header row and was not read")
            continue
        ledgers += 1
        problems += read.rows
        body.extend(read.nodes)
    if not ledgers:
        raise InputError("no ledger header row found (a row naming 反馈问题 and 整改措施/整改情况/完成情况/整改时限 "
                         "…); name other columns with -O columns=HEADER=FIELD", file=name)
    if options.get("front"):
        front.update(load_front_file(str(options["front"])))
    members = compose(front, tuple(body)) if front else {}
    report.info.update({"sheets": len(sheets), "ledger_sheets": ledgers, "problem_rows": problems})
    return Document(body=tuple(body), **members)


class _SpreadsheetReader(Reader):
    description = "rectification ledger (整改台账) spreadsheet"
    options = OPTIONS
    max_bytes = 64 * 2**20

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Shown:
        if not source.data:
            raise InputError("the file is empty", file=source.name)
        from .sheets import load_workbook

        sheets = load_workbook(source.data, source.name, report.budget)
        return Shown(document_from_sheets(sheets, options, report))


class XlsxReader(_SpreadsheetReader):
    name = "xlsx"
    extensions = ("xlsx", "xlsm")
    sniff_needs = (b"PK\x03\x04",)
    media_types = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",)
    description = "rectification ledger (整改台账) as xlsx"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if not head.startswith(b"PK\x03\x04"):
            return 0.0
        if b"xl/" in head:
            return 0.95
        return 0.6 if filename and filename.lower().endswith((".xlsx", ".xlsm")) else 0.0


class XlsReader(_SpreadsheetReader):
    name = "xls"
    extensions = ("xls",)
    sniff_needs = (OLE2_MAGIC,)
    media_types = ("application/vnd.ms-excel",)
    description = "rectification ledger (整改台账) as Excel 97-2003 xls"

    def sniff(self, head: bytes, filename: str | None) -> float:
        """OLE2 holds .doc and .wps too: a Workbook stream named in the head decides, else the name."""
        if not head.startswith(OLE2_MAGIC):
            return 0.0
        if "Workbook".encode("utf-16-le") in head or "Book\0".encode("utf-16-le") in head:
            return 0.95
        if "WordDocument".encode("utf-16-le") in head:
            return 0.0
        return 0.9 if filename and filename.lower().endswith(".xls") else 0.3  # the .doc reader says 0.6


class OdsReader(_SpreadsheetReader):
    name = "ods"
    extensions = ("ods",)
    sniff_needs = (b"PK\x03\x04",)
    media_types = ("application/vnd.oasis.opendocument.spreadsheet",)
    description = "rectification ledger (整改台账) as OpenDocument ods"

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 1.0 if head.startswith(b"PK\x03\x04") and ODS_MIME in head[:200] else 0.0


class CsvReader(Reader):
    name = "csv"
    extensions: ClassVar[tuple[str, ...]] = ("csv",)
    sniff_needs = (b",",)  # a header row has two cells at least
    media_types = ("text/csv",)
    description = "rectification ledger (整改台账) as csv, UTF-8 or GBK"
    options = OPTIONS
    max_bytes = 64 * 2**20

    def sniff(self, head: bytes, filename: str | None) -> float:
        import csv
        import io

        is_csv = bool(filename and filename.lower().endswith(".csv"))
        try:
            text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        except UnicodeDecodeError as exc:  # a character cut at the end of the sample is fine
            text = head[:exc.start].decode("utf-8") if exc.start >= len(head) - 4 else head.decode(
                "gb18030", errors="ignore")
        try:
            rows = list(csv.reader(io.StringIO(text)))[:20]
        except csv.Error:
            return 0.5 if is_csv else 0.0
        if any(vocab.tables.match_header(row) is not None for row in rows):
            return 0.97
        return 0.7 if is_csv else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Shown:
        if not source.data.strip():
            raise InputError("the file is empty", file=source.name)
        from .sheets import load_csv

        return Shown(document_from_sheets(load_csv(source.data, source.name, report.budget), options, report))


__all__ = ["CsvReader", "OdsReader", "XlsReader", "XlsxReader", "document_from_sheets"]
