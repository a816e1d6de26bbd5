"""Dates: read as 通报 write them, printed as GB/T 9704 prescribes (``date_text``: 2023年10月26日).

Read: 2020 年 4 月 21 日, 2023年10月26日, 9 月 15日, 2023-05-04, 2023.5.8,
二〇二三年十月二十六日 (also typed with ○ or Ｏ for 〇, as input methods offer).

A date is only ever *read*, never guessed: a month and day without a year need the caller's
``context_year`` (the year of the date before it in the same passage), and anything that does not
name a real calendar day gives ``None`` so the caller keeps the text and reports it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..numerals import from_chinese
from ..patterns import compiled
from ..records import dataclass

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_CN = "〇○Ｏ零一二三四五六七八九十"
_CN_ZERO = str.maketrans("○Ｏ", "〇〇")
_SP = r"[ \t\u3000]*"

_YMD = compiled(rf"(\d{{4}}){_SP}年{_SP}(\d{{1,2}}){_SP}月{_SP}(\d{{1,2}}){_SP}[日号]")
_MD = compiled(rf"(\d{{1,2}}){_SP}月{_SP}(\d{{1,2}}){_SP}[日号]")
_NUMERIC = compiled(rf"(\d{{4}}){_SP}([-/.．]){_SP}(\d{{1,2}}){_SP}\2{_SP}(\d{{1,2}})")
_CN_YMD = compiled(rf"([{_CN}]{{4}})年([{_CN}]{{1,3}})月([{_CN}]{{1,3}})日")

# A date inside running text: optional year, month, then a day, a part of the month or nothing.
DATE_IN_TEXT = compiled(
    rf"(?<![0-9])(?:(?P<y>\d{{4}}){_SP}年{_SP})?(?P<m>\d{{1,2}}){_SP}月"
    rf"(?:{_SP}(?P<d>\d{{1,2}}){_SP}[日号]|(?P<part>上旬|中旬|下旬|初|底|末|中))?"
    rf"|(?<![0-9.．])(?P<iy>\d{{4}})(?P<sep>[-/.．])(?P<im>\d{{1,2}})(?P=sep)(?P<id>\d{{1,2}})(?![0-9])(?![.．][0-9])"
)


def days_in_month(year: int, month: int) -> int:
    """The Gregorian calendar's length of a month (the datetime and calendar modules cost a
    conversion ~2 ms to import for this; tests/recognize/test_vocabulary.py compares every day)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def iso_date(year: int, month: int, day: int) -> str | None:
    """YYYY-MM-DD when the three numbers name a real day (1900–2199), else None."""
    if not (1900 <= year <= 2199 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def month_end(year: int, month: int) -> str | None:
    if not (1900 <= year <= 2199 and 1 <= month <= 12):
        return None
    return iso_date(year, month, days_in_month(year, month))


def parse_date(text: str, context_year: int | None = None) -> str | None:
    """The ISO date ``text`` states in full, or None.

    Accepts white space anywhere between the parts (PDF extraction inserts it), full-width digits
    and Chinese-numeral dates; a month and day alone need ``context_year``.
    """
    t = text.strip().translate(_FULLWIDTH_DIGITS)
    if m := _YMD.fullmatch(t):
        return iso_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC.fullmatch(t):
        return iso_date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    if m := _MD.fullmatch(t):
        if context_year is None:
            return None
        return iso_date(context_year, int(m.group(1)), int(m.group(2)))
    if m := _CN_YMD.fullmatch(t.translate(_CN_ZERO)):
        year_digits = [from_chinese(c) if c not in "〇零" else 0 for c in m.group(1)]
        if any(d is None or d > 9 for d in year_digits):
            return None
        year = int("".join(str(d) for d in year_digits))
        month, day = from_chinese(m.group(2)), from_chinese(m.group(3))
        if month is None or day is None:
            return None
        return iso_date(year, month, day)
    return None


@dataclass(frozen=True)
class DateMention:
    """A date found in running text: where, as written, and what it says (``iso`` when a full day)."""

    start: int
    end: int
    text: str
    year: int | None  # stated or inferred
    month: int | None
    day: int | None
    year_stated: bool
    iso: str | None


def find_dates(text: str, context_year: int | None = None) -> Iterator[DateMention]:
    """Every date mention in ``text`` in order; a mention without a year takes the year before it.

    Precision is kept honest: 2024年3月 or 4月上旬 has no ``iso`` because no single day is stated.
    """
    year: int | None = context_year
    for m in DATE_IN_TEXT.finditer(text):
        if m.group("iy"):
            y, mo = int(m.group("iy")), int(m.group("im"))
            year = y
            day = int(m.group("id"))
            yield DateMention(m.start(), m.end(), m.group(0), y, mo, day, True, iso_date(y, mo, day))
            continue
        stated = m.group("y") is not None
        if stated:
            year = int(m.group("y"))
        mo = int(m.group("m"))
        d = int(m.group("d")) if m.group("d") else None
        iso = iso_date(year, mo, d) if (year is not None and d is not None) else None
        yield DateMention(m.start(), m.end(), m.group(0), year, mo, d, stated, iso)


def date_text(iso: str) -> str:
    """2023-10-26 → 2023年10月26日 (GB/T 9704 7.3.5: no leading zeros)."""
    y, m, d = iso.split("-")
    return f"{int(y)}年{int(m)}月{int(d)}日"


__all__ = ["DATE_IN_TEXT", "DateMention", "date_text", "days_in_month", "find_dates", "iso_date", "month_end",
           "parse_date"]
