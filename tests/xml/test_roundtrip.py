"""The XML format is exactly lossless and deterministic, and every output is valid XML per the XSD.

Two generators: the conformance kit's genre-weighted ``documents()`` and this folder's
``any_documents()``, which reaches every property and the whole Text character range.  Each
output is validated by lxml against the XSD file (a fresh schema object, not the writer's own)
and by ``xmllint --schema``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

from rectify_core.api import read, write_bytes
from rectify_core.model import Document, Node, Problem, Signature, Statistics, Status
from rectify_core.reading import read_source
from rectify_core.schema import validate_dict
from rectify_core.testing import assert_roundtrip, documents
from tests.clients import require_client

from . import xsdwalk
from .strategies import any_documents

_SCHEMA = etree.XMLSchema(etree.parse(str(xsdwalk.XSD_PATH)))


def assert_valid_xml(data: bytes) -> None:
    doc = etree.fromstring(data)
    assert _SCHEMA.validate(doc), _SCHEMA.error_log


@given(documents())
def test_conformance_kit_roundtrip(doc: Document) -> None:
    result = assert_roundtrip("xml", doc)
    assert result.document.to_dict() == doc.to_dict()  # canonical JSON too: int rates stay int
    assert_valid_xml(write_bytes(doc, "xml"))


@given(any_documents())
def test_any_document_roundtrips(doc: Document) -> None:
    assert validate_dict(doc.to_dict()) == []  # the strategy is only worth its name if this holds
    assert_roundtrip("xml", doc)
    data = write_bytes(doc, "xml")
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<Tongbao xmlns="urn:rectify:tongbao:1"')
    assert_valid_xml(data)
    assert read(data, "xml").document.to_dict() == doc.to_dict()


def test_generated_xml_validates_with_xmllint(tmp_path: Path) -> None:
    """Every output of both generators, checked by one xmllint run (a process per file is slow)."""
    xmllint = require_client("xmllint")
    outputs: set[bytes] = set()
    for strategy in (documents(), any_documents()):
        @given(strategy)
        def collect(doc: Document) -> None:
            outputs.add(write_bytes(doc, "xml"))

        collect()
    files = []
    for i, data in enumerate(sorted(outputs)):
        files.append(tmp_path / f"{i:04d}.xml")
        files[-1].write_bytes(data)
    proc = subprocess.run([xmllint, "--noout", "--schema", str(xsdwalk.XSD_PATH), *map(str, files)],
                          capture_output=True, timeout=600)
    report = proc.stderr.decode("utf-8", "replace")
    failed = [f for f in files if f"{f} validates" not in report]
    assert proc.returncode == 0 and not failed, (
        f"{len(failed)} of {len(files)} files refused by xmllint:\n{report[-3000:]}\n"
        f"first refused file:\n{failed[0].read_text(encoding='utf-8') if failed else ''}")


def test_any_document_validates_with_an_independent_validator() -> None:
    # lxml and xmllint are both libxml2; xmlschema is a separate implementation of XSD 1.0
    xmlschema = pytest.importorskip("xmlschema", reason="xmlschema (the independent XSD validator) is not installed")
    schema = xmlschema.XMLSchema10(str(xsdwalk.XSD_PATH))

    @given(any_documents())
    def check(doc: Document) -> None:
        data = write_bytes(doc, "xml")
        errors = list(schema.iter_errors(data.decode("utf-8")))
        assert not errors, errors[0]

    check()


@pytest.mark.parametrize("rate, lexical", [(76, 'rate="76"'), (76.0, 'rate="76.0"'), (76.5, 'rate="76.5"'),
                                           (0, 'rate="0"'), (1e-05, 'rate="1e-05"'), (100.0, 'rate="100.0"'),
                                           (5e-324, 'rate="5e-324"'), (-0.0, 'rate="0.0"')])
def test_rate_keeps_int_and_float_apart(rate: float, lexical: str) -> None:
    doc = Document(statistics=Statistics(rate=rate))
    data = write_bytes(doc, "xml")
    assert lexical.encode() in data
    back = read(data, "xml").document
    assert back.statistics is not None and type(back.statistics.rate) is type(rate)
    assert back.to_dict() == doc.to_dict()


def test_present_but_empty_objects_survive() -> None:
    for doc in (Document(signature=Signature()), Document(statistics=Statistics()), Document()):
        assert read(write_bytes(doc, "xml"), "xml").document == doc
    assert b"<Signature/>" in write_bytes(Document(signature=Signature()), "xml")
    assert b"Signature" not in write_bytes(Document(), "xml")


def test_booleans_written_only_when_not_default_and_read_either_way() -> None:
    doc = Document(body=(Node(heading="标题", run_in=True, children=(Node(heading="子", problem=None),)),),
                   statistics=Statistics(long_term_in_completed=True))
    data = write_bytes(doc, "xml")
    assert b'runIn="true"' in data and b'longTermInCompleted="true"' in data
    assert read(data, "xml").document == doc
    explicit = data.replace(b"<Heading>", b'<Heading runIn="false">')
    assert read(explicit, "xml").document == doc
    status_default = Document(body=(Node(heading="h", problem=Problem(
        status=Status(category="completed", inline=True))),))
    assert b"inline" not in write_bytes(status_default, "xml")


def test_same_document_same_bytes_across_processes() -> None:
    # determinism must not depend on hash seeds or dict order of one process
    code = ("import sys; from rectify_core.api import write_bytes; from rectify_core.model import *;"
            "d = Document(title='标题', statistics=Statistics(total=3, rate=66.67), "
            "contacts=(Contact('phone','0543'),));"
            "sys.stdout.buffer.write(write_bytes(d, 'xml'))")
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, check=True,
                           env={"PYTHONHASHSEED": str(seed), "PATH": ""}).stdout for seed in (1, 2, 3)}
    assert len(outs) == 1


def test_schema_1_1_problem_fields_round_trip_and_a_1_0_file_still_reads() -> None:
    import io

    from rectify_xml.reader import XmlReader
    from rectify_xml.writer import XmlWriter

    from rectify_core.formats import Source
    from rectify_core.model import Date, Document, Marker, Node, Problem

    problem = Problem(finding=("公开不及时。",), responsible_unit="镇党政办", responsible_person="张某某",
                      time_limit=Date(iso="2026-06-30", text="2026年6月底前"))
    only = Problem(time_limit=Date(text="长期坚持"))
    doc = Document(title="示例", body=(Node(marker=Marker("chinese", 1), problem=problem),
                                       Node(marker=Marker("chinese", 2), problem=only)))
    sink = io.BytesIO()
    XmlWriter().write(doc, sink, {})
    xml = sink.getvalue()
    assert b"<ResponsibleUnit>" in xml and b'version="1.1.0"' in xml
    assert read_source(XmlReader(), Source(xml, "t.xml")).document == doc
    old = xml.replace(b'version="1.1.0"', b'version="1.0.0"')
    old = old.replace(b"<ResponsibleUnit>\xe9\x95\x87\xe5\x85\x9a\xe6\x94\xbf\xe5\x8a\x9e</ResponsibleUnit>", b"")
    read = read_source(XmlReader(), Source(old, "t.xml")).document
    assert read.version == "1.0.0" and read.body[0].problem is not None
    assert read.body[0].problem.responsible_unit is None
