"""Shared helpers for the docx tests: write/read through the registry, unzip parts, build Documents."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from lxml import etree

from rectify_core import api
from rectify_core.formats import ReadResult
from rectify_core.model import Date, DisclosureField, Document, Marker, Node, Problem, Rectification, Signature, Status

from ..corpus import seed

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def write(doc: Document, **options: Any) -> bytes:
    return api.write_bytes(doc, "docx", options=options)


def read(data: bytes, name: str = "test.docx") -> ReadResult:
    return api.read(data, "docx", name=name)


def part(data: bytes, name: str) -> Any:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(name))


def style(styles: Any, style_id: str) -> Any:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, f"no style {style_id}"
    return found


def seed_document(number: str) -> Document:
    """A seed as the txt reader reads it (the reference every visible format is compared with)."""
    from rectify_core.plugins import get_registry

    if "txt" not in get_registry().readers:
        pytest.skip("the txt plugin has no reader yet")
    return api.read(seed(number), "txt").document


def structure(doc: Document) -> list[tuple[int, str | None, int | None, str | None]]:
    """Every body node as (depth, marker style, marker value, heading): what heading levels mean."""
    out: list[tuple[int, str | None, int | None, str | None]] = []

    def walk(nodes: tuple[Node, ...], depth: int) -> None:
        for n in nodes:
            out.append((depth, n.marker.style if n.marker else None, n.marker.value if n.marker else None, n.heading))
            walk(n.children, depth + 1)

    walk(doc.body, 1)
    return out


def sample() -> Document:
    """A small fictional notice with every role the writer knows."""
    problem = Problem(
        finding=("针对“村务公开不及时”问题。",),
        rectification=Rectification(label="整改情况", colon="：",
                                    paragraphs=("一是建立台账，逐项销号。", "二是每月公开一次。")),
        status=Status(category="completed", text="（已完成整改）", inline=True),
    )
    return Document(
        disclosure=(DisclosureField(label="索引号", value="000000000/2024-00001"), DisclosureField(label="文号")),
        title="示例镇党委关于巡察整改进展情况的通报",
        subtitle="（社会公开稿）",
        preamble=("根据区委统一部署，区委第一巡察组对示例镇党委开展了常规巡察。",),
        body=(
            Node(marker=Marker("chinese", 1, "一、"), heading="整改工作基本情况", paragraphs=("镇党委高度重视。",)),
            Node(marker=Marker("chinese", 2, "二、"), heading="反馈问题整改情况", children=(
                Node(marker=Marker("chinese_paren", 1, "（一）"), heading="政治建设方面", children=(
                    Node(marker=Marker("arabic", 1, "1."), heading="关于村务公开的问题", children=(
                        Node(marker=Marker("arabic_paren", 1, "（1）"), problem=problem),
                    )),
                )),
            )),
        ),
        closing=("欢迎广大干部群众监督。",),
        signature=Signature(issuer="中共示例镇委员会", date=Date(iso="2024-03-05", text="2024年3月5日")),
    )


__all__ = ["NS", "W", "part", "read", "sample", "seed_document", "structure", "style", "write"]
