"""Hypothesis strategies for schema-valid Documents, weighted to what this genre holds.

Text is mostly CJK ideographs and full-width punctuation （），：；“”、《》, with ASCII digits and a
little Latin, because that is what real notices contain and what naive writers break.  Verbatim forms
(marker text, status phrases, written dates) are sometimes present and sometimes left to the writer,
so both read-back and generation paths are exercised.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any

from hypothesis import strategies as st

from ..model import (
    Contact,
    Date,
    DisclosureField,
    Document,
    Inspection,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Statistics,
    Status,
)
from ..vocab.dates import date_text
from ..vocab.markers import marker_text
from ..vocab.status import STANDARD_PHRASES

_CJK_COMMON = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
    "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本"
    "去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比"
    "或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权"
    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信"
    "马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连"
    "断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
    "巡察视镇村徐庄吕艺督纪监责任落"
)
_PUNCT = "，。、；：“”‘’（）《》—…·"
_ALPHABET = _CJK_COMMON * 3 + _PUNCT * 2 + "0123456789" + "ABCxyz%-./"


@st.composite
def cjk_text(draw: Any, min_size: int = 1, max_size: int = 60) -> str:
    """A Text as the schema defines it: non-empty, one line, no white space at either end."""
    body = draw(st.text(alphabet=_ALPHABET + " ", min_size=min_size, max_size=max_size))
    body = " ".join(body.split())  # no runs of spaces, none at the ends
    return body or draw(st.sampled_from("镇村党委整改巡察"))


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    return cjk_text(max_size=max_size)


def _paras(max_items: int = 3, max_size: int = 80) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(max_size), max_size=max_items).map(tuple)


@st.composite
def dates(draw: Any) -> Date:
    day = draw(st.dates(min_value=_dt.date(2015, 1, 1), max_value=_dt.date(2030, 12, 31)))
    iso = day.isoformat()
    form = draw(st.sampled_from(["both", "iso", "spaced"]))
    if form == "iso":
        return Date(iso=iso)
    if form == "spaced":
        return Date(iso=iso, text=f"{day.year} 年 {day.month} 月 {day.day} 日")
    return Date(iso=iso, text=date_text(iso))


_MARKER_VARIANTS = {
    "arabic": ["{n}.", "{n}．", "{n}、"],
    "arabic_paren": ["({n})", "（{n}）"],
    "chinese_paren": ["({c})"],
}


@st.composite
def markers(draw: Any, style: str, value: int) -> Marker:
    from ..numerals import to_chinese

    choice = draw(st.integers(0, 3))
    if choice == 0:
        return Marker(style=style, value=value)  # type: ignore[arg-type]
    variants = _MARKER_VARIANTS.get(style)
    if choice == 1 and variants:
        text = draw(st.sampled_from(variants)).format(n=value, c=to_chinese(value))
        return Marker(style=style, value=value, text=text)  # type: ignore[arg-type]
    return Marker(style=style, value=value, text=marker_text(style, value))  # type: ignore[arg-type]


_REAL_STATUSES = [
    ("completed", "（集中整改期内整改完成）"),
    ("completed", "(即知即改并已整改完成)"),
    ("long_term", "（长期任务取得阶段性成效并长期坚持）"),
    ("long_term", "(长期任务取得阶段性成效并长期坚持)"),
]


@st.composite
def statuses(draw: Any) -> Status:
    inline = draw(st.booleans())
    kind = draw(st.integers(0, 2))
    if kind == 0:
        category, text = draw(st.sampled_from(_REAL_STATUSES))
        return Status(category=category, text=text, inline=inline)
    category = draw(st.sampled_from(sorted(STANDARD_PHRASES)))
    deadline = None
    if category == "in_progress" and draw(st.booleans()):
        year, month = draw(st.integers(2020, 2030)), draw(st.integers(1, 12))
        last = (_dt.date(year + month // 12, month % 12 + 1, 1) - _dt.timedelta(days=1)).day
        deadline = Date(iso=f"{year:04d}-{month:02d}-{last:02d}", text=f"{year}年{month}月底")
    return Status(category=category, deadline=deadline, inline=inline)


@st.composite
def problems(draw: Any, has_heading: bool) -> Problem:
    finding = draw(_paras(2))
    rect = None
    if draw(st.integers(0, 4)) > 0:
        label = draw(st.sampled_from(["整改情况", "整改进展情况", "整改落实情况", "整改措施"]))
        colon = draw(st.sampled_from([None, "：", ":"]))
        rect = Rectification(label=label, colon=colon, paragraphs=draw(_paras(3, 120)))
    status = draw(st.none() | statuses())
    if not finding and rect is None and status is None:
        finding = (draw(texts()),)
    unit, person, limit = None, None, None
    if draw(st.integers(0, 3)) == 0:  # the ledger fields of schema 1.1
        unit, person = draw(st.none() | texts(20)), draw(st.none() | texts(8))
        limit = draw(st.none() | dates() | st.sampled_from([Date(text="长期坚持"), Date(text="立行立改")]))
    return Problem(finding=finding, rectification=rect, status=status,
                   responsible_unit=unit, responsible_person=person, time_limit=limit)


_STYLES_BY_DEPTH = ["chinese", "chinese_paren", "arabic", "arabic_paren", "circled"]


@st.composite
def nodes(draw: Any, depth: int = 1, value: int = 1, max_depth: int = 4) -> Node:
    style = _STYLES_BY_DEPTH[min(depth, len(_STYLES_BY_DEPTH)) - 1]
    marker = draw(markers(style, value)) if draw(st.integers(0, 9)) > 0 else None
    heading = draw(st.none() | texts(40)) if marker is not None else draw(texts(40))
    is_problem = depth >= 2 and draw(st.integers(0, 2)) == 0
    problem = draw(problems(heading is not None)) if is_problem else None
    paragraphs = () if is_problem else draw(_paras(2))
    has_first_para = bool(problem.finding if problem else paragraphs)
    run_in = heading is not None and has_first_para and draw(st.booleans())
    children: tuple[Node, ...] = ()
    if depth < max_depth and not is_problem:
        count = draw(st.integers(0, 3 if depth < 3 else 2))
        children = tuple(draw(nodes(depth + 1, i + 1, max_depth)) for i in range(count))
    return Node(marker=marker, heading=heading, run_in=run_in, paragraphs=paragraphs,
                problem=problem, children=children)


_DISCLOSURE = [("索引号", "index_no"), ("主题分类", "category"), ("发布机构", "publisher"),
               ("成文日期", "written_date"), ("文号", "doc_number"), ("效力状态", "validity")]


def _disclosure_field(draw: Any, label: str, key: str) -> DisclosureField:
    """Labelled, or a bare value whose key says what it is (as real pages show them)."""
    if draw(st.integers(0, 3)) == 0:
        return DisclosureField(key=key, value=draw(texts(30)))  # type: ignore[arg-type]
    return DisclosureField(label=label, key=draw(st.none() | st.just(key)),
                           value=draw(st.none() | texts(30)))


@st.composite
def documents(draw: Any, max_sections: int = 3) -> Document:
    """A schema-valid Document: sometimes minimal (a ledger's output), sometimes complete."""
    disclosure = tuple(
        _disclosure_field(draw, label, key)
        for label, key in draw(st.lists(st.sampled_from(_DISCLOSURE), max_size=3, unique=True))
    )
    inspection = None
    if draw(st.booleans()):
        inspection = Inspection(
            level=draw(st.none() | st.sampled_from(["巡视", "巡察"])),
            team=draw(st.none() | texts(12)),
            targets=draw(st.lists(texts(12), max_size=2).map(tuple)),
            start=draw(st.none() | dates()),
            end=draw(st.none() | dates()),
            feedback=draw(st.none() | dates()),
        )
    statistics = None
    if draw(st.booleans()):
        total = draw(st.integers(0, 500))
        done = draw(st.integers(0, total))
        rate = draw(st.none() | st.integers(0, 100) | st.floats(0, 100, allow_nan=False).map(lambda f: round(f, 2)))
        statistics = Statistics(total=total, completed=done, in_progress=total - done, rate=rate)
    contacts = tuple(draw(st.lists(st.builds(
        Contact, kind=st.sampled_from(["phone", "mailbox", "email"]), value=texts(20),
        label=st.none() | st.sampled_from(["联系电话", "邮政信箱", "电子邮箱"])), max_size=3)))
    signature = draw(st.none() | st.builds(Signature, issuer=st.none() | texts(20), date=st.none() | dates()))
    count = draw(st.integers(0, max_sections))
    body = tuple(draw(nodes(1, i + 1)) for i in range(count))
    return Document(
        disclosure=disclosure,
        title=draw(st.none() | texts(40)),
        subtitle=draw(st.none() | st.just("（社会公开稿）")),
        preamble=draw(_paras(2, 150)),
        inspection=inspection,
        body=body,
        statistics=statistics,
        closing=draw(_paras(2)),
        contacts=contacts,
        signature=signature,
    )
