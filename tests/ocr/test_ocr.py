"""Scanned notices read offline by OCR (issue 15): scans generated here from our own PDFs (rotated,
noisy, JPEG-compressed, red seal over the text) read to the same notice as the text layer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from rectify_core import api, hookimpl
from rectify_core.errors import InputError
from rectify_core.model import Document
from rectify_core.ocr import OcrLine, clean_page, page_text, skew_angle
from rectify_core.plugins import build_registry
from rectify_core.punctuation import normalize_text
from rectify_core.reading import new_report
from tests.clients import in_ci
from tests.corpus import seed

from .scans import first_pages, png, render, scan_of, scanned

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "shili-zhen.json"


def require_ocr() -> None:
    import importlib.util

    if importlib.util.find_spec("rapidocr") is None or importlib.util.find_spec("onnxruntime") is None:
        message = "the ocr extra is not installed: pip install -e '.[ocr]' (.ci/run installs it)"
        if in_ci():
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)


def han(doc: Document) -> str:
    return "".join(re.findall(r"[\u4e00-\u9fff]", api.write_bytes(doc, "txt").decode("utf-8")))


def cer(reference: str, read: str) -> float:
    matcher = SequenceMatcher(None, reference, read, autojunk=False)
    errors = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal")
    return errors / max(1, len(reference))


@pytest.fixture(scope="module")
def seed_pages() -> tuple[bytes, bytes]:
    """Seed 002's first two pages as a text PDF and as a sealed, rotated, noisy scan of them."""
    require_ocr()
    pdf = api.write_bytes(api.read(seed("002")).document, "pdf")
    two = first_pages(pdf, 2)
    return two, scan_of(two, 2)


@pytest.fixture(scope="module")
def readings(seed_pages):
    two, scan = seed_pages
    return api.read(two, name="text.pdf"), api.read(scan, name="scan.pdf")


def test_a_scanned_pdf_reads_like_its_text_layer(readings):
    text, scan = readings
    a, b = api.inspect(text), api.inspect(scan)
    for key in ("title", "inspection", "problems", "sections", "statuses"):
        assert b[key] == a[key], key
    assert cer(han(text.document), han(scan.document)) <= 0.01
    assert scan.info["ocr"]["engine"] == "rapidocr" and scan.info["ocr"]["pages"] == [1, 2]


def test_the_seal_neither_hides_text_nor_becomes_text(readings):
    text, scan = readings
    assert "★" not in api.write_bytes(scan.document, "txt").decode("utf-8")
    # the seal sits over the 政务公开 list and the preamble: both are read in full
    def fields(doc: Document) -> list[tuple[str, str | None, str | None]]:  # a spaced-out label is one OCR word
        return [("".join((f.label or "").split()), f.key, f.value) for f in doc.disclosure]

    assert fields(scan.document) == fields(text.document)
    # seed 002 types half-width commas; on paper the widths cannot be told apart and OCR sets them
    # full width between Chinese characters (counted in info), so compare as GB/T 15834 sets them
    assert [normalize_text(p)[0] for p in scan.document.preamble] == \
        [normalize_text(p)[0] for p in text.document.preamble]
    assert scan.info["ocr_full_width_marks"] > 0


def test_a_png_page_reads(tmp_path):
    require_ocr()
    doc = Document.from_dict(json.loads(EXAMPLE.read_text("utf-8")))
    page = render(api.write_bytes(doc, "pdf"), [0])[0]
    result = api.read(png(scanned(page, angle=-1.2, seal=False)), name="page.png")
    assert result.document.title == doc.title
    assert result.info["ocr"]["pages"] == [1]


def test_a_mixed_pdf_is_read_page_by_page(seed_pages):
    """Page 1 keeps its text layer, page 2 is a scan: both are read, only page 2 by OCR."""
    import io

    import pypdfium2 as pdfium

    two, scan = seed_pages
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(two), [0])
    out.import_pages(pdfium.PdfDocument(scan), [1])
    buf = io.BytesIO()
    out.save(buf)
    mixed = api.read(buf.getvalue(), name="mixed.pdf")
    assert mixed.info["ocr"]["pages"] == [2]
    assert cer(han(api.read(two).document), han(mixed.document)) <= 0.01


