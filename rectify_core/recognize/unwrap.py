"""Hard-wrapped text (from a PDF) back into paragraphs, and one-line dumps split into paragraphs.

A PDF's text layer has one line per printed line.  The printed lines of a paragraph fill the type
area (about 28 CJK characters under GB/T 9704); the first line is indented two characters; the last
line is usually short.  So a line ends its paragraph when it is clearly shorter than the measure, or
when the next line starts a heading, a label or a contact.  A full line that ends a sentence is
ambiguous: it ends the paragraph only if the next line is no wider than an indented first line.
Widths are display widths (CJK = 2 columns), so mixed digits and Latin letters count fairly.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..patterns import compiled
from ..vocab.contacts import starts_with_contact
from ..vocab.dates import find_dates, parse_date
from ..vocab.disclosure import key_for_label, parse_line
from ..vocab.furniture import is_publish_info, is_site_chrome
from ..vocab.markers import split_marker
from ..vocab.titles import TITLE_ENDINGS
from .blocks import Block
from .labels import is_status_line, match_rect_label
from .text import close_cjk_gaps, display_width, ends_sentence, join_wrapped

INDENT = 4  # a first-line indent of two CJK characters, in display columns
SLACK = 3  # a full line may fall short of the measure by one CJK character and change


def starts_structure(text: str) -> bool:
    """A line that opens a heading, an account, a status or a contact never continues a paragraph."""
    return (split_marker(text) is not None or match_rect_label(text) is not None
            or is_status_line(text) or starts_with_contact(text))


def structure_memo(texts: list[str]) -> dict[str, bool]:
    """``starts_structure`` of each distinct text, computed once for ``wrap_width`` and ``rejoin``."""
    return {t: starts_structure(t) for t in texts}


def wrap_width(texts: list[str], memo: dict[str, bool] | None = None) -> int | None:
    """The measure (display columns) of hard-wrapped text, or None if the lines are paragraphs.

    Wrapped text has many lines of nearly the same width that end mid-sentence.  Paragraph-per-line
    text has widths all over the place and lines that end sentences.
    """
    memo = memo if memo is not None else structure_memo(texts)
    # Heading-number lines are left out (short, no sentence end either way); a line opening with a
    # label (整改情况：…) is the first printed line of its paragraph and counts like any other.
    prose = [t for t in texts if t and (not memo[t] or split_marker(t) is None)]
    widths = [display_width(t) for t in prose]
    width_of = dict(zip(prose, widths, strict=True))
    long_lines = [w for w in widths if w >= 16]
    if len(long_lines) < 8:
        return None
    counts = Counter(long_lines)
    best, best_count = 0, 0
    for w in counts:
        n = sum(c for v, c in counts.items() if w - SLACK <= v <= w + SLACK + 2)
        if n > best_count or (n == best_count and w > best):
            best, best_count = w, n
    if not 40 <= best <= 120 or best_count < max(6, 0.4 * len(widths)):
        return None
    full = [t for t in prose if best - SLACK <= width_of[t] <= best + SLACK + 2]
    open_ended = sum(1 for t in full if not ends_sentence(t))
    return best if open_ended >= max(5, 0.6 * len(full)) else None


# The closing's first words open a paragraph; the first line ending like a title is the title (unless
# the title itself wraps: …整改进展情况 / 的通报).
_OPENINGS = ("欢迎", "如有意见建议", "如对巡察整改", "如对巡视整改")


def _furniture(text: str) -> bool:
    """A toolbar, breadcrumb or 发布时间 line: a line of its own, never joined to the lines around it."""
    return is_site_chrome(text) or is_publish_info(text)


def _ends_paragraph(prev: int, prev_is_first: bool, prev_text: str, nxt: int, width: int) -> bool:
    capacity = width - (INDENT if prev_is_first else 0)
    if prev < capacity - SLACK:
        return True
    if ends_sentence(prev_text):
        # Full and closing a sentence: a continuation line is wider than an indented first line.
        return nxt <= width - INDENT + 1
    return False


def rejoin(blocks: list[Block], width: int, memo: dict[str, bool] | None = None) -> list[Block]:
    """Join the printed lines of each paragraph; the paragraph keeps its first line's place."""
    memo = memo if memo is not None else structure_memo([b.text for b in blocks])
    groups: list[tuple[Block, list[str]]] = []
    prev_width, prev_text, prev_first, prev_furniture = 0, "", True, True
    for block in blocks:
        w = display_width(block.text)
        # A heading, label or contact starts a paragraph (it may wrap onto the next line); furniture
        # stands alone.  Each test once per line: they are the costly part.
        # A table's cell or row stands alone, like furniture: never joined to the lines around it.
        furniture = block.table is not None or _furniture(block.text)
        if groups and not (furniture or prev_furniture or memo[block.text] or block.text.startswith(_OPENINGS)) \
                and not (len(groups) == 1 and prev_first and prev_text.endswith(TITLE_ENDINGS)
                         and not block.text.startswith("的")) \
                and not _ends_paragraph(prev_width, prev_first, prev_text, w, width):
            groups[-1][1].append(block.text)
            prev_first = False
        else:
            groups.append((block, [block.text]))
            prev_first = True
        prev_width, prev_text, prev_furniture = w, block.text, furniture
    out = []
    for first, texts in groups:
        text = texts[0]
        for more in texts[1:]:
            text = join_wrapped(text, more)
        out.append(replace(first, text=close_cjk_gaps(text)))
    return out


