"""Shared checks for recognizer tests: a readable outline of the body, and "nothing lost"."""

from __future__ import annotations

import re

from rectify_core.errors import InputError
from rectify_core.formats import ReadResult
from rectify_core.model import Document, Node, replace
from rectify_core.recognize import Block, recognize
from rectify_core.recognize.text import clean
from rectify_core.vocab.furniture import is_page_number, is_publish_info, is_site_chrome, is_tail_furniture


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


def visible_text(doc: Document, *, date_first: bool = False, disclosure: bool = True) -> str:
    """Every character the Document shows, in the order a writer prints it."""
    parts: list[str] = []
    for f in doc.disclosure if disclosure else ():
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


def assert_nothing_lost(source: str, result: ReadResult, *, date_first: bool = False,
                        disclosure_anywhere: bool = False) -> None:
    """Every non-white-space character of ``source`` is in the Document, in order, or recorded as removed
    (each removed text taken out where it starts on the line it was recorded on — it may run on over
    the next lines when wrapped lines were joined).

    ``disclosure_anywhere``: the 政务公开 fields are printed first, but a bare value may stand after the
    title in the source (dev 017); each field's text must then be found in the source, and the rest
    compared in order.
    """
    lines = [re.sub(r"\s", "", line) for line in source.split("\n")]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    text = "".join(lines)
    kept = [True] * len(text)
    # Control characters first: a line they were cleaned out of may be removed whole afterwards.
    for removed in sorted(result.removed, key=lambda r: r.reason != "control character"):
        assert removed.location is not None and removed.location.line is not None, removed
        piece = re.sub(r"\s", "", removed.text)
        index = removed.location.line - 1
        view = [i for i in range(offsets[index], len(text)) if kept[i]]  # what is left, from its line on
        at = "".join(text[i] for i in view).find(piece)
        assert piece and at >= 0 and view[at] < offsets[index + 1], removed
        for i in view[at:at + len(piece)]:
            kept[i] = False
    want = "".join(c for c, keep in zip(text, kept, strict=True) if keep)
    doc = result.document
    if "facts" in result.info:  # a signature taken from the 政务公开 list: shown there, not added to the text
        doc = replace(doc, signature=None)
    got = re.sub(r"\s", "", visible_text(doc, date_first=date_first, disclosure=not disclosure_anywhere))
    if not disclosure_anywhere:
        assert got == want
        return
    texts = [t for f in result.document.disclosure for t in (re.sub(r"\s", "", f.label or ""),
                                                               re.sub(r"\s", "", f.value or "")) if t]
    assert _without_some_occurrence(want, texts, got), (want, texts, got)


def _without_some_occurrence(text: str, pieces: list[str], target: str, budget: list[int] | None = None) -> bool:
    """Whether taking one occurrence of each of ``pieces`` (in any place) out of ``text`` leaves ``target``."""
    budget = budget if budget is not None else [10_000]
    if not pieces:
        return text == target
    piece, rest = pieces[0], pieces[1:]
    start = text.find(piece)
    while start >= 0 and budget[0] > 0:
        budget[0] -= 1
        if _without_some_occurrence(text[:start] + text[start + len(piece):], rest, target, budget):
            return True
        start = text.find(piece, start + 1)
    return False


__all__ = ["assert_nothing_lost", "outline", "statuses", "visible_text"]


def recognize_text(blocks: list[Block], source: str) -> ReadResult | None:
    """``recognize(blocks)``, or None when the blocks show no text but white space and furniture (page
    numbers, site chrome) — which the core refuses as "no text to read" (an InputError, asserted
    here to be that case only)."""
    try:
        return recognize(blocks, source=source)
    except InputError as exc:
        assert "no text to read" in str(exc), exc
        furniture = (is_page_number, is_site_chrome, is_publish_info, is_tail_furniture)
        texts = [clean(b.text) for b in blocks]  # control characters are removed (and recorded) too
        assert all(not t or any(f(t) for f in furniture) for t in texts), exc
        return None
