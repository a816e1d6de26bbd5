"""Page furniture: page numbers and running headers/footers, found by position and repetition.

Only the top-most and bottom-most lines of a page are candidates.  A candidate is a page number
when it has one of the usual forms (``vocab.furniture.folio_number``: ``— 3 —``, ``- 3 -``, ``3``,
``第3页``, ``第3页 共17页``, ``3/17``) and its number follows the page sequence the other pages
agree on; it is a running header or footer when the same text (digits aside) stands at the same
place on at least half the pages.
Everything removed is returned, so the reader records it: nothing is dropped silently.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from rectify_core import vocab

from ..records import dataclass
from .lines import PageText, TextLine

_EDGE_LINES = 2  # how many lines at each edge of a page may be furniture
_SAME_PLACE = 6.0  # points: how far a repeated header may move from page to page


@dataclass(frozen=True)
class Furniture:
    line: TextLine
    reason: str  # "page number" | "running header" | "running footer"


def _edges(page: PageText) -> list[tuple[TextLine, str]]:
    """The outermost lines of each half of the page: header candidates above, footer below."""
    middle = page.height / 2
    upper = [line for line in page.lines if line.top < middle]
    lower = [line for line in page.lines if line.top >= middle]
    return [(line, "top") for line in upper[:_EDGE_LINES]] + [(line, "bottom") for line in lower[-_EDGE_LINES:]]


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()))


def find_furniture(pages: list[PageText]) -> list[Furniture]:
    """The furniture lines of every page (the caller removes them from the pages)."""
    found: dict[int, Furniture] = {}
    _page_numbers(pages, found)
    _running(pages, found)
    return [found[k] for k in sorted(found, key=lambda k: (found[k].line.page, found[k].line.top))]


def _page_numbers(pages: list[PageText], found: dict[int, Furniture]) -> None:
    candidates: list[tuple[TextLine, int, bool]] = []
    for page in pages:
        for line, edge in _edges(page):
            folio = vocab.furniture.folio_number(line.text)
            if folio is not None and _outermost(page, line, edge, found):
                number, strong = folio
                candidates.append((line, number - page.number, strong))
    if not candidates:
        return
    votes: Counter[int] = Counter()
    pages_with: dict[int, set[int]] = {}
    for line, offset, strong in candidates:
        votes[offset] += 2 if strong else 1
        pages_with.setdefault(offset, set()).add(line.page)
    offset = max(votes, key=lambda o: (votes[o], -abs(o)))
    sequence = len(pages_with[offset]) >= 2  # the numbers run with the pages
    for line, off, strong in candidates:
        if off == offset and (strong or sequence):
            found[id(line)] = Furniture(line, vocab.furniture.PAGE_NUMBER)


def _outermost(page: PageText, line: TextLine, edge: str, found: dict[int, Furniture]) -> bool:
    """A page number is the first or last line of its page (ignoring other furniture)."""
    others = [x for x in page.lines if id(x) not in found or x is line]
    return line is (others[0] if edge == "top" else others[-1])


def _running(pages: list[PageText], found: dict[int, Furniture]) -> None:
    """Headers and footers: the same text (digits aside) at the same place on half the pages or
    more, set apart from the body by more white space than lies between two body lines — so a
    body line that happens to repeat at the top of pages ("0", "整改情况：") is not one."""
    if len(pages) < 2:
        return
    steps = sorted(b.top - a.top for p in pages for a, b in itertools.pairwise(p.lines) if b.top > a.top)
    pitch = steps[len(steps) // 2] if steps else 0.0
    seen: dict[tuple[str, str], list[TextLine]] = {}
    for page in pages:
        for line, edge in _edges(page):
            if id(line) in found or not _apart(page, line, edge, pitch):
                continue
            seen.setdefault((edge, _key(line.text)), []).append(line)
    need = max(2, (len(pages) + 1) // 2)
    for (edge, _), lines in seen.items():
        if len({line.page for line in lines}) < need:
            continue
        spot = Counter(round(line.top / _SAME_PLACE) for line in lines).most_common(1)[0][0]
        for line in lines:
            if abs(round(line.top / _SAME_PLACE) - spot) <= 1:
                reason = vocab.furniture.RUNNING_HEADER if edge == "top" else vocab.furniture.RUNNING_FOOTER
                found[id(line)] = Furniture(line, reason)


def _apart(page: PageText, line: TextLine, edge: str, pitch: float) -> bool:
    """Separated from the neighbouring body line by clearly more than the usual line distance."""
    index = page.lines.index(line)
    neighbour = index + 1 if edge == "top" else index - 1
    if not 0 <= neighbour < len(page.lines):
        return True
    return abs(page.lines[neighbour].top - line.top) > 1.4 * pitch


__all__ = ["Furniture", "find_furniture"]
