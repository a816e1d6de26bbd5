"""Issue 14 acceptance for .doc and .wps: LibreOffice makes them from rectify's docx of seed 002 in
the test, and they read to the same Document as that docx.

LibreOffice cannot write Kingsoft's own format; its "wps" export is the MS Word 97 filter in an
OLE2 container with a WordDocument stream — the container Kingsoft WPS uses for .wps since WPS
2005 (older Kingsoft files are not covered).  The second kind of .wps Kingsoft writes, OOXML under
a .wps name, is the docx itself renamed.
"""

from __future__ import annotations

import importlib.util
import os
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest
from rectify_legacy import office
from rectify_legacy.ole2 import CompoundFile

from rectify_core import api
from rectify_core.errors import InputError, SecurityError

from ..clients import in_ci, require_client
from ..corpus import seed
from ..docx.foreign import libreoffice


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    require_client("soffice")
    folder = tmp_path_factory.mktemp("legacy")
    docx = api.write_bytes(api.read(seed("002")).document, "docx")
    return {"docx": docx, "doc": libreoffice(docx, folder, "doc"), "wps": libreoffice(docx, folder, "wps")}


def _read(data: bytes, name: str) -> api.ReadResult:
    return api.read(data, name=name)


def test_doc_and_wps_read_to_the_docx_document(made: dict[str, bytes]) -> None:
    expected = _read(made["docx"], "seed-002.docx").document
    for kind in ("doc", "wps"):
        assert made[kind].startswith(b"\xd0\xcf\x11\xe0")
        assert "WordDocument" in CompoundFile(made[kind], kind).names()
        result = _read(made[kind], f"seed-002.{kind}")
        assert result.document == expected, kind
        assert "LibreOffice" in result.info["converted"]
    # detected by content too: no extension at all
    assert _read(made["doc"], "seed-002").document == expected


def test_ooxml_saved_as_wps_is_read_as_docx(made: dict[str, bytes]) -> None:
    result = _read(made["docx"], "seed-002.wps")
    assert result.document == _read(made["docx"], "x.docx").document
    assert api.read(made["docx"], "wps", name="x.wps").info["container"] == "OOXML saved as .wps"


def _encrypted(doc: bytes) -> bytes:
    """The same .doc with the FIB's fEncrypted flag set, as Word marks a password-protected file."""
    ole = CompoundFile(doc, "x")
    entry = next(e for e in ole.entries if e.name == "WordDocument")
    offset = (entry.start + 1) * ole.sector + 0x0A  # the stream starts in its first sector
    (flags,) = struct.unpack_from("<H", doc, offset)
    return doc[:offset] + struct.pack("<H", flags | 0x0100) + doc[offset + 2:]


def test_encrypted_doc_is_refused_before_libreoffice(made: dict[str, bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    locked = _encrypted(made["doc"])
    monkeypatch.setattr(office, "convert", lambda *a, **k: pytest.fail("LibreOffice must not be run"))
    with pytest.raises(InputError, match="encrypted") as caught:
        _read(locked, "locked.doc")
    assert caught.value.exit_code == 2 and caught.value.file == "locked.doc"


def test_damaged_ole2_is_a_clear_input_error(made: dict[str, bytes]) -> None:
    cut = made["doc"][:1024]
    with pytest.raises(InputError, match=r"OLE2|damaged|truncated"):
        _read(cut, "cut.doc")


def test_write_doc_reads_back_as_the_docx_would(made: dict[str, bytes], tmp_path: Path) -> None:
    doc = _read(made["docx"], "x.docx").document
    data = api.write_bytes(doc, "doc")
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    writer = api.get_registry().writer("doc")
    assert _read(data, "back.doc").document == writer.expected(doc)


def test_missing_libreoffice_says_what_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("RECTIFY_SOFFICE", raising=False)
    with pytest.raises(InputError, match="libreoffice-writer-nogui") as caught:
        office.soffice()
    assert caught.value.exit_code == 2


@pytest.fixture
def office_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Conversions through one long-lived LibreOffice (unoserver under the system Python)."""
    from rectify_legacy import server

    if server.uno_python() is None or importlib.util.find_spec("unoserver") is None:
        message = "the batch server needs python3-uno (apt) and unoserver (pip install -e '.[test]')"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    monkeypatch.setenv("RECTIFY_SOFFICE_SERVER", "always")
    running = server.start(office.soffice())
    assert running is not None, server.unavailable()
    yield running
    server.stop()
    assert server.running() is None
    assert server.alive(running.process.pid) == []  # the whole group is gone: unoserver and LibreOffice


def test_a_batch_goes_through_one_long_lived_libreoffice(made: dict[str, bytes], office_server: object) -> None:
    from rectify_legacy import server

    expected = _read(made["docx"], "seed-002.docx").document
    for kind in ("doc", "wps", "doc"):
        assert _read(made[kind], f"batch.{kind}").document == expected
    assert server.running() is office_server  # the same server for every file
    assert _read(api.write_bytes(expected, "doc"), "back.doc").document == expected


def test_a_conversion_that_overruns_stops_the_server(made: dict[str, bytes], office_server: object) -> None:
    from rectify_legacy import server

    with pytest.raises(SecurityError, match="did not finish"):
        office.convert(made["doc"], "doc", "docx", "slow.doc", timeout=0.001)
    assert server.running() is None  # its state was unknown: the next file starts a fresh one


def test_a_cli_batch_shares_one_server_and_leaves_nothing_running(made: dict[str, bytes], tmp_path: Path) -> None:
    """``rectify convert *.doc`` runs each file in a fresh worker process: the first file is a single
    soffice run, the second starts the batch's server, later ones use it — so LibreOffice is started
    twice for four files — and a watchdog stops the server when the command ends."""
    import shutil
    import subprocess
    import sys
    import tempfile
    import time

    from rectify_legacy import server

    if server.uno_python() is None or importlib.util.find_spec("unoserver") is None:
        message = "the batch server needs python3-uno (apt) and unoserver (pip install -e '.[test]')"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    calls = tmp_path / "calls"
    wrapper = tmp_path / "soffice"
    wrapper.write_text(f'#!/bin/sh\necho started >> "{calls}"\nexec "{shutil.which("soffice")}" "$@"\n')
    wrapper.chmod(0o755)
    inputs = []
    for i, kind in enumerate(("doc", "wps", "doc", "doc")):
        path = tmp_path / f"n{i}.{kind}"
        path.write_bytes(made[kind])
        inputs.append(str(path))
    env = {**os.environ, "RECTIFY_SOFFICE_SERVER": "auto", "RECTIFY_SOFFICE": str(wrapper)}
    with subprocess.Popen([sys.executable, "-m", "rectify_core", "convert", *inputs, "--to", "json", "-o",
                           str(tmp_path / "out") + "/", "--jobs", "1"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as cli:
        _, err = cli.communicate(timeout=600)
    assert cli.returncode == 0, err
    expected = api.write_bytes(_read(made["docx"], "x.docx").document, "json")
    assert [(tmp_path / "out" / f"n{i}.json").read_bytes() == expected for i in range(4)] == [True] * 4
    assert calls.read_text().split() == ["started", "started"]  # one single run, one server
    folder = Path(tempfile.gettempdir()) / f"rectify-uno-{os.getuid()}-{cli.pid}"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and folder.exists():
        time.sleep(0.2)
    assert not folder.exists()  # the watchdog stopped the server and removed its files
