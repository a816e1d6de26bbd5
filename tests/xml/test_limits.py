"""The writer never produces XML its own reader refuses: nesting, text-node and file-size limits."""

from __future__ import annotations

import pytest
from rectify_xml.xsd import MAX_BYTES, MAX_NODE_DEPTH, MAX_TEXT_BYTES

from rectify_core.api import read, write_bytes
from rectify_core.errors import InputError, SchemaError
from rectify_core.model import Document, Node


def _nested(depth: int) -> Document:
    node = Node(heading="最深")
    for _ in range(depth - 1):
        node = Node(heading="层", children=(node,))
    return Document(body=(node,))


def test_deepest_tree_reads_back_and_one_more_level_is_refused_both_ways() -> None:
    deepest = _nested(MAX_NODE_DEPTH)
    data = write_bytes(deepest, "xml")
    assert read(data, "xml").document == deepest
    with pytest.raises(SchemaError, match="nests 101 levels"):
        write_bytes(_nested(MAX_NODE_DEPTH + 1), "xml")
    one_more = data.replace("<Heading>最深</Heading>".encode(), "<Heading>最深</Heading><Section><Heading>x</Heading>"
                            "</Section>".encode())
    with pytest.raises(InputError, match="nested more than 100"):
        read(one_more, "xml")


def test_text_longer_than_libxml2_accepts_is_refused_by_the_writer() -> None:
    ok = Document(title="整" * (MAX_TEXT_BYTES // 3))
    assert read(write_bytes(ok, "xml"), "xml").document == ok
    with pytest.raises(SchemaError, match="longer than XML readers accept"):
        write_bytes(Document(title="x" * (MAX_TEXT_BYTES + 1)), "xml")


def test_file_over_the_reader_cap_is_refused_by_the_writer() -> None:
    para = "整改" * 1000
    doc = Document(preamble=(para,) * (MAX_BYTES // len(para.encode()) + 10))
    with pytest.raises(SchemaError, match="MiB"):
        write_bytes(doc, "xml")


@pytest.mark.parametrize("text", ["a\nb", "a\x00b", " lead", "trail ", "\ud800"])
def test_text_the_schema_refuses_is_a_schema_error_not_a_traceback(text: str) -> None:
    with pytest.raises(SchemaError):
        write_bytes(Document(title=text), "xml")
