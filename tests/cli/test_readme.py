"""The command lines README.md shows work as written (the rectify part of the set-up command and
the batch examples), run against the bundled example in a scratch folder."""

from __future__ import annotations

import re
import shlex
import shutil

from .helpers import ROOT, notice, run

README = (ROOT / "README.md").read_text("utf-8")


def test_setup_command_converts_the_example_into_out(capsys, tmp_path, monkeypatch):
    line = next(x for x in README.splitlines() if x.startswith("python3 -m venv .venv"))
    commands = [shlex.split(part.strip()) for part in line.split("&&") if ".venv/bin/rectify" in part]
    assert [c[1] for c in commands] == ["inspect", "convert"]
    (tmp_path / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "shili-zhen.json", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    for command in commands:
        assert run(capsys, *command[1:])[0] == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"shili-zhen.{e}" for e in
                                                                     ("docx", "html", "txt", "xml")]
    assert re.search(r"^/out/$", (ROOT / ".gitignore").read_text("utf-8"), re.M)


def test_batch_examples_run(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    notice(tmp_path / "inbox" / "a" / "n1.txt")
    notice(tmp_path / "archive" / "2026" / "n2.txt")
    assert run(capsys, "convert", "inbox/", "--pattern", "*.txt", "--to", "docx,html", "-o", "out/",
               "--log", "run.jsonl")[0] == 0
    assert (tmp_path / "out" / "a" / "n1.docx").exists() and (tmp_path / "run.jsonl").exists()
    assert run(capsys, "validate", "archive/**/*.txt", "--jobs", "2", "--fail-fast", "-v")[0] == 0


def test_readme_plugin_example_is_a_working_writer():
    start = README.index("```python\nfrom rectify_core.plugin_api import Option, VisibleWriter")
    code = README[start + len("```python\n"): README.index("```", start + 10)]
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)
    writer = namespace["MyWriter"]()
    assert writer.lossless is False and [o.name for o in writer.options] == ["width"]
    import io

    from rectify_core.model import Document

    sink = io.BytesIO()
    writer.write(Document(title="示例镇通报", preamble=("正文。",)), sink, {})
    assert sink.getvalue().decode("utf-8") == "示例镇通报\n正文。"
