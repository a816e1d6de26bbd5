"""Many notices → one table: a row per problem across all inputs, and a summary per issuer.

Inspection offices collect the units' notices back into a spreadsheet to follow progress; this
is ``rectify export FILES/DIRS --to xlsx|csv|jsonl -o TABLE``.  :func:`export_rows` works on
Documents already read, so it plugs into any batch runner (``rectify_core.workers`` when present);
:func:`collect` is the plain sequential one.  "Overdue" is an open problem (in progress or not
started) whose deadline — the status's, else the time limit's — is before ``as_of``.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import field
from typing import Any

from rectify_core.plugin_api import Document, Node, RectifyError, dataclass, vocab

COLUMNS: tuple[tuple[str, str], ...] = (
    ("source", "来源文件"), ("location", "位置"), ("issuer", "发文机关"), ("date", "通报日期"),
    ("level", "巡视巡察"), ("team", "巡察组"), ("section", "所属部分"), ("number", "编号"),
    ("problem", "反馈问题"), ("status", "整改状态"), ("status_words", "完成情况"), ("deadline", "完成期限"),
    ("time_limit", "整改时限"), ("unit", "责任单位"), ("person", "责任人"),
)
SUMMARY: tuple[tuple[str, str], ...] = (
    ("issuer", "发文机关"), ("notices", "通报数"), ("problems", "问题数"), ("completed", "已完成"),
    ("in_progress", "正在整改"), ("long_term", "长期坚持"), ("not_started", "未启动"), ("unknown", "未说明"),
    ("overdue", "逾期"),
)
OPEN = ("in_progress", "not_started")
NO_ISSUER = "（未署名）"


@dataclass
class Table:
    rows: list[dict[str, Any]] = field(default_factory=list)
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, message)
    notices: dict[str, int] = field(default_factory=dict)


def _problems(nodes: tuple[Node, ...], base: str, path: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...], Node]]:
    for i, node in enumerate(nodes):
        pointer = f"{base}/{i}"
        if node.problem is not None:
            yield pointer, path, node
        label = ((node.marker.text or "") if node.marker else "") + (node.heading or "")
        yield from _problems(node.children, f"{pointer}/children", (*path, label) if label else path)


def issuer_of(doc: Document) -> str:
    """The signature's issuer, else the disclosure's 发布机构, else the title's part before 关于."""
    if doc.signature is not None and doc.signature.issuer:
        return doc.signature.issuer
    for f in doc.disclosure:
        if f.key == "publisher" and f.value:
            return f.value
    if doc.title and "关于" in doc.title[1:]:
        return doc.title.split("关于", 1)[0]
    return NO_ISSUER


def export_rows(source: str, doc: Document) -> list[dict[str, Any]]:
    """One dict per problem node of ``doc`` (keys of :data:`COLUMNS`)."""
    sig, insp = doc.signature, doc.inspection
    common = {
        "source": source,
        "issuer": issuer_of(doc),
        "date": sig.date.iso if sig and sig.date else None,
        "level": insp.level if insp else None,
        "team": insp.team if insp else None,
    }
    out = []
    for pointer, path, node in _problems(doc.body, "/body", ()):
        p = node.problem
        assert p is not None
        status = p.status
        deadline = status.deadline.iso if status and status.deadline else None
        out.append(common | {
            "location": pointer,
            "section": " / ".join(path) or None,
            "number": node.marker.text if node.marker and node.marker.text else (
                str(node.marker.value) if node.marker else None),
            "problem": "\n".join(((node.heading,) if node.heading else ()) + p.finding) or None,
            "status": status.category if status else "unknown",
            "status_words": vocab.tables.status_words(status),
            "deadline": deadline,
            "time_limit": (p.time_limit.text or p.time_limit.iso) if p.time_limit else None,
            "time_limit_iso": p.time_limit.iso if p.time_limit else None,
            "unit": p.responsible_unit,
            "person": p.responsible_person,
        })
    return out


def add(table: Table, source: str, doc: Document) -> None:
    rows = export_rows(source, doc)
    table.rows.extend(rows)
    issuer = issuer_of(doc)
    table.notices[issuer] = table.notices.get(issuer, 0) + 1


