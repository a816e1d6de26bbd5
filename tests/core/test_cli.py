"""The rectify command: exit codes, atomic writes, stdin/stdout, and the inspect --json shape."""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path

import pytest

from rectify_core.cli import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen.json"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def example_data() -> dict:
    return json.loads(EXAMPLE.read_text("utf-8"))


def write_json(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_validate_example_exits_0(capsys):
    code, out, _ = run(capsys, "validate", str(EXAMPLE))
    assert code == 0 and "ok" in out


def test_three_problems_give_three_located_findings_and_exit_1(capsys, tmp_path, example_data):
    bad = copy.deepcopy(example_data)
    bad["body"][1]["children"][1]["marker"].update(value=3, text="（三）")  # numbering gap
    bad["statistics"]["in_progress"] = 3  # 4 + 3 is not 6
    bad["signature"]["date"] = {"iso": "2026-02-30", "text": "2026年2月30日"}  # malformed date
    path = write_json(tmp_path / "bad.json", bad)
    code, out, _ = run(capsys, "validate", str(path), "--json")
    assert code == 1
    located = {(f["rule"], f["pointer"]) for f in json.loads(out)["files"][0]["findings"]}
    assert located == {("numbering.gap", "/body/1/children/1/marker"), ("statistics.sum", "/statistics"),
                       ("schema.format", "/signature/date/iso")}
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 1
    line = next(x for x in out.splitlines() if "[schema.format]" in x)
    assert line.startswith(f"{path}: error: [schema.format] ") and line.endswith("[/signature/date/iso]")


def test_schema_invalid_input_is_refused_by_convert(capsys, tmp_path, example_data):
    bad = copy.deepcopy(example_data)
    bad["signature"]["date"]["iso"] = "2026-02-30"
    path = write_json(tmp_path / "bad.json", bad)
    code, _, err = run(capsys, "convert", str(path), "--to", "json")
    assert code == 2
    assert "bad.json" in err and "/signature/date/iso" in err


def test_fail_on_warning(capsys, tmp_path, example_data):
    data = copy.deepcopy(example_data)
    data["contacts"][0]["value"] = "12-34"
    path = write_json(tmp_path / "warn.json", data)
    assert run(capsys, "validate", str(path))[0] == 0
    assert run(capsys, "validate", str(path), "--fail-on", "warning")[0] == 1
    assert run(capsys, "validate", str(path), "--fail-on", "never")[0] == 0


def test_convert_json_to_json_is_byte_identical(capsys, tmp_path):
    out = tmp_path / "copy.json"
    code, _, _ = run(capsys, "convert", str(EXAMPLE), "-o", str(out))
    assert code == 0 and out.read_bytes() == EXAMPLE.read_bytes()


def test_convert_to_stdout(capsysbinary):
    code = main(["convert", str(EXAMPLE), "--to", "json", "-o", "-"])
    out = capsysbinary.readouterr().out
    assert code == 0 and out == EXAMPLE.read_bytes()


def test_output_file_gets_ordinary_permissions(capsys, tmp_path):
    out = tmp_path / "copy.json"
    old = os.umask(0o022)
    try:
        assert run(capsys, "convert", str(EXAMPLE), "-o", str(out))[0] == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_existing_output_is_kept_without_force(capsys, tmp_path):
    out = tmp_path / "o.json"
    out.write_text("keep me")
    code, _, err = run(capsys, "convert", str(EXAMPLE), "-o", str(out))
    assert code == 2 and "--force" in err and out.read_text() == "keep me"
    assert run(capsys, "convert", str(EXAMPLE), "-o", str(out), "--force")[0] == 0
    assert out.read_bytes() == EXAMPLE.read_bytes()


def test_failed_conversion_leaves_no_file(capsys, tmp_path):
    bad = tmp_path / "broken.json"
    bad.write_text('{"schema": "rectify/tongbao", "version": "1.0.0", "title": ""}', encoding="utf-8")
    out = tmp_path / "out.json"
    code, _, err = run(capsys, "convert", str(bad), "-o", str(out))
    assert code == 2 and not out.exists() and "broken.json" in err
    assert list(tmp_path.iterdir()) == [bad]  # no temporary file left behind either


@pytest.mark.parametrize("args,needle", [
    (["convert", "missing.json", "-o", "x.json"], "no such file"),
    (["convert", str(EXAMPLE), "--to", "nosuch"], "no writer"),
    (["convert", str(EXAMPLE), "-o", "out.unknownext"], "cannot tell the output format"),
    (["inspect", "missing.json"], "no such file"),
])
def test_bad_usage_exits_2_without_traceback(capsys, args, needle):
    code, _, err = run(capsys, *args)
    assert code == 2 and needle in err and "Traceback" not in err


def test_inspect_json_has_the_exact_shape(capsys):
    code, out, _ = run(capsys, "inspect", str(EXAMPLE), "--json")
    assert code == 0
    data = json.loads(out)["files"][0]["summary"]
    assert list(data) == ["title", "issuer", "date", "inspection", "sections", "problems", "statuses",
                          "statistics", "contacts", "findings", "removed"]
    assert list(data["inspection"]) == ["level", "team", "start", "end", "feedback"]
    assert list(data["statuses"]) == ["completed", "long_term", "in_progress", "not_started", "unknown"]
    assert list(data["statistics"]) == ["total", "completed", "in_progress", "rate"]
    assert list(data["contacts"]) == ["phone", "mailbox", "email"]
    assert data["title"] == "中共示例镇委员会关于县委第三轮巡察整改进展情况的通报"
    assert data["issuer"] == "中共示例镇委员会" and data["date"] == "2026-06-18"
    assert data["inspection"] == {"level": "巡察", "team": "县委第一巡察组", "start": "2026-01-08",
                                  "end": "2026-03-06", "feedback": "2026-04-02"}
    assert data["sections"] == 3 and data["problems"] == 6
    assert data["statuses"] == {"completed": 4, "long_term": 1, "in_progress": 1, "not_started": 0, "unknown": 0}
    assert data["statistics"] == {"total": 6, "completed": 4, "in_progress": 2, "rate": 67.0}
    assert data["contacts"]["phone"] == ["0000-1234567"]
    assert data["findings"] == []
    assert data["removed"] == {"count": 0, "by_kind": {}, "items": []}


def test_removed_text_is_counted_by_kind_and_listed_where_the_hint_points(capsys, tmp_path):
    """stderr counts what was left out by kind (not "lines": a colon is no line) and points at
    ``inspect --json``, which lists each piece with its reason and place."""
    text = ("索引号：11330000/2026-00001\n发布机构：示例镇\n中共示例镇委员会关于巡察整改进展情况的通报\n"
            "根据县委统一部署，县委第二巡察组对示例镇开展了巡察。\n- 2 -\n一、整改工作开展情况\n镇党委召开会议。\n"
            "中共示例镇委员会\n2026年6月18日\n")
    source = tmp_path / "notice.txt"
    source.write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "convert", str(source), "--to", "json", "-o", str(tmp_path / "out.json"))
    assert code == 0
    assert "1 × page number" in err and "2 × separator" in err
    assert "`rectify inspect --json` under files[].summary.removed" in err and "line(s)" not in err
    code, out, _ = run(capsys, "inspect", str(source), "--json")
    removed = json.loads(out)["files"][0]["summary"]["removed"]
    assert removed["count"] == 3 and removed["by_kind"] == {"separator": 2, "page number": 1}
    assert {"text": "- 2 -", "reason": "page number", "kind": "page number",
            "location": {"file": str(source), "line": 5}} in removed["items"]
    assert [i["text"] for i in removed["items"] if i["kind"] == "separator"] == ["：", "："]


def test_schema_command_prints_the_2020_12_schema(capsys):
    code, out, _ = run(capsys, "schema")
    assert code == 0 and json.loads(out)["$schema"].endswith("2020-12/schema")


def test_formats_lists_json_with_plugin_and_version(capsys):
    code, out, _ = run(capsys, "formats", "--json")
    assert code == 0
    row = next(f for f in json.loads(out)["formats"] if f["name"] == "json")
    assert row["plugin"] == "json" and row["version"] and row["distribution"] == "rectify"


def test_help_explains_commands_and_exit_codes(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    out = capsys.readouterr().out
    assert info.value.code == 0
    for word in ("convert", "validate", "inspect", "schema", "formats", "exit codes"):
        assert word in out
