"""``with_standard_forms()``: the Document as a reader will see it once a writer has printed it.

Generation is first-class: an integrator may leave out every verbatim form (marker text, status
phrase, the written date, a disclosure label) and give only the normalised values.  Writers of
visible formats then print the standard form (each from the vocabulary that also reads it:
``vocab.markers.marker_text``, ``vocab.status.status_text``, ``vocab.dates.date_text``,
``vocab.disclosure.STANDARD_LABELS``), and a reader reports what it sees — so for those formats the
round-trip promise is ``read(write(d)) == with_standard_forms(d)``, and ``with_standard_forms(d) == d``
for a Document that was itself read from a file.
"""

from __future__ import annotations

from .model import Contact, Date, Document, Marker, Node, Problem, Status, replace
from .vocab.dates import date_text
from .vocab.disclosure import STANDARD_LABELS
from .vocab.markers import marker_text
from .vocab.status import status_text

CONTACT_LABELS = {"phone": "联系电话", "mailbox": "邮政信箱", "email": "电子邮箱", "other": "联系方式"}


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


def with_standard_forms(doc: Document) -> Document:
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
        replace(f, label=STANDARD_LABELS[f.key]) if f.label is None and f.key in STANDARD_LABELS else f
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


__all__ = ["CONTACT_LABELS", "contact_line", "with_standard_forms"]
