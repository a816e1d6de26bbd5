"""Every semantic rule: a document that passes it and one that breaks it, with the pointer."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rectify_core.checks import BUILTIN, run_checks
from rectify_core.model import Document

EXAMPLE = json.loads((Path(__file__).resolve().parents[2] / "examples" / "shili-zhen.json").read_text("utf-8"))
SECTION2 = ["body", 1, "children"]  # （一）（二） under 二、


def at(data: dict, *path):
    for p in path:
        data = data[p]
    return data


def problem_node(data: dict) -> dict:
    return at(data, "body", 1, "children", 0, "children", 0, "children", 0)


def set_gap(d):
    at(d, *SECTION2)[1]["marker"].update(value=3, text="（三）")


def set_repeat(d):
    at(d, *SECTION2)[1]["marker"].update(value=1, text="（一）")


def set_level_order(d):
    # both children of 二、 numbered 一、 二、: the level is wrong for all of them (one odd sibling
    # would be numbering.mixed-style's)
    at(d, *SECTION2)[0]["marker"] = {"style": "chinese", "value": 1, "text": "一、"}
    at(d, *SECTION2)[1]["marker"] = {"style": "chinese", "value": 2, "text": "二、"}


def set_mistyped_first(d):
    # 1. where （1） was meant: the only finding is numbering.mixed-style on the 1., saying so
    problem_node(d)["marker"] = {"style": "arabic", "value": 1, "text": "1."}


def set_level_skip(d):
    at(d, *SECTION2)[0]["marker"] = {"style": "arabic", "value": 1, "text": "1."}


def set_unreadable(d):
    d["inspection"]["start"] = {"text": "2026年1月32日"}


def set_imprecise(d):
    d["inspection"]["start"] = {"text": "2026年1月"}


def set_not_a_tongbao(d):
    d["body"] = []
    d.pop("statistics", None)
    d["title"] = "示例镇关于春季防火的公告"


def set_truncated(d):
    """The page cut off in the last paragraph: no closing, no signature after it."""
    d["closing"], d["contacts"] = [], []
    d.pop("signature", None)
    d["body"][2]["paragraphs"] = ["镇党委将继续压实整改主体责任，对尚未完成的问题紧盯不放、持续用力，确保件"]


def set_unlabelled(d):
    node = at(d, "body", 1, "children", 0, "children", 0)  # 1. 关于“乡村振兴项目推进不快”的问题
    node["children"] = []
    node["paragraphs"] = ["部分村级产业项目前期论证不充分。已完成整改。"]


def set_level_in_text(d):
    d["preamble"] = [*d["preamble"][:1], "镇党委坚持把抓好巡视整改作为重要政治任务。"]


def set_mixed(d):
    at(d, *SECTION2)[1]["marker"] = {"style": "arabic", "value": 2, "text": "2."}


def set_halfwidth(d):
    problem_node(d)["marker"]["text"] = "(1)"


def set_halfwidth_punctuation(d):
    d["preamble"][0] = d["preamble"][0].replace("，", ",", 1)


def set_marker_mismatch(d):
    problem_node(d)["marker"]["text"] = "（7）"


def set_no_rect(d):
    del problem_node(d)["problem"]["rectification"]


def set_no_deadline(d):
    problem_node(d)["problem"]["status"] = {"category": "in_progress", "text": "（继续整改）"}


def set_status_mismatch(d):
    problem_node(d)["problem"]["status"] = {"category": "in_progress", "text": "（已完成整改）",
                                            "deadline": {"iso": "2026-12-31"}}


def set_sum(d):
    d["statistics"]["completed"] = 5


def set_rate(d):
    d["statistics"]["rate"] = 90


def set_order(d):
    d["inspection"]["feedback"] = {"iso": "2025-12-01", "text": "2025年12月1日"}


def set_date_text(d):
    d["signature"]["date"] = {"iso": "2026-06-18", "text": "2026年6月19日"}


def set_disclosure_date(d):
    d["disclosure"][3]["date"] = {"iso": "2026-06-20", "text": "2026年6月20日"}


def set_contact(d):
    d["contacts"][0]["value"] = "12-34"


def set_title(d):
    del d["title"]


def set_signature(d):
    del d["signature"]


def set_level(d):
    d["inspection"]["team"] = "县委第一巡视组"


CASES: dict[str, tuple[Callable[[dict], None], str]] = {
    "numbering.gap": (set_gap, "/body/1/children/1/marker"),
    "numbering.repeat": (set_repeat, "/body/1/children/1/marker"),
    "numbering.level-order": (set_level_order, "/body/1/children/0/marker"),
    "numbering.mixed-style": (set_mixed, "/body/1/children/1/marker"),
    "numbering.halfwidth": (set_halfwidth, "/body/1/children/0/children/0/children/0/marker/text"),
    "punctuation.halfwidth": (set_halfwidth_punctuation, "/preamble/0"),
    "marker.text-mismatch": (set_marker_mismatch, "/body/1/children/0/children/0/children/0/marker/text"),
    "problem.no-rectification": (set_no_rect, "/body/1/children/0/children/0/children/0/problem"),
    "status.deadline": (set_no_deadline, "/body/1/children/0/children/0/children/0/problem/status"),
    "status.text-mismatch": (set_status_mismatch, "/body/1/children/0/children/0/children/0/problem/status"),
    "statistics.sum": (set_sum, "/statistics"),
    "statistics.rate": (set_rate, "/statistics/rate"),
    "dates.order": (set_order, "/inspection/feedback"),
    "dates.text-mismatch": (set_date_text, "/signature/date"),
    "disclosure.date-mismatch": (set_disclosure_date, "/disclosure/3"),
    "contact.format": (set_contact, "/contacts/0/value"),
    "document.title": (set_title, "/title"),
    "document.signature": (set_signature, "/signature/issuer"),
    "inspection.level": (set_level, "/inspection/level"),
    "numbering.level-skip": (set_level_skip, "/body/1/children/0/marker"),
    "dates.unreadable": (set_unreadable, "/inspection/start"),
    "dates.imprecise": (set_imprecise, "/inspection/start"),
    "document.not-a-tongbao": (set_not_a_tongbao, ""),
    "document.truncated": (set_truncated, "/body/2/paragraphs/0"),
    "problem.unlabelled-account": (set_unlabelled, "/body/1/children/0/children/0"),
}


def test_every_builtin_rule_has_a_case():
    assert {c.rule for c in BUILTIN} == set(CASES)
    assert len(BUILTIN) >= 12


def test_rule_ids_are_unique_and_stable_shaped():
    ids = [c.rule for c in BUILTIN]
    assert len(ids) == len(set(ids))
    assert all(i.count(".") == 1 and i == i.lower() for i in ids)


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_passes_on_the_example(rule_id):
    findings = [f for f in run_checks(Document.from_dict(EXAMPLE)) if f.rule == rule_id]
    assert findings == []


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fails_with_pointer_and_bilingual_message(rule_id):
    mutate, pointer = CASES[rule_id]
    data = copy.deepcopy(EXAMPLE)
    mutate(data)
    findings = [f for f in run_checks(Document.from_dict(data)) if f.rule == rule_id]
    assert findings, f"{rule_id} did not fire"
    f = findings[0]
    assert f.pointer == pointer
    assert any("\u4e00" <= ch <= "\u9fff" for ch in f.message_zh)
    assert f.message_en.isascii() or any(c.isalpha() for c in f.message_en)
    assert f.severity in ("error", "warning", "info")


@pytest.mark.parametrize(("mutate", "expected"), [
    (set_mistyped_first, [("numbering.mixed-style", "/body/1/children/0/children/0/children/0/marker")]),
    (set_level_in_text, [("inspection.level", "/preamble/1")]),
])
def test_one_fact_one_finding(mutate, expected):
    """A mistyped 1. is one anomaly (not also a level-order one); 巡视 in a 巡察 notice's text is found
    in the text, whichever format it came from."""
    data = copy.deepcopy(EXAMPLE)
    mutate(data)
    assert [(f.rule, f.pointer) for f in run_checks(Document.from_dict(data))] == expected


def test_the_example_has_no_findings_at_all():
    assert run_checks(Document.from_dict(EXAMPLE)) == []
