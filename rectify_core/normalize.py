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

from .model import Date, Document, Marker, Node, Problem, Status, replace
from .vocab.contacts import CONTACT_LABELS, contact_line
from .vocab.dates import date_text
from .vocab.disclosure import STANDARD_LABELS
from .vocab.markers import marker_text
from .vocab.status import is_stated, status_text


def _date(d: Date | None) -> Date | None:
    if d is None or d.text is not None or d.iso is None:
        return d
    return replace(d, text=date_text(d.iso))


def _status(s: Status | None) -> Status | None:
    if s is None:
        return s
    if s.text is not None:  # whether it was inferred is a matter of how its text reads
        return s if s.inferred != is_stated(s.text) else replace(s, inferred=not is_stated(s.text))
    text = status_text(s)
    if text is None:
        return None  # nothing visible to read back
    return replace(s, text=text, deadline=_date(s.deadline), inferred=False)


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


__all__ = ["with_standard_forms"]
