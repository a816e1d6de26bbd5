"""The head of a 通报: site chrome, the 政务公开 list, the title and subtitle, the publication line.

Web pages put a toolbar, a breadcrumb and a metadata list before the title and a 发布时间/来源/浏览
line after it; some lists are labelled (索 引 号:…), some are bare values (an index number, a date,
主动公开).  Everything before the first line of the preamble is read here; chrome is recorded as
removed, metadata becomes disclosure fields (a bare value gets the standard label of its field, as
the list printed it without one).  The title is the first line that reads as one — or that its layout
marks as one (centred and bold or large, an outline level 1 or a Title style; ``hints``).
"""

from __future__ import annotations

from dataclasses import field
from typing import cast

from ..model import DisclosureField, DisclosureKey
from ..patterns import compiled
from ..records import dataclass
from ..report import Report
from ..vocab.dates import parse_date
from ..vocab.disclosure import DISCLOSURE_MODES, INDEX_NUMBER, cell_pair, key_for_label, parse_line
from ..vocab.furniture import (
    BULLET,
    PUBLISH_INFO,
    SEPARATOR,
    SITE_CHROME,
    is_page_number,
    is_publish_info,
    is_site_chrome,
    split_bullet,
)
from ..vocab.status import parse_status_text
from ..vocab.titles import ORGAN_END, TITLE_END, TITLE_WORDS
from .blocks import Block
from .hints import body_size, title_hint
from .text import has_han
from .unwrap import starts_structure

_TITLE_WORDS = compiled("|".join(TITLE_WORDS))
_SUBTITLE = compiled(r"[（(][^（）()]{1,30}[）)]")
_NO_TITLE_END = "。；，、,;：:！？!?"


@dataclass
class Head:
    """What the recognizer found before the body: the 政务公开 fields, the title and subtitle."""

    disclosure: list[DisclosureField] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # the line of each disclosure field
    title: str | None = None
    subtitle: str | None = None
    content: list[Block] = field(default_factory=list)  # title/subtitle lines, for finding text


def looks_like_title(text: str) -> bool:
    return (4 <= len(text) <= 100 and text[-1] not in _NO_TITLE_END and not starts_structure(text)
            and _TITLE_WORDS.search(text) is not None)


def _is_org(text: str) -> bool:
    return (2 <= len(text) <= 30 and has_han(text) and ORGAN_END.search(text) is not None
            and not any(c in text for c in "。，；：,;:！？ ") and not starts_structure(text))


def _bare_value(text: str, after_fields: bool, after_title: bool) -> tuple[str, str] | None:
    """(key, value) for an unlabelled metadata value."""
    if INDEX_NUMBER.fullmatch(text):
        return "index_no", text
    if text in DISCLOSURE_MODES:
        return "disclosure_mode", text
    if after_fields and parse_date(text) is not None:
        return "issued_date", text
    if after_fields and after_title and _is_org(text):
        return "publisher", text
    return None


_BANNER_SEARCH = 30  # lines a web page's banner and menus may take above its breadcrumb or metadata
_BANNER_LINE = 40  # characters: a site name, a menu, a toolbar — never a paragraph


def _banner(lines: list[Block]) -> int:
    """How many lines above a page's breadcrumb or 政务公开 list are its banner and menus (0: none).

    A page printed from a browser (or copied whole) starts with the site's name, its menus and a
    line of script output before the breadcrumb (当前位置：…) or the metadata list.  Those lines are
    short, no sentence and no heading; when they stand above chrome or metadata that the page then
    follows with its title, they are furniture.  A notice's own 版头 has neither below it.
    """
    for k, block in enumerate(lines[:_BANNER_SEARCH]):
        text = block.text
        if block.cells is not None or block.table is not None:
            return 0
        if is_site_chrome(text) or parse_line(text) is not None or fields_on_line(text) \
                or split_bullet(text) is not None:
            return k
        if len(text) > _BANNER_LINE or any(c in text for c in "。；，") or starts_structure(text) \
                or looks_like_title(text):
            return 0
    return 0


def fields_on_line(text: str) -> list[tuple[str, str, str]] | None:
    """(label, separator, value) of each 政务公开 field when one line holds two or more (a metadata
    table printed as two columns: ``索引号： 3704…/2023-00364主题分类： 公示、公告``), else None.

    Each colon is tried against the known labels that end just before it (the longest wins), so a
    value running into the next label without a space is cut where that label starts.
    """
    if "：" not in text and ":" not in text:
        return None
    starts: list[tuple[int, int]] = []  # (label start, colon position)
    for c, ch in enumerate(text):
        if ch not in "：:":
            continue
        head = text[:c].rstrip(" \u3000")
        for k in range(min(len(head), 12), 1, -1):
            label = head[-k:]
            if not label[0].isspace() and "：" not in label and ":" not in label and key_for_label(label) is not None:
                starts.append((len(head) - k, c))
                break
    if len(starts) < 2 or starts[0][0] != 0 or len(starts) != text.count("：") + text.count(":"):
        return None  # every colon ends a known label, or this is no metadata line (浏览次数：… is none)
    out = []
    for (start, colon), nxt in zip(starts, [*starts[1:], (len(text), len(text))], strict=True):
        label = text[start:colon].rstrip(" \u3000")
        sep_end = colon + 1
        out.append((label, text[colon:sep_end], text[sep_end:nxt[0]].strip()))
    return out


