"""The Python API: validated from_dict, one exception family, API words in messages, no clobbering."""

from __future__ import annotations

import copy
import json

import pytest

from rectify_core import api
from rectify_core.errors import InternalError, RectifyError, SchemaError, UsageError
from rectify_core.model import Document, Marker, Node, replace

from .helpers import EXAMPLE

DATA = json.loads(EXAMPLE.read_text("utf-8"))


@pytest.mark.parametrize("path,value,pointer", [
    (("body", 0, "marker", "value"), "one", "/body/0/marker/value"),
    (("signature", "date", "iso"), "2026-13-45", "/signature/date/iso"),
    (("signature", "date", "iso"), "2026-02-30", "/signature/date/iso"),
    (("statistics", "total"), -1, "/statistics/total"),
])
def test_from_dict_refuses_bad_values_with_a_json_pointer(path, value, pointer):
    data = copy.deepcopy(DATA)
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(SchemaError) as info:
        Document.from_dict(data)
    assert info.value.pointer == pointer
    assert pointer in str(info.value)


def test_from_dict_of_something_not_a_dict_is_a_schema_error():
    with pytest.raises(SchemaError):
        Document.from_dict(["not", "a", "dict"])  # type: ignore[arg-type]


def test_a_hand_built_document_with_a_wrong_value_fails_with_a_pointer_not_a_type_error(tmp_path):
    doc = Document.from_dict(DATA)
    bad = replace(doc, body=(Node(marker=Marker(style="chinese", value="one")),))  # type: ignore[arg-type]
    for fmt in ("docx", "txt", "html"):
        with pytest.raises(SchemaError) as info:
            api.write_bytes(bad, fmt)
        assert info.value.pointer == "/body/0/marker/value"


def test_write_refuses_to_overwrite_unless_forced(tmp_path):
    doc = Document.from_dict(DATA)
    target = tmp_path / "n.json"
    target.write_text("keep", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        api.write(doc, target)
    assert "force=True" in str(info.value) and "--force" not in str(info.value)
    assert target.read_text("utf-8") == "keep"
    api.write(doc, target, force=True)
    assert target.read_bytes() == EXAMPLE.read_bytes()


def test_api_messages_name_parameters_and_the_cli_names_flags():
    with pytest.raises(RectifyError) as info:
        api.read(b"\x00\x01\x02 binary", name="blob")
    assert "format=" in str(info.value) and "--from" not in str(info.value)
    assert "--from" in info.value.cli_message()
    with pytest.raises(UsageError) as info2:
        api.write(Document(), "x.unknown")
    assert "format=" in str(info2.value) and "--to" in info2.value.cli_message()


@pytest.mark.parametrize("call", [
    lambda: api.read(123),  # type: ignore[arg-type]
    lambda: api.write_bytes("not a document", "json"),  # type: ignore[arg-type]
    lambda: api.inspect("nonsense"),  # type: ignore[arg-type]
    lambda: api.read(b"{}", "json", options={"nonsense": 1}),
    lambda: api.write_bytes(Document(), "pdf", options={"font_index": "x"}),
])
def test_no_bare_python_error_escapes_the_api(call):
    with pytest.raises(RectifyError) as info:
        call()
    assert not isinstance(info.value, InternalError), "a caller's mistake is not a bug"


def test_validate_of_a_non_document_gives_findings():
    assert [f.rule for f in api.validate(42)] == ["schema.type"]  # type: ignore[arg-type]


def test_a_bug_inside_a_writer_is_an_internal_error_with_its_cause(monkeypatch):
    from rectify_core.plugins import get_registry, loaded

    writer = loaded(get_registry().writer("json"))  # the class itself, also when the index declared it

    def broken(*_a, **_k):
        raise KeyError("oops")

    monkeypatch.setattr(type(writer), "write", broken)
    with pytest.raises(InternalError) as info:
        api.write_bytes(Document.from_dict(DATA), "json")
    assert info.value.exit_code == 70 and isinstance(info.value.__cause__, KeyError)


def test_convert_shares_options_between_reader_and_writer(tmp_path):
    out = tmp_path / "n.html"
    api.convert(EXAMPLE, out, options={"site_name": "示例网"})
    assert 'content="示例网"' in out.read_text("utf-8")
    with pytest.raises(UsageError, match="nonsense"):
        api.convert(EXAMPLE, tmp_path / "m.html", options={"nonsense": "1"})
