"""Front matter → a whole notice: title, preamble, the stated statistics counted from the rows,
closing with contacts, signature; from a TOML/JSON file or a 基本信息 sheet; the 示例镇 example."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.cli import main
from rectify_core.errors import InputError
from rectify_core.model import Date, Statistics

from .helpers import read, xlsx_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen-ledger.xlsx"
FRONT = ROOT / "examples" / "shili-zhen-front.toml"

FRONT_TOML = """
issuer = "中共示例镇委员会"
date = 2026-06-18
round = "十届县委第三轮"
[inspection]
team = "县委第二巡察组"
targets = ["中共示例镇委员会"]
start = 2026-03-02
end = 2026-04-10
feedback = 2026-05-12
[contacts]
phone = "0000-1234567"
"""


def test_front_file_builds_the_notice_and_counts_the_rows(tmp_path: Path) -> None:
    front = tmp_path / "front.toml"
    front.write_text(FRONT_TOML, "utf-8")
    doc = read(xlsx_bytes(), "xlsx", front=str(front)).document
    assert doc.title == "中共示例镇委员会关于十届县委第三轮巡察整改进展情况的通报"
    assert doc.inspection.team == "县委第二巡察组"
    assert doc.inspection.feedback == Date(iso="2026-05-12", text="2026年5月12日")
    # statistics counted from the four rows, stated in the genre's sentence and read back from it
    assert doc.statistics == Statistics(
        total=4, completed=1, long_term=1, in_progress=2,
        text="截至2026年6月18日，巡察反馈的4个问题，已完成整改1个，取得阶段性成效并长期坚持1个，正在整改2个。")
    assert doc.contacts[0].value == "0000-1234567"
    assert doc.signature.issuer == "中共示例镇委员会" and doc.signature.date.iso == "2026-06-18"
    assert [f for f in api.validate(doc) if f.severity == "error"] == []


def test_front_json_with_its_own_preamble_and_no_statistics(tmp_path: Path) -> None:
    front = tmp_path / "front.json"
    front.write_text(json.dumps({"title": "关于巡察整改情况的通报", "preamble": ["导语一段。"],
                                 "statistics": False, "closing": ["欢迎监督。"]}, ensure_ascii=False), "utf-8")
    doc = read(xlsx_bytes(), "xlsx", front=str(front)).document
    assert (doc.title, doc.preamble, doc.closing, doc.statistics) == ("关于巡察整改情况的通报", ("导语一段。",),
                                                                      ("欢迎监督。",), None)


@pytest.mark.parametrize("text,message", [("nonsense = 1", "unknown front-matter key"), ("title = [", "TOML"),
                                          ("level = '督查'", "巡视 or 巡察")])
def test_bad_front_matter_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    front = tmp_path / "front.toml"
    front.write_text(text, "utf-8")
    with pytest.raises(InputError, match=message):
        read(xlsx_bytes(), "xlsx", front=str(front))


def test_a_front_sheet_in_the_workbook() -> None:
    data = xlsx_bytes(extra_sheets={"基本信息": [["项目", "内容"], ["发文机关", "中共示例镇委员会"],
                                                ["巡察组", "县委第二巡察组"], ["成文日期", "2026年6月18日"]]})
    doc = read(data, "xlsx").document
    assert doc.signature.issuer == "中共示例镇委员会" and doc.signature.date.iso == "2026-06-18"
    assert doc.statistics is not None and doc.statistics.total == 4


def test_the_example_ledger_is_what_its_script_makes(tmp_path: Path) -> None:
    out = tmp_path / "ledger.xlsx"
    subprocess.run([sys.executable, str(ROOT / "examples" / "make_ledger.py"), str(out)], check=True)
    assert out.read_bytes() == EXAMPLE.read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "html", "xml"])
def test_the_example_ledger_and_front_matter_convert_to_a_valid_notice(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"通报.{fmt}"
    assert main(["convert", str(EXAMPLE), "--front", str(FRONT), "-o", str(out), "-q"]) == 0
    result = api.read(str(out))
    assert [f for f in api.validate(result.document) if f.severity != "info"] == []
    doc = result.document
    assert doc.title == "中共示例镇委员会关于十届县委第三轮巡察整改进展情况的通报"
    assert len(doc.problems()) == 7 and doc.statistics.total == 7
    assert main(["validate", str(out)]) == 0
