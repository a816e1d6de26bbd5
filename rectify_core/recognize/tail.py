"""The tail of a 通报: the closing 监督 block, the signature (issuer and date), then page chrome.

Read from the end: chrome after the signature is removed; the last line is the date (or issuer and
date on one line) and the line before it the issuer when it reads like one; then, going back, the
contiguous lines that invite supervision or give a contact form the closing.

Variants: two issuers on two lines (党委 and 纪委 signing together) when the line above the issuer is
also an organisation's name — they become one issuer, the line break a space; the date *before*
the issuer (the model keeps issuer then date, so only that order is lost); no signature at all.
"""

from __future__ import annotations

from ..model import Date, Document, Signature, replace
from ..patterns import compiled
from ..report import Report
from ..vocab.contacts import starts_with_contact
from ..vocab.dates import find_dates, parse_date
from ..vocab.furniture import SITE_CHROME, is_tail_furniture
from ..vocab.markers import split_marker
from ..vocab.titles import ORGAN_END, ends_like_title
from .blocks import Block
from .text import has_han
from .unwrap import starts_structure

_NO_ISSUER = "。，；：,;:！？!?"


_ISSUER_MAX = 40  # characters: two organs signing together still fit


def _issuer_like(text: str) -> bool:
    return (2 <= len(text) <= _ISSUER_MAX and has_han(text) and not any(c in text for c in _NO_ISSUER)
            and not starts_structure(text) and parse_date(text) is None and text[0] not in "（(【[〔《“")


def closing_like(text: str) -> bool:
    if split_marker(text) is not None:
        return False
    if starts_with_contact(text) or text.startswith(("联系人", "来信", "来电")):
        return True
    return ("欢迎" in text or "意见建议" in text or "如有" in text) and ("监督" in text or "反映" in text)


_ONE_LINE_MAX = _ISSUER_MAX + 1 + 40  # an issuer, a space and the longest date as written


def _one_line(text: str) -> tuple[str, str] | None:
    """(issuer, date) for 中共徐庄镇委员会 2023年10月26日 on one line.

    Only a line short enough to be an issuer and a date is tried: a long last line (a page of words
    separated by spaces) would otherwise be re-parsed at every space, in quadratic time.
    """
    if len(text) > _ONE_LINE_MAX:
        return None
    for m in _GAP.finditer(text):
        issuer, date = text[:m.start()], text[m.end():]
        if parse_date(date) is not None and _issuer_like(issuer):
            return issuer, date
    return None


_GAP = compiled(r"[ \u3000]+")  # spaces between an issuer and a date on one line
_RELATED = compiled(r"(?:相关链接|相关文章|相关阅读|相关新闻|相关信息|延伸阅读)[ \t]*[：:]?")
_RELATED_SEARCH = 20  # lines from the end a related-links list may take
_LINK_MAX = 60  # characters: the title of a linked article


def _related_links(lines: list[Block]) -> int | None:
    """Where a page's related-links list starts (相关链接 and the linked titles under it), if it ends the text.

    A page printed from a browser keeps the list below the notice; the linked titles read like
    titles (…的通报), so only their heading tells them apart, and then every line after it must be
    short and no sentence."""
    for k in range(len(lines) - 1, max(-1, len(lines) - 1 - _RELATED_SEARCH), -1):
        if lines[k].table is None and _RELATED.fullmatch(lines[k].text):
            after = lines[k + 1:]
            if all(b.table is None and len(b.text) <= _LINK_MAX and "。" not in b.text for b in after):
                return k
            return None
    return None


def read_signature(lines: list[Block], report: Report) -> tuple[Signature | None, int]:
    """(signature, index of its first line) — chrome after it is removed and recorded."""
    end = len(lines)
    related = _related_links(lines)
    if related is not None:
        for b in lines[related:]:
            report.remove(b.text, SITE_CHROME, b)
        end = related
    while end > 0 and lines[end - 1].table is None and is_tail_furniture(lines[end - 1].text):
        report.remove(lines[end - 1].text, SITE_CHROME, lines[end - 1])
        end -= 1
    if end == 0:
        return None, 0
    if lines[end - 1].row is not None or lines[end - 1].cells is not None:
        return None, end  # the text ends with a table: no signature
    last = lines[end - 1].text
    if parse_date(last) is not None:
        start = end - 1
        issuer = None
        candidate = lines[start - 1].text if start > 0 else ""
        if start > 0 and _issuer_like(candidate) and not ends_like_title(candidate):
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
    return _issuer_like(text) and ORGAN_END.search(text) is not None and not ends_like_title(text)


def closing_start(lines: list[Block], start: int, end: int) -> int:
    """First line of the closing block that ends at ``end`` (``end`` when there is none)."""
    closing = end
    while closing > start and lines[closing - 1].cells is None and closing_like(lines[closing - 1].text):
        closing -= 1
    return closing


def signature_from_disclosure(doc: Document, report: Report) -> Document:
    """A text that ends before its signature takes issuer and date from the 政务公开 list, saying so.

    Web pages often cut the notice before its 落款 while the metadata list above it names the
    发布机构 and the 成文日期: they are the issuer and the date the signature would show.  Where each
    fact came from goes to ``info["facts"]`` (no finding: the Document is what it is, whatever the format
    it is later written to); a text with its own signature keeps it.
    """
    if doc.signature is not None:
        return doc
    publisher = next((f for f in doc.disclosure if f.key == "publisher" and f.value), None)
    written = next((f for f in doc.disclosure if f.key == "written_date" and f.date is not None
                    and f.date.iso is not None and f.value), None)
    if publisher is None or written is None:
        return doc  # an issuer without a date (or a date alone) would not read back as a signature
    assert written.date is not None and written.value is not None
    issuer = publisher.value
    value = written.value
    shown_date = value if parse_date(value) else next(
        (m.text for m in find_dates(value) if m.iso == written.date.iso), value)
    date = Date(iso=written.date.iso, text=shown_date)  # as the list writes it, without a time of day
    facts = {"issuer": f"disclosure: {publisher.label or 'publisher'}",
             "date": f"disclosure: {written.label or 'written_date'}"}
    report.info["facts"] = {**report.info.get("facts", {}), **facts}
    return replace(doc, signature=Signature(issuer=issuer, date=date))


__all__ = ["closing_like", "closing_start", "read_signature", "signature_from_disclosure"]
