"""Facts the visible text states: inspection, statistics, contacts, disclosure keys and dates.

Readers of visible formats (txt, PDF, docx, HTML) carry these facts only as text, so every such
reader computes them the same way — here — from the Document's own paragraphs:

* ``inspection`` from the preamble (level and round also from the title);
* ``statistics`` from the first sentence anywhere in the preamble or in the plain paragraphs of the
  body (not inside a problem's finding or account) that states a total and a completed count;
* ``contacts`` from the closing paragraphs;
* each disclosure field's ``key`` and ``date`` from its label and value.

``derive_facts`` looks only at text, never at the facts it replaces, so it is idempotent, and
``read(write(d)) == derive_facts(with_standard_forms(d))`` for visible formats.
"""

from __future__ import annotations

from ..model import Document, Node, replace
from ..vocab.contacts import parse_contacts
from ..vocab.disclosure import field_facts
from .inspection import derive_inspection
from .statistics import find_statistics


def _body_paragraphs(nodes: tuple[Node, ...], out: list[str]) -> None:
    for node in nodes:
        out.extend(node.paragraphs)
        _body_paragraphs(node.children, out)


def derive_facts(doc: Document) -> Document:
    """Recompute ``inspection``, ``statistics``, ``contacts`` and disclosure keys from the visible text."""
    paragraphs = list(doc.preamble)
    _body_paragraphs(doc.body, paragraphs)
    return replace(
        doc,
        disclosure=tuple(field_facts(f) for f in doc.disclosure),
        inspection=derive_inspection(doc.title, doc.preamble),
        statistics=find_statistics(paragraphs),
        contacts=parse_contacts(doc.closing),
    )


__all__ = ["derive_facts"]
