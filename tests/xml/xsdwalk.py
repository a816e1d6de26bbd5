"""Read tongbao.xsd as data: complex types with their elements and attributes, simple-type facets.

The sync tests compare this view with the JSON Schema; it is deliberately written against the XSD
file itself (not against the plugin's mapping code) so that a hand edit of either schema shows up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

XS = "{http://www.w3.org/2001/XMLSchema}"
XSD_PATH = Path(__file__).resolve().parents[2] / "schemas" / "tongbao.xsd"


@dataclass
class Particle:
    name: str
    type: str
    min_occurs: int
    max_occurs: str  # "1", "unbounded", …
    in_choice: bool


@dataclass
class ComplexType:
    name: str
    elements: list[Particle] = field(default_factory=list)
    attributes: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (type, use)
    simple_base: str | None = None  # for simpleContent types


def load() -> Any:
    return etree.parse(str(XSD_PATH)).getroot()


def complex_types(root: Any) -> dict[str, ComplexType]:
    out: dict[str, ComplexType] = {}
    for ct in root.findall(f"{XS}complexType"):
        info = ComplexType(ct.get("name"))
        _walk(ct, info, in_choice=False)
        for attr in ct.iter(f"{XS}attribute"):
            info.attributes[attr.get("name")] = (attr.get("type"), attr.get("use", "optional"))
        ext = ct.find(f"{XS}simpleContent/{XS}extension")
        if ext is not None:
            info.simple_base = ext.get("base")
        out[info.name] = info
    return out


def _walk(node: Any, info: ComplexType, in_choice: bool) -> None:
    for child in node:
        if child.tag == f"{XS}element":
            info.elements.append(Particle(child.get("name"), child.get("type"), int(child.get("minOccurs", "1")),
                                          child.get("maxOccurs", "1"), in_choice))
        elif child.tag in (f"{XS}sequence", f"{XS}choice"):
            _walk(child, info, in_choice or child.tag == f"{XS}choice" or child.get("minOccurs") == "0")


def simple_types(root: Any) -> dict[str, dict[str, Any]]:
    """name -> {"base": …, "enumeration": [...], "pattern": [...], "minInclusive": …, …}."""
    out: dict[str, dict[str, Any]] = {}
    for st in root.findall(f"{XS}simpleType"):
        restriction = st.find(f"{XS}restriction")
        facets: dict[str, Any] = {"base": restriction.get("base"), "enumeration": [], "pattern": []}
        for facet in restriction:
            if not isinstance(facet.tag, str) or facet.tag == f"{XS}annotation":
                continue
            key = etree.QName(facet).localname
            if key in ("enumeration", "pattern"):
                facets[key].append(facet.get("value"))
            else:
                facets[key] = facet.get("value")
        out[st.get("name")] = facets
    return out