def summarise(table: Table, as_of: _dt.date) -> list[dict[str, Any]]:
    """Per issuer (in order of first appearance): counts by status and overdue as of ``as_of``."""
    out: dict[str, dict[str, Any]] = {}
    for issuer, n in table.notices.items():
        out[issuer] = {k: 0 for k, _ in SUMMARY} | {"issuer": issuer, "notices": n}
    for row in table.rows:
        s = out[row["issuer"]]
        s["problems"] += 1
        s[row["status"]] = s.get(row["status"], 0) + 1
        due = row["deadline"] or row["time_limit_iso"]
        if row["status"] in OPEN and due is not None and _dt.date.fromisoformat(due) < as_of:
            s["overdue"] += 1
    return list(out.values())


def input_files(paths: Iterable[str], extensions: Iterable[str]) -> list[str]:
    """FILES as given, DIRS walked (sorted, hidden entries skipped) for files a reader claims."""
    exts = {e.lower() for e in extensions}
    out: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out += [os.path.join(root, f) for f in sorted(files)
                        if not f.startswith(".") and f.rsplit(".", 1)[-1].lower() in exts]
        else:
            out.append(path)
    return out


def collect(files: list[str], read: Callable[[str], Document],
            progress: Callable[[int, int, str], None] | None = None) -> Table:
    """Read every file in order; one that cannot be read is recorded, not fatal."""
    table = Table()
    for i, path in enumerate(files):
        try:
            add(table, path, read(path))
        except RectifyError as exc:
            table.failures.append((path, str(exc)))
        if progress is not None:
            progress(i + 1, len(files), path)
    return table


def _cell(row: dict[str, Any], key: str) -> str | int | _dt.date | None:
    value = row.get(key)
    if value is None or isinstance(value, int):
        return value  # counts stay numbers
    if key in ("date", "deadline"):
        return _dt.date.fromisoformat(value)
    return str(value)


def _grid(rows: list[dict[str, Any]], columns: tuple[tuple[str, str], ...]) -> list[list[Any]]:
    grid: list[list[Any]] = [[zh for _, zh in columns]]
    grid += [[_cell(r, k) for k, _ in columns] for r in rows]
    return grid


def render(table: Table, fmt: str, as_of: _dt.date) -> dict[str, bytes]:
    """Output files by suffix: '' is the table itself; csv adds '-summary.csv'."""
    summary = summarise(table, as_of)
    if fmt == "jsonl":
        lines = [json.dumps({"type": "problem"} | {k: r.get(k) for k, _ in COLUMNS}, ensure_ascii=False)
                 for r in table.rows]
        lines += [json.dumps({"type": "summary", "as_of": as_of.isoformat()} | s, ensure_ascii=False)
                  for s in summary]
        lines += [json.dumps({"type": "failure", "source": s, "message": m}, ensure_ascii=False)
                  for s, m in table.failures]
        return {"": ("\n".join(lines) + "\n").encode("utf-8") if lines else b""}
    if fmt == "csv":
        from .xlsx import csv_bytes

        return {"": csv_bytes(_grid(table.rows, COLUMNS)), "-summary.csv": csv_bytes(_grid(summary, SUMMARY))}
    if fmt == "xlsx":
        from .xlsx import render_table_workbook

        failures: list[list[Any]] = [["来源文件", "未读入的原因"], *([s, m] for s, m in table.failures)]
        sheets = [("问题清单", _grid(table.rows, COLUMNS)),
                  (f"汇总（截至{as_of.isoformat()}）", _grid(summary, SUMMARY))]
        if table.failures:
            sheets.append(("未读入", failures))
        return {"": render_table_workbook(sheets, created=as_of)}
    raise ValueError(f"unknown export format {fmt!r} (xlsx, csv, jsonl)")


def csv_text(data: bytes) -> list[list[str]]:
    """Parse what :func:`render` wrote as csv (for tests and round trips)."""
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


__all__ = ["COLUMNS", "SUMMARY", "Table", "add", "collect", "export_rows", "input_files", "issuer_of", "render",
           "summarise"]
