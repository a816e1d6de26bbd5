"""One findings layout for every command: GNU text lines, one JSON shape, SARIF 2.1.0, one language."""

from __future__ import annotations

import json

import pytest

from rectify_core.findings import Finding, Location
from rectify_core.findings_format import default_lang, gnu_line
from rectify_core.sarif import sarif_log

from .helpers import EXAMPLE, notice, run

HELLO_RULE = "document.not-a-tongbao"


@pytest.fixture
def hello(tmp_path):
    path = tmp_path / "hello.txt"
    path.write_text("hello\n", encoding="utf-8")
    return path


def test_gnu_line_puts_the_line_after_the_file_and_the_pointer_at_the_end():
    located = Finding("r.x", "warning", "/body/0", "中文", "english", Location(line=7, column=3))
    assert gnu_line("a.txt", located, "en") == "a.txt:7:3: warning: [r.x] english"
    assert gnu_line("a.txt", located, "zh") == "a.txt:7:3: warning: [r.x] 中文"
    member = Finding("r.y", "error", "/signature/date", "缺少日期", "no date")
    assert gnu_line("a.json", member, "en") == "a.json: error: [r.y] no date [/signature/date]"


@pytest.mark.parametrize("env,lang", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"), ({}, "en"),
    ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"), ({"LC_ALL": "C", "LANG": "zh_CN"}, "en"),
])
def test_language_defaults_from_the_locale(env, lang):
    assert default_lang(env) == lang


@pytest.mark.parametrize("command", ["convert", "validate", "inspect"])
def test_every_command_prints_the_same_gnu_line_in_one_language(capsys, tmp_path, hello, command):
    extra = (["--to", "json", "-o", str(tmp_path / "out.json"), "--fail-on", "never", "--force"]
             if command == "convert" else [])
    _, out, err = run(capsys, command, str(hello), "--lang", "en", *extra)
    lines = [x for x in (out + err).splitlines() if HELLO_RULE in x]
    assert lines == [f"{hello}:1: error: [{HELLO_RULE}] this is not a 巡视/巡察 rectification report: it has no "
                     "report title, numbered body, rectification account or statistics; its text is kept as "
                     "preamble paragraphs"]
    _code, out, err = run(capsys, command, str(hello), "--lang", "zh", *extra)
    line = next(x for x in (out + err).splitlines() if HELLO_RULE in x)
    assert "这不是" in line and "this is not" not in line


def test_help_follows_the_language(capsys, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    with pytest.raises(SystemExit):
        run(capsys, "convert", "--help")
    out = capsys.readouterr().out
    assert "覆盖已有输出文件" in out and "replace existing output files" not in out
    with pytest.raises(SystemExit):
        run(capsys, "--lang", "en", "validate", "--help")
    assert "lowest severity" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["convert", "validate", "inspect"])
def test_json_has_one_shape_for_every_command(capsys, tmp_path, hello, command):
    extra = ["--to", "json", "-o", str(tmp_path / "o"), "--fail-on", "never"] if command == "convert" else []
    code, out, _err = run(capsys, command, str(hello), str(EXAMPLE), "--format", "json", "-q", *extra)
    data = json.loads(out)
    assert list(data) == ["tool", "version", "shape", "command", "files", "summary"]
    assert data["command"] == command and data["shape"] == 1
    assert [f["input"] for f in data["files"]] == [str(hello), str(EXAMPLE)]
    for record in data["files"]:
        assert list(record) == ["input", "status", "exit", "reason", "outputs", "rules", "findings", "removed",
                                "timings", "summary"]
    finding = next(f for f in data["files"][0]["findings"] if f["rule"] == HELLO_RULE)
    assert list(finding) == ["rule", "severity", "message", "message_zh", "message_en", "pointer", "line",
                             "column", "page"]
    assert finding["line"] == 1 and finding["severity"] == "error"
    assert data["summary"]["files"] == 2 and data["summary"]["exit"] == code


def test_sarif_log_is_sarif_2_1_0_with_regions_and_pointers(capsys, tmp_path, hello):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(hello), str(EXAMPLE), str(broken), "--format", "sarif", "-q")
    assert code == 2  # the worst file: broken.json cannot be read
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run_ = log["runs"][0]
    assert run_["tool"]["driver"]["name"] == "rectify"
    rule_ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert {res["ruleId"] for res in run_["results"]} == rule_ids
    first = next(r for r in run_["results"] if r["ruleId"] == HELLO_RULE)
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("hello.txt")
    member = next(r for r in run_["results"] if r["ruleId"] == "document.title")
    assert member["level"] == "warning"
    assert member["locations"][0]["logicalLocations"] == [{"fullyQualifiedName": "/title", "kind": "element"}]
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "broken.json" in invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]["uri"]


def test_sarif_uri_of_a_chinese_relative_name_is_percent_encoded():
    log = sarif_log([("通报/a b.txt", [])])
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "%E9%80%9A%E6%8A%A5/a%20b.txt"}}]


def test_convert_fails_on_a_non_notice_unless_told_never(capsys, tmp_path, hello):
    out = tmp_path / "hello.json"
    code, _, err = run(capsys, "convert", str(hello), "-o", str(out))
    assert code == 1 and not out.exists() and "--fail-on" in err
    assert run(capsys, "convert", str(hello), "-o", str(out), "--fail-on", "never")[0] == 0
    assert json.loads(out.read_text("utf-8"))["preamble"] == ["hello"]


def test_fail_on_warning_fails_convert_on_a_warning(capsys, tmp_path):
    src = notice(tmp_path / "n.txt")
    mixed = src.read_text("utf-8").replace("开展了巡察。", "开展了巡察。巡视整改要求严格。")  # 巡视 in a 巡察 notice
    src.write_text(mixed, encoding="utf-8")
    assert run(capsys, "convert", str(src), "-o", str(tmp_path / "a.json"))[0] == 0
    code, _, err = run(capsys, "convert", str(src), "-o", str(tmp_path / "b.json"), "--fail-on", "warning")
    assert (code, (tmp_path / "b.json").exists()) == (1, False), err


def test_inspect_never_prints_none(capsys, hello):
    code, out, _ = run(capsys, "inspect", str(hello))
    assert code == 0 and "None" not in out
    code, out, _ = run(capsys, "inspect", str(EXAMPLE))
    assert "rate 67%" in out
