"""Batches: files, folders and globs in; outputs keep the layout; log, summary, worst exit code."""

from __future__ import annotations

import json
import os
import signal

import pytest

from rectify_core.batch import Input, expand, output_path, run_batch

from .helpers import EXAMPLE, notice, run


@pytest.fixture
def tree(tmp_path):
    """in/a.txt, in/sub/b.txt, in/sub/deep/c.txt, in/notes.md (not a notice), in/.hidden/x.txt"""
    src = tmp_path / "in"
    notice(src / "a.txt", 1)
    notice(src / "sub" / "b.txt", 2)
    notice(src / "sub" / "deep" / "c.txt", 3)
    notice(src / ".hidden" / "x.txt", 4)
    (src / "notes.md").write_text("# not ours", encoding="utf-8")
    return src


def test_a_folder_is_searched_recursively_and_outputs_keep_the_layout(capsys, tmp_path, tree):
    out = tmp_path / "out" / "new"  # does not exist yet: created
    code, _, err = run(capsys, "convert", str(tree), "--pattern", "*.txt", "--to", "docx,json", "-o", str(out))
    assert code == 0, err
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["a.docx", "a.json", "sub/b.docx", "sub/b.json", "sub/deep/c.docx", "sub/deep/c.json"]
    assert "3 ok" in err  # the summary


def test_a_glob_keeps_the_layout_below_its_fixed_part(tmp_path, tree):
    found = expand([str(tree) + "/**/*.txt"])
    assert [i.rel for i in found] == ["a.txt", "sub/b.txt", "sub/deep/c.txt"]
    assert output_path(Input("x", "sub/b.txt"), "out", "docx").replace("\\", "/") == "out/sub/b.docx"


def test_folder_default_pattern_is_the_readable_extensions(tree):
    rels = [i.rel for i in expand([str(tree)], extensions=["txt", "json"])]
    assert rels == ["a.txt", "sub/b.txt", "sub/deep/c.txt"]


def test_a_glob_matching_nothing_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "validate", str(tmp_path / "*.nothing"))
    assert code == 2 and "no file matches" in err


def test_one_bad_file_does_not_stop_the_others_and_the_exit_is_the_worst(capsys, tmp_path, tree):
    (tree / "sub" / "broken.json").write_text("{", encoding="utf-8")
    (tree / "hello.txt").write_text("hello", encoding="utf-8")
    log = tmp_path / "run.jsonl"
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(tree), "--to", "html", "-o", str(out), "--log", str(log),
                       "--jobs", "2")
    assert code == 2  # broken.json (2) is worse than hello.txt (1)
    records = {json.loads(line)["input"]: json.loads(line) for line in log.read_text("utf-8").splitlines()}
    assert len(records) == 5
    by_name = {k.rsplit("/", 1)[-1]: v for k, v in records.items()}
    assert by_name["broken.json"]["status"] == "error" and "invalid JSON" in by_name["broken.json"]["reason"]
    assert by_name["hello.txt"]["status"] == "findings" and by_name["hello.txt"]["outputs"] == []
    assert "document.not-a-tongbao" in by_name["hello.txt"]["rules"]
    assert by_name["a.txt"]["status"] == "ok" and by_name["a.txt"]["outputs"] == [str(out / "a.html")]
    assert by_name["a.txt"]["timings"]["total_ms"] > 0 and "read_ms" in by_name["a.txt"]["timings"]
    assert sorted(p.name for p in out.rglob("*.html")) == ["a.html", "b.html", "c.html"]
    assert "3 ok, 1 findings, 1 error" in err


def test_jobs_give_the_same_outcomes_in_the_same_order(capsys, tmp_path, tree):
    one = run(capsys, "validate", str(tree), "--jobs", "1", "--format", "json", "-q")
    two = run(capsys, "validate", str(tree), "--jobs", "2", "--format", "json", "-q")

    def strip(out):
        data = json.loads(out)
        for f in data["files"]:
            f.pop("timings")
        return data

    assert one[0] == two[0] == 0 and strip(one[1]) == strip(two[1])


def test_fail_fast_stops_after_the_first_failure(capsys, tmp_path):
    src = tmp_path / "in"
    (src).mkdir()
    (src / "0.txt").write_text("hello", encoding="utf-8")
    for n in range(1, 4):
        notice(src / f"{n}.txt", n)
    log = tmp_path / "log.jsonl"
    code, _, err = run(capsys, "validate", str(src), "--fail-fast", "--jobs", "1", "--log", str(log))
    assert code == 1 and len(log.read_text("utf-8").splitlines()) == 1
    assert "3 not started" in err


def test_verbose_prints_a_status_line_per_file(capsys, tmp_path, tree):
    code, _, err = run(capsys, "convert", str(tree), "--to", "json", "-o", str(tmp_path / "o"), "-v", "--jobs", "1")
    assert code == 0
    status = [line for line in err.splitlines() if line.startswith("ok ")]
    assert len(status) == 3 and all("→" in line and " ms)" in line for line in status)


def test_no_progress_bar_when_not_a_terminal(capsys, tmp_path, tree):
    _, _, err = run(capsys, "validate", str(tree))
    assert "\r" not in err and "[###" not in err


def test_two_inputs_writing_the_same_output_are_refused_before_reading(capsys, tmp_path):
    a = notice(tmp_path / "x" / "n.txt")
    b = notice(tmp_path / "y" / "n.txt")
    out = tmp_path / "out"
    code, _, err = run(capsys, "convert", str(a), str(b), "--to", "json", "-o", str(out))
    assert code == 2 and "also the output of" in err
    assert (out / "n.json").exists()  # the first one still converted


def test_an_output_never_replaces_its_own_input(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "e.json").write_bytes(EXAMPLE.read_bytes())
    code, _, err = run(capsys, "convert", "e.json", "--to", "json", "--force")
    assert code == 2 and "own input" in err


def test_run_batch_yields_every_item_once_even_when_one_raises_or_dies():
    results = sorted((i, v, type(e).__name__ if e else None, str(e))
                     for i, v, e in run_batch([1, 0, 2, -1], _inverse_or_die, 2))
    assert [r[:3] for r in results] == [(0, 1.0, None), (1, None, "WorkerBug"), (2, 0.5, None),
                                        (3, None, "SecurityError")]
    assert "ZeroDivisionError" in results[1][3] and "limit" in results[3][3]


def _inverse_or_die(x: int) -> float:
    if x < 0:
        os.kill(os.getpid(), signal.SIGKILL)
    return 1 / x
