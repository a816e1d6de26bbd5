"""Hard-wrapped PDF text and one-line dumps come back as the paragraphs they were."""

from __future__ import annotations

import re

from rectify_core.formats import ReadResult
from rectify_core.recognize import Block, recognize
from rectify_core.recognize.text import display_width
from rectify_core.recognize.unwrap import wrap_width
from tests.recognize.test_structure import NOTICE

PARAGRAPHS = [
    "某某镇党委关于巡察整改进展情况的通报",
    "根据县委统一部署，2020年4月21日至7月30日，县委第二巡察组对某某镇开展了巡察整改“回头看”。9月15日，"
    "县委巡察组反馈了工作情况和整改意见。按照党务公开原则和巡察工作有关要求，现将巡察整改情况予以公布。",
    "一、组织整改落实情况",
    "镇党委坚持把抓好巡察整改作为重大政治任务，以高度的政治站位和强烈的责任担当，从严从实推动反馈意见整改落实。"
    "一是提高站位，加强领导。镇党委切实担负起整改落实主体责任，成立了整改工作领导小组，领导小组下设办公室。"
    "二是强化统筹，狠抓整改。镇党委先后召开党委(扩大)会议和整改专题调度会12次，研究部署、调度推进整改工作。",
    "二、反馈意见整改进展情况",
    "（一）镇党委存在的主要问题",
    "1.关于巡察反馈问题整改落实“打折扣”，压力传导层层递减的问题",
    "（1）镇党委召开会议研究巡察反馈整改问题少，且安排部署不细致，跟踪督办不扎实。整改台账中显示整改完成的37个"
    "问题中，有21个问题还不同程度地存在整改不彻底、不到位问题。",
    "整改情况：一是规范台账，压实责任。将整改问题逐项梳理，责任到人，签字认领。二是明确时限，及时调度。",
    "（2）破产企业处置问题。",
    "整改情况：对某某粮油有限公司的66.85亩土地及地上附属物进行评估，现已完成评估。",
    "三、继续深化后续整改",
    "下一步，镇党委继续将整改落实工作作为全镇当前和今后一个时期的重要政治任务，有序推进高质量整改。",
    "这一段正好写满第一行而且以句号结束的段落内容。",  # a first line exactly full, ending a sentence
    "下一段另起一行，并且首行缩进两个字。",
    "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。",
    "联系电话：0543-2561020",
    "电子邮箱：abc2561020@126.com",
    "中共某某镇委员会",
    "2021年2月10日",
]


def _pdf_spacing(text: str) -> str:
    """What PDF extraction does to 2020年4月: a space on each side of a run of ASCII digits."""
    return re.sub(r"(?<=[\u4e00-\u9fff，。])(\d+(?:\.\d+)?)(?=[\u4e00-\u9fff])", r" \1 ", text)


def _wrap(paragraphs: list[str], width: int = 56, indent: int = 4) -> list[str]:
    lines: list[str] = []
    for p in paragraphs:
        text = _pdf_spacing(p)
        capacity, current = width - indent, ""
        for ch in text:
            if display_width(current + ch) > capacity:
                lines.append(current.strip())
                current, capacity = "", width
            current += ch
        lines.append(current.strip())
    return lines


def _read(lines: list[str]) -> ReadResult:
    return recognize([Block(t, line=i + 1) for i, t in enumerate(lines)], source="t.txt")


def _texts(result: ReadResult) -> list[str]:
    doc = result.document
    out = [doc.title or "", *doc.preamble]

    def walk(nodes: tuple) -> None:  # type: ignore[type-arg]
        for n in nodes:
            first = (n.marker.text if n.marker else "") + (n.heading or "")
            out.append(first)
            out.extend(n.paragraphs)
            if n.problem is not None:
                if n.problem.finding:
                    out[-1] += n.problem.finding[0]
                if n.problem.rectification is not None:
                    rect = n.problem.rectification
                    out.append(rect.label + (rect.colon or "") + "".join(rect.paragraphs))
            walk(n.children)

    walk(doc.body)
    out += list(doc.closing)
    if doc.signature is not None:
        out += [doc.signature.issuer or "", doc.signature.date.text if doc.signature.date else ""]
    return out


def test_the_fixture_really_is_wrapped() -> None:
    lines = _wrap(PARAGRAPHS)
    assert len(lines) > len(PARAGRAPHS) + 5
    assert "这一段正好写满第一行而且以句号结束的段落内容。" in lines  # exactly one full first line
    assert wrap_width(lines) is not None
    assert wrap_width(PARAGRAPHS) is None


def test_wrapped_lines_rejoin_into_their_paragraphs() -> None:
    result = _read(_wrap(PARAGRAPHS))
    assert result.info["text_shape"] == "wrapped"
    assert _texts(result) == PARAGRAPHS


def test_blank_lines_page_numbers_and_running_headers_between_wrapped_lines() -> None:
    lines = _wrap(PARAGRAPHS)
    noisy: list[str] = []
    for i, line in enumerate(lines):
        noisy += [line, ""]
        if i in (6, 14, 22):
            noisy += ["", f"- {i // 8 + 2} -", "", "某某镇巡察整改通报", ""]
    result = _read(noisy)
    assert _texts(result) == PARAGRAPHS
    reasons = [r.reason for r in result.removed]
    assert reasons.count("page number") == 3
    assert reasons.count("running header") == 3


def test_one_line_dump_splits_like_the_lines_it_came_from() -> None:
    lines = NOTICE.split("\n")
    dump = " ".join(lines)
    by_lines = _read(lines)
    by_dump = recognize([Block(dump, line=1)], source="t.txt")
    assert by_dump.info["text_shape"] == "dump"
    assert by_dump.document == by_lines.document
