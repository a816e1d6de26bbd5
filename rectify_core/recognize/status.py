"""Rectification statuses as written → a category of ``model.STATUS_CATEGORIES`` and a deadline.

Vocabulary from standards.md §3.3 and the seeds.  A phrase is a status only when it is short and
made of status words (plus an optional date), so a bracketed aside such as （含立行立改问题2个） or
（试行） is never mistaken for one.
"""

from __future__ import annotations

import re

from ..model import Date
from .dates import iso_date, month_end
from .text import CLOSING_QUOTES, OPENING_QUOTES, SENTENCE_END, sentence_spans

_OPEN, _CLOSE = "（([【〔", "）)]】〕"
_PAIR = {"（": 0, "(": 0, "）": 0, ")": 0, "[": 1, "]": 1, "【": 2, "】": 2, "〔": 3, "〕": 3}
_LABEL = re.compile(
    r"^(?:完成情况|整改状态|完成状态|整改进度|进展情况|整改结果|办结情况|状态"
    r"|(?P<limit>整改时限|完成时限|整改期限))[ \t]*[：:][ \t]*")

_DEADLINE = re.compile(
    r"(?P<text>(?P<ye>\d{4})[ \t]*年[ \t]*(?:底|末)"
    r"|(?:(?P<y>\d{4})[ \t]*年[ \t]*)?(?P<m>\d{1,2})[ \t]*月[ \t]*(?:(?P<d>\d{1,2})[ \t]*[日号]|(?P<end>底|末))?"
    r"|年底|年末)"
    r"[ \t]*(?:之?前|以前)"
)
# After 整改时限： a date alone is the deadline (整改时限：2023年12月底 = 2023年12月底前).
_LIMIT_DATE = re.compile(r"^(?:\d{4}[ \t]*年[ \t]*)?(?:\d{1,2}[ \t]*月[ \t]*(?:\d{1,2}[ \t]*[日号]|底|末)?|底|末)")
_ANY_DATE = re.compile(
    r"\d{4}[ \t]*年([ \t]*\d{1,2}[ \t]*月([ \t]*\d{1,2}[ \t]*[日号])?)?"
    r"|\d{1,2}[ \t]*月([ \t]*\d{1,2}[ \t]*[日号])?"
)

_NOT_STARTED = re.compile(r"未启动|尚未启动|未开始|尚未开始|未开展|尚未开展")
_LONG_TERM = re.compile(r"长期|阶段性|基本完成|基本整改|持续整改|初见成效|常态化")
_IN_PROGRESS = re.compile(
    r"继续整改|正在|整改中|推进中|进行中|未完成|尚未完成|未整改到位|未到位|限期整改|逐步整改|持续推进"
)
_COMPLETED = re.compile(r"完成|已整改|办结|整改到位|立行立改|已落实|已解决|已纠正|已追回|已清退|已规范")
_NOT_A_STATUS = re.compile(r"问题|《|》|含|包括|其中|试行|暂行")


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
    inner = _PROSE_LEAD.sub("", inner, count=1) or inner  # 目前已… / 该问题已…: the subject is no aside
    if len(inner) > 40 or "\n" in inner:
        return None
    without_dates = _ANY_DATE.sub("", inner)
    if any(c.isdigit() for c in without_dates) or _NOT_A_STATUS.search(inner):
        return ("unknown", None) if labelled else None
    deadline = _deadline(inner)
    if deadline is None and limit:
        deadline = _deadline(_LIMIT_DATE.sub(r"\g<0>前", inner, count=1))
    if _NOT_STARTED.search(inner):
        return "not_started", None
    if deadline is not None:
        return "in_progress", deadline
    if _LONG_TERM.search(inner):
        return "long_term", None
    if _IN_PROGRESS.search(inner):
        return "in_progress", None
    if _COMPLETED.search(inner):
        return "completed", None
    return ("unknown", None) if labelled else None


# A status stated in prose as the account's last sentence: 已完成整改。 目前已整改完成。 该问题已基本完成整改，
# 需长期坚持。 计划于2024年6月底前完成整改。  Only the genre's fixed phrases (after an optional time and
# subject) count, so 完成干部教育培训。 or 已建立台账。 stay account text.
_PROSE_LEAD = re.compile(
    r"^(?:(?:目前|当前|现|截至目前|截止目前|截至(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末)?)[，,]?)?"
    r"(?:该问题|此问题|该项问题|本问题|此项问题|该项工作|该项|此项)?"
)
_PROSE_PART = re.compile(
    r"(?:已经?|均已|已全部|全部|已按期|已如期|按期|如期)?(?:基本)?"
    r"(?:完成整改|整改完成|完成了整改|整改到位|办结|销号|整改|完成|已完成|落实到位)(?:到位|销号)?"
    r"|整改已(?:完成|到位|办结)"
    r"|已?取得阶段性成效|(?:需要?|将|仍需|需持续)?长期坚持|持续整改(?:中)?|正在(?:整改|推进)(?:中)?|整改中|持续推进(?:中)?"
    r"|(?:计划|预计|将|力争)?于?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日|底|末)?(?:年底|年末)?之?前(?:全面|全部)?完成(?:整改)?"
    r"|尚未(?:完成|启动)|未启动|未完成"
)
_PROSE_JOIN = re.compile(r"[，,、；;]|并且?|且")
PROSE_MAX = 24


def _last_sentence_start(text: str) -> int | None:
    """Where the last sentence starts when it is short enough to be a status (None when longer).

    Only the tail is looked at when it has no brackets or quotes — accounts are long, this runs on
    every one; otherwise the whole paragraph's sentences (which know about brackets) decide.
    """
    tail_start = max(0, len(text) - PROSE_MAX - 1)
    tail = text[tail_start:-1]
    if any(c in OPENING_QUOTES or c in CLOSING_QUOTES for c in tail):
        spans = sentence_spans(text)
        return spans[-1][0] if spans else None
    cut = max(tail.rfind(c) for c in SENTENCE_END)
    if cut < 0:
        return 0 if tail_start == 0 else None
    return tail_start + cut + 1


def prose_status(text: str) -> tuple[str, str, str, Date | None] | None:
    """(text before, status sentence, category, deadline) when ``text`` ends with a status in prose."""
    if not text.endswith(("。", "！")):
        return None
    start = _last_sentence_start(text)
    if start is None:
        return None
    sentence = text[start:].strip()
    if len(sentence) > PROSE_MAX or not sentence.endswith(("。", "！")):
        return None
    core = _PROSE_LEAD.sub("", sentence.rstrip("。！"), count=1)
    parts = [p for p in _PROSE_JOIN.split(core) if p]
    if not parts or not all(_PROSE_PART.fullmatch(p) for p in parts):
        return None
    parsed = parse_status_text(sentence)  # the reader of any format gets the same category from the text
    if parsed is None or parsed[0] == "unknown":
        return None
    return text[:start].rstrip(), sentence, parsed[0], parsed[1]


__all__ = ["parse_status_text", "prose_status"]
