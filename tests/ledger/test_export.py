"""rectify export: many notices → one table with a row per problem and a summary per issuer."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from rectify_ledger import export

from rectify_core import api
from rectify_core.cli import main
from tests.corpus import corpus_path, seed


def test_export_rows_of_seed_002_and_its_summary() -> None:
    table = export.Table()
    export.add(table, "002.txt", api.read(str(seed("002"))).document)
    assert len(table.rows) == 26
    row = table.rows[0]
    assert row["issuer"] == "中共徐庄镇委员会" and row["date"] == "2023-10-26" and row["level"] == "巡察"
    assert row["team"] == "区委第五巡察组" and row["location"].startswith("/body/1/children/0")
    assert row["section"].startswith("二、区委巡察组反馈意见整改进展情况 / (一)")
    (summary,) = export.summarise(table, dt.date(2026, 1, 1))
    assert summary | {} == {"issuer": "中共徐庄镇委员会", "notices": 1, "problems": 26, "completed": 5,
                            "in_progress": 1, "long_term": 20, "not_started": 0, "unknown": 0, "overdue": 1}
    assert export.summarise(table, dt.date(2023, 1, 1))[0]["overdue"] == 0  # not yet due then


def test_cli_export_over_the_dev_corpus_and_both_seeds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "table.xlsx"
    code = main(["export", str(corpus_path("dev")), str(corpus_path("seeds")), "-o", str(out),
                 "--as-of", "2026-12-01", "-q"])
    assert code == 0
    import python_calamine as pc

    book = pc.CalamineWorkbook.from_filelike(io.BytesIO(out.read_bytes()))
    assert book.sheet_names == ["问题清单", "汇总（截至2026-12-01）"]
    rows = book.get_sheet_by_name("问题清单").to_python()
    summary = book.get_sheet_by_name("汇总（截至2026-12-01）").to_python()
    sources = {r[0] for r in rows[1:]}
    assert any("002_" in s for s in sources) and any("000_" in s for s in sources)
    assert len(rows) - 1 == sum(int(r[2]) for r in summary[1:])  # every problem row is counted once
    assert ["中共徐庄镇委员会", 1.0, 26.0, 5.0, 1.0, 20.0, 0.0, 0.0, 1.0] in summary
    # the same run again gives the same bytes (no clock in the file)
    again = tmp_path / "again.xlsx"
    main(["export", str(corpus_path("dev")), str(corpus_path("seeds")), "-o", str(again), "--as-of", "2026-12-01",
          "-q"])
    assert again.read_bytes() == out.read_bytes()


def test_cli_export_csv_and_jsonl_and_unreadable_files(tmp_path: Path) -> None:
    bad = tmp_path / "in" / "坏.json"
    bad.parent.mkdir()
    bad.write_text("{", "utf-8")
    (tmp_path / "in" / "002.txt").write_bytes(seed("002").read_bytes())
    assert main(["export", str(tmp_path / "in"), "-o", str(tmp_path / "t.csv"), "--as-of", "2026-12-01", "-q"]) == 2
    lines = (tmp_path / "t.csv").read_text("utf-8-sig").splitlines()
    assert lines[0].startswith("来源文件,位置,发文机关")
    assert "中共徐庄镇委员会,1,26,5,1,20,0,0,1" in (tmp_path / "t-summary.csv").read_text("utf-8-sig")
    assert main(["export", str(tmp_path / "in"), "-o", str(tmp_path / "t.jsonl"), "-q"]) == 2
    records = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text("utf-8").splitlines()]
    assert [r["type"] for r in records].count("problem") == 26
    assert records[-1]["type"] == "failure" and records[-1]["source"].endswith("坏.json")
    # an existing output is kept without --force
    assert main(["export", str(tmp_path / "in"), "-o", str(tmp_path / "t.jsonl"), "-q"]) == 2
    assert main(["export", str(tmp_path / "in"), "-o", str(tmp_path / "t.txt"), "-q"]) == 2
