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


# -- schema 1.1: the ledger fields of a problem ----------------------------------------------------

_V10_PROBLEM = {"schema": "rectify/tongbao", "version": "1.0.0", "title": "示例",
                "body": [{"marker": {"style": "chinese", "value": 1}, "heading": "问题",
                          "children": [{"marker": {"style": "arabic", "value": 1},
                                        "problem": {"finding": ["公开不及时。"],
                                                    "status": {"category": "completed"}}}]}]}


def _with_ledger_fields(version: str) -> dict:
    data = json.loads(json.dumps(_V10_PROBLEM))
    data["version"] = version
    problem = data["body"][0]["children"][0]["problem"]
    problem.update({"responsible_unit": "镇党政办", "responsible_person": "张某某",
                    "time_limit": {"iso": "2026-06-30", "text": "2026年6月底前"}})
    return data


def test_a_1_0_document_still_validates_and_reads_unchanged():
    assert validate_dict(_V10_PROBLEM) == []
    doc = Document.from_dict(_V10_PROBLEM)
    assert doc.version == "1.0.0" and doc.to_dict() == _V10_PROBLEM


def test_the_1_1_problem_fields_validate_and_round_trip_in_schema_order():
    data = _with_ledger_fields(model.SCHEMA_VERSION)
    assert model.SCHEMA_VERSION.startswith("1.1.")
    assert validate_dict(data) == []
    problem = Document.from_dict(data).body[0].children[0].problem
    assert problem is not None and problem.responsible_unit == "镇党政办"
    assert problem.time_limit == model.Date(iso="2026-06-30", text="2026年6月底前")
    assert Document.from_dict(data).to_dict() == data


def test_a_problem_holding_only_a_ledger_field_is_a_problem():
    data = json.loads(json.dumps(_V10_PROBLEM))
    data["body"][0]["children"][0]["problem"] = {"time_limit": {"text": "长期坚持"}}
    assert validate_dict(data) == []
    data["body"][0]["children"][0]["problem"] = {}
    assert validate_dict(data)


def test_visible_formats_state_that_they_drop_the_ledger_fields():
    from rectify_core.visible import expected_visible

    doc = Document.from_dict(_with_ledger_fields(model.SCHEMA_VERSION))
    problem = expected_visible(doc).body[0].children[0].problem
    assert problem is not None and problem.finding == ("公开不及时。",)
    assert (problem.responsible_unit, problem.responsible_person, problem.time_limit) == (None, None, None)
