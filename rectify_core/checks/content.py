"""Rules on what a notice states: problems and statuses, statistics, dates, contacts, title and
signature."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ..model import Date, Document
from ..patterns import compiled
from . import Hit, rule

# -- problems and statuses ---------------------------------------------------------------------------

@rule("problem.no-rectification", "warning", "every problem carries a rectification account")
def _no_rect(doc: Document) -> Iterator[Hit]:
    for pointer, node in doc.walk():
        if node.problem is not None and node.problem.rectification is None:
            yield (f"{pointer}/problem", "问题缺少整改情况说明", "problem has no rectification account")


@rule("status.deadline", "warning", "a status still in progress states a deadline that is a date")
def _deadline(doc: Document) -> Iterator[Hit]:
    for pointer, node in doc.walk():
        s = node.problem.status if node.problem else None
        if s is None or s.category != "in_progress":
            continue
        if s.deadline is None:
            yield (f"{pointer}/problem/status", "继续整改的问题未写明完成时限",
                   "in-progress status without a deadline")
        elif s.deadline.iso is None:
            yield (f"{pointer}/problem/status/deadline", f"完成时限不是可识别的日期：{s.deadline.text}",
                   f"deadline is not a recognisable date: {s.deadline.text}")


@rule("status.text-mismatch", "warning", "a status phrase says the category it is filed under")
def _status_text(doc: Document) -> Iterator[Hit]:
    from ..vocab.status import parse_status_text

    for pointer, node in doc.walk():
        s = node.problem.status if node.problem else None
        if s is None or s.text is None:
            continue
        parsed = parse_status_text(s.text)
        if parsed is not None and parsed[0] != s.category:
            yield (f"{pointer}/problem/status", f"状态原文“{s.text}”对应 {parsed[0]}，却标为 {s.category}",
                   f"status text {s.text!r} reads as {parsed[0]}, filed as {s.category}")


# -- statistics ----------------------------------------------------------------------------------------

@rule("statistics.sum", "error", "stated counts add up to the stated total")
def _stat_sum(doc: Document) -> Iterator[Hit]:
    st = doc.statistics
    if st is None or st.total is None or st.completed is None:
        return
    parts = st.completed + (st.in_progress or 0) + (st.not_started or 0)
    if not st.long_term_in_completed:
        parts += st.long_term or 0
    if parts != st.total and (st.in_progress is not None or st.not_started is not None or parts > st.total):
        yield ("/statistics", f"统计数字不符：各项之和 {parts}，总数 {st.total}",
               f"statistics do not add up: parts sum to {parts}, total is {st.total}")
    if st.long_term_in_completed and st.long_term is not None and st.long_term > st.completed:
        yield ("/statistics/long_term", f"“其中”长期坚持 {st.long_term} 项多于已完成 {st.completed} 项",
               f"long-term items ({st.long_term}) exceed the completed count they are part of ({st.completed})")


@rule("statistics.rate", "error", "the stated completion rate is completed ÷ total")
def _stat_rate(doc: Document) -> Iterator[Hit]:
    st = doc.statistics
    if st is None or st.rate is None or not st.total or st.completed is None:
        return
    actual = st.completed / st.total * 100
    if abs(actual - st.rate) > 0.51:
        yield ("/statistics/rate", f"完成率 {st.rate}% 与 {st.completed}/{st.total} = {actual:.2f}% 不符",
               f"completion rate {st.rate}% does not match {st.completed}/{st.total} = {actual:.2f}%")


# -- dates --------------------------------------------------------------------------------------------

_ISO_DAY = compiled(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")  # the schema's form of Date.iso


def _iso(d: Date | None) -> str | None:
    """``d``'s ISO day when it names a real one: such strings compare in date order and print as
    dates did (without importing datetime, ~1 ms of every conversion)."""
    if d is None or d.iso is None or (m := _ISO_DAY.fullmatch(d.iso)) is None:
        return None
    from ..vocab.dates import days_in_month

    year, month, day = (int(g) for g in m.groups())
    return d.iso if year >= 1 and 1 <= month <= 12 and 1 <= day <= days_in_month(year, month) else None


@rule("dates.order", "error", "inspection start ≤ end ≤ feedback ≤ signature date")
def _date_order(doc: Document) -> Iterator[Hit]:
    insp = doc.inspection
    chain = []
    if insp is not None:
        chain += [("/inspection/start", "进驻开始", "start", insp.start),
                  ("/inspection/end", "进驻结束", "end", insp.end),
                  ("/inspection/feedback", "反馈", "feedback", insp.feedback)]
    if doc.signature is not None:
        chain.append(("/signature/date", "成文", "signature", doc.signature.date))
    known = [(p, zh, en, _iso(d)) for p, zh, en, d in chain if _iso(d) is not None]
    for (_, zh1, en1, d1), (p2, zh2, en2, d2) in itertools.pairwise(known):
        assert d1 is not None and d2 is not None
        if d2 < d1:
            yield (p2, f"{zh2}日期 {d2} 早于{zh1}日期 {d1}", f"{en2} date {d2} is before {en1} date {d1}")


@rule("dates.text-mismatch", "warning", "a date's written form says the same day as its ISO value")
def _date_text(doc: Document) -> Iterator[Hit]:
    from ..vocab.dates import parse_date

    def dates() -> Iterator[tuple[str, Date | None]]:
        if doc.inspection:
            for name in ("start", "end", "feedback"):
                yield f"/inspection/{name}", getattr(doc.inspection, name)
        if doc.signature:
            yield "/signature/date", doc.signature.date
        for i, f in enumerate(doc.disclosure):
            yield f"/disclosure/{i}/date", f.date
    for pointer, d in dates():
        if d is None or d.iso is None or d.text is None:
            continue
        parsed = parse_date(d.text, int(d.iso[:4]))
        if parsed is not None and parsed != d.iso:
            yield (pointer, f"日期原文“{d.text}”与 {d.iso} 不符", f"date text {d.text!r} does not say {d.iso}")


def _inspection_dates(doc: Document) -> Iterator[tuple[str, Date]]:
    """The inspection's dates that are written but name no day a calendar has (no ISO value)."""
    insp = doc.inspection
    for name in ("start", "end", "feedback"):
        d = getattr(insp, name) if insp is not None else None
        if d is not None and d.iso is None and d.text:
            yield f"/inspection/{name}", d


