"""Every built-in format passes the conformance kit that third-party plugins use."""

from __future__ import annotations

from rectify_core.testing.suite import FormatConformance

from .txt.strategies import txt_documents


class TestJson(FormatConformance):
    format = "json"


class TestXml(FormatConformance):
    format = "xml"


class TestDocx(FormatConformance):
    format = "docx"


class TestHtml(FormatConformance):
    format = "html"


class TestTxt(FormatConformance):
    format = "txt"
    # txt is lossy: it round-trips documents whose text shows what each part is (docs/recognizer.md)
    strategy = txt_documents()


class TestPdf(FormatConformance):
    format = "pdf"
    # pdf is lossy like txt; arbitrary generated text is covered in tests/pdf/test_conformance.py
    strategy = txt_documents()
