"""Shared checks for recognizer tests: a readable outline of the body, and "nothing lost"."""

from __future__ import annotations

import re

from rectify_core.formats import ReadResult
from rectify_core.model import Document, Node


def outline(nodes: tuple[Node, ...], depth: int = 0) -> list[str]:
    """One line per node: H(eading) or P(roblem), the marker as written (· for none), then the heading —
    or, for a problem without one, ``F:`` and its first finding paragraph."""
    out: list[str] = []
    for n in nodes:
        mark = n.marker.text if n.marker is not None else "·"
        kind = "P" if n.problem is not None else "H"
        shown = n.heading if n.heading is not None or n.problem is None else "F:" + n.problem.finding[0]
        out.append(f"{'  ' * depth}{kind} {mark} {shown}")
        out += outline(n.children, depth + 1)
    return out


def statuses(doc: Document) -> list[tuple[str, str | None, bool]]:
    """(category, text, inline) of every problem's status, in document order."""
    found = [n.problem.status for _, n in doc.walk() if n.problem is not None and n.problem.status is not None]
    return [(s.category, s.text, s.inline) for s in found]


def visible_text(doc: Document, *, date_first: bool = False) -> str:
    """Every character the Document shows, in the order a writer prints it."""
    parts: list[str] = []
    for f in doc.disclosure:
        parts += [f.label or "", f.value or ""]
    parts += [doc.title or "", doc.subtitle or "", *doc.preamble]

    def node(n: Node) -> None:
        parts.extend([n.marker.text or "" if n.marker else "", n.heading or "", *n.paragraphs])
        if n.problem is not None:
            parts.extend(n.problem.finding)
            rect = n.problem.rectification
            if rect is not None:
                parts.extend([rect.label, rect.colon or "", *rect.paragraphs])
            if n.problem.status is not None:
                parts.append(n.problem.status.text or "")
        for c in n.children:
            node(c)

    for n in doc.body:
        node(n)
    parts += list(doc.closing)
    if doc.signature is not None:
        sig = [doc.signature.issuer or "", doc.signature.date.text or "" if doc.signature.date else ""]
        parts += sig[::-1] if date_first else sig
    return "".join(parts)


def assert_nothing_lost(source: str, result: ReadResult, *, date_first: bool = False) -> None:
    """Every non-white-space character of ``source`` is in the Document, in order, or recorded as removed
    (each removed text taken out of the line it was recorded on)."""
    lines = source.split("\n")
    for removed in result.removed:
        assert removed.location is not None and removed.location.line is not None, removed
        index = removed.location.line - 1
        assert removed.text in lines[index], removed
        lines[index] = lines[index].replace(removed.text, "", 1)
    want = re.sub(r"\s", "", "".join(lines))
    got = re.sub(r"\s", "", visible_text(result.document, date_first=date_first))
    assert got == want


__all__ = ["assert_nothing_lost", "outline", "statuses", "visible_text"]
