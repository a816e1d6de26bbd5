"""Word's automatic numbering (w:numPr → numbering.xml) as the marker text a reader of the page sees.

A paragraph numbered by Word carries no "一、" in its text: the marker is computed from
``numbering.xml`` (the level's ``w:numFmt`` and ``w:lvlText`` such as ``%1、`` or ``（%1）``) and
from how many paragraphs of the same list came before.  The counting follows Word:

* list instances (``w:num``) that share an abstract definition and override nothing continue one
  sequence; an instance with a ``w:startOverride`` counts on its own from that start;
* using a level restarts every deeper level (or, with ``w:lvlRestart``, the levels that name it);
* ``%n`` in the text is level n's current value in level n's format (decimal under ``w:isLgl``).

Bullets and ``none`` levels add no text: a bullet is decoration, not a heading number.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from rectify_core.plugin_api import dataclass, to_chinese, to_circled

from .ooxml import W
from .read_styles import StyleSheet

MAX_LEVELS = 9
# Bounds a hostile numbering.xml cannot push past (a list starting at 10^15 in Roman numerals
# would be 10^12 letters): w:start is an ST_DecimalNumber (32-bit); Roman numerals are written
# up to 3999 and letters up to ZZZZZZZZZZ (260), beyond which the number is shown in digits.
MAX_START_DIGITS = 10
MAX_ROMAN = 3999
MAX_LETTERS = 26 * 10
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    restart: int | None = None   # w:lvlRestart: None = after any higher level, 0 = never
    legal: bool = False
    pstyle: str | None = None


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def format_number(n: int, fmt: str) -> str:
    """One level's value in a w:numFmt (the Chinese ones a 通报 uses first)."""
    try:
        if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting",
                   "taiwaneseCountingThousand", "japaneseCounting", "ideographLegalTraditional"):
            return to_chinese(n)
        if fmt == "chineseLegalSimplified":
            return "".join(_LEGAL[int(d)] for d in str(n)) if n < 10 else _legal(n)
        if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
            return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
        if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
            return to_circled(n)
        if fmt == "decimalEnclosedParen":
            return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
        if fmt == "decimalEnclosedFullstop":
            return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
        if fmt in ("decimalFullWidth", "decimalFullWidth2"):
            return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
        if fmt == "ideographTraditional":
            return _TIANGAN[(n - 1) % 10]
        if fmt == "ideographZodiac":
            return _DIZHI[(n - 1) % 12]
    except ValueError:
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperRoman", "lowerRoman") and 0 < n <= MAX_ROMAN:
        r = _roman(n)
        return r if fmt == "upperRoman" else r.lower()
    if fmt in ("upperLetter", "lowerLetter") and 0 < n <= MAX_LETTERS:
        letter = chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "upperLetter" else letter.lower()
    return str(n)


