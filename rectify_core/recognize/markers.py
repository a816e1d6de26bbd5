"""Heading numbers (结构层次序数) as people write them: 一、 （一） (一) 1. 1． 1、 （1） (1) ① 问题1：.

GB/T 9704 prescribes 一、→（一）→1.→（1）, but real notices use half-width brackets, full-width
dots, 、 after Arabic numbers, 1） with one bracket, the enclosed characters Word's and WPS's input
methods offer (㈠ ⑴ ⒈), a stray 、 after a bracket （一）、 and run-in labels such as 问题1： or
反馈问题一：.  Every variant is recognised and keeps its verbatim text; the style names are those of
``model.MARKER_STYLES`` (㈠ is a （一）, ⑴ a （1）, ⒈ a 1.).
"""

from __future__ import annotations

import re

from ..numerals import from_chinese, from_circled

CN_DIGITS = "一二三四五六七八九十百零〇两"
CIRCLED_CHARS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
# Enclosed single characters: ⑴…⒇ (parenthesized digits), ⒈…⒛ (digit full stop), ㈠…㈩.
_ENCLOSED = ({chr(0x2474 + i): i + 1 for i in range(20)} | {chr(0x2488 + i): i + 1 for i in range(20)}
             | {chr(0x3220 + i): i + 1 for i in range(10)})

# Order matters: a label starts with 问题, brackets hold Chinese or Arabic numbers, a bare Chinese
# number needs 、 (一是 is prose, not a heading), a bare Arabic number needs a dot or 、 that is not
# a decimal point (1.5万元 is not a heading).
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("label", re.compile(rf"(?:反馈)?问题[ \t]*(\d{{1,3}}|[{CN_DIGITS}]{{1,4}})[ \t]*[：:]")),
    ("chinese_paren", re.compile(rf"[（(][ \t]*([{CN_DIGITS}]{{1,4}})[ \t]*[）)]、?|([㈠-㈩])")),
    ("arabic_paren", re.compile(r"[（(][ \t]*(\d{1,3})[ \t]*[）)]、?|([⑴-⒇])|(\d{1,3})[）)](?![0-9０-９])")),
    ("chinese", re.compile(rf"([{CN_DIGITS}]{{1,4}})[ \t]*[、.．]")),
    ("arabic", re.compile(r"(\d{1,3})[ \t]*[.．、](?![0-9０-９])|([⒈-⒛])")),
    ("circled", re.compile(f"([{CIRCLED_CHARS}])")),
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


__all__ = ["CIRCLED_CHARS", "CN_DIGITS", "parse_marker_text", "split_marker"]
