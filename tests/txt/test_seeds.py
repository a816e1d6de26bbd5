"""The two seeds read as their hand-written reference outlines, with the issue's acceptance figures.

tests/reference/NNN.outline.tsv lists every numbered node of a seed — path, marker as written,
problem or not, rectification label, status category, deadline — typed by reading the seed, not
by running rectify (docs/recognizer.md lists the judgement calls).  tests/snapshots/ keeps the
whole Document as rectify reads it today: a regression guard only, regenerated on purpose
(``RECTIFY_UPDATE_SNAPSHOTS=1``) after reading its diff, never evidence of correctness.

The figures below were counted by hand from the seed texts, not taken from the reader's output:
000 has 三 sections and 21 + 9 numbered problems, no statuses; 002 has 26 problems, 5 of them
(集中整改期内整改完成 ×3, 集中整改期内完成整改, 即知即改并已整改完成) completed, one 继续整改 until the
end of December 2023, the other 20 long-term.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.formats import ReadResult
from rectify_core.model import Node
from tests.corpus import seed
from tests.recognize.helpers import assert_nothing_lost

TESTS = Path(__file__).resolve().parent.parent
REFERENCE = TESTS / "reference"
SNAPSHOTS = TESTS / "snapshots"


def _read(number: str) -> ReadResult:
    return api.read(seed(number))


def _outline(nodes: tuple[Node, ...], base: str = "") -> Iterator[tuple[str, ...]]:
    for node in nodes:
        assert node.marker is not None  # the seeds number every heading
        path = f"{base}.{node.marker.value}" if base else str(node.marker.value)
        p = node.problem
        rect = p.rectification if p is not None else None
        status = p.status if p is not None else None
        deadline = status.deadline.iso if status is not None and status.deadline is not None else None
        yield (path, node.marker.text or "", "problem" if p is not None else "-",
               rect.label if rect is not None else "-",
               (status.category if status is not None else "none") if p is not None else "-", deadline or "-")
        yield from _outline(node.children, path)


def _reference(number: str) -> list[tuple[str, ...]]:
    lines = (REFERENCE / f"{number}.outline.tsv").read_text("utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]


@pytest.mark.parametrize("number", ["000", "002"])
def test_seed_reads_as_its_hand_written_outline(number: str) -> None:
    assert list(_outline(_read(number).document.body)) == _reference(number)


@pytest.mark.parametrize("number", ["000", "002"])
def test_seed_snapshot_is_unchanged(number: str) -> None:
    """Regression guard (not a reference): any change to the whole Document shows up here."""
    path = SNAPSHOTS / f"seed-{number}.snapshot.json"
    now = _read(number).document.to_dict()
    if os.environ.get("RECTIFY_UPDATE_SNAPSHOTS"):
        path.write_text(json.dumps(now, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert now == json.loads(path.read_text("utf-8"))
    assert [f for f in api.validate(now) if f.rule.startswith("schema")] == []


@pytest.mark.parametrize("number", ["000", "002"])
def test_every_character_of_the_seed_is_in_the_document_in_order(number: str) -> None:
    """Nothing lost, nothing invented: only white space and recorded furniture differ."""
    path = seed(number)
    assert_nothing_lost(path.read_text("utf-8"), api.read(path))


def test_seed_000_acceptance_figures() -> None:
    summary = api.inspect(_read("000"))
    assert summary["title"] == "吕艺镇关于巡察整改进展情况的通报"
    assert summary["issuer"] == "中共吕艺镇委"
    assert summary["date"] == "2021-02-10"
    assert summary["inspection"] == {"level": "巡察", "team": "县委第二巡察组", "start": "2020-04-21",
                                     "end": "2020-07-30", "feedback": "2020-09-15"}
    assert summary["sections"] == 3
    assert summary["problems"] == 30
    assert summary["statuses"]["unknown"] == 30  # 000 states no status in brackets
    assert summary["contacts"] == {"phone": ["0543-2561020"], "mailbox": ["博兴县吕艺镇闫高路1号"],
                                   "email": ["lyz2561020@126.com"]}


def test_seed_002_acceptance_figures() -> None:
    result = _read("002")
    summary = api.inspect(result)
    assert summary["title"] == "徐庄镇党委关于九届区委第三轮巡察整改进展情况的通报"
    assert summary["issuer"] == "中共徐庄镇委员会"
    assert summary["date"] == "2023-10-26"
    assert summary["inspection"] == {"level": "巡察", "team": "区委第五巡察组", "start": "2022-11-29",
                                     "end": "2023-02-20", "feedback": "2023-03-14"}
    assert summary["sections"] == 3
    assert summary["problems"] == 26
    assert summary["statuses"] == {"completed": 5, "long_term": 20, "in_progress": 1, "not_started": 0, "unknown": 0}
    assert summary["statistics"]["total"] == 106
    assert summary["statistics"]["completed"] == 98
    assert summary["contacts"] == {"phone": ["0632-8451103"], "mailbox": ["徐庄镇人民政府"],
                                   "email": ["xzjw2015@163.com"]}
    in_progress = [n.problem.status for n in result.document.problems()
                   if n.problem and n.problem.status and n.problem.status.category == "in_progress"]
    assert len(in_progress) == 1 and in_progress[0].deadline is not None
    assert in_progress[0].deadline.iso == "2023-12-31"
    assert in_progress[0].text == "(继续整改,2023年12月底前完成)"


def _rules(result: ReadResult) -> dict[str, list[int | None]]:
    out: dict[str, list[int | None]] = {}
    for f in result.findings:
        out.setdefault(f.rule, []).append(f.location.line if f.location else None)
    return out


def test_seed_002_findings_name_the_real_anomalies_with_their_lines() -> None:
    rules = _rules(_read("002"))
    assert rules["numbering.mixed-style"] == [66]  # 1.针对… under 2.关于基层党组织建设存在短板弱项
    assert rules["numbering.halfwidth"] == [15]  # (一) is the first half-width marker
    assert rules["disclosure.date-mismatch"] == [4]  # 成文时间 2023年11月23日 vs signed 2023年10月26日
    assert "inspection.level" not in rules  # 上山巡视 is patrolling, not an inspection


def test_seed_000_findings_name_the_xunshi_xuncha_mixture() -> None:
    rules = _rules(_read("000"))
    # 抓好巡视整改, the first of five; and a (, a ) and a , typed half-width in the same paragraph
    assert rules == {"inspection.level": [16], "punctuation.halfwidth": [16]}


def test_seed_002_mistyped_marker_keeps_its_text_and_sits_at_the_right_level() -> None:
    doc = _read("002").document
    section = doc.body[1].children[2].children[1]  # 二、 (三) 2.关于基层党组织建设存在短板弱项
    assert section.heading == "关于基层党组织建设存在短板弱项"
    first, second = section.children
    assert first.marker is not None
    assert (first.marker.style, first.marker.value, first.marker.text) == ("arabic", 1, "1.")
    assert second.marker is not None and second.marker.text == "(2)"
    assert first.problem is not None and second.problem is not None


def test_seed_000_page_numbers_are_removed_and_recorded() -> None:
    result = _read("000")
    assert [(r.text, r.reason, r.location.line if r.location else None) for r in result.removed] == [
        ("3", "page number", 99), ("13", "page number", 584)]
    assert result.info["text_shape"] == "wrapped"


@pytest.mark.parametrize("number", ["000", "002"])
def test_seed_converts_to_json_then_txt_then_back_to_the_same_document(number: str, tmp_path: Path) -> None:
    first = _read(number).document
    api.write(first, tmp_path / "a.json")
    again = api.read(tmp_path / "a.json").document
    api.write(again, tmp_path / "b.txt")
    back = api.read(tmp_path / "b.txt")
    assert back.document == first
    assert back.info["text_shape"] == "paragraphs"