def _legal(n: int) -> str:
    text = to_chinese(n)
    return text.translate(str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟"))


def _int(el: Any, default: int | None = None) -> int | None:
    if el is None:
        return default
    text = (el.get(f"{W}val") or "").strip()
    if len(text.lstrip("+-")) > MAX_START_DIGITS:
        return default  # not a 32-bit ST_DecimalNumber: Word ignores it too
    try:
        return int(text)
    except ValueError:
        return default


def _level(el: Any, base: Level | None = None) -> Level:
    lvl = base or Level()

    def val(tag: str) -> Any:
        return el.find(f"{W}{tag}")

    start = _int(val("start"), lvl.start)
    fmt_el, text_el, restart_el, pstyle_el = val("numFmt"), val("lvlText"), val("lvlRestart"), val("pStyle")
    return replace(
        lvl,
        start=lvl.start if start is None else start,
        fmt=fmt_el.get(f"{W}val", lvl.fmt) if fmt_el is not None else lvl.fmt,
        text=text_el.get(f"{W}val", "") if text_el is not None else lvl.text,
        restart=_int(restart_el, lvl.restart) if restart_el is not None else lvl.restart,
        legal=val("isLgl") is not None or lvl.legal,
        pstyle=pstyle_el.get(f"{W}val") if pstyle_el is not None else lvl.pstyle,
    )


class Numbering:
    """Marker text for numbered paragraphs, fed in document order."""

    def __init__(self, root: Any | None, styles: StyleSheet) -> None:
        from rectify_core.plugin_api import current_budget as current

        self._budget = current()  # every marker's text is charged: lvlText can repeat %1 200 000 times
        self._styles = styles
        self._abstract: dict[str, dict[int, Level]] = {}
        self._style_link: dict[str, str] = {}     # numStyleLink style id → abstract that defines it
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, tuple[int | None, Level | None]]] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._links: dict[str, str] = {}          # abstract → list style it borrows its levels from
        if root is None:
            return
        links = self._links
        for ab in root.iterfind(f"{W}abstractNum"):
            aid = ab.get(f"{W}abstractNumId") or ""
            levels = {}
            for lvl in ab.iterfind(f"{W}lvl"):
                ilvl = _int_attr(lvl, "ilvl")
                if ilvl is not None and 0 <= ilvl < MAX_LEVELS:
                    levels[ilvl] = _level(lvl)
            self._abstract[aid] = levels
            style_link, num_link = ab.find(f"{W}styleLink"), ab.find(f"{W}numStyleLink")
            if style_link is not None:
                self._style_link[style_link.get(f"{W}val") or ""] = aid
            if num_link is not None:
                links[aid] = num_link.get(f"{W}val") or ""
        for num in root.iterfind(f"{W}num"):
            nid = num.get(f"{W}numId") or ""
            ab_el = num.find(f"{W}abstractNumId")
            if ab_el is None:
                continue
            self._num_abstract[nid] = ab_el.get(f"{W}val") or ""
            overrides: dict[int, tuple[int | None, Level | None]] = {}
            for ov in num.iterfind(f"{W}lvlOverride"):
                ilvl = _int_attr(ov, "ilvl")
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                lvl_el = ov.find(f"{W}lvl")
                overrides[ilvl] = (_int(ov.find(f"{W}startOverride")), _level(lvl_el) if lvl_el is not None else None)
            self._overrides[nid] = overrides

    def _resolve_abstract(self, aid: str, depth: int = 0) -> str:
        """Follow w:numStyleLink (a list style) to the abstract definition that has the levels."""
        style = self._links.get(aid)
        if style is None or depth > 8:
            return aid
        target = self._style_link.get(style)
        if target is None:
            for s in self._styles.chain(style):
                num_el = s.ppr.find(f"{W}numPr/{W}numId") if s.ppr is not None else None
                if num_el is not None and num_el.get(f"{W}val") in self._num_abstract:
                    target = self._num_abstract[num_el.get(f"{W}val")]
                    break
        return self._resolve_abstract(target, depth + 1) if target and target != aid else aid

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is ``style_id`` (style-based numbering names no ilvl)."""
        aid = self._resolve_abstract(self._num_abstract.get(num_id, ""))
        for ilvl, lvl in self._abstract.get(aid, {}).items():
            if style_id and lvl.pstyle == style_id:
                return ilvl
        return None

    def marker(self, num_id: str, ilvl: int) -> str | None:
        """Advance the list ``num_id`` at level ``ilvl`` and return the text its marker shows."""
        if num_id in ("", "0") or num_id not in self._num_abstract or not 0 <= ilvl < MAX_LEVELS:
            return None
        aid = self._resolve_abstract(self._num_abstract[num_id])
        overrides = self._overrides.get(num_id, {})
        levels = dict(self._abstract.get(aid, {}))
        for i, (_start, lvl) in overrides.items():
            if lvl is not None:
                levels[i] = lvl
        if ilvl not in levels:
            return None
        restarts = any(start is not None for start, _lvl in overrides.values())
        key = f"num:{num_id}" if restarts or any(lvl is not None for _s, lvl in overrides.values()) else f"abs:{aid}"
        counters = self._counters.setdefault(key, [None] * MAX_LEVELS)

        def start_of(i: int) -> int:
            start = overrides.get(i, (None, None))[0]
            return start if start is not None else levels.get(i, Level()).start

        counters[ilvl] = start_of(ilvl) if counters[ilvl] is None else counters[ilvl] + 1  # type: ignore[operator]
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = levels.get(deeper, Level()).restart
            if restart is None or (restart > 0 and ilvl < restart):
                counters[deeper] = None
        lvl = levels[ilvl]
        if lvl.fmt in ("bullet", "none"):
            return None
        out = lvl.text
        self._budget.charge("numbering", len(out))
        for i in range(MAX_LEVELS):
            token = f"%{i + 1}"
            if token in out:
                value = counters[i] if counters[i] is not None else start_of(i)
                fmt = "decimal" if lvl.legal else levels.get(i, Level()).fmt
                number = format_number(value or 0, fmt)
                self._budget.charge("numbering", out.count(token) * len(number))
                out = out.replace(token, number)
        return out or None


def _int_attr(el: Any, name: str) -> int | None:
    text = el.get(f"{W}{name}", "")
    if len(text) > MAX_START_DIGITS:
        return None
    try:
        return int(text)
    except ValueError:
        return None


__all__ = ["Level", "Numbering", "format_number"]