_GAP = compiled(r"[ \u3000]+")
_SUBTITLE = compiled(r"[（(][^（）()]{1,30}[）)]")
_WINDOW = 200  # how much of the text after a space the split looks at
_FIELD_MAX = 200  # a 政务公开 field is shorter than this
_FIELD_START = compiled(r"([\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}?)[ \u3000]*[：:]")
_SPACED_HEADING = compiled(r"[ \u3000]+(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def _opens_field(text: str) -> bool:
    head = text[:14]
    if "：" not in head and ":" not in head:
        return False
    m = _FIELD_START.match(text)
    return m is not None and key_for_label(m.group(1)) is not None


def _ends_with_date(text: str) -> bool:
    """``text`` (the end of a dump) ends with a whole date written in it — ``2021年2月10日``, also with
    spaces inside (``2021 年 2 月 10日``); a space inside that date has only part of it after it."""
    end = len(text.rstrip())
    return any(m.end == end and m.year_stated and m.iso is not None for m in find_dates(text))


def _breaks_here(before: str, after: str, rest: int) -> bool:
    """Whether the space between ``before`` (the part so far) and ``after`` (the next ≤ 200 characters
    of the ``rest`` left) separates two parts.  Checks on ``before`` that need a short part look at
    short ones only, so a long run without a break stays linear."""
    if not after:
        return False
    if starts_structure(after) or (rest <= 60 and (_ends_with_date(after) or parse_date(after.split()[-1]))):
        return True  # a heading, label or contact follows, or the signature (issuer and date, or date)
    field = parse_line(before) if len(before) <= _FIELD_MAX and ("：" in before or ":" in before) else None
    if _opens_field(after) or (field is not None and field[2]):
        return True  # 政务公开 fields: 索引号：… 发布机构：… each a part
    if ends_sentence(before) or (len(before) <= 32 and _SUBTITLE.fullmatch(before) and split_marker(before) is None):
        return True
    if len(before) <= 12 and (label := match_rect_label(before)) is not None and not label[2]:
        return True  # 整改情况： alone, its account after the space
    # A heading such as 一、整改工作基本情况 followed by a space and its first paragraph.
    return (len(before) <= 40 and split_marker(before) is not None and not ends_sentence(before)
            and before[-1:] >= "\u4e00" and after[:1] >= "\u4e00")


def split_dump(text: str) -> list[str]:
    """Split a whole document pasted as one line at the spaces that separate its parts.

    A space separates parts when what follows opens a heading, label, contact, 政务公开 field or date,
    when what precedes ends a sentence or is a whole 政务公开 field (索引号：…), or when it ends a short
    heading line or the title.  Spaces inside a sentence (2020 年 4 月) stay.
    """
    parts: list[str] = []
    start = 0
    fields_only = True  # every part so far is a 政务公开 field: the title may come next
    for m in _GAP.finditer(text):
        if m.start() == start:
            continue
        before, after = text[start:m.start()], text[m.end():m.end() + _WINDOW]
        first = fields_only and 6 <= len(before) <= 80 and before.endswith(("通报", "情况", "报告"))
        if first or _breaks_here(before, after, len(text) - m.end()):
            parts.append(before)
            fields_only = fields_only and not first and len(before) <= _FIELD_MAX and parse_line(before) is not None
            start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p]


def is_dump(texts: list[str]) -> bool:
    """Few lines, at least one long one with several headings after spaces: a one-line dump."""
    if len([t for t in texts if t]) > 5:
        return False
    return any(len(t) > 300 and len(_SPACED_HEADING.findall(t)) >= 2 for t in texts)


__all__ = ["INDENT", "is_dump", "rejoin", "split_dump", "starts_structure", "structure_memo", "wrap_width"]
