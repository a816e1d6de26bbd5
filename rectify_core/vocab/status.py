"""Rectification statuses: the ONE status vocabulary — phrases as written → a category of
``model.STATUS_CATEGORIES`` (and a deadline), and the standard phrase printed for each category.

Used for a status phrase (（已完成整改）, 完成情况：已完成), a status sentence ending an account
(``recognize.status.prose_status``), the clauses of the statistics sentence (已完成整改98个，继续整改8个)
and the checks that compare a phrase with its category.  Vocabulary from standards.md §3.3 and
the seeds.  The words of each category are tried in the order of ``_CATEGORY_WORDS``:

* **not_started** only where the text says work has not begun (未启动, 尚未开始, 未开展);
* **long_term** for a stage reached and kept up (阶段性成效, 长期坚持, 基本完成, 持续整改);
* **in_progress** for work going on or not yet done — 未完成 and 尚未完成 included: "not completed"
  says the item is still open, not that nothing was done, so it is *not* not_started (the
  statistics sentence 完成整改688个，……未完成5个 counts 5 items in progress);
* **completed** for 完成, 已整改, 办结, 销号, 整改到位, 立行立改 ….

A phrase is a status only when it is short and made of status words (plus an optional date), so a
bracketed aside such as （含立行立改问题2个） or （试行） is never mistaken for one.
"""

from __future__ import annotations

import functools
import re

from ..model import Date, Status
from ..patterns import compiled
from .dates import date_text, iso_date, month_end

STANDARD_PHRASES = {
    "completed": "已完成整改",
    "long_term": "长期任务取得阶段性成效并长期坚持",
    "in_progress": "继续整改",
    "not_started": "尚未启动整改",
}
"""What a writer prints for a status given only by its category (``status_text``)."""

STATUS_LABELS = ("完成情况", "整改状态", "完成状态", "整改进度", "整改结果", "办结情况")
LIMIT_LABELS = ("整改时限", "完成时限", "整改期限")
"""Labels that open a status line (完成情况：已完成); after a limit label a bare date is the deadline."""
_LOOSE_LABELS = ("进展情况", "状态")  # a status after them reads as one, but they do not make a line a status line

_CATEGORY_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("not_started", compiled(r"未启动|未开始|未开展|未整改(?!到位|完成|完毕)")),
    ("long_term", compiled(r"长期|阶段性|基本完成|基本整改|持续整改|初见成效|常态化")),
    ("in_progress", compiled(
        r"继续整改|正在|整改中|推进中|进行中|未完成|尚未完成|未整改到位|未到位|限期整改|逐步整改|持续推进"
        r"|未销号|尚未销号|未办结|尚未办结")),
    ("completed", compiled(
        r"完成|已整改|办结|销号|整改到位|立行立改|即知即改|已落实|已解决|已纠正|已追回|已清退|已规范")),
)


def category_of(words: str) -> str | None:
    """The category the status words in ``words`` name (first match in the order above), else None."""
    for category, pattern in _CATEGORY_WORDS:
        if pattern.search(words):
            return category
    return None


_OPEN, _CLOSE = "（([【〔", "）)]】〕"
_PAIR = {"（": 0, "(": 0, "）": 0, ")": 0, "[": 1, "]": 1, "【": 2, "】": 2, "〔": 3, "〕": 3}
_LABEL = compiled(
    rf"^(?:{'|'.join(STATUS_LABELS + _LOOSE_LABELS)}|(?P<limit>{'|'.join(LIMIT_LABELS)}))[ \t]*[：:][ \t]*")

_SP = r"[ \t]*"
_DEADLINE = compiled(
    rf"(?P<text>(?P<ye>\d{{4}}){_SP}年{_SP}(?:底|末)"
    rf"|(?:(?P<y>\d{{4}}){_SP}年{_SP})?(?P<m>\d{{1,2}}){_SP}月{_SP}(?:(?P<d>\d{{1,2}}){_SP}[日号]|(?P<end>底|末))?"
    r"|年底|年末)"
    rf"{_SP}(?:之?前|以前)"
)
# After 整改时限： a date alone is the deadline (整改时限：2023年12月底 = 2023年12月底前).
_LIMIT_DATE = compiled(rf"^(?:\d{{4}}{_SP}年{_SP})?(?:\d{{1,2}}{_SP}月{_SP}(?:\d{{1,2}}{_SP}[日号]|底|末)?|底|末)")
# Only a bare 年底 (the current year's end: a plan) — 2023年底完成 may as well report a past completion.
_YEAR_END = compiled(r"(?<![0-9０-９ \t])年[底末](?=[^前]*完成)")
_ANY_DATE = compiled(
    rf"\d{{4}}{_SP}年({_SP}\d{{1,2}}{_SP}月({_SP}\d{{1,2}}{_SP}[日号])?)?"
    rf"|\d{{1,2}}{_SP}月({_SP}\d{{1,2}}{_SP}[日号])?"
)
_NOT_A_STATUS = compiled(r"问题|《|》|含|包括|其中|试行|暂行")

