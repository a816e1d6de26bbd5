"""Hostile and broken .docx files end in a clear InputError (exit 2) or SecurityError (exit 3).

Each file is generated here.  Time and memory are measured by bench/bench_docx.py (no timed
assertions in tests); these tests check the refusal, its exit code and that it names the file.
"""

from __future__ import annotations

import re

import pytest

from rectify_core import api
from rectify_core.cli import main
from rectify_core.errors import InputError, SecurityError

from . import hostile
from .helpers import sample, write

CASES = {
    "zip-bomb": (lambda: hostile.zip_bomb(150), SecurityError, "inflate"),
    "lying-sizes": (lambda: hostile.lying_bomb(20), InputError, "damaged"),
    "parent-path": (lambda: hostile.path_escape("../../evil.xml"), SecurityError, "outside the package"),
    "absolute-path": (lambda: hostile.path_escape("/etc/cron.d/evil"), SecurityError, "outside the package"),
    "windows-path": (lambda: hostile.path_escape("word\\..\\..\\evil.xml"), SecurityError, "outside the package"),
    "billion-laughs": (hostile.billion_laughs, SecurityError, "entities"),
    "billion-laughs-utf16": (lambda: hostile.billion_laughs("utf-16"), SecurityError, "entities"),
    "external-entity": (hostile.external_entity, SecurityError, "entities"),
    "too-many-members": (hostile.too_many_members, SecurityError, "members"),
    "deep-nesting": (hostile.deep_nesting, InputError, "not well-formed"),
    "ole-doc": (lambda: hostile.OLE_DOC, InputError, r"\.doc"),
    "truncated": (lambda: write(sample())[:3000], InputError, "truncated"),
    "not-a-zip": (lambda: "一、这不是 Word 文件".encode() * 100, InputError, None),
    "no-document-part": (lambda: hostile.package([("word/styles.xml", b"<x/>")]), InputError, "document.xml"),
    "malformed-xml": (lambda: hostile.package([("word/document.xml", b"<w:document><w:body>")]), InputError,
                      "not well-formed"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_input_is_refused_with_a_clear_error(case, tmp_path):
    make, error, message = CASES[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make())
    with pytest.raises(error) as caught:
        # Detected as a user's file would be; text named .docx is read as text, so that case says docx.
        api.read(str(path), "docx" if case == "not-a-zip" else None)
    assert caught.value.file == str(path)
    assert caught.value.exit_code == (3 if error is SecurityError else 2)
    if message:
        assert caught.type is error and re.search(message, caught.value.reason)


@pytest.mark.parametrize(("case", "code"), [("zip-bomb", 3), ("billion-laughs", 3), ("ole-doc", 2), ("truncated", 2)])
def test_the_command_line_exits_2_or_3_and_writes_nothing(case, code, tmp_path, capsys):
    make, _error, _message = CASES[case]
    path = tmp_path / f"{case}.docx"
    path.write_bytes(make())
    out = tmp_path / "out.json"
    assert main(["convert", str(path), "-o", str(out)]) == code
    assert not out.exists()
    assert str(path) in capsys.readouterr().err


def test_the_xml_parser_never_fetches_or_expands_anything(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    with pytest.raises(SecurityError) as caught:
        api.read(hostile.external_entity(secret.as_uri()), "docx", name="xxe.docx")
    assert "TOP-SECRET" not in str(caught.value)
