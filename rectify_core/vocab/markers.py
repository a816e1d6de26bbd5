"""Heading numbers (结构层次序数): read as people write them, printed as GB/T 9704 prescribes.

Read: 一、 （一） (一) 1. 1． 1、 （1） (1) ① 问题1：.

GB/T 9704 prescribes 一、→（一）→1.→（1）, but real notices use half-width brackets, full-width
dots, 、 after Arabic numbers, 1） with one bracket, the enclosed characters Word's and WPS's input
methods offer (㈠ ⑴ ⒈), a stray 、 after a bracket （一）、 and run-in labels such as 问题1： or
反馈问题一：.  Every variant is recognised and keeps its verbatim text; the style names are those of
``model.MARKER_STYLES`` (㈠ is a （一）, ⑴ a （1）, ⒈ a 1.).

Printed (``marker_text``): 一、 → （一） → 1. → （1） → ①, the order of ``LEVEL_ORDER``; a run-in label
prints as 问题1：.
"""

from __future__ import annotations

import functools
import re

from ..numerals import CIRCLED, from_chinese, from_circled, to_chinese, to_circled
from ..patterns import compiled

CN_DIGITS = "一二三四五六七八九十百零〇两"
LEVEL_ORDER = ("chinese", "chinese_paren", "arabic", "arabic_paren", "circled")
"""Heading levels from the top (GB/T 9704 7.3.3); a ``label`` (问题1：) may stand at any level."""
RANK: dict[str, int] = {style: i for i, style in enumerate(LEVEL_ORDER)}
STYLE_SHOWN = {"chinese": "一、", "chinese_paren": "（一）", "arabic": "1.", "arabic_paren": "（1）",
               "circled": "①", "label": "问题1："}
"""How a style is named in a message: its first standard marker."""
# Enclosed single characters: ⑴…⒇ (parenthesized digits), ⒈…⒛ (digit full stop), ㈠…㈩.
_ENCLOSED = ({chr(0x2474 + i): i + 1 for i in range(20)} | {chr(0x2488 + i): i + 1 for i in range(20)}
             | {chr(0x3220 + i): i + 1 for i in range(10)})

# Order matters: a label starts with 问题, brackets hold Chinese or Arabic numbers, a bare Chinese
# number needs 、 (一是 is prose, not a heading), a bare Arabic number needs a dot or 、 that is not
# a decimal point (1.5万元 is not a heading).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("label", compiled(rf"(?:反馈)?问题[ \t]*(\d{{1,3}}|[{CN_DIGITS}]{{1,4}})[ \t]*[：:]")),
    ("chinese_paren", compiled(rf"[（(][ \t]*([{CN_DIGITS}]{{1,4}})[ \t]*[）)]、?|([㈠-㈩])")),
    ("arabic_paren", compiled(r"[（(][ \t]*(\d{1,3})[ \t]*[）)]、?|([⑴-⒇])|(\d{1,3})[）)](?![0-9０-９])")),
    ("chinese", compiled(rf"([{CN_DIGITS}]{{1,4}})[ \t]*[、.．]")),
    ("arabic", compiled(r"(\d{1,3})[ \t]*[.．、](?![0-9０-９])|([⒈-⒛])")),
    ("circled", compiled(f"([{CIRCLED}])")),
)


def _number(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def _value(style: str, number: str) -> int | None:
    if number in _ENCLOSED:
        return _ENCLOSED[number]
    if style == "circled":
        value = from_circled(number)
    elif number.isdigit():
        value = int(number)
    else:
        if number[0] in "零〇":
            return None
        value = from_chinese(number)
    return value if value is not None and 1 <= value <= 999 else None


@functools.lru_cache(maxsize=4096)  # a notice repeats a few dozen marker texts; the result is immutable
def parse_marker_text(text: str) -> tuple[str, int] | None:
    """(style, value) for a marker exactly as written ("（一）", "1．", "问题1："), else None."""
    for style, pattern in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            value = _value(style, _number(m))
            return (style, value) if value is not None else None
    return None


def split_marker(line: str) -> tuple[str, str, int, str] | None:
    """(marker_text, style, value, rest) when ``line`` starts with a marker, else None.

    ``rest`` is the text after the marker with leading white space removed.  A marker must be
    followed by something or end the line; an Arabic number followed by another digit is a decimal
    or a list of numbers, not a heading.
    """
    for style, pattern in _PATTERNS:
        m = pattern.match(line)
        if m is None:
            continue
        value = _value(style, _number(m))
        if value is None:
            return None
        rest = line[m.end():]
        if style == "arabic" and rest[:1].isdigit():
            return None
        return line[:m.end()], style, value, rest.lstrip()
    return None


def marker_text(style: str, value: int) -> str:
    """The GB/T 9704 form of a heading number: 一、 （一） 1. （1） ①, or 问题1： for a label."""
    if style == "chinese":
        return to_chinese(value) + "、"
    if style == "chinese_paren":
        return "（" + to_chinese(value) + "）"
    if style == "arabic":
        return f"{value}."
    if style == "arabic_paren":
        return f"（{value}）"
    if style == "circled":
        return to_circled(value)
    if style == "label":
        return f"问题{value}："
    raise ValueError(f"unknown marker style {style!r}")


__all__ = ["CN_DIGITS", "LEVEL_ORDER", "RANK", "STYLE_SHOWN", "marker_text", "parse_marker_text", "split_marker"]
