"""txt round trip: read(write(d)) == writer.expected(d), and the writer is deterministic."""

from __future__ import annotations

from rectify_txt.writer import render

from rectify_core import api
from rectify_core.model import Document


def test_canonical_text_layout() -> None:
    doc = Document.from_dict({
        "schema": "rectify/tongbao", "version": "1.0.0",
        "disclosure": [{"label": "索 引 号", "value": "11/2024-1"}, {"label": "文号"}],
        "title": "某镇关于巡察整改进展情况的通报", "subtitle": "（社会公开稿）",
        "preamble": ["根据县委统一部署开展了巡察。"],
        "body": [{"marker": {"style": "chinese", "value": 1}, "heading": "整改情况",
                  "children": [{"marker": {"style": "chinese_paren", "value": 1, "text": "(一)"},
                                "problem": {"finding": ["学习不深入。"],
                                            "rectification": {"label": "整改情况", "paragraphs": ["开展学习。"]},
                                            "status": {"category": "completed"}}}]}],
        "closing": ["欢迎监督。"],
        "contacts": [{"kind": "phone", "value": "0543-2561020"}],
        "signature": {"issuer": "中共某镇委员会", "date": {"iso": "2024-05-06"}},
    })
    assert render(doc) == (
        "索 引 号：11/2024-1\n文号：\n\n"
        "某镇关于巡察整改进展情况的通报\n（社会公开稿）\n\n"
        "根据县委统一部署开展了巡察。\n一、整改情况\n(一)学习不深入。\n整改情况：开展学习。（已完成整改）\n"
        "欢迎监督。\n联系电话：0543-2561020\n\n"
        "中共某镇委员会\n2024年5月6日\n")
    back = api.read(render(doc).encode(), "txt", name="x.txt").document
    assert back == api.read(api.write_bytes(back, "txt"), "txt", name="y.txt").document
    assert back.contacts[0].label == "联系电话" and back.signature is not None
