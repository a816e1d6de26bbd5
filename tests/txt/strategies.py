"""Documents a plain-text file can carry: the genre's shapes, with text the recognizer can place.

Plain text has no markup, so a Document round-trips through txt only when its visible text says
what each part is (docs/recognizer.md, "txt round trip"): a title that reads as a title, sentences
that end in 。, every body node numbered, a problem's account opened by its label, a closing that
invites supervision or lists contacts, a signature with its date.  Within those shapes everything
varies: marker variants (（一）/(一), 1./1．/1、, （1）/(1)), verbatim or generated statuses and
deadlines, colons, inline or separate statuses, run-in headings, dates written three ways,
disclosure fields with or without values, and prose mixing CJK, full-width punctuation and digits.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from rectify_core.model import (
    Contact,
    DisclosureField,
    Document,
    Node,
    Problem,
    Rectification,
    Signature,
)
from rectify_core.testing.strategies import dates, markers, statuses
from rectify_core.vocab.dates import date_text

# Common characters that spell none of the words the recognizer keys on (整改, 巡察, 问题, 完成,
# 监督, 联系, 通报 …) and no Chinese numeral that could open a heading.
HAN = ("的是在了有和人这大为上我以要他用们生到作地出就会可同工也能下过子说产种面而方多定学法所民得经之进着等部度家"
       "里如水化高自理起小物现加量都两体制当使点从业去把好它合还因由些然前外天政那社义事平形相全表样与各重新线内数心"
       "你明看原又么利比或但质气向道命此变只没解意建无军很者最代想并提直程展果料象员革位入常总次品活设及管特求老头"
       "资边流路级少图山统接知较将见计别她手角根论运农指几区强放决西被干做必战先回则任据处队南给色光门即保治北造热")
_INNER = "，、；"

_STYLES = ["chinese", "chinese_paren", "arabic", "arabic_paren", "circled"]
_DISCLOSURE = ["索引号", "主题分类", "发布机构", "成文日期", "文号", "效力状态", "索 引 号", "发文时间"]


@st.composite
def phrase(draw: Any, min_size: int = 2, max_size: int = 20) -> str:
    """Han characters with commas and digits inside (never first, so 1.5 never follows a 1.)."""
    head = draw(st.sampled_from(HAN))
    body = draw(st.text(alphabet=HAN * 3 + _INNER + "0123456789", min_size=min_size - 1, max_size=max_size))
    tail = draw(st.sampled_from(HAN))
    text = head + body + tail
    if draw(st.integers(0, 4)) == 0:
        text += "“" + draw(st.text(alphabet=HAN, min_size=1, max_size=6)) + "”" + draw(st.sampled_from(HAN))
    return text


@st.composite
def sentence(draw: Any) -> str:
    return draw(phrase()) + draw(st.sampled_from("。。。！？"))


@st.composite
def paragraph(draw: Any) -> str:
    return "".join(draw(st.lists(sentence(), min_size=1, max_size=3)))


def paragraphs(max_size: int = 2) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(paragraph(), max_size=max_size).map(tuple)


@st.composite
def problem_node(draw: Any, style: str, value: int) -> Node:
    heading = draw(st.none() | phrase(max_size=30))
    finding = draw(st.lists(paragraph(), min_size=1 if heading else 0, max_size=2 if heading else 1))
    label = draw(st.sampled_from(["整改情况", "整改进展情况", "整改落实情况", "整改措施", "整改"]))
    rect = Rectification(label=label, colon=draw(st.sampled_from([None, "：", ":"])), paragraphs=draw(paragraphs()))
    status = draw(st.none() | statuses())
    return Node(marker=draw(markers(style, value)), heading=heading,
                problem=Problem(finding=tuple(finding), rectification=rect, status=status))


@st.composite
def node(draw: Any, depth: int, value: int) -> Node:
    style = _STYLES[depth - 1]
    if depth >= 2 and draw(st.integers(0, 2)) == 0:
        return draw(problem_node(style, value))
    paras = draw(paragraphs())
    heading = draw(phrase(max_size=24) | sentence()) if paras or draw(st.booleans()) else None
    run_in = bool(paras) and heading is not None and heading.endswith(tuple("。！？")) and draw(st.booleans())
    children: tuple[Node, ...] = ()
    if depth < len(_STYLES):
        count = draw(st.integers(0, 3 if depth < 3 else 1))
        children = tuple(draw(node(depth + 1, i + 1)) for i in range(count))
    return Node(marker=draw(markers(style, value)), heading=heading, run_in=run_in, paragraphs=paras,
                children=children)


@st.composite
def preamble(draw: Any) -> tuple[str, ...]:
    out = list(draw(paragraphs(2)))
    if draw(st.booleans()):
        start, end, feedback = draw(dates()), draw(dates()), draw(dates())
        team = draw(st.sampled_from(["县委第二巡察组", "区委第五巡察组", "市委对村巡察第四组", "中央第三巡视组"]))
        written = [d.text or date_text(d.iso or "2020-01-01") for d in (start, end, feedback)]
        target = draw(phrase(max_size=6))
        out.insert(0, f"根据上级统一部署，{written[0]}至{written[1]}，{team}对{target}开展了常规巡察。"
                      f"{written[2]}，巡察组反馈了意见。")
    if draw(st.booleans()):
        total = draw(st.integers(1, 300))
        done = draw(st.integers(0, total))
        out.append(f"截至目前，巡察反馈问题{total}个，已完成整改{done}个，正在整改{total - done}个。")
    return tuple(out)


@st.composite
def txt_documents(draw: Any) -> Document:
    """A Document whose canonical text the txt reader recovers exactly (after ``expected``)."""
    disclosure = tuple(
        DisclosureField(label=label, value=draw(st.none() | phrase(max_size=12)))
        for label in draw(st.lists(st.sampled_from(_DISCLOSURE), max_size=4, unique=True)))
    closing: list[str] = []
    if draw(st.booleans()):
        closing.append("欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。")
    contacts = tuple(draw(st.lists(st.sampled_from([
        Contact("phone", "0543-2561020", "联系电话"), Contact("email", "lyz2561020@126.com"),
        Contact("mailbox", "某某县某某路1号", "邮政信箱")]), max_size=3, unique=True)))
    signature = None
    if draw(st.booleans()):
        signature = Signature(issuer=draw(st.none() | st.just("中共某某镇委员会")), date=draw(dates()))
    body = tuple(draw(node(1, i + 1)) for i in range(draw(st.integers(0, 3))))
    title = draw(st.none() | st.builds(lambda p: f"{p}关于巡察整改进展情况的通报", phrase(max_size=8)))
    if title is None and not body:
        body = (draw(node(1, 1)),)  # an empty text file is refused as input, so say something
    return Document(
        disclosure=disclosure,
        title=title,
        subtitle=draw(st.none() | st.just("（社会公开稿）")) if title else None,
        preamble=draw(preamble()),
        body=body,
        closing=tuple(closing),
        contacts=contacts,
        signature=signature,
    )


__all__ = ["HAN", "paragraph", "phrase", "txt_documents"]
