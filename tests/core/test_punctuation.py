"""Half-width punctuation in Chinese text (GB/T 15834): the finding and the rewrite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rectify_core import api
from rectify_core.checks import run_checks
from rectify_core.model import Document, Node, Problem, Rectification
from rectify_core.punctuation import halfwidth_marks, normalize_document, normalize_text

from ..corpus import seed

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "fixed"), [
    ("2023年2月20日,区委第五巡察组", "2023年2月20日，区委第五巡察组"),
    ("(徐发〔2023〕7 号),并明确责任", "（徐发〔2023〕7 号），并明确责任"),
    ("一是加强领导;二是压实责任:三是", "一是加强领导；二是压实责任：三是"),
    ('他说"马上就办".', "他说“马上就办”。"),
    ("整改完成.", "整改完成。"),
    # numbers, times, versions, Latin text, URLs and e-mail addresses stay as they are
    ("共1,000元,时间12:30。", "共1,000元，时间12:30。"),
    ("版本v1.2与a.doc", "版本v1.2与a.doc"),
    ("Hello, world: (test).", "Hello, world: (test)."),
    ("见https://www.example.gov.cn/a,b.html,或", "见https://www.example.gov.cn/a,b.html，或"),
    ("邮箱ab.c@x.cn;电话", "邮箱ab.c@x.cn；电话"),
    ("3.5亿元", "3.5亿元"),
])
def test_what_is_rewritten_and_what_is_not(text: str, fixed: str) -> None:
    assert normalize_text(text)[0] == fixed


@given(st.text(alphabet="abcXYZ0123456789 .,:;()@/-_", max_size=60))
def test_text_without_chinese_is_never_touched(text: str) -> None:
    assert halfwidth_marks(text) == []


@given(st.text(alphabet="整改落实abc12 ,.:;()\"", max_size=60))
def test_the_rewrite_changes_only_marks_and_is_idempotent(text: str) -> None:
    fixed, marks = normalize_text(text)
    assert len(fixed) == len(text)
    assert all(a == b or (a in ",.:;()\"" and b in "，。：；（）“”") for a, b in zip(text, fixed, strict=True))
    assert len(marks) == sum(a != b for a, b in zip(text, fixed, strict=True))
    assert normalize_text(fixed)[0] == fixed


def test_one_finding_with_counts_and_the_first_place() -> None:
    account = Rectification("整改情况", "：", ("已完成.",))
    doc = Document(title="关于整改情况的通报", preamble=("根据部署,现通报如下:",),
                   body=(Node(heading="一、问题", problem=Problem(("问题(一)未整改,仍在推进",), account)),))
    found = [f for f in run_checks(doc) if f.rule == "punctuation.halfwidth"]
    assert len(found) == 1
    f = found[0]
    assert f.severity == "warning" and f.pointer == "/preamble/0"
    assert "6" in f.message_en and "','" in f.message_en and "character 5" in f.message_en
    fixed, changes = api.normalize_punctuation(doc)
    assert [c.pointer for c in changes][:2] == ["/preamble/0", "/preamble/0"]
    assert fixed.body[0].problem is not None and fixed.body[0].problem.finding == ("问题（一）未整改，仍在推进",)
    assert fixed.body[0].problem.rectification is not None
    assert fixed.body[0].problem.rectification.paragraphs == ("已完成。",)
    assert not [f for f in run_checks(fixed) if f.rule == "punctuation.halfwidth"]
    assert normalize_document(fixed)[1] == []


def test_seed_002_gets_the_finding_and_the_cli_fixes_it(tmp_path: Path) -> None:
    doc = api.read(seed("002"), "txt").document
    found = [f for f in run_checks(doc) if f.rule == "punctuation.halfwidth"]
    assert len(found) == 1 and "','" in found[0].message_en
    out = tmp_path / "fixed.txt"
    run = subprocess.run([sys.executable, "-m", "rectify_core", "convert", str(seed("002")), "-o", str(out),
                          "--normalize-punctuation"], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "rewrote" in run.stderr and ",→，" in run.stderr
    back = api.read(out, "txt").document
    assert not [f for f in run_checks(back) if f.rule == "punctuation.halfwidth"]
    assert "2022年11月29日至2023年2月20日，区委" in "".join(back.preamble)
