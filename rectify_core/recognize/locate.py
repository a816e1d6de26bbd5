"""Source lines for the findings on a recognised Document.

The recognizer reports no Document fact itself: every such fact (a numbering gap, half-width
brackets, a date that contradicts another, 巡视 in a 巡察 notice …) is a rule in ``checks``, found the
same way whatever format the notice came from.  What only the source knows is *where*: so after
recognising, the built-in rules run once and each finding is given the line (and page) of the
source block its JSON Pointer points into.  ``rectify validate`` then merges them with its own run
by rule id and pointer (``checks.merge_findings``), so each fact is reported once.
"""

from __future__ import annotations

from typing import Any

from ..model import Document
from ..report import Report
from .blocks import Block


class Places:
    """Which source blocks hold each part of the Document, by JSON Pointer (prefixes count)."""

    def __init__(self) -> None:
        self._blocks: dict[str, list[Block]] = {}

    def add(self, pointer: str, blocks: list[Block]) -> None:
        if blocks:
            self._blocks.setdefault(pointer, []).extend(blocks)

    def block(self, pointer: str, text: str | None) -> Block | None:
        """The block of the longest known prefix of ``pointer``; among several, the first that
        holds the start of ``text`` (the text the pointer names), else the first.  A part the source
        does not have (a missing signature) has no block: the finding keeps its pointer alone."""
        p = pointer
        while True:
            blocks = self._blocks.get(p)
            if blocks:
                probe = (text or "")[:12]
                return next((b for b in blocks if probe and probe in b.text), blocks[0])
            if "/" not in p[1:]:
                return None
            p = p.rsplit("/", 1)[0]


def _text_at(doc: Document, pointer: str) -> str | None:
    """The text a JSON Pointer names in the Document (a string, or an object's text, heading or value)."""
    obj: Any = doc
    for part in pointer.split("/")[1:]:
        if isinstance(obj, tuple) and part.isdigit() and int(part) < len(obj):
            obj = obj[int(part)]
        elif obj is not None and not isinstance(obj, (str, tuple)) and hasattr(obj, part):
            obj = getattr(obj, part)
        else:
            return None
    if obj is not None and not isinstance(obj, str):
        obj = getattr(obj, "text", None) or getattr(obj, "heading", None) or getattr(obj, "value", None)
    return obj if isinstance(obj, str) else None


def report_checks(doc: Document, places: Places, report: Report) -> None:
    """Run the built-in rules on ``doc`` and report each finding at its source line."""
    from ..checks import run_checks

    for f in run_checks(doc):
        block = places.block(f.pointer, _text_at(doc, f.pointer))
        report.add(f.rule, f.severity, f.message_zh, f.message_en, block, f.pointer)


__all__ = ["Places", "report_checks"]