@rule("dates.unreadable", "warning", "an inspection date written with a day names a real calendar day")
def _unreadable(doc: Document) -> Iterator[Hit]:
    for pointer, d in _inspection_dates(doc):
        if "日" in (d.text or "") or "号" in (d.text or ""):
            yield (pointer, f"日期“{d.text}”不是有效日期，未作解析", f"{d.text!r} is not a valid date; left unparsed")


@rule("dates.imprecise", "info", "an inspection date names a day (2023年5月 is kept as written, no day assumed)")
def _imprecise(doc: Document) -> Iterator[Hit]:
    from .genre import is_tongbao

    dates = [(p, d) for p, d in _inspection_dates(doc) if "日" not in (d.text or "") and "号" not in (d.text or "")]
    if dates and is_tongbao(doc):  # an announcement's dates are not an inspection's
        for pointer, d in dates:
            yield (pointer, f"日期“{d.text}”未写到具体日，保留原文、不推定日期",
                   f"{d.text!r} names no day: kept as written, no ISO date assumed")


@rule("disclosure.date-mismatch", "warning", "the disclosure 成文日期 agrees with the signature date")
def _disclosure_date(doc: Document) -> Iterator[Hit]:
    signed = _iso(doc.signature.date) if doc.signature else None
    if signed is None:
        return
    for i, f in enumerate(doc.disclosure):
        if f.key == "written_date":
            d = _iso(f.date)
            if d is not None and d != signed:
                yield (f"/disclosure/{i}", f"公开信息成文日期 {d} 与落款日期 {signed} 不一致",
                       f"disclosure written date {d} differs from the signature date {signed}")


# -- closing, contacts, signature ------------------------------------------------------------------------

_PHONE = compiled(r"^(0\d{2,3}[-－—]?\d{7,8}|1[3-9]\d{9}|\d{7,8})([-－转]\d{1,6})?$")
_EMAIL = compiled(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@rule("contact.format", "warning", "phone numbers and e-mail addresses are well formed")
def _contact(doc: Document) -> Iterator[Hit]:
    for i, c in enumerate(doc.contacts):
        value = c.value.replace(" ", "")
        if c.kind == "phone" and not _PHONE.match(value):
            yield (f"/contacts/{i}/value", f"电话号码格式不对：{c.value}",
                   f"phone number is not in a known form (0xxx-xxxxxxx): {c.value}")
        if c.kind == "email" and not _EMAIL.match(value):
            yield (f"/contacts/{i}/value", f"电子邮箱格式不对：{c.value}", f"not an e-mail address: {c.value}")


@rule("document.title", "warning", "a notice has a title")
def _title(doc: Document) -> Iterator[Hit]:
    if not doc.title:
        yield ("/title", "缺少标题", "the notice has no title")


@rule("document.signature", "warning", "a notice is signed by its issuer with a date")
def _signature(doc: Document) -> Iterator[Hit]:
    sig = doc.signature
    if sig is None or not sig.issuer:
        yield ("/signature/issuer", "缺少发文机关署名", "the notice has no issuing organ in its signature")
    if sig is None or sig.date is None:
        yield ("/signature/date", "缺少成文日期", "the notice has no date")


# -- punctuation ---------------------------------------------------------------------------------------

@rule("punctuation.halfwidth", "warning", "Chinese text uses full-width punctuation （，。：；（）“”） (GB/T 15834)")
def _halfwidth_punctuation(doc: Document) -> Iterator[Hit]:
    # One finding for the document, with counts: a notice typed on an English layout has them throughout.
    from ..punctuation import count

    counts, first = count(doc)
    if first is None:
        return
    pointer, offset, mark = first
    listed = "、".join(f"“{m}”{n} 处" for m, n in sorted(counts.items()))
    listed_en = ", ".join(f"{m!r} ×{n}" for m, n in sorted(counts.items()))
    total = sum(counts.values())
    yield (pointer, f"中文文本中有 {total} 处半角标点（{listed}），首处在第 {offset + 1} 个字符“{mark}”；"
                    "应为全角（GB/T 15834），可用 --normalize-punctuation 改正",
           f"{total} half-width mark(s) in Chinese text ({listed_en}), the first {mark!r} at character "
           f"{offset + 1}; GB/T 15834 sets them full width (fix with --normalize-punctuation)")
