"""Whole-document judgements: is this a 通报 at all, and does it mix 巡视 with 巡察?

A 通报 on rectification has at least one of: numbered body sections, a rectification account, a
statistics sentence, or a title that calls it a 通报/整改 report.  An announcement that only lists
where reports were published (corpus file 013) has none, and is reported rather than forced into
a mangled Document.

巡察 is what city and county committees run, 巡视 what central and provincial ones run; a 巡察
report that speaks of its own 巡视整改 has a wording error (seed 000).  References to the 巡视工作条例,
to 关于巡视工作的重要论述 or to a higher committee's 巡视 are legitimate and ignored.
"""

from __future__ import annotations

import re

from ..model import Document
from ..report import Report
from .blocks import Block

_LEGIT_XUNSHI = re.compile(
    r"《[^》]*》|巡视巡察|巡察巡视|关于巡视工作|巡视工作(?:的)?重要论述|巡视工作条例|(?:中央|省委)[^，。,；;]{0,6}巡视|巡视办|巡视工作领导小组"
)
# 巡视 as the inspection itself (巡视整改, 巡视反馈, 巡察组巡视…), not the plain verb (上山巡视, 日常巡视).
_OWN_XUNSHI = re.compile(r"巡视(?=整改|反馈|组|工作|意见|问题|发现|期间)|(?<=组)巡视")
_REPORT_TITLE = re.compile(r"通报|整改")


def _blank(m: re.Match[str]) -> str:
    return "＿" * len(m.group(0))


def is_tongbao(doc: Document) -> bool:
    has_rect = any(n.problem is not None and n.problem.rectification is not None for _, n in doc.walk())
    titled = doc.title is not None and _REPORT_TITLE.search(doc.title) is not None
    return bool(doc.body) or has_rect or doc.statistics is not None or titled


def check_genre(doc: Document, report: Report, first: Block | None) -> None:
    if not is_tongbao(doc):
        report.add("recognize.not-a-tongbao", "error",
                   "这不是巡视/巡察整改进展情况的通报：没有标题、编号正文、整改情况或统计数字，全文保留为导语段落",
                   "this is not a 巡视/巡察 rectification report: it has no report title, numbered body, "
                   "rectification account or statistics; its text is kept as preamble paragraphs", first)


def check_level_mixture(doc: Document, lines: list[Block], report: Report) -> None:
    if doc.inspection is None or doc.inspection.level != "巡察":
        return
    hits = [(b, m) for b in lines for m in _OWN_XUNSHI.finditer(_LEGIT_XUNSHI.sub(_blank, b.text))]
    if not hits:
        return
    block, m = hits[0]
    where = block.text[max(0, m.start() - 6):m.end() + 4]
    report.add("recognize.level-mixture", "warning",
               f"本文为巡察（市县级）通报，却有 {len(hits)} 处写作“巡视”，首见“{where}”",
               f"a 巡察 (city/county) report says 巡视 {len(hits)} times, first in {where!r}", block,
               "/inspection/level")


__all__ = ["check_genre", "check_level_mixture", "is_tongbao"]
