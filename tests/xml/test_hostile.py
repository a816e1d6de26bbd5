"""Hostile and invalid XML is refused with the right error, and nothing of a local file leaks.

Refused hostile input (entity expansion, external entities, DTD fetch, oversize) is a
SecurityError (exit 3); invalid input (bad UTF-8, not well-formed, not valid per the XSD) is an
InputError or SchemaError (exit 2).  Times and memory are measured by bench/bench_xml_hostile.py,
not asserted here.
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rectify_xml import reader as xml_reader
from rectify_xml.reader import MAX_BYTES, XmlReader

from rectify_core.api import read
from rectify_core.errors import InputError, RectifyError, SchemaError, SecurityError
from rectify_core.formats import Source
from rectify_core.reading import read_source
from rectify_core.schema import validate_dict

from . import hostile

PASSWD = Path("/etc/passwd")


def _read(data: bytes) -> None:
    read_source(XmlReader(), Source(data, "hostile.xml"))


def _secret_lines() -> list[str]:
    lines = [ln for ln in PASSWD.read_text(errors="replace").splitlines() if len(ln) > 8]
    assert lines, "need a readable /etc/passwd to prove it does not leak"
    return lines


@pytest.mark.parametrize("make", [hostile.billion_laughs, hostile.xxe, hostile.xxe_parameter_entity],
                         ids=["billion-laughs", "xxe", "xxe-parameter-entity"])
def test_doctype_is_refused_as_hostile(make: object) -> None:
    with pytest.raises(SecurityError) as info:
        _read(make())  # type: ignore[operator]
    assert info.value.exit_code == 3
    assert "DOCTYPE" in str(info.value)


def test_xxe_content_appears_nowhere(tmp_path: Path) -> None:
    src = tmp_path / "xxe.xml"
    src.write_bytes(hostile.xxe())
    out = tmp_path / "out.json"
    proc = subprocess.run([sys.executable, "-m", "rectify_core.cli", "convert", str(src), "-o", str(out)],
                          capture_output=True, timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert not out.exists()
    shown = proc.stdout.decode("utf-8", "replace") + proc.stderr.decode("utf-8", "replace")
    assert "DOCTYPE" in shown
    for line in _secret_lines():
        assert line not in shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["xxe.xml"]  # no partial file either


def test_xinclude_is_not_processed_and_leaks_nothing() -> None:
    with pytest.raises(InputError) as info:
        _read(hostile.xinclude())
    assert "line" in str(info.value)
    for line in _secret_lines():
        assert line not in str(info.value)


@pytest.fixture
def dtd_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request: a DTD fetch would show up here."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = b'<!ENTITY ent "fetched">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/evil.dtd", requests
    finally:
        server.shutdown()
        server.server_close()


def test_dtd_fetch_is_refused_without_a_request(dtd_server: tuple[str, list[str]]) -> None:
    url, requests = dtd_server
    with pytest.raises(SecurityError):
        _read(hostile.dtd_fetch(url))
    assert requests == []


def test_parser_itself_never_fetches_even_if_the_doctype_check_were_gone(
        dtd_server: tuple[str, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    # defence in depth: with the prolog scan disabled the hardened parser still neither fetches
    # nor expands, and the DOCTYPE found after parsing is refused
    url, requests = dtd_server
    monkeypatch.setattr(xml_reader, "_prolog_doctype", lambda data: False)
    for data in (hostile.dtd_fetch(url), hostile.xxe(), hostile.billion_laughs()):
        with pytest.raises(RectifyError) as info:
            _read(data)
        assert info.value.exit_code in (2, 3)
        for line in _secret_lines():
            assert line not in str(info.value)
    assert requests == []


def test_oversize_file_is_refused_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parse(data: bytes, name: str) -> None:
        raise AssertionError("a file over the cap reached lxml")

    monkeypatch.setattr(xml_reader, "_parse", no_parse)
    big = hostile.big_file(tmp_path / "big.xml")
    with pytest.raises(SecurityError) as info:
        read(big, "xml")
    assert info.value.exit_code == 3
    assert "200 MiB" in str(info.value) and f"{MAX_BYTES // 2**20} MiB" in str(info.value)
    with pytest.raises(SecurityError):
        read(big)  # detected as xml by its head


def test_invalid_utf8_names_the_byte_offset() -> None:
    data, offset = hostile.invalid_utf8()
    with pytest.raises(InputError) as info:
        _read(data)
    assert not isinstance(info.value, SecurityError) and info.value.exit_code == 2
    assert f"byte {offset}" in str(info.value)


@pytest.mark.parametrize("data, fragment", [
    (b'<?xml version="1.0" encoding="GB2312"?>\n<Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"/>',
     "GB2312"),
    ('<?xml version="1.0"?><Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0"/>'.encode("utf-16"), "UTF-8"),
    (hostile.deep_nesting(), "line"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Title>x</Title>", "well-formed"),
    (b"plain text", "well-formed"),
    (b"<html><body>hi</body></html>", "not a tongbao XML"),
    (b"<Tongbao version='1.0.0'/>", "not a tongbao XML"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Title> x</Title></Tongbao>", "line 1"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Unknown/></Tongbao>", "Unknown"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1'/>", "version"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Body><Section/></Body></Tongbao>", "Section"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Signature><WrittenDate/></Signature></Tongbao>",
     "WrittenDate"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Body><Section><Heading>h</Heading>"
     b"<Paragraph>p</Paragraph><Problem><Finding>f</Finding></Problem></Section></Body></Tongbao>", "Problem"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Body><Section><Heading>h</Heading>"
     b"<Problem/></Section></Body></Tongbao>", "Problem"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Statistics rate='100.5'/></Tongbao>", "rate"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Statistics rate='NaN'/></Tongbao>", "rate"),
    (b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'><Signature><WrittenDate><ISODate>2023-02-29"
     b"</ISODate></WrittenDate></Signature></Tongbao>", "ISODate"),
], ids=["gb2312", "utf16", "deep", "truncated", "text", "html", "no-namespace", "text-pattern", "unknown-element",
        "no-version", "node-without-marker-or-heading", "empty-date", "problem-and-paragraphs", "empty-problem",
        "rate-over-100", "rate-nan", "feb-29"])
def test_invalid_input_is_an_input_error(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError) as info:
        _read(data)
    assert info.value.exit_code == 2
    assert fragment in str(info.value)
    assert "{urn:rectify" not in str(info.value)  # messages name elements plainly


@pytest.mark.parametrize("data", [
    b"<Tongbao xmlns='urn:rectify:tongbao:1' version='2.0.0'/>",
    b"<Tongbao xmlns='urn:rectify:tongbao:2' version='2.0.0'/>",
    b"<Tongbao xmlns='urn:rectify:tongbao:2'/>",
])
def test_another_major_version_is_refused_clearly(data: bytes) -> None:
    with pytest.raises(SchemaError) as info:
        _read(data)
    assert info.value.exit_code == 2 and "2." in str(info.value) and "not compatible" in str(info.value)


def test_what_the_xsd_allows_beyond_the_writer_reads_as_the_xsd_means() -> None:
    # comments, processing instructions, CDATA, character references, white space in
    # collapsing types: all legitimate XML a person or another tool may write
    data = ("<?xml version='1.0' encoding='utf-8'?>\n<!-- written by hand -->\n"
            "<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'>"
            "<Title>示例<!-- c --><?pi x?>镇 &amp; <![CDATA[<通报>]]>&#x4E00;</Title>"
            "<Statistics total=' 5 ' rate='\n76\n' longTermInCompleted=' true '/>"
            "<Signature><WrittenDate><ISODate> 2023-10-26 </ISODate></WrittenDate></Signature></Tongbao>")
    doc = read_source(XmlReader(), Source(data.encode("utf-8"), "hand.xml")).document
    assert validate_dict(doc.to_dict()) == []
    assert doc.title == "示例镇 & <通报>一"
    assert doc.statistics is not None
    assert (doc.statistics.total, doc.statistics.rate, doc.statistics.long_term_in_completed) == (5, 76, True)
    assert type(doc.statistics.rate) is int
    assert doc.signature is not None and doc.signature.date is not None and doc.signature.date.iso == "2023-10-26"


def test_sniff() -> None:
    r = XmlReader()
    assert r.sniff(hostile.GOOD[:4096], None) == 1.0
    assert r.sniff(b"<Tongbao xmlns='urn:rectify:tongbao:1' version='1.0.0'/>", "x.txt") == 1.0
    assert r.sniff(b"<Tongbao xmlns='urn:rectify:tongbao:2'/>", None) > 0.5
    assert 0 < r.sniff(b'<?xml version="1.0"?><rss/>', None) < 1.0
    assert r.sniff(b"\xe6\xa0\x87\xe9\xa2\x98", None) == 0.0
    assert r.sniff(b'{"schema": "rectify/tongbao"}', None) == 0.0
