"""rectify's OFD writer: valid against the GB/T 33190 schemas (used from ../shared, never copied),
the checks the schemas cannot make, the GB/T 9704 page of the PDF writer, deterministic bytes,
properties, and an independent reader (ofdkit, Apache-2.0) seeing the same text in the same order."""

from __future__ import annotations

import functools
import io
import os
import re
import socket
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from lxml import etree

from rectify_core import api
from rectify_core.model import DisclosureField, Document
from rectify_core.plugins import get_registry
from rectify_core.testing import documents
from rectify_core.typeset import page as P
from rectify_core.typeset.fonts import role_faces
from rectify_core.typeset.layout import page_paragraphs, typeset

from ..corpus import corpus_root, seed

NS = "http://www.ofdspec.org/2016"
Q = f"{{{NS}}}"
XSD_DIR = corpus_root().parent / "reference" / "ofd-xsd"
SCHEMA_OF = {"OFD.xml": "OFD.xsd", "Document.xml": "Document.xsd", "PublicRes.xml": "Res.xsd",
             "Content.xml": "Page.xsd"}
MM = 25.4 / 72


def _need_xsd() -> Path:
    if not XSD_DIR.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the OFD schemas are missing: {XSD_DIR}")
        pytest.skip(f"the OFD schemas are not at {XSD_DIR} (../shared/reference/ofd-xsd)")
    return XSD_DIR


@functools.cache
def _schema(name: str) -> Any:
    import xmlschema

    return xmlschema.XMLSchema(str(_need_xsd() / name))


@functools.cache
def seed_document(number: str) -> Document:
    return api.read(seed(number), "txt").document


@functools.cache
def seed_ofd(number: str) -> bytes:
    return api.write_bytes(seed_document(number), "ofd")


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _xml_parts(data: bytes) -> dict[str, Any]:
    return {name: etree.fromstring(body) for name, body in parts(data).items() if name.endswith(".xml")}


def page_texts(data: bytes) -> list[list[tuple[float, float, str, str]]]:
    """Per page, every TextCode as (y of its baseline, x, font ID, text) in mm, in file order."""
    found = parts(data)
    doc = etree.fromstring(found["Doc_0/Document.xml"])
    out = []
    for page in doc.iter(f"{Q}Page"):
        content = etree.fromstring(found["Doc_0/" + page.get("BaseLoc")])
        rows = []
        for obj in content.iter(f"{Q}TextObject"):
            x, y, _w, _h = (float(v) for v in obj.get("Boundary").split())
            for code in obj.iter(f"{Q}TextCode"):
                rows.append((y + float(code.get("Y")), x + float(code.get("X")), obj.get("Font"), code.text or ""))
        out.append(rows)
    return out


@pytest.mark.parametrize("number", ["000", "002"])
def test_every_part_is_valid_against_the_gbt33190_schemas(number: str) -> None:
    xml = _xml_parts(seed_ofd(number))
    assert set(xml) >= {"OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Pages/Page_0/Content.xml"}
    for name, root in xml.items():
        _schema(SCHEMA_OF[name.rsplit("/", 1)[-1]]).validate(root)


@pytest.mark.parametrize("number", ["000", "002"])
def test_what_the_schemas_cannot_check(number: str) -> None:
    """Unique IDs, MaxUnitID, every BaseLoc/ST_Loc present, every font referenced exists and is
    embedded, and every drawn character has a glyph in its font."""
    from fontTools.ttLib import TTFont

    data = seed_ofd(number)
    found = parts(data)
    xml = _xml_parts(data)
    ids = [int(e.get("ID")) for root in xml.values() for e in root.iter() if e.get("ID") is not None]
    assert len(ids) == len(set(ids))
    doc = xml["Doc_0/Document.xml"]
    assert int(doc.findtext(f"{Q}CommonData/{Q}MaxUnitID")) == max(ids)
    entry = xml["OFD.xml"]
    assert entry.findtext(f"{Q}DocBody/{Q}DocRoot") == "Doc_0/Document.xml"
    assert doc.findtext(f"{Q}CommonData/{Q}PublicRes") == "PublicRes.xml"
    for page in doc.iter(f"{Q}Page"):
        assert "Doc_0/" + page.get("BaseLoc") in found
    res = xml["Doc_0/PublicRes.xml"]
    fonts = {}
    for font in res.iter(f"{Q}Font"):
        path = f"Doc_0/{res.get('BaseLoc')}/{font.findtext(f'{Q}FontFile')}"
        assert path in found
        fonts[font.get("ID")] = TTFont(io.BytesIO(found[path])).getBestCmap()
    assert len(fonts) >= 3
    for rows in page_texts(data):
        for _y, _x, font, text in rows:
            assert font in fonts
            assert all(ord(c) in fonts[font] for c in text), text


