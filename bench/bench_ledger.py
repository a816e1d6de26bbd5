"""The ledger formats: reading and writing a 500-row ledger, and exporting the corpus, beside anchors.

    python bench/bench_ledger.py [--rows 500] [--runs 15]

Anchors: python-calamine alone (the library floor of our reader: load + every cell), the standard
library's csv module (floor of the csv reader), and openpyxl (the usual alternative, when installed:
read-only load of every cell, and writing the same cells).  The ledger is written by rectify's own
writer from a generated Document, so reader and writer are measured on the same file.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from timing import median_ms  # noqa: E402


def ledger_document(rows: int):  # type: ignore[no-untyped-def]
    from rectify_core.model import Date, Document, Marker, Node, Problem, Rectification, Status

    sections = []
    per = 25
    for s in range(rows // per):
        problems = tuple(
            Node(marker=Marker("chinese_paren", n + 1), problem=Problem(
                finding=(f"第{s + 1}部分第{n + 1}个问题：村务公开不及时，部分村财务收支未按季度公开。",),
                rectification=Rectification("整改情况", paragraphs=(
                    "统一规范村务公开栏，建立公开提醒和督查机制，逐月督查公开情况。",
                    "已规范全镇村务公开栏，完成整改。")),
                status=Status(("completed", "long_term", "in_progress")[n % 3]),
                responsible_unit="镇党政办", responsible_person="王某某",
                time_limit=Date(iso="2026-06-30")))
            for n in range(per))
        sections.append(Node(marker=Marker("chinese", s + 1), heading=f"第{s + 1}方面问题", children=problems))
    return Document(title="中共示例镇委员会关于巡察整改进展情况的通报", body=tuple(sections))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=500)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    import python_calamine as pc

    from rectify_core import api
    from rectify_core.formats import Source
    from rectify_core.plugins import get_registry
    from rectify_core.reading import read_source

    doc = ledger_document(args.rows)
    xlsx = api.write_bytes(doc, "xlsx")
    csv_data = api.write_bytes(doc, "csv")
    reg = get_registry()
    rows: list[tuple[str, float, str]] = []

    def calamine_floor() -> None:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(xlsx))
        for name in book.sheet_names:
            book.get_sheet_by_name(name).to_python()

    def csv_floor() -> None:
        import csv

        list(csv.reader(io.StringIO(csv_data.decode("utf-8-sig"))))

    rows.append(("read xlsx: rectify (calamine + mapping)",
                 median_ms(lambda: read_source(reg.reader("xlsx"), Source(xlsx, "l.xlsx")), args.runs), "ours"))
    rows.append(("read xlsx: python-calamine alone (floor)", median_ms(calamine_floor, args.runs), "floor"))
    rows.append(("read csv: rectify", median_ms(lambda: read_source(reg.reader("csv"), Source(csv_data, "l.csv")),
                                                args.runs), "ours"))
    rows.append(("read csv: stdlib csv alone (floor)", median_ms(csv_floor, args.runs), "floor"))
    rows.append(("write xlsx: rectify (XlsxWriter)", median_ms(lambda: api.write_bytes(doc, "xlsx"), args.runs),
                 "ours"))
    rows.append(("write csv: rectify", median_ms(lambda: api.write_bytes(doc, "csv"), args.runs), "ours"))
    try:
        import openpyxl

        def openpyxl_read() -> None:
            book = openpyxl.load_workbook(io.BytesIO(xlsx), read_only=True)
            for ws in book.worksheets:
                for _ in ws.iter_rows(values_only=True):
                    pass

        grid = [list(r) for r in pc.CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).get_sheet_by_name(
            "整改台账").to_python()]

        def openpyxl_write() -> None:
            book = openpyxl.Workbook()
            ws = book.active
            for r in grid:
                ws.append(r)
            book.save(io.BytesIO())

        rows.append(("read xlsx: openpyxl read-only (anchor)", median_ms(openpyxl_read, args.runs), "anchor"))
        rows.append(("write xlsx: openpyxl, same cells, no styles (anchor)", median_ms(openpyxl_write, args.runs),
                     "anchor"))
    except ImportError:
        rows.append(("openpyxl not installed (pip install openpyxl for the anchor)", float("nan"), "anchor"))

    corpus = ROOT.parent / "shared" / "corpus"
    if corpus.exists():
        from rectify_ledger import export

        files = export.input_files([str(corpus / "dev"), str(corpus / "seeds")], ["txt"])

        def run_export() -> None:
            table = export.collect(files, lambda p: api.read(p).document)
            export.render(table, "xlsx", __import__("datetime").date(2026, 12, 1))

        rows.append((f"export {len(files)} corpus notices → xlsx (sequential)",
                     median_ms(run_export, max(3, args.runs // 5)), "ours"))

    print(f"ledger of {args.rows} problem rows ({len(xlsx) // 1024} KiB xlsx, {len(csv_data) // 1024} KiB csv), "
          f"median of {args.runs} runs")
    width = max(len(r[0]) for r in rows)
    for label, ms, kind in rows:
        print(f"  {label:<{width}}  {ms:8.1f} ms  [{kind}]")


if __name__ == "__main__":
    main()
