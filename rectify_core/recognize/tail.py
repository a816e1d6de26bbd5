"""The tail of a 通报: the closing 监督 block, the signature (issuer and date), then page chrome.

Read from the end: chrome after the signature is removed; the last line is the date (or issuer and
date on one line) and the line before it the issuer when it reads like one; then, going back, the
contiguous lines that invite supervision or give a contact form the closing.
"""

from __future__ import annotations

import re

from ..model import Date, Signature
from .blocks import Block
from .contacts import starts_with_contact
from .dates import parse_date
from .furniture import SITE_CHROME, is_tail_furniture
from .markers import split_marker
from .report import Report
from .text import has_han
from .unwrap import starts_structure

_NO_ISSUER = "。，；：,;:！？!?"


def _issuer_like(text: str) -> bool:
    return (2 <= len(text) <= 40 and has_han(text) and not any(c in text for c in _NO_ISSUER)
            and not starts_structure(text) and parse_date(text) is None)


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


def read_tail(lines: list[Block], start: int, report: Report) -> tuple[Signature | None, int, int]:
    """(signature, closing start, signature start) for ``lines[start:]``."""
    end = len(lines)
    while end > start and is_tail_furniture(lines[end - 1].text):
        report.remove(lines[end - 1].text, SITE_CHROME, lines[end - 1])
        end -= 1
    signature = None
    sig_start = end
    if end > start:
        last = lines[end - 1].text
        if parse_date(last) is not None:
            sig_start = end - 1
            issuer = None
            if sig_start > start and _issuer_like(lines[sig_start - 1].text):
                sig_start -= 1
                issuer = lines[sig_start].text
            signature = Signature(issuer=issuer, date=Date(iso=parse_date(last), text=last))
        elif (pair := _one_line(last)) is not None:
            sig_start = end - 1
            signature = Signature(issuer=pair[0], date=Date(iso=parse_date(pair[1]), text=pair[1]))
    closing = sig_start
    while closing > start and closing_like(lines[closing - 1].text):
        closing -= 1
    return signature, closing, sig_start


__all__ = ["closing_like", "read_tail"]
