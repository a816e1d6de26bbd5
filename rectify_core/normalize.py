"""Standard verbatim forms, and ``completed()``: the Document as a reader will see it.

Generation is first-class: an integrator may leave out every verbatim form (marker text, status
phrase, the written date) and give only the normalised values.  Writers of visible formats then
print the standard form, and a reader reports what it sees — so for those formats the round-trip
promise is ``read(write(d)) == completed(d)``, and ``completed(d) == d`` for a Document that was
itself read from a file.
"""

from __future__ import annotations

from .model import Contact, Date, Document, Marker, Node, Problem, Status, replace
from .numerals import to_chinese, to_circled

STATUS_PHRASES = {
    "completed": "已完成整改",
    "long_term": "长期任务取得阶段性成效并长期坚持",
    "in_progress": "继续整改",
    "not_started": "尚未启动整改",
}

# The label a writer prints for a field the source showed as a bare value (dev corpus 017).
DISCLOSURE_LABELS = {
    "index_no": "索引号", "category": "主题分类", "publisher": "发布机构", "written_date": "成文日期",
    "doc_number": "文号", "issued_date": "发布日期", "title": "标题", "validity": "效力状态",
    "disclosure_mode": "公开方式", "keywords": "主题词", "source": "信息来源",
}

CONTACT_LABELS = {"phone": "联系电话", "mailbox": "邮政信箱", "email": "电子邮箱", "other": "联系方式"}


def marker_text(style: str, value: int) -> str:
    """The GB/T 9704 form of a heading number: 一、 （一） 1. （1） ①, or 问题1： for a label."""
    if style == "chinese":
        return to_chinese(value) + "、"
    if style == "chinese_paren":
        return "（" + to_chinese(value) + "）"
    if style == "arabic":
        return f"{value}."
    if style == "arabic_paren":
        return f"（{value}）"
    if style == "circled":
        return to_circled(value)
    if style == "label":
        return f"问题{value}："
    raise ValueError(f"unknown marker style {style!r}")


def date_text(iso: str) -> str:
    """2023-10-26 → 2023年10月26日 (GB/T 9704 7.3.5: no leading zeros)."""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


def status_text(status: Status) -> str | None:
    if status.category == "unknown":
        return None
    phrase = STATUS_PHRASES[status.category]
    if status.category == "in_progress" and status.deadline is not None:
        when = status.deadline.text or (date_text(status.deadline.iso) if status.deadline.iso else "")
        return f"（{phrase}，{when}前完成）" if when else f"（{phrase}）"
    return f"（{phrase}）"


def _date(d: Date | None) -> Date | None:
    if d is None or d.text is not None or d.iso is None:
        return d
    return replace(d, text=date_text(d.iso))


def _status(s: Status | None) -> Status | None:
    if s is None or s.text is not None:
        return s
    text = status_text(s)
    if text is None:
        return None  # nothing visible to read back
    return replace(s, text=text, deadline=_date(s.deadline))


def _problem(p: Problem | None) -> Problem | None:
    if p is None:
        return None
    rect = p.rectification
    if rect is not None and rect.colon is None:
        rect = replace(rect, colon="：")
    # The ledger fields of schema 1.1 (责任单位, 责任人, 整改时限) are not printed by the visible
    # writers: a notice states them in too many ways for the recognizer to read them back reliably,
    # so the round-trip promise leaves them out rather than guess (json, xml and the ledger keep them).
    out = replace(p, rectification=rect, status=_status(p.status),
                  responsible_unit=None, responsible_person=None, time_limit=None)
    return out if out != Problem() else None


def _marker(m: Marker | None) -> Marker | None:
    if m is None or m.text is not None:
        return m
    return replace(m, text=marker_text(m.style, m.value))


def _node(n: Node) -> Node:
    return replace(
        n,
        marker=_marker(n.marker),
        problem=_problem(n.problem),
        children=tuple(_node(c) for c in n.children),
    )


def contact_line(c: Contact) -> str:
    return f"{c.label or CONTACT_LABELS[c.kind]}：{c.value}"


def completed(doc: Document) -> Document:
    """Fill every verbatim form a writer of a visible format would have to invent."""
    closing = list(doc.closing)
    joined = "\n".join(closing)
    contacts = []
    for c in doc.contacts:
        if c.value not in joined:
            closing.append(contact_line(c))
        contacts.append(c if c.label is not None or c.value in joined else replace(c, label=CONTACT_LABELS[c.kind]))
    signature = doc.signature
    if signature is not None:
        signature = replace(signature, date=_date(signature.date))
        if signature.issuer is None and signature.date is None:
            signature = None  # an empty signature block shows nothing, so nothing reads back
    disclosure = tuple(
        replace(f, label=DISCLOSURE_LABELS[f.key]) if f.label is None and f.key in DISCLOSURE_LABELS else f
        for f in doc.disclosure
    )
    return replace(
        doc,
        disclosure=disclosure,
        body=tuple(_node(n) for n in doc.body),
        closing=tuple(closing),
        contacts=tuple(contacts),
        signature=signature,
    )


__all__ = [
    "CONTACT_LABELS",
    "STATUS_PHRASES",
    "completed",
    "contact_line",
    "date_text",
    "marker_text",
    "status_text",
]
