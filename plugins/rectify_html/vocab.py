"""The class names our pages use, shared by the writer and the reader so the two cannot drift.

A *paragraph element* (any element other than ``<span>``, ``<dt>``, ``<dd>``) carries the class of
its layout role; the parts of its line are ``<span>`` (or ``<dt>``/``<dd>``) elements carrying the
class of their span kind.  Text directly inside a paragraph element, or inside an element without
a span class (a ``tel:`` link, a ``<time>``), is plain ``text``.  Keeping paragraphs and spans
apart by tag lets one word serve as both a role and a span kind (``finding``) without ambiguity.
"""

from __future__ import annotations

GENERATOR = "rectify-html 1"
"""Content of ``<meta name="generator">``; fixed (not the package version) so bytes stay stable."""

ROOT_CLASS = "rectify-document"
SECTION_CLASS = "item"
PROBLEM_CLASS = "problem"

ROLE_CLASS: dict[str, str] = {
    "disclosure": "disclosure-field",
    "title": "title",
    "subtitle": "subtitle",
    "preamble": "preamble",
    "node": "node",
    "paragraph": "paragraph",
    "finding": "finding",
    "rectification": "rectification",
    "rect_text": "rect-text",
    "status": "status-line",
    "closing": "closing",
    "issuer": "issuer",
    "date": "date",
}
CLASS_ROLE: dict[str, str] = {v: k for k, v in ROLE_CLASS.items()}

SPAN_TAGS: frozenset[str] = frozenset({"span", "dt", "dd"})
"""Elements that hold a part of a line (``dt``/``dd`` are the label and value of a disclosure field)."""

SPAN_CLASSES: frozenset[str] = frozenset(
    {"text", "label", "value", "marker", "heading", "finding", "colon", "status"}
)


def classes(element: object) -> list[str]:
    """The class tokens of an lxml element (HTML class attributes are space-separated sets)."""
    get = getattr(element, "get", None)
    value = get("class") if get is not None else None
    return value.split() if isinstance(value, str) else []
