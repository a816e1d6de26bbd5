"""Preamble facts: level, team, round, kind, targets, start/end and feedback dates.

根据县委统一部署，2020年4月21日至7月30日，县委第二巡察组对吕艺镇开展了巡察整改“回头看”。9月15日，县委
巡察组反馈了……  A year left out takes the year of the date before it; an end date earlier in the
year than its start belongs to the next year.  Dates that name no real day (2020年13月5日) or only a
month (2024年3月, 5月上旬) keep their text and have no ISO value: nothing is guessed.  Ranges are
written 至, 起至, 到, — or -; dates also as 2023.5.8 or 2023-05-08.
"""

from __future__ import annotations

from ..model import Date, Inspection, InspectionLevel
from ..patterns import compiled
from ..vocab.dates import DateMention, find_dates, iso_date

_NUM = "一二三四五六七八九十百\\d"
_TEAM_CORE = compiled(rf"第[{_NUM}]+(?:巡视|巡察)(?:组|工作组)|(?:巡视|巡察)第[{_NUM}]+组")
_ORG = compiled(r"中央|省委|市委|州委|盟委|县委|区委|旗委|党委|党组")
_ROUND = compiled(rf"(?:[{_NUM}]+届)?(?:中央|省委|市委|州委|盟委|县委|区委|旗委)?第[{_NUM}]+轮")
_LEVEL = compiled(r"巡视|巡察")
_KIND = compiled(r"(?:开展了?|进行了?)(?P<kind>[^。，,；;：:、\n]{0,30})")
# 巡察组对X开展了…, also with the dates between: 巡察组于2023年4月17日至6月16日对X开展了…
_TARGETS = compiled(r"(?:组|巡视|巡察)(?:于[^。；;对\n]{1,40}?)?对(?P<targets>[^。；;\n]{1,400}?)(?:开展了?|进行了?)")
_TARGET_SPLIT = compiled(r"[、，,；;]|以及")
_TARGET_TAIL = compiled(rf"等[ ]*[{_NUM}]+[ ]*[个家所名]?.*$")
_RANGE = compiled(r"[ ]*(?:起?至|起?到|—|–|－|-|~|～|——)[ ]*")


def _team(text: str) -> str | None:
    m = _TEAM_CORE.search(text)
    if m is None:
        return None
    left = m.start()
    while left > 0 and m.start() - left < 10 and "\u4e00" <= text[left - 1] <= "\u9fff":
        left -= 1
    prefix = text[left:m.start()]
    orgs = list(_ORG.finditer(prefix))
    prefix = prefix[orgs[-1].start():] if orgs else ""
    return prefix + m.group(0)
# titles of regulations and doubled names that mention 巡视 without saying which level inspected
_NOT_A_LEVEL = compiled(r"《[^》]*》|巡视工作条例|关于巡视工作|巡视巡察|巡察巡视")
_LEADING_AND = compiled(r"^(?:和|及|与)")
_YEAR = compiled(r"(\d{4})")


def _level(team: str | None, title: str | None, text: str) -> InspectionLevel | None:
    for source in (team, title, _NOT_A_LEVEL.sub("", text)):
        if source:
            m = _LEVEL.search(source)
            if m is not None:
                return m.group(0)  # type: ignore[return-value]
    return None


def _targets(text: str) -> tuple[str, ...]:
    m = _TARGETS.search(text)
    if m is None:
        return ()
    items = [t.strip() for t in _TARGET_SPLIT.split(m.group("targets"))]
    if items:
        items[-1] = _TARGET_TAIL.sub("", items[-1]).strip()
    items = [_LEADING_AND.sub("", t).strip() for t in items]
    return tuple(t for t in items if t)


def _as_date(mention: DateMention) -> Date:
    return Date(iso=mention.iso, text=mention.text)


def _dates(text: str) -> tuple[Date | None, Date | None, Date | None]:
    mentions = list(find_dates(text))
    start = end = feedback = None
    after = 0
    for i, m in enumerate(mentions[:-1]):
        nxt = mentions[i + 1]
        if _RANGE.fullmatch(text[m.end:nxt.start]):
            start = _as_date(m)
            if not nxt.year_stated and m.year is not None and nxt.month is not None and m.month is not None:
                later = (nxt.month, nxt.day or 0) >= (m.month, m.day or 0)
                year = m.year if later else m.year + 1
                iso = iso_date(year, nxt.month, nxt.day) if nxt.day else None
                end = Date(iso=iso, text=nxt.text)
            else:
                end = _as_date(nxt)
            after = i + 2
            break
    for m in mentions[after:]:
        stop = text.find("。", m.end)
        clause = text[m.end: stop if stop >= 0 else len(text)]
        if "反馈" in clause:
            context = end_year(end) or end_year(start)
            if not m.year_stated and context is not None and m.month and m.day:
                feedback = Date(iso=iso_date(context, m.month, m.day), text=m.text)
            else:
                feedback = _as_date(m)
            break
    return start, end, feedback


def end_year(d: Date | None) -> int | None:
    if d is None:
        return None
    if d.iso:
        return int(d.iso[:4])
    m = _YEAR.match(d.text or "")
    return int(m.group(1)) if m else None


def derive_inspection(title: str | None, preamble: tuple[str, ...]) -> Inspection | None:
    """The inspection facts the preamble (and, for level and round, the title) states."""
    text = "\n".join(preamble)
    team = _team(text)
    round_match = _ROUND.search(text) or (_ROUND.search(title) if title else None)
    kind_match = _KIND.search(text)
    level = _level(team, title, text)
    kind = kind_match.group("kind").strip() if kind_match else None
    if not kind or kind == level or _LEVEL.search(kind) is None:
        kind = None
    start, end, feedback = _dates(text) if preamble else (None, None, None)
    found = Inspection(
        level=level, team=team, round=round_match.group(0) if round_match else None, kind=kind,
        targets=_targets(text), start=start, end=end, feedback=feedback,
    )
    return found if found != Inspection() else None


__all__ = ["derive_inspection"]
