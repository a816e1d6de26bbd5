"""The JSON format: canonical, lossless, deterministic, and strict about versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from rectify_core import api
from rectify_core.errors import InputError, SchemaError
from rectify_core.schema import validate_dict
from rectify_core.testing import documents

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen.json"


@given(documents())
def test_generated_documents_are_schema_valid(doc):
    assert validate_dict(doc.to_dict()) == []


def test_canonical_input_is_rewritten_byte_for_byte():
    data = EXAMPLE.read_bytes()
    assert api.write_bytes(api.read_document(EXAMPLE), "json") == data


def test_output_is_utf8_without_ascii_escapes_in_schema_order():
    out = api.write_bytes(api.read_document(EXAMPLE), "json").decode("utf-8")
    assert "示例镇" in out and "\\u" not in out
    keys = list(json.loads(out))
    assert keys[:4] == ["schema", "version", "disclosure", "title"]


def test_other_major_version_is_refused_with_a_clear_message():
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["version"] = "2.0.0"
    with pytest.raises(SchemaError, match=r"2\.0\.0.*not compatible"):
        api.read(json.dumps(data).encode(), "json", name="v2.json")


def test_non_rectify_json_is_refused():
    with pytest.raises(SchemaError, match="not a rectify document"):
        api.read(b'{"hello": 1}', "json", name="x.json")


def test_broken_json_names_line_and_column():
    with pytest.raises(InputError) as info:
        api.read(b'{"schema": "rectify/tongbao",\n "version": }', "json", name="bad.json")
    assert "bad.json" in str(info.value) and "line 2" in str(info.value)


@given(documents())
def test_the_writer_writes_exactly_what_json_dumps_would(doc):
    # rectify_json.writer makes the indented text itself (json's own encoder is pure Python with indent)
    expected = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert api.write_bytes(doc, "json").decode("utf-8") == expected


def test_the_writer_matches_json_dumps_on_the_seeds_and_odd_values():
    from rectify_json.writer import _text

    from ..corpus import seed

    for number in ("000", "002"):
        data = api.read(seed(number)).document.to_dict()
        assert _text(data, "\n") == json.dumps(data, ensure_ascii=False, indent=2)
    odd = {"a": [], "b": {}, "c": [1, 2.5, -0.0, 1e300, True, False, None, "引号\"\\\n\t\u2028\x00"],
           "d": {"e": [{"f": []}]}, "大": 10**30}
    assert _text(odd, "\n") == json.dumps(odd, ensure_ascii=False, indent=2)
