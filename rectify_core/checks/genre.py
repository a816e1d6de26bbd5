"""Whole-document rules: is this a 通报 at all, does it mix 巡视 with 巡察, does a numbered problem
end with a status but lack the label that would open its account.

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
from collections.abc import Iterator

from ..model import Document, Node
from ..patterns import compiled
from . import Hit, rule

_LEGIT_XUNSHI = compiled(
    r"《[^》]*》|巡视巡察|巡察巡视|关于巡视工作|巡视工作(?:的)?重要论述|巡视工作条例|(?:中央|省委)[^，。,；;]{0,6}巡视|巡视办|巡视工作领导小组"
)
# 巡视 as the inspection itself (巡视整改, 巡视反馈, 巡察组巡视…), not the plain verb (上山巡视, 日常巡视).
_OWN_XUNSHI = compiled(r"巡视(?=整改|反馈|组|工作|意见|问题|发现|期间)|(?<=组)巡视")
_REPORT_TITLE = compiled(r"通报|整改")
_PROBLEM_LINE = compiled(r"^(?:关于|针对).{0,80}问题|问题[。.]?$")


def is_tongbao(doc: Document) -> bool:
    has_rect = any(n.problem is not None and n.problem.rectification is not None for _, n in doc.walk())
    titled = doc.title is not None and _REPORT_TITLE.search(doc.title) is not None
    return bool(doc.body) or has_rect or doc.statistics is not None or titled


def texts(doc: Document) -> Iterator[tuple[str, str]]:
    """(JSON Pointer, text) of every visible paragraph of the notice in reading order (disclosure
    list and signature aside)."""
    if doc.title:
        yield "/title", doc.title
    if doc.subtitle:
        yield "/subtitle", doc.subtitle
    for i, t in enumerate(doc.preamble):
        yield f"/preamble/{i}", t

    def node(n: Node, pointer: str) -> Iterator[tuple[str, str]]:
        if n.heading:
            yield f"{pointer}/heading", n.heading
        for i, t in enumerate(n.paragraphs):
            yield f"{pointer}/paragraphs/{i}", t
        if n.problem is not None:
            for i, t in enumerate(n.problem.finding):
                yield f"{pointer}/problem/finding/{i}", t
            if n.problem.rectification is not None:
                for i, t in enumerate(n.problem.rectification.paragraphs):
                    yield f"{pointer}/problem/rectification/paragraphs/{i}", t
        for i, c in enumerate(n.children):
            yield from node(c, f"{pointer}/children/{i}")
    for i, n in enumerate(doc.body):
        yield from node(n, f"/body/{i}")
    for i, t in enumerate(doc.closing):
        yield f"/closing/{i}", t


@rule("document.not-a-tongbao", "error", "a notice has a report title, numbered body, an account or statistics")
def _not_a_tongbao(doc: Document) -> Iterator[Hit]:
    if not is_tongbao(doc):
        yield ("", "这不是巡视/巡察整改进展情况的通报：没有标题、编号正文、整改情况或统计数字，全文保留为导语段落",
               "this is not a 巡视/巡察 rectification report: it has no report title, numbered body, "
               "rectification account or statistics; its text is kept as preamble paragraphs")


def _blank(m: re.Match[str]) -> str:
    return "＿" * len(m.group(0))


_MID_SENTENCE_MIN = 20  # characters: a shorter last paragraph may be a heading or a list item
_ENDED = "。！？!?…”’」』）)】]》"


def _texts(doc: Document) -> Iterator[tuple[str, str]]:
    """(pointer, text) of every paragraph the body shows, in order; a status counts as ending its problem."""
    for i, text in enumerate(doc.preamble):
        yield f"/preamble/{i}", text
    for pointer, node in doc.walk():
        for i, text in enumerate(node.paragraphs):
            yield f"{pointer}/paragraphs/{i}", text
        problem = node.problem
        if problem is None:
            continue
        for i, text in enumerate(problem.finding):
            yield f"{pointer}/problem/finding/{i}", text
        if problem.rectification is not None:
            for i, text in enumerate(problem.rectification.paragraphs):
                yield f"{pointer}/problem/rectification/paragraphs/{i}", text
        if problem.status is not None:
            yield f"{pointer}/problem/status", "。"  # a status closes its problem


@rule("document.truncated", "warning", "a notice's text does not stop in the middle of a sentence")
def _truncated(doc: Document) -> Iterator[Hit]:
    """The last paragraph of a text with no closing is prose (it has 。，；) that ends mid-sentence: the
    page or the copy was cut off.  A list line (省委第一巡视组：…) or a short line is no cut sentence."""
    if doc.closing or not is_tongbao(doc):
        return
    texts = list(_texts(doc))
    if not texts:
        return
    pointer, text = texts[-1]
    if len(text) >= _MID_SENTENCE_MIN and text[-1] not in _ENDED and any(c in text for c in "，。,；;"):
        yield (pointer, f"正文在句中结束（“…{text[-12:]}”）：文本可能不完整",
               f"the text stops mid-sentence ({text[-12:]!r}): it may be cut off")


@rule("inspection.level", "warning", "巡视 is for central/provincial committees, 巡察 for city/county ones")
def _level(doc: Document) -> Iterator[Hit]:
    insp = doc.inspection
    if insp is None or insp.level is None:
        return
    other = "巡视" if insp.level == "巡察" else "巡察"
    if insp.team and other in insp.team and insp.level not in insp.team:
        yield ("/inspection/level", f"巡视/巡察混用：层级为{insp.level}，巡察组为“{insp.team}”",
               f"level is {insp.level} but the team is named {insp.team!r}")
        return
    if insp.level != "巡察":
        return
    hits = [(p, t, m) for p, t in texts(doc) if "巡视" in t
            for m in _OWN_XUNSHI.finditer(_LEGIT_XUNSHI.sub(_blank, t))]
    if hits:
        pointer, text, m = hits[0]
        where = text[max(0, m.start() - 6):m.end() + 4]
        yield (pointer, f"本文为巡察（市县级）通报，却有 {len(hits)} 处写作“巡视”，首见“{where}”",
               f"a 巡察 (city/county) report says 巡视 {len(hits)} times, first in {where!r}")


def _ending_status(paragraphs: tuple[str, ...]) -> str | None:
    """The status that ends a numbered item's text (bracketed, prose or a line of its own), if any."""
    from ..recognize.problems import standalone_status, trailing_status
    from ..recognize.status import prose_status

    last = paragraphs[-1]
    found = trailing_status(last)
    if found is not None:
        return found[1].text
    prose = prose_status(last)
    if prose is not None:
        return prose[1]
    lone = standalone_status(last) if len(paragraphs) > 1 else None
    return lone.text if lone is not None else None


@rule("problem.unlabelled-account", "info", "a numbered problem ending with a status labels its account (整改情况：)")
def _unlabelled(doc: Document) -> Iterator[Hit]:
    for pointer, n in doc.walk():
        # a run-in heading's first paragraph is the rest of the numbered line, not a paragraph of its own
        paragraphs = n.paragraphs[1:] if n.run_in else n.paragraphs
        if n.marker is None or n.problem is not None or n.children or not paragraphs:
            continue
        line = (n.heading or "") + (n.paragraphs[0] if n.run_in else "")
        if n.marker.style != "label" and _PROBLEM_LINE.search(line) is None:
            continue
        shown = _ending_status(paragraphs)
        if shown is not None:
            text = (n.marker.text or "") + (n.heading or "")[:20]
            yield (pointer, f"“{text}”像是反馈问题，其后以整改状态“{shown}”结束，但没有“整改情况：”等标签："
                            "按标题和段落原样保留",
                   f"{text!r} reads like a problem whose text ends with the status {shown!r}, but no rectification "
                   "label (整改情况：) opens its account: kept as a heading and paragraphs")


__all__ = ["is_tongbao", "texts"]
