"""tongbao.xsd and tongbao.schema.json describe the same model, property for property.

Walks both schemas: every property of every JSON Schema object maps (through the plugin's one
mapping table) to an element or attribute of the XSD type of the same name, with the same type,
enumeration, bounds and required-ness; and back, every element and attribute of the XSD is some
JSON property.  Adding a property to one schema and not the other fails here.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from rectify_xml.mapping import MEMBERS, NAMESPACE, ROOT, XSD_HELPER_TYPES, Member

from rectify_core.model import SCHEMA_NAME, SCHEMA_VERSION
from rectify_core.reading import read_source
from rectify_core.schema import json_schema

from . import xsdwalk

TEXT_REF = "#/$defs/Text"


@pytest.fixture(scope="module")
def xsd() -> Any:
    return xsdwalk.load()


@pytest.fixture(scope="module")
def ctypes(xsd: Any) -> dict[str, xsdwalk.ComplexType]:
    return xsdwalk.complex_types(xsd)


@pytest.fixture(scope="module")
def stypes(xsd: Any) -> dict[str, dict[str, Any]]:
    return xsdwalk.simple_types(xsd)


def json_objects() -> dict[str, dict[str, Any]]:
    """Every object of the JSON Schema by $defs name; the top level is "Document"."""
    schema = json_schema()
    objects = {"Document": schema}
    objects.update({k: v for k, v in schema["$defs"].items() if v.get("type") == "object"})
    return objects


def _ref_name(ref: str) -> str:
    return ref.rsplit("/", 1)[1]


def _element(ct: xsdwalk.ComplexType, name: str) -> list[xsdwalk.Particle]:
    found = [p for p in ct.elements if p.name == name]
    assert found, f"XSD type {ct.name} has no element {name}"
    return found


def test_every_json_object_has_an_xsd_type_and_back(ctypes: dict[str, xsdwalk.ComplexType]) -> None:
    assert set(json_objects()) == set(MEMBERS)
    assert set(ctypes) == set(MEMBERS) | set(XSD_HELPER_TYPES)


@pytest.mark.parametrize("def_name", sorted(json_objects()))
def test_every_property_maps_to_the_xsd(def_name: str, ctypes: dict[str, xsdwalk.ComplexType],
                                        stypes: dict[str, dict[str, Any]]) -> None:
    obj = json_objects()[def_name]
    members = {m.prop: m for m in MEMBERS[def_name]}
    assert list(obj["properties"]) == list(members), "mapping table out of step with the JSON Schema"
    required = set(obj.get("required", ()))
    ct = ctypes[def_name]
    for prop, spec in obj["properties"].items():
        _check_member(members[prop], spec, prop in required, ct, ctypes, stypes)


def _check_member(m: Member, spec: dict[str, Any], required: bool, ct: xsdwalk.ComplexType,
                  ctypes: dict[str, xsdwalk.ComplexType], stypes: dict[str, dict[str, Any]]) -> None:
    where = f"{ct.name}.{m.prop}"
    if m.kind == "root":
        assert spec == {"const": SCHEMA_NAME, "description": spec["description"]}
        return
    if m.kind == "attr":
        holder = ct
        if m.owner:
            (owner_type,) = {p.type for p in _element(ct, m.owner)}
            holder = ctypes[owner_type]
        assert m.attribute in holder.attributes, f"{where}: no attribute {m.xml}"
        xsd_type, use = holder.attributes[m.attribute]
        assert (use == "required") == required, f"{where}: required-ness differs"
        _check_scalar(where, m.ref, spec, stypes[xsd_type])
        return
    parent = ct
    if m.wrapper:
        (wrapper,) = _element(ct, m.wrapper)
        assert wrapper.min_occurs == 0 and not required, f"{where}: a wrapped list is optional"
        parent = ctypes[wrapper.type]
        assert len(parent.elements) == 1, f"{where}: wrapper {wrapper.type} holds one kind of item"
    particles = _element(parent, m.xml)
    for p in particles:
        if m.kind in ("texts", "objects"):
            assert spec["type"] == "array", where
            assert p.max_occurs == "unbounded", f"{where}: a list must repeat"
            if m.wrapper:
                assert p.min_occurs == 1, f"{where}: an empty wrapper would be a second way to say 'absent'"
            item_ref = spec["items"]["$ref"]
        else:
            assert p.max_occurs == "1", f"{where}: a single member must not repeat"
            item_ref = spec.get("$ref", "")
        if m.kind in ("text", "texts"):
            if item_ref == TEXT_REF:
                text_type = ctypes[p.type].simple_base if p.type in ctypes else p.type
                assert text_type == "Text", f"{where}: expected Text, XSD says {p.type}"
            else:  # Date.iso: the JSON Schema's date string
                assert spec.get("format") == "date" and p.type == "ISODate", where
                assert stypes["ISODate"]["pattern"] == [spec["pattern"].strip("^$")]
        else:
            assert p.type == _ref_name(item_ref) == m.ref, f"{where}: XSD type {p.type} vs JSON {item_ref}"
        if not p.in_choice and not m.wrapper:
            assert (p.min_occurs >= 1) == required, f"{where}: required-ness differs"


def _check_scalar(where: str, scalar: str, spec: dict[str, Any], facets: dict[str, Any]) -> None:
    if scalar == "enum":
        assert facets["enumeration"] == spec["enum"], f"{where}: enumerations differ"
    elif scalar == "int":
        assert spec["type"] == "integer"
        assert facets["base"] in ("xs:integer", "xs:nonNegativeInteger"), where
        low = 0 if facets["base"] == "xs:nonNegativeInteger" else int(facets["minInclusive"])
        assert low == spec["minimum"], f"{where}: minimum differs"
        high = int(facets["maxInclusive"]) if "maxInclusive" in facets else None
        assert high == spec.get("maximum"), f"{where}: maximum differs"
    elif scalar == "rate":
        assert spec["type"] == "number" and facets["base"] == "xs:double"
        assert (int(facets["minInclusive"]), int(facets["maxInclusive"])) == (spec["minimum"], spec["maximum"])
    elif scalar == "bool":
        assert spec["type"] == "boolean" and facets["base"] == "xs:boolean" and facets["pattern"] == ["true|false"]
    elif scalar == "version":
        assert facets["pattern"] == [spec["pattern"].strip("^$")], f"{where}: version patterns differ"
    else:
        pytest.fail(f"{where}: unknown scalar kind {scalar}")


def test_every_xsd_element_and_attribute_is_a_json_property(ctypes: dict[str, xsdwalk.ComplexType]) -> None:
    for def_name, members in MEMBERS.items():
        ct = ctypes[def_name]
        claimed_elements = {m.owner for m in members if m.owner}
        claimed_elements |= {m.wrapper or m.xml for m in members if m.kind in ("text", "texts", "object", "objects")}
        claimed_attrs = {m.attribute for m in members if m.kind == "attr" and not m.owner}
        assert {p.name for p in ct.elements} == claimed_elements, f"{def_name}: unmapped XSD elements"
        assert set(ct.attributes) == claimed_attrs, f"{def_name}: unmapped XSD attributes"
        for m in members:
            if m.owner:
                (owner,) = {p.type for p in ct.elements if p.name == m.owner}
                assert set(ctypes[owner].attributes) == {m.attribute}, f"{def_name}.{m.owner}: unmapped attributes"


def test_root_namespace_and_version(xsd: Any, stypes: dict[str, dict[str, Any]]) -> None:
    assert xsd.get("targetNamespace") == NAMESPACE
    assert xsd.get("version") == SCHEMA_VERSION, "bump tongbao.xsd's version with the JSON Schema's"
    major = SCHEMA_VERSION.split(".")[0]
    assert NAMESPACE.endswith(f":{major}"), "the namespace names the major version"
    (root,) = xsd.findall(f"{xsdwalk.XS}element")
    assert (root.get("name"), root.get("type")) == (ROOT, "Document")
    json_version = json_schema()["properties"]["version"]["pattern"]
    assert re.fullmatch(json_version, SCHEMA_VERSION)
    assert stypes["Version"]["pattern"] == [json_version.strip("^$")]


def test_docs_mapping_table_lists_every_member() -> None:
    # docs/xml.md's table is the published mapping: it must name every member where it really is
    docs = xsdwalk.XSD_PATH.parent.parent / "docs" / "xml.md"
    rows = re.findall(r"^\| `(\w+\.\w+)` \| `([^`]+)` \|", docs.read_text(encoding="utf-8"), re.MULTILINE)
    expected = [(f"{d}.{m.prop}", f"{m.wrapper}/{m.xml}" if m.wrapper else m.xml)
                for d, members in MEMBERS.items() for m in members]
    assert sorted(rows) == sorted(expected)


def test_docs_example_is_a_valid_tongbao_file() -> None:
    from rectify_xml.reader import XmlReader

    from rectify_core.formats import Source

    docs = xsdwalk.XSD_PATH.parent.parent / "docs" / "xml.md"
    (example,) = re.findall(r"```xml\n(.*?)```", docs.read_text(encoding="utf-8"), re.DOTALL)
    doc = read_source(XmlReader(), Source(example.encode("utf-8"), "docs/xml.md")).document
    assert doc.statistics is not None and doc.statistics.long_term_in_completed
