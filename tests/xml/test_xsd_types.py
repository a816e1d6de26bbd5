"""The XSD's Text and ISODate admit exactly what the JSON Schema's Text and date admit.

XSD patterns are their own regex dialect (implicitly anchored, no \\u escapes, character
references instead), so the transliteration is tested character by character: every BMP
character XML can carry, alone and in the middle of a text, plus the astral planes at every range
edge and at a stride — each verdict compared with the JSON Schema pattern (full-match, i.e.
ECMA-262 semantics).  Dates: every month/day combination, valid or not, over years that matter
for leap rules, plus malformed forms.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import jsonschema
import pytest
from lxml import etree

from rectify_core.schema import json_schema

from . import xsdwalk

XS_NS = "http://www.w3.org/2001/XMLSchema"


def xml_char(cp: int) -> bool:
    """XML 1.0 Char production."""
    return cp in (0x9, 0xA, 0xD) or 0x20 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD or 0x10000 <= cp <= 0x10FFFF


def _escape(value: str) -> str:
    out = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "".join(f"&#{ord(c)};" if c in "\t\n\r" else c for c in out)


def xsd_verdicts(type_name: str, values: list[str]) -> list[bool]:
    """Validate every value against the XSD simple type ``type_name`` in one document."""
    root = xsdwalk.load()
    schema = etree.Element(f"{{{XS_NS}}}schema", nsmap={"xs": XS_NS})
    for st in root.findall(f"{xsdwalk.XS}simpleType"):
        if st.get("name") == type_name:
            schema.append(copy.deepcopy(st))
    etree.SubElement(schema, f"{{{XS_NS}}}element", name="v", type=type_name)
    wrapper = etree.SubElement(schema, f"{{{XS_NS}}}element", name="L")
    seq = etree.SubElement(etree.SubElement(wrapper, f"{{{XS_NS}}}complexType"), f"{{{XS_NS}}}sequence")
    etree.SubElement(seq, f"{{{XS_NS}}}element", ref="v", minOccurs="0", maxOccurs="unbounded")
    validator = etree.XMLSchema(schema)
    lines = ["<L>"] + [f"<v>{_escape(v)}</v>" for v in values] + ["</L>"]
    doc = etree.fromstring("\n".join(lines).encode("utf-8"), etree.XMLParser(huge_tree=True))
    validator.validate(doc)
    bad_lines = {e.line for e in validator.error_log}
    return [i + 2 not in bad_lines for i in range(len(values))]


def json_text_pattern() -> re.Pattern[str]:
    return re.compile(json_schema()["$defs"]["Text"]["pattern"])


def _text_cases(codepoints: Iterable[int]) -> list[str]:
    cases = []
    for cp in codepoints:
        c = chr(cp)
        cases += [c, f"a{c}b", f"{c}b", f"a{c}"]
    return cases


def _compare(values: list[str], verdicts: list[bool], want: list[bool]) -> None:
    wrong = [(v, got, exp) for v, got, exp in zip(values, verdicts, want, strict=True) if got != exp]
    shown = ", ".join(f"{v!r} ({' '.join(f'U+{ord(c):04X}' for c in v[:4])}) xsd={g} json={e}" for v, g, e in wrong[:8])
    assert not wrong, f"{len(wrong)} verdicts differ: {shown}"


def test_text_pattern_matches_json_schema_on_every_bmp_character() -> None:
    pattern = json_text_pattern()
    values = _text_cases(cp for cp in range(0x10000) if xml_char(cp))
    _compare(values, xsd_verdicts("Text", values), [pattern.fullmatch(v) is not None for v in values])


def test_text_pattern_matches_json_schema_on_astral_planes() -> None:
    pattern = json_text_pattern()
    points = set(range(0x10000, 0x110000, 257)) | {0x10000, 0x10001, 0x1F600, 0x20000, 0x2FFFF, 0xEFFFF, 0x10FFFF}
    values = _text_cases(sorted(points))
    _compare(values, xsd_verdicts("Text", values), [pattern.fullmatch(v) is not None for v in values])


def test_json_text_refuses_every_character_xml_cannot_carry() -> None:
    # so "what the XSD cannot express" is nothing the JSON Schema admits
    pattern = json_text_pattern()
    for cp in (cp for cp in range(0x110000) if not xml_char(cp)):
        for value in _text_cases([cp]):
            assert pattern.fullmatch(value) is None, f"JSON Text admits U+{cp:04X}, which XML 1.0 cannot carry"


def test_longer_texts_agree() -> None:
    pattern = json_text_pattern()
    values = ["整改情况", "（一）强化组织领导。", "a b", "a  b", " a", "a ", "a\u3000b", "\u3000a", "a\u00a0b",
              "a\u00a0", "联系电话：0543-2561020", "😀", "😀 😀", "a\tb", "a\nb", "x" * 5000]
    _compare(values, xsd_verdicts("Text", values), [pattern.fullmatch(v) is not None for v in values])


def _json_date_validator() -> Any:
    spec = json_schema()["$defs"]["Date"]["properties"]["iso"]
    cls = jsonschema.Draft202012Validator
    return cls({k: v for k, v in spec.items() if k != "description"}, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("year", [1, 4, 99, 100, 400, 1582, 1900, 2000, 2023, 2024, 9999])
def test_iso_date_matches_json_schema(year: int) -> None:
    validator = _json_date_validator()
    values = [f"{year:04d}-{m:02d}-{d:02d}" for m in range(0, 14) for d in range(0, 33)]
    _compare(values, xsd_verdicts("ISODate", values), [validator.is_valid(v) for v in values])
    assert sum(validator.is_valid(v) for v in values) == (366 if dt.date(year, 3, 1) - dt.date(year, 2, 28)
                                                          == dt.timedelta(days=2) else 365)


def test_malformed_dates_are_refused_by_both() -> None:
    validator = _json_date_validator()
    values = ["0000-01-01", "2023-1-01", "2023-01-1", "+2023-01-01", "-2023-01-01", "12023-01-01", "2023-01-01Z",
              "2023-01-01+08:00", "2023/01/01", "２０２３-01-01", "2023-01-01T00:00", "20230101", ""]
    assert not any(validator.is_valid(v) for v in values)
    assert not any(xsd_verdicts("ISODate", values))


def test_iso_date_whitespace_is_collapsed_as_xsd_says() -> None:
    # xs:date collapses white space before its pattern applies; the reader strips it the same way
    assert xsd_verdicts("ISODate", [" 2023-01-01", "2023-01-01\n", "\t2023-01-01 "]) == [True, True, True]


def test_an_independent_validator_agrees_on_text_and_dates() -> None:
    # lxml and xmllint share libxml2; xmlschema (pure Python, its own XSD regex translation) does not
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema (the independent XSD validator) is not installed")
    schema = xmlschema.XMLSchema10(str(xsdwalk.XSD_PATH))
    pattern = json_text_pattern()
    edges = {int(h, 16) + d for h in re.findall(r"\\u([0-9A-Fa-f]{4})", pattern.pattern) for d in (-1, 0, 1)}
    points = sorted(cp for cp in edges | set(range(0, 0x110000, 211)) if xml_char(cp))
    values = _text_cases(points)
    got = [bool(schema.types["Text"].is_valid(v)) for v in values]
    _compare(values, got, [pattern.fullmatch(v) is not None for v in values])
    validator = _json_date_validator()
    dates = [f"{y:04d}-{m:02d}-{d:02d}" for y in (1, 1900, 2000, 2024) for m in range(0, 14) for d in range(0, 33)]
    _compare(dates, [bool(schema.types["ISODate"].is_valid(v)) for v in dates], [validator.is_valid(v) for v in dates])
