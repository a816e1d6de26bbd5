"""Chinese and circled numerals both ways: the recognizer parses them, writers print them."""

from __future__ import annotations

DIGITS = "〇一二三四五六七八九"
_DIGIT_VALUE = {c: i for i, c in enumerate(DIGITS)} | {"零": 0, "两": 2}
_UNITS = {"十": 10, "百": 100, "千": 1000}

CIRCLED = (
    "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
    "㉑㉒㉓㉔㉕㉖㉗㉘㉙㉚㉛㉜㉝㉞㉟"
    "㊱㊲㊳㊴㊵㊶㊷㊸㊹㊺㊻㊼㊽㊾㊿"
)


def to_chinese(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五 (the forms 公文 numbering uses)."""
    if not 0 < n < 10000:
        raise ValueError(f"no Chinese numeral for {n}")
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n - 10] if n > 10 else "")
    out = []
    zero = False
    for unit, value in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
        d, n = divmod(n, value)
        if d:
            if zero:
                out.append("零")
                zero = False
            out.append(DIGITS[d] + unit)
        elif out:
            zero = True
    return "".join(out)


def from_chinese(text: str) -> int | None:
    """Inverse of :func:`to_chinese`; also reads 〇/零/两 and digit strings like 二〇二三."""
    if not text:
        return None
    if all(c in _DIGIT_VALUE for c in text):
        if len(text) == 1:
            return _DIGIT_VALUE[text] or None
        return int("".join(str(_DIGIT_VALUE[c]) for c in text))
    total = 0
    current = 0
    for c in text:
        if c in _DIGIT_VALUE:
            current = _DIGIT_VALUE[c]
        elif c in _UNITS:
            total += (current or 1) * _UNITS[c]
            current = 0
        else:
            return None
    total += current
    return total or None


def to_circled(n: int) -> str:
    if not 0 < n <= len(CIRCLED):
        raise ValueError(f"no circled numeral for {n}")
    return CIRCLED[n - 1]


def from_circled(c: str) -> int | None:
    i = CIRCLED.find(c)
    return i + 1 if i >= 0 and len(c) == 1 else None