def test_without_an_engine_a_scan_is_exit_2_naming_the_extra(tmp_path):
    pdf = api.write_bytes(Document.from_dict(json.loads(EXAMPLE.read_text("utf-8"))), "pdf")
    try:
        scan = scan_of(pdf, 1, seal=False)
    except ImportError:  # cv2/numpy come with the ocr extra; without them there is no engine either
        pytest.skip("image tools of the ocr extra are not installed")
    path = tmp_path / "scan.pdf"
    path.write_bytes(scan)
    proc = subprocess.run([sys.executable, "-m", "rectify_core", "inspect", str(path)], capture_output=True,
                          text=True, env={**os.environ, "RECTIFY_DISABLE_PLUGINS": "ocr"}, cwd=ROOT)
    assert proc.returncode == 2, proc.stderr
    assert "rectify[ocr]" in proc.stderr and "Traceback" not in proc.stderr


# ------------------------------------------------------------------ the pieces, without a real engine

def test_a_small_rotation_is_measured():
    require_ocr()
    page = render(api.write_bytes(Document.from_dict(json.loads(EXAMPLE.read_text("utf-8"))), "pdf"), [0])[0]
    import cv2

    grey = cv2.cvtColor(page[:, :, :3], cv2.COLOR_RGB2GRAY)
    h, w = grey.shape
    turned = cv2.warpAffine(grey, cv2.getRotationMatrix2D((w / 2, h / 2), 1.5, 1.0), (w, h), borderValue=255)
    assert abs(skew_angle(turned) + 1.5) <= 0.25


def test_seal_red_turns_to_paper_and_black_under_it_stays():
    require_ocr()
    import numpy as np

    page = np.full((400, 400, 3), 255, np.uint8)
    page[100:110, 50:350] = 0           # a black rule of text
    page[50:300, 200:210] = (215, 35, 35)  # seal red across it
    grey = clean_page(page)
    assert grey[150, 205] == 255          # red only: paper
    assert grey[105, 100] < 50            # black text stays black


def test_low_confidence_lines_are_findings_with_page_and_line():
    report = new_report("scan.pdf")
    lines = [OcrLine("整改工作基本情况", 200, 300, 700, 344, 0.99),
             OcrLine("区委巡察组反馈意见", 200, 400, 760, 444, 0.42)]
    page = page_text(lines, 3, 1654, 2339, 200, report)
    assert [line.text for line in page.lines] == ["整改工作基本情况", "区委巡察组反馈意见"]
    (finding,) = report.findings
    assert finding.rule == "ocr.low-confidence" and finding.location.page == 3 and finding.location.line == 2
    assert "42%" in finding.message_en


def test_rectify_register_ocr_engines_plugs_in_another_engine(monkeypatch):
    """A third-party engine registered by the hook reads a page image through the same path."""
    require_ocr()

    class Fixed:
        name = "fixed"

        def recognize(self, image):
            return [OcrLine("示例镇党委关于巡察整改进展情况的通报", 150, 300, 1500, 360, 0.97)]

    class Plugin:
        @hookimpl
        def rectify_register_ocr_engines(self, register):
            register(Fixed())

    reg = build_registry(extra_plugins=[("fixed-ocr", Plugin())])
    assert list(reg.ocr_engines)[-1] == "fixed" and reg.owner[id(reg.ocr_engines["fixed"])] == "fixed-ocr"
    import numpy as np

    import rectify_core.plugins as plugins
    from rectify_core import ocr

    monkeypatch.setattr(plugins, "_registry", reg)
    pages = ocr.read_images([(1, np.full((2339, 1654), 255, np.uint8), 200.0)], new_report("page.png"), "fixed")
    assert pages[0].lines[0].text == "示例镇党委关于巡察整改进展情况的通报"
    with pytest.raises(InputError, match="no OCR engine 'nope'"):
        ocr.engine("nope")