def test_the_page_is_the_pdf_writers_page() -> None:
    """A4, the same lines at the same places (mm), the title first, `— n —` page numbers odd right."""
    doc = seed_document("002")
    data = seed_ofd("002")
    box = _xml_parts(data)["Doc_0/Document.xml"].findtext(f"{Q}CommonData/{Q}PageArea/{Q}PhysicalBox")
    assert [round(float(v), 1) for v in box.split()] == [0, 0, 210.0, 297.0]
    pages = page_texts(data)
    paras = page_paragraphs(doc, {})
    lines = typeset(paras, role_faces({}))
    assert len(pages) == max(line.page for line in lines)
    first = pages[0][0]
    assert doc.title is not None and doc.title.startswith(first[3])  # the first line of page 1 is the title
    assert abs(first[0] - lines[0].baseline * MM) < 0.01 and abs(first[1] - lines[0].x * MM) < 0.01
    for number, rows in enumerate(pages, start=1):
        folio_y, folio_x, _font, folio = rows[-1]
        assert folio == P.folio_text(number)
        assert folio_y > (P.TOP + P.TYPE_HEIGHT) * MM  # below the type area
        if number % 2:
            assert folio_x > 105
        else:
            assert abs(folio_x - (P.LEFT + P.SIZE_FOLIO) * MM) < 0.01


def test_docinfo_title_author_date_and_the_disclosure_in_customdatas() -> None:
    doc = seed_document("002")
    entry = _xml_parts(seed_ofd("002"))["OFD.xml"]
    info = entry.find(f"{Q}DocBody/{Q}DocInfo")
    assert info.findtext(f"{Q}Title") == doc.title
    assert doc.signature is not None and doc.signature.date is not None
    assert info.findtext(f"{Q}Author") == doc.signature.issuer
    assert info.findtext(f"{Q}CreationDate") == doc.signature.date.iso
    custom = [(c.get("Name"), c.text) for c in info.iter(f"{Q}CustomData")]
    assert custom == [(f.label, f.value) for f in doc.disclosure]
    # the list is metadata: not printed on the page (unless disclosure=cover)
    shown = "".join(text for rows in page_texts(seed_ofd("002")) for *_, text in rows)
    assert "3704063704060004" not in shown
    cover = api.write_bytes(doc, "ofd", options={"disclosure": "cover"})
    assert "3704063704060004" in "".join(t for rows in page_texts(cover) for *_, t in rows)


