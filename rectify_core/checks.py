"""Semantic rules beyond the schema, each with a stable id, a severity and a bilingual message.

The schema says what a 通报 *may* contain; these rules say what a correct one *does*: numbers run
without gaps, statistics add up, dates come in order.  Readers never stop on these — a real notice
with a skipped number is still read — and ``rectify validate --fail-on`` decides what fails a run.
Plugins add rules with the ``rectify_register_checks`` hook (see :class:`Check`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date as _date

from .findings import Finding, Severity
from .model import Date, Document, Node

Hit = tuple[str, str, str]  # (JSON pointer, message zh, message en)


@dataclass(frozen=True)
class Check:
    """A rule: ``run(document)`` yields (pointer, zh, en) for each place that breaks it."""

    rule: str
    severity: Severity
    run: Callable[[Document], Iterable[Hit]]
    summary: str = ""

    def findings(self, doc: Document) -> list[Finding]:
        return [Finding(self.rule, self.severity, p, zh, en) for p, zh, en in self.run(doc)]


BUILTIN: list[Check] = []


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[Callable[[Document], Iterable[Hit]]], Check]:
    def wrap(fn: Callable[[Document], Iterable[Hit]]) -> Check:
        check = Check(rule_id, severity, fn, summary)
        BUILTIN.append(check)
        return check
    return wrap


def run_checks(doc: Document, extra: Iterable[Check] = ()) -> list[Finding]:
    out: list[Finding] = []
    for check in [*BUILTIN, *extra]:
        out.extend(check.findings(doc))
    return out


# -- numbering -------------------------------------------------------------------------------------

LEVEL_ORDER = ("chinese", "chinese_paren", "arabic", "arabic_paren", "circled")
STYLE_NAMES = {"chinese": "一、", "chinese_paren": "（一）", "arabic": "1.", "arabic_paren": "（1）",
               "circled": "①", "label": "问题1："}


def _sibling_groups(doc: Document) -> Iterator[tuple[str, tuple[Node, ...]]]:
    yield "/body", doc.body
    for pointer, node in doc.walk():
        if node.children:
            yield f"{pointer}/children", node.children


def _numbered(siblings: tuple[Node, ...]) -> Iterator[tuple[int, Node]]:
    """Siblings that carry a heading number (labels such as 问题1： count separately)."""
    for i, node in enumerate(siblings):
        if node.marker is not None and node.marker.style != "label":
            yield i, node


@rule("numbering.gap", "error", "sibling numbers run 1, 2, 3 … without gaps")
def _gap(doc: Document) -> Iterator[Hit]:
    # Values are compared across styles: "1." typed where "（1）" was meant is one anomaly
    # (numbering.mixed-style), not also a gap.
    for base, siblings in _sibling_groups(doc):
        want = 1
        for i, node in _numbered(siblings):
            assert node.marker is not None
            if node.marker.value > want:
                yield (f"{base}/{i}/marker",
                       f"编号不连续：应为第 {want} 项，实为第 {node.marker.value} 项",
                       f"numbering gap: expected item {want}, found {node.marker.value}")
            want = max(want, node.marker.value + 1)


@rule("numbering.repeat", "error", "no sibling number is used twice or goes backwards")
def _repeat(doc: Document) -> Iterator[Hit]:
    for base, siblings in _sibling_groups(doc):
        seen = 0
        for i, node in _numbered(siblings):
            assert node.marker is not None
            if node.marker.value <= seen:
                yield (f"{base}/{i}/marker", f"编号重复或倒退：{node.marker.value}",
                       f"numbering repeats or goes back: {node.marker.value} after {seen}")
            seen = max(seen, node.marker.value)


@rule("numbering.level-order", "warning", "levels nest 一、→（一）→1.→（1）→① (GB/T 9704 7.3.3)")
def _level_order(doc: Document) -> Iterator[Hit]:
    def visit(nodes: tuple[Node, ...], base: str, parent_rank: int) -> Iterator[Hit]:
        main = _main_style(nodes)
        for i, node in enumerate(nodes):
            pointer = f"{base}/{i}"
            rank = parent_rank
            if node.marker is not None and node.marker.style in LEVEL_ORDER:
                rank = LEVEL_ORDER.index(node.marker.style)
                # a sibling out of step with the others is numbering.mixed-style's to report
                if rank <= parent_rank and node.marker.style == main:
                    yield (f"{pointer}/marker",
                           f"层次序数不当：{STYLE_NAMES[node.marker.style]} 不应出现在此层级",
                           f"heading level out of order: {STYLE_NAMES[node.marker.style]} cannot nest here")
            yield from visit(node.children, f"{pointer}/children", rank)
    yield from visit(doc.body, "/body", -1)


def _main_style(siblings: tuple[Node, ...]) -> str | None:
    """The style most siblings use; on a tie the first one's."""
    styles = [n.marker.style for n in siblings if n.marker is not None]
    return max(styles, key=lambda s: (styles.count(s), -styles.index(s))) if styles else None