def read_head(lines: list[Block], report: Report) -> tuple[Head, int]:
    """The head and the index of the first line after it."""
    head = Head()
    n = len(lines)
    body = body_size(lines)
    i = _banner(lines)
    for block in lines[:i]:
        report.remove(block.text, SITE_CHROME, block)
    while i < n:
        block = lines[i]
        text = block.text
        if block.row is not None:
            break  # a ledger row: the body has begun
        if head.title is None and block.cells is None and (fields := fields_on_line(text)) is not None:
            for label, separator, value in fields:
                report.remove(separator, SEPARATOR, block)
                head.disclosure.append(DisclosureField(label=label, value=value or None))
                head.blocks.append(block)
            i += 1
            continue
        if block.table is None and (is_site_chrome(text) or is_page_number(text)):
            report.remove(text, SITE_CHROME, block)
            i += 1
            continue
        if is_publish_info(text) and (head.title is not None or parse_line(text) is None):
            report.remove(text, PUBLISH_INFO, block)
            i += 1
            continue
        bullet = split_bullet(text)
        if bullet is not None:
            mark, text = bullet
            if not (head.title is None and (parse_line(text) or looks_like_title(text))):
                break  # a bulleted line that is neither metadata nor title: the content has begun
            report.remove(mark, BULLET, block)
        if head.title is None and (pair := cell_pair(block.cells) or parse_line(text)) is not None:
            label, separator, value = pair
            if separator:
                report.remove(separator, SEPARATOR, block)
            if not value and bullet is not None and i + 1 < n and _value_line(lines[i + 1].text):
                i += 1
                value = lines[i].text
            head.disclosure.append(DisclosureField(label=label, value=value or None))
            head.blocks.append(block)
            i += 1
            continue
        bare = _bare_value(text, bool(head.disclosure), head.title is not None)
        if bare is not None:
            key, value = bare
            # no label was shown: invent none, the key says what it is
            head.disclosure.append(DisclosureField(key=cast(DisclosureKey, key), value=value))
            head.blocks.append(block)
            i += 1
            continue
        wrapped = _wrapped_title(lines, i) if head.title is None else 0
        if head.title is None and not wrapped and i + 1 < n and _title_goes_on(text, lines[i + 1].text):
            wrapped = 2
        if head.title is None and (wrapped or looks_like_title(text)
                                   or (title_hint(block, body) and not starts_structure(text))):
            head.title = "".join(b.text for b in lines[i:i + wrapped]) if wrapped else text
            head.content.extend(lines[i:i + max(wrapped, 1)])
            i += max(wrapped, 1)
            if i < n and _SUBTITLE.fullmatch(lines[i].text) and not starts_structure(lines[i].text) \
                    and parse_status_text(lines[i].text) is None:
                head.subtitle = lines[i].text
                head.content.append(lines[i])
                i += 1
            continue
        break
    return head, i


def _wrapped_title(lines: list[Block], i: int) -> int:
    """How many lines (2 or 3) from ``i`` make one title broken over lines, or 0.

    A long title is printed on two or three centred lines (中共××局党组关于县委第五巡察组 / 反馈意见整改
    落实情况的通报); a txt copy keeps the breaks.  The first line must not read as a title on its own,
    no line may end a clause, and the joined text must read as one.
    """
    if looks_like_title(lines[i].text) or lines[i].text.endswith("文件"):  # 版头 ××委员会文件 is no title part
        return 0
    joined = ""
    for k in range(i, min(i + 3, len(lines))):
        text = lines[k].text
        if not text or text[-1] in _NO_TITLE_END or starts_structure(text) or len(text) > 40 \
                or parse_line(text) is not None or is_site_chrome(text):
            return 0
        joined += text
        if k > i and len(joined) <= 100 and TITLE_END.search(joined) and looks_like_title(joined):
            return k - i + 1
    return 0


def _title_goes_on(text: str, nxt: str) -> bool:
    """A title that reads as one but goes on on the next line: …整改进展情况 / 的通报."""
    joined = text + nxt
    return (looks_like_title(text) and nxt.startswith("的") and len(nxt) <= 20 and len(joined) <= 100
            and TITLE_END.search(joined) is not None)


def _value_line(text: str) -> bool:
    return split_bullet(text) is None and parse_line(text) is None and not is_site_chrome(text)


__all__ = ["Head", "looks_like_title", "read_head"]
