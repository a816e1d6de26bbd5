"""The model and the JSON Schema describe the same thing, member for member."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import jsonschema
import pytest

from rectify_core import model
from rectify_core.model import MODEL_CLASSES, Document
from rectify_core.schema import json_schema, validate_dict

ROOT = Path(__file__).resolve().parents[2]


def _schema_objects() -> dict[str, dict]:
    schema = json_schema()
    objects = {"Document": schema}
    for name, definition in schema["$defs"].items():
        if definition.get("type") == "object":
            objects[name] = definition
    return objects


def test_every_schema_object_is_a_model_class_and_back():
    assert set(_schema_objects()) == set(MODEL_CLASSES)


@pytest.mark.parametrize("name", sorted(MODEL_CLASSES))
def test_fields_match_properties_in_order(name):
    cls = MODEL_CLASSES[name]
    props = list(_schema_objects()[name]["properties"])
    fields = [f.name for f in dataclasses.fields(cls)]
    assert set(props) == set(fields)
    assert list(model._SCHEMA_ORDER[cls]) == props  # to_dict writes the schema's order


@pytest.mark.parametrize("name", sorted(MODEL_CLASSES))
def test_required_properties_are_the_fields_without_defaults(name):
    cls = MODEL_CLASSES[name]
    required = set(_schema_objects()[name].get("required", []))
    no_default = {f.name for f in dataclasses.fields(cls)
                  if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING}
    # schema/version are required in the file but defaulted in Python for convenience
    assert no_default == required - {"schema", "version"}


def test_every_property_is_documented_in_chinese_and_english():
    def walk(node, path):
        if isinstance(node, dict):
            for key, prop in node.get("properties", {}).items():
                desc = prop.get("description", "")
                assert any("\u4e00" <= ch <= "\u9fff" for ch in desc), f"{path}/{key}: no Chinese description"
                assert any("a" <= ch.lower() <= "z" for ch in desc), f"{path}/{key}: no English description"
            for key, value in node.items():
                walk(value, f"{path}/{key}")
    walk(json_schema(), "")


def test_schema_is_valid_2020_12_with_id_and_name():
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].startswith("urn:rectify:")
    assert schema["properties"]["schema"]["const"] == model.SCHEMA_NAME
    assert model.SCHEMA_VERSION.split(".")[0] == "1"


def test_status_categories_cover_the_genre():
    enum = json_schema()["$defs"]["Status"]["properties"]["category"]["enum"]
    assert set(enum) >= {"completed", "long_term", "in_progress", "not_started", "unknown"}
    assert tuple(enum) == model.STATUS_CATEGORIES


@pytest.mark.parametrize("text,ok", [
    ("整改情况", True), ("2023年10月26日", True), ("a b", True),
    (" 前导空格", False), ("尾随空格 ", False), ("两行\n文字", False), ("制表\t符", False),
    ("\u3000全角空格", False), ("控制\x07字符", False), ("", False), ("标题\n", False),
])
def test_text_admits_only_single_line_xml_safe_characters(text, ok):
    doc = {"schema": "rectify/tongbao", "version": "1.0.0", "title": text}
    assert (not validate_dict(doc)) == ok


def test_version_with_a_trailing_newline_is_refused():
    assert validate_dict({"schema": "rectify/tongbao", "version": "1.0.0\n"})


def test_example_round_trips_through_the_model_exactly():
    data = json.loads((ROOT / "examples" / "shili-zhen.json").read_text(encoding="utf-8"))
    assert Document.from_dict(data).to_dict() == data


def test_model_is_immutable():
    doc = Document(title="标题")
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "改"  # type: ignore[misc]
