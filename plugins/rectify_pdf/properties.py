"""The 政务公开 list in a PDF's document information dictionary (what a PDF reader's properties
dialog shows), written by the PDF writer and read back by the reader (rectify_core.metadata).

One Info entry per field, named by its label (UTF-8, #-escaped as PDF names are), and one index
entry ``RectifyDisclosure`` holding the JSON list of those names in order: the Info dictionary is
unordered and pdfium can only look entries up by name.  The index repeats no content.
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import metadata

INDEX = metadata.INDEX


def install_info(canvas: Any, pairs: list[tuple[str, str]], author: str) -> None:
    """Give ``canvas`` an Info dictionary with the standard entries and the 政务公开 fields."""
    from collections import OrderedDict

    from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFString

    class Info(PDFInfo):  # type: ignore[misc]
        def format(self, document: Any) -> bytes:
            base = super().format(document)
            if not pairs:
                return bytes(base)
            entries: OrderedDict[str, Any] = OrderedDict()
            for name, value in pairs:
                # PDFName escapes each character by its code point; a name's bytes are UTF-8
                entries[name.encode("utf-8").decode("latin-1")] = PDFString(value)
            entries[INDEX] = PDFString(metadata.index_value(pairs))
            extra = PDFDictionary(entries).format(document)
            return bytes(base[:-2].rstrip() + b"\n " + extra[3:])  # one dictionary: << base … extra >>

    old = canvas._doc.info
    info = Info()
    info.__dict__.update(old.__dict__)
    canvas._doc.info = info
    canvas.setAuthor(author)


def read_info(data: bytes) -> list[tuple[str, str]]:
    """(name, value) of the 政务公开 fields a rectify PDF stores, in order; [] for any other PDF."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return []

    def meta(tag: str) -> str:
        key = tag.encode("utf-8")
        size = raw.FPDF_GetMetaText(pdf.raw, key, None, 0)
        if size <= 2:
            return ""
        buf = ctypes.create_string_buffer(size)
        raw.FPDF_GetMetaText(pdf.raw, key, buf, size)
        return buf.raw[: size - 2].decode("utf-16-le", errors="replace")

    index = meta(INDEX)
    if not index:
        return []
    names = [name for name, _ in metadata.indexed(index, {})]
    return [(name, meta(name)) for name in names]


__all__ = ["INDEX", "install_info", "read_info"]