# A status stated in prose as the account's last sentence: 已完成整改。 目前已整改完成。 该问题已基本完成整改，
# 需长期坚持。 计划于2024年6月底前完成整改。 确保2021年9月底前整改到位。 已全部销号。 年底办理完成。
# Only the genre's fixed phrases (after an optional time and subject) count, so 完成干部教育培训。
# or 已建立台账。 stay account text.  docs/recognizer.md lists them.
PROSE_LEAD = compiled(
    r"^(?:(?:目前|当前|现|截至目前|截止目前|截至(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)?)[，,]?)?"
    r"(?:该问题|此问题|该项问题|本问题|此项问题|该项工作|该项|此项)?"
)
_WHEN = rf"(?:\d{{4}}{_SP}年{_SP})?(?:\d{{1,2}}{_SP}月{_SP})?(?:\d{{1,2}}{_SP}[日号]|底|末)?(?:年底|年末)?"
PROSE_PART = compiled(
    r"(?:已经?|均已|已全部|全部|已按期|已如期|按期|如期)?(?:基本)?"
    r"(?:完成整改|整改完成|完成了整改|整改到位|办结|销号|整改|完成|已完成|落实到位)(?:到位|销号)?"
    r"|整改已(?:完成|到位|办结)"
    r"|已?取得阶段性成效|(?:需要?|将|仍需|需持续)?长期坚持|持续整改(?:中)?|正在(?:整改|推进)(?:中)?|整改中|持续推进(?:中)?"
    rf"|(?:计划|预计|将|力争|确保|已)?{_SP}于?{_SP}{_WHEN}{_SP}之?前?(?:全面|全部)?(?:完成|办理完成|整改到位|整改完毕|完成整改)(?:整改)?"
    r"|尚未(?:完成|启动)|未启动|未完成"
)
PROSE_CLAUSE = compiled(
    rf"(?:确保|力争|计划|预计){_SP}于?{_SP}{_WHEN}{_SP}之?前(?:全面|全部)?(?:完成整改|整改到位|完成|整改完毕)")
"""A last clause that promises a deadline may end a longer sentence: ……，确保2021年9月底前整改到位。"""
PROSE_JOIN = compiled(r"[，,、；;]|并且?|且")
PROSE_MAX = 24


def _deadline(phrase: str) -> Date | None:
    m = _DEADLINE.search(phrase)
    if m is None:
        return None
    text = m.group("text").strip()
    iso = None
    if m.group("ye"):
        iso = iso_date(int(m.group("ye")), 12, 31)
    elif m.group("y"):
        year = int(m.group("y"))
        if m.group("d"):
            iso = iso_date(year, int(m.group("m")), int(m.group("d")))
        elif m.group("end"):
            iso = month_end(year, int(m.group("m")))
    return Date(iso=iso, text=text)


def _strip_brackets(text: str) -> str | None:
    """The phrase inside one pair of brackets (（…） and (…) may be mixed), or ``text`` unbracketed."""
    if not text or text[0] not in _OPEN:
        return text
    if text[-1] not in _CLOSE:
        return None
    if _PAIR.get(text[0]) != _PAIR.get(text[-1]):
        return None
    return text[1:-1].strip()


_SLOT_LABEL = compiled(r"[\u4e00-\u9fff]{2,6}[ \t]*[：:]")


def is_stated(text: str) -> bool:
    """A status written in the genre's status slot — in brackets, or after a label (完成情况：,
    整改进展：) — rather than read from a sentence of the account: ``Status.inferred`` is its
    negation, computed from the text alone so every reader of the same text agrees."""
    t = text.strip()
    return _SLOT_LABEL.match(t) is not None or (t[:1] in _OPEN and t[-1:] in _CLOSE)


@functools.lru_cache(maxsize=4096)  # statuses repeat (（长期任务取得阶段性成效并长期坚持）×20); the result is immutable
def parse_status_text(text: str) -> tuple[str, Date | None] | None:
    """(category, deadline) for a status as written, brackets or 完成情况： label included; else None.

    A phrase after an explicit label (完成情况：…) that uses no known words is ``unknown``; a bare
    phrase that uses none is not a status at all.
    """
    t = text.strip()
    labelled = limit = False
    if m := _LABEL.match(t):
        labelled, limit = True, m.group("limit") is not None
        t = t[m.end():]
    inner = _strip_brackets(t)
    if inner is None or not inner:
        return None
    inner = PROSE_LEAD.sub("", inner, count=1) or inner  # 目前已… / 该问题已…: the subject is no aside
    if len(inner) > 40 or "\n" in inner:
        return None
    without_dates = _ANY_DATE.sub("", inner)
    if any(c.isdigit() for c in without_dates) or _NOT_A_STATUS.search(inner):
        return ("unknown", None) if labelled else None
    deadline = _deadline(inner)
    if deadline is None and limit:
        deadline = _deadline(_LIMIT_DATE.sub(r"\g<0>前", inner, count=1))
    if deadline is None and "已" not in inner and (end := _YEAR_END.search(inner)) is not None:
        deadline = _deadline(inner[:end.end()] + "前")  # 年底办理完成: a plan; 已于年底完成: done
    category = category_of(inner)
    if category == "not_started":
        return "not_started", None
    if deadline is not None and not (category == "completed" and "已" in inner):
        return "in_progress", deadline  # 已于9月底前整改到位 met its deadline: completed
    if category is not None:
        return category, None
    return ("unknown", None) if labelled else None


def status_phrase(status: Status) -> str | None:
    """The standard words for ``status`` (继续整改，2025年3月底前完成), or None for ``unknown``."""
    if status.category == "unknown":
        return None
    phrase = STANDARD_PHRASES[status.category]
    if status.category == "in_progress" and status.deadline is not None:
        when = status.deadline.text or (date_text(status.deadline.iso) if status.deadline.iso else "")
        return f"{phrase}，{when}前完成" if when else phrase
    return phrase


def status_text(status: Status) -> str | None:
    """The standard status as a notice prints it after an account: in brackets (（已完成整改）)."""
    phrase = status_phrase(status)
    return f"（{phrase}）" if phrase is not None else None


__all__ = ["LIMIT_LABELS", "PROSE_CLAUSE", "PROSE_JOIN", "PROSE_LEAD", "PROSE_MAX", "PROSE_PART",
           "STANDARD_PHRASES", "STATUS_LABELS", "category_of", "is_stated", "parse_status_text", "status_phrase",
           "status_text"]
