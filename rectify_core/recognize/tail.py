"""The tail of a 通报: the closing 监督 block, the signature (issuer and date), then page chrome.

Read from the end: chrome after the signature is removed; the last line is the date (or issuer and
date on one line) and the line before it the issuer when it reads like one; then, going back, the
contiguous lines that invite supervision or give a contact form the closing.

Variants: two issuers on two lines (党委 and 纪委 signing together) when the line above the issuer is
also an organisation's name — they become one issuer, the line break a space; the date *before*
the issuer (the model keeps issuer then date, so only that order is lost); no signature at all.
"""

from __future__ import annotations

import re

from ..model import Date, Signature
from ..report import Report
from ..vocab.dates import parse_date
from ..vocab.furniture import SITE_CHROME, is_tail_furniture
from ..vocab.markers import split_marker
from .blocks import Block
from .contacts import starts_with_contact
from .text import has_han
from .unwrap import starts_structure

_ORG_END = re.compile(
    r"(?:委员会|党委|党组|党工委|纪委|纪工委|监委|总支|支部|委|局|办公室|政府|院|中心|公司|集团|大学|学院|学校|厅|部|处|所|站)$")
_TITLE_ENDINGS = ("通报", "情况", "报告", "公告", "通知", "公示", "公开稿）", "公开稿)")  # a title, not an issuer
_NO_ISSUER = "。，；：,;:！？!?"


def _issuer_like(text: str) -> bool:
    return (2 <= len(text) <= 40 and has_han(text) and not any(c in text for c in _NO_ISSUER)
            and not starts_structure(text) and parse_date(text) is None and text[0] not in "（(【[〔《“")


def closing_like(text: str) -> bool:
    if split_marker(text) is not None:
        return False
    if starts_with_contact(text) or text.startswith(("联系人", "来信", "来电")):
        return True
    return ("欢迎" in text or "意见建议" in text or "如有" in text) and ("监督" in text or "反映" in text)


def _one_line(text: str) -> tuple[str, str] | None:
    """(issuer, date) for 中共徐庄镇委员会 2023年10月26日 on one line."""
    for m in re.finditer(r"[ \u3000]+", text):
        issuer, date = text[:m.start()], text[m.end():]
        if parse_date(date) is not None and _issuer_like(issuer):
            return issuer, date
    return None


def read_signature(lines: list[Block], report: Report) -> tuple[Signature | None, int]:
    """(signature, index of its first line) — chrome after it is removed and recorded."""
    end = len(lines)
    while end > 0 and is_tail_furniture(lines[end - 1].text):
        report.remove(lines[end - 1].text, SITE_CHROME, lines[end - 1])
        end -= 1
    if end == 0:
        return None, 0
    last = lines[end - 1].text
    if parse_date(last) is not None:
        start = end - 1
        issuer = None
        candidate = lines[start - 1].text if start > 0 else ""
        if start > 0 and _issuer_like(candidate) and not candidate.endswith(_TITLE_ENDINGS):
            start -= 1
            issuer = candidate
            above = lines[start - 1].text if start > 1 else ""
            if _org(candidate) and _org(above):  # 中共××大学委员会 / 中共××大学纪律检查委员会
                start -= 1
                issuer = f"{above} {candidate}"
        return Signature(issuer=issuer, date=Date(iso=parse_date(last), text=last)), start
    if (pair := _one_line(last)) is not None:
        return Signature(issuer=pair[0], date=Date(iso=parse_date(pair[1]), text=pair[1])), end - 1
    before = lines[end - 2].text if end > 1 else ""
    if _org(last) and parse_date(before) is not None:  # the date written above the issuer
        return Signature(issuer=last, date=Date(iso=parse_date(before), text=before)), end - 2
    return None, end


def _org(text: str) -> bool:
    """An organisation's name on a line of its own: issuer-like and ending like an organ."""
    return _issuer_like(text) and _ORG_END.search(text) is not None and not text.endswith(_TITLE_ENDINGS)


def closing_start(lines: list[Block], start: int, end: int) -> int:
    """First line of the closing block that ends at ``end`` (``end`` when there is none)."""
    closing = end
    while closing > start and closing_like(lines[closing - 1].text):
        closing -= 1
    return closing


__all__ = ["closing_like", "closing_start", "read_signature"]
