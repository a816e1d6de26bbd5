"""layout.unflatten on paragraphs a damaged or hand-edited file can give."""

from __future__ import annotations

from rectify_core.model import Document, Marker, Node
from rectify_core.schema import validate_dict
from rectify_core.visible import Para, Span, flatten, unflatten


def test_a_node_line_without_number_or_heading_stays_a_paragraph():
    paras = [
        Para("node", (Span("marker", "一、"), Span("heading", "整改情况")), 1),
        Para("node", (Span("text", "<"),), 2),  # e.g. a truncated page's last element
    ]
    doc = unflatten(paras)
    assert validate_dict(doc.to_dict()) == []
    assert doc.body[0].paragraphs == ("<",)


def test_a_node_line_before_any_node_goes_to_the_preamble():
    doc = unflatten([Para("node", (Span("text", "导语"),), 1)])
    assert doc.preamble == ("导语",) and doc.body == ()


def test_flatten_then_unflatten_keeps_the_tree():
    doc = Document(body=(Node(marker=Marker("chinese", 1, "一、"), heading="甲",
                              children=(Node(marker=Marker("arabic", 1, "1."), paragraphs=("乙",)),)),))
    assert unflatten(flatten(doc)) == doc