def test_bytes_are_deterministic_and_carry_nothing_personal(tmp_path: Path) -> None:
    import getpass
    import subprocess
    import sys

    data = seed_ofd("000")
    script = ("import sys; from rectify_core import api; d = api.read(sys.argv[1], 'txt').document; "
              "sys.stdout.buffer.write(api.write_bytes(d, 'ofd'))")
    out = subprocess.run([sys.executable, "-c", script, str(seed("000"))], capture_output=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": "7"}).stdout
    assert out == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    text = b"".join(parts(data)[n] for n in parts(data) if n.endswith(".xml")).decode()
    for personal in {getpass.getuser(), socket.gethostname(), str(Path.home())} - {"", "/"}:
        assert personal not in text
    assert not re.search(r"20\d\d-\d\d-\d\dT", text)  # no clock time


def test_a_document_without_title_signature_or_disclosure_is_still_valid() -> None:
    data = api.write_bytes(Document(preamble=("正文一段。",)), "ofd")
    for name, root in _xml_parts(data).items():
        _schema(SCHEMA_OF[name.rsplit("/", 1)[-1]]).validate(root)
    info = _xml_parts(data)["OFD.xml"].find(f"{Q}DocBody/{Q}DocInfo")
    assert info.find(f"{Q}CustomDatas") is None and info.find(f"{Q}Author") is None


@pytest.mark.parametrize("number", ["000", "002"])
def test_ofdkit_extracts_the_same_text_in_the_same_order(number: str) -> None:
    """An independent reader (ofdkit, Apache-2.0, tests only) sees our text, in our order."""
    try:
        import ofdkit
    except ImportError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip("ofdkit is not installed (pip install -e '.[test]')")
    data = seed_ofd(number)
    ours = "".join(text for rows in page_texts(data) for *_, text in rows)
    theirs = ofdkit.extract_text(data)
    assert re.sub(r"\s", "", theirs) == re.sub(r"\s", "", ours)
    assert ofdkit.open(data).info.custom_data == dict(
        (f.label, f.value) for f in seed_document(number).disclosure if f.label)


def _require_reader() -> None:
    # the OFD reader (issue 14) is a built-in plugin now: its absence is a broken install, not a reason to skip
    assert "ofd" in get_registry().readers, "the built-in OFD reader (rectify_ofd) is not registered"


@pytest.mark.parametrize("number", ["000", "002"])
def test_a_seed_reads_back_as_its_text_reading(number: str) -> None:
    _require_reader()
    doc = seed_document(number)
    assert api.read(seed_ofd(number), "ofd", name=f"seed-{number}.ofd").document == doc


@pytest.mark.parametrize("cover", [False, True])
def test_the_reader_extracts_the_blocks_the_layout_placed(cover: bool) -> None:
    """What is the OFD format's job, checked without the recognizer: every paragraph of the page (and
    the 政务公开 list from CustomDatas) comes back with the text and look the typesetting core gave it."""
    _require_reader()
    from rectify_core.reading import new_report
    from rectify_core.typeset.expected import expected_blocks

    options = {"disclosure": "cover"} if cover else {}
    doc = seed_document("002")
    data = api.write_bytes(doc, "ofd", options=options)
    reader = get_registry().reader("ofd")
    from rectify_core.formats import Source

    got = reader.read(Source(data, "x.ofd"), {}, new_report("x.ofd"))
    assert [b.text for b in got] == [b.text for b in expected_blocks(doc, options)]


def test_the_writer_promises_what_pdf_promises() -> None:
    doc = Document(title="关于巡察整改情况的通报", disclosure=(DisclosureField(label="索引号", value="X-1"),),
                   preamble=("正文。",))
    assert get_registry().writer("ofd").expected(doc) == get_registry().writer("pdf").expected(doc)


@settings(max_examples=30)  # an OFD write and read costs ~0.3 s; the PDF kit covers the shared layout at 200
@given(documents())
def test_generated_documents_give_back_the_blocks_the_layout_placed(doc: Document) -> None:
    """The conformance kit's documents through OFD: same bytes twice, and the reader's blocks are the
    typesetting core's (text of every paragraph and of the 政务公开 properties, in order)."""
    _require_reader()
    from rectify_core.formats import Source
    from rectify_core.reading import new_report
    from rectify_core.typeset.expected import expected_blocks

    first, second = api.write_bytes(doc, "ofd"), api.write_bytes(doc, "ofd")
    assert first == second
    expected = [b.text for b in expected_blocks(doc)]
    if not expected:
        return
    got = get_registry().reader("ofd").read(Source(first, "g.ofd"), {}, new_report("g.ofd"))
    assert [b.text for b in got] == expected