@rule("numbering.mixed-style", "warning", "siblings share one numbering style")
def _mixed(doc: Document) -> Iterator[Hit]:
    for base, siblings in _sibling_groups(doc):
        main = _main_style(siblings)
        if main is None:
            continue
        for i, node in enumerate(siblings):
            if node.marker is not None and node.marker.style != main:
                yield (f"{base}/{i}/marker",
                       f"同级编号样式不一致：{node.marker.text or STYLE_NAMES[node.marker.style]}"
                       f" 与 {STYLE_NAMES[main]}",
                       f"sibling uses {node.marker.style} numbering among {main}")


_HALFWIDTH = re.compile(r"^\(.*\)$")


@rule("numbering.halfwidth", "warning", "bracketed numbers use full-width （） as GB/T 15834 requires")
def _halfwidth(doc: Document) -> Iterator[Hit]:
    # One finding for the document: a notice typed with half-width brackets has them everywhere.
    hits = [(p, n.marker.text) for p, n in doc.walk()
            if n.marker is not None and n.marker.text and _HALFWIDTH.match(n.marker.text)]
    if hits:
        pointer, text = hits[0]
        yield (f"{pointer}/marker/text", f"{len(hits)} 处编号使用半角括号，首处为 {text}，应为全角（）",
               f"{len(hits)} marker(s) use half-width brackets, the first {text}; use （）")


@rule("punctuation.halfwidth", "warning", "Chinese text uses full-width punctuation （，。：；（）“”） (GB/T 15834)")
def _halfwidth_punctuation(doc: Document) -> Iterator[Hit]:
    # One finding for the document, with counts: a notice typed on an English layout has them throughout.
    from .punctuation import count

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


@rule("marker.text-mismatch", "error", "a marker's text says the same number and style as its value")
def _marker_text(doc: Document) -> Iterator[Hit]:
    from .recognize.markers import parse_marker_text

    for pointer, node in doc.walk():
        m = node.marker
        if m is None or m.text is None:
            continue
        parsed = parse_marker_text(m.text)
        if parsed != (m.style, m.value):
            yield (f"{pointer}/marker/text", f"编号文字“{m.text}”与样式 {m.style}、序号 {m.value} 不符",
                   f"marker text {m.text!r} does not match style {m.style} value {m.value}")


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
    from .recognize.status import parse_status_text

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

def _iso(d: Date | None) -> _date | None:
    if d is None or d.iso is None:
        return None
    try:
        return _date.fromisoformat(d.iso)
    except ValueError:
        return None


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
    from .recognize.dates import parse_date

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

_PHONE = re.compile(r"^(0\d{2,3}[-－—]?\d{7,8}|1[3-9]\d{9}|\d{7,8})([-－转]\d{1,6})?$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


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


@rule("inspection.level", "warning", "巡视 is for central/provincial committees, 巡察 for city/county ones")
def _level(doc: Document) -> Iterator[Hit]:
    insp = doc.inspection
    if insp is None or insp.level is None or not insp.team:
        return
    other = "巡视" if insp.level == "巡察" else "巡察"
    if other in insp.team and insp.level not in insp.team:
        yield ("/inspection/level", f"巡视/巡察混用：层级为{insp.level}，巡察组为“{insp.team}”",
               f"level is {insp.level} but the team is named {insp.team!r}")
