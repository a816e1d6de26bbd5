"""-O options are declared by each reader and writer, listed, checked, and format names ignore case."""

from __future__ import annotations

import json

import pytest

from rectify_core.plugins import get_registry

from .helpers import EXAMPLE, notice, run


def test_every_option_a_builtin_plugin_reads_is_declared():
    reg = get_registry()
    declared = {(kind, c.name, o.name) for kind, table in (("reader", reg.readers), ("writer", reg.writers))
                for c in table.values() for o in c.options}
    assert {("writer", "txt", "encoding"), ("writer", "txt", "newline"), ("writer", "html", "site_name"),
            ("writer", "html", "pub_date"), ("writer", "docx", "font_profile"), ("writer", "docx", "reference_docx"),
            ("writer", "pdf", "font"), ("writer", "pdf", "font_index"), ("reader", "pdf", "max_pages"),
            ("reader", "pdf", "max_seconds")} <= declared
    for _, _, name in declared:
        assert name.isidentifier()


def test_formats_options_lists_type_default_and_meaning(capsys):
    code, out, _ = run(capsys, "formats", "--options", "--lang", "en")
    assert code == 0
    assert "writer -O font_index (int = 0): which font of a .ttc collection" in out
    assert "reader -O max_pages (int = 500)" in out
    code, out, _ = run(capsys, "formats", "HTML", "--json")
    rows = json.loads(out)["formats"]
    assert [r["name"] for r in rows] == ["html"]
    assert {o["name"] for o in rows[0]["writer_options"]} >= {"site_name", "column_name", "content_source"}


@pytest.mark.parametrize("args,needle", [
    (["-O", "nonsense=1"], "unknown option 'nonsense'"),
    (["-O", "font_index=abc", "--to", "pdf"], "option 'font_index' of the pdf writer expects a whole number"),
    (["-O", "docx.site_name=x", "--to", "docx,html"], "'docx.site_name'"),
    (["-O", "noequals"], "KEY=VALUE"),
])
def test_unknown_keys_and_bad_values_are_errors_naming_the_format(capsys, tmp_path, args, needle):
    if "--to" not in args:
        args = [*args, "--to", "html"]
    code, _, err = run(capsys, "convert", str(EXAMPLE), *args, "-o", str(tmp_path / "out") + "/")
    assert code == 2 and needle in err and "Traceback" not in err
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_a_reader_option_with_a_bad_value_names_the_reader(capsys, tmp_path):
    code, _, err = run(capsys, "convert", str(EXAMPLE), "--from", "pdf", "-O", "max_pages=abc", "--to", "txt",
                       "-o", str(tmp_path / "x.txt"))
    assert code == 2 and "option 'max_pages' of the pdf reader expects a whole number" in err


def test_a_scoped_option_reaches_only_its_format(capsys, tmp_path):
    out = tmp_path / "o"
    code, _, err = run(capsys, "convert", str(EXAMPLE), "--to", "html,txt", "-O", "html.site_name=示例网",
                       "-O", "txt.encoding=gb18030", "-o", str(out))
    assert code == 0, err
    assert 'content="示例网"' in (out / "shili-zhen.html").read_text("utf-8")
    (out / "shili-zhen.txt").read_bytes().decode("gb18030")


def test_format_names_ignore_case(capsys, tmp_path):
    out = tmp_path / "x.docx"
    assert run(capsys, "convert", str(EXAMPLE), "--to", "DOCX", "-o", str(out))[0] == 0
    assert out.read_bytes()[:2] == b"PK"
    assert run(capsys, "validate", str(EXAMPLE), "--from", "JSON")[0] == 0


def test_without_o_the_output_is_named_after_the_input_in_the_current_folder(capsys, tmp_path, monkeypatch):
    src = notice(tmp_path / "in" / "通报.txt")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "convert", str(src), "--to", "docx")
    assert code == 0, err
    assert (tmp_path / "通报.docx").read_bytes()[:2] == b"PK" and out == ""


def test_the_in_out_form_of_other_converters_is_answered_with_the_right_command(capsys, tmp_path):
    code, _, err = run(capsys, "convert", str(EXAMPLE), str(tmp_path / "n.docx"))
    assert code == 2 and f"rectify convert {EXAMPLE} -o {tmp_path / 'n.docx'}" in err
    assert not (tmp_path / "n.docx").exists()
