"""Read Word 97–2003 .doc and WPS .wps files, and write .doc, through LibreOffice and the docx plugin.

These binary formats are converted to docx by LibreOffice (``office``), then read by the docx
reader, so every docx rule (styles, numbering, headers as furniture, hidden text) applies to them
too.  Before LibreOffice sees a file, its OLE2 directory is read (``ole2``): an encrypted file is
refused with that reason, a spreadsheet or presentation is named as such.  A .wps that Kingsoft
saved as OOXML (a docx under another name) goes to the docx reader directly.
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import (
    OLE2_MAGIC,
    Document,
    Extracted,
    InputError,
    Option,
    Reader,
    Report,
    Source,
    Writer,
    get_registry,
)

from .office import DEFAULT_TIMEOUT

_OTHER_OFFICE = {"Workbook": "an Excel workbook", "Book": "an Excel workbook",
                 "PowerPoint Document": "a PowerPoint presentation"}


def examine(data: bytes, name: str) -> str:
    """What LibreOffice is about to be given: ``word`` (Word/Kingsoft binary) or ``works``
    (Microsoft Works .wps); an error for encrypted or non-text OLE2 files."""
    from .ole2 import CompoundFile, word_encrypted

    try:
        ole = CompoundFile(data, name)
    except InputError as exc:
        raise InputError(f"not a readable .doc or .wps: {exc.reason}", file=name) from None
    streams = ole.names()
    if {"EncryptionInfo", "EncryptedPackage"} & streams:
        raise InputError("the document is encrypted with a password; save an unencrypted copy first "
                         "(rectify does not take passwords)", file=name)
    if "WordDocument" in streams:
        if word_encrypted(ole.read("WordDocument", 64)):
            raise InputError("the .doc is encrypted with a password; save an unencrypted copy first "
                             "(rectify does not take passwords)", file=name)
        return "word"
    if "CONTENTS" in streams:
        return "works"
    for stream, what in _OTHER_OFFICE.items():
        if stream in streams:
            raise InputError(f"this is {what}, not a word-processing document", file=name)
    raise InputError("an OLE2 file without a WordDocument stream: not a .doc or .wps", file=name)


def to_docx(source: Source, suffix: str, timeout: float) -> bytes:
    from .office import convert

    examine(source.data, source.name)
    return convert(source.data, suffix, "docx", source.name, timeout=timeout)


_SOFFICE_TIMEOUT = Option("soffice_timeout", "float", DEFAULT_TIMEOUT,
                          "seconds LibreOffice may take to convert the file", "LibreOffice 转换文件的最长秒数")


class _LegacyReader(Reader):
    suffix = "doc"
    sniff_needs = (OLE2_MAGIC,)
    options = (_SOFFICE_TIMEOUT,)

    def sniff(self, head: bytes, filename: str | None) -> float:
        if not head.startswith(OLE2_MAGIC):
            return 0.0
        named = bool(filename) and str(filename).lower().endswith("." + self.suffix)
        return 0.9 if named else 0.6  # the directory is read in read(): the head rarely holds it

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Extracted:
        docx = get_registry().reader("docx")
        if source.data.startswith(b"PK"):  # OOXML under a .wps/.doc name: it is a docx
            report.info["container"] = f"OOXML saved as .{self.suffix}"
            return docx.read(source, options, report)
        # LibreOffice gets what is left of the read's time budget, and never more than its own limit
        timeout = min(float(options.get("soffice_timeout", DEFAULT_TIMEOUT)), report.budget.remaining_seconds)
        converted = to_docx(source, self.suffix, timeout)
        report.budget.charge("inflated", len(converted))
        report.info["converted"] = f"{self.name} → docx by LibreOffice"
        return docx.read(Source(converted, source.name), options, report)


    def check_layout(self, source: Source, options: dict[str, Any]) -> list[Any] | None:
        """``rectify check``: the docx LibreOffice makes of the file, measured by the docx checker
        (LibreOffice keeps page setup, styles, fonts and footers as the .doc/.wps has them)."""
        docx = get_registry().reader("docx")
        timeout = float(options.get("soffice_timeout", DEFAULT_TIMEOUT))
        data = source.data if source.data.startswith(b"PK") else to_docx(source, self.suffix, timeout)
        return docx.check_layout(Source(data, source.name), options)


class DocReader(_LegacyReader):
    name = "doc"
    suffix = "doc"
    extensions = ("doc",)
    media_types = ("application/msword",)
    description = "Word 97–2003 documents, converted by LibreOffice and read as docx"


class WpsReader(_LegacyReader):
    name = "wps"
    suffix = "wps"
    extensions = ("wps",)
    media_types = ("application/vnd.ms-works", "application/kswps")
    description = "WPS (Kingsoft) and Works .wps documents, converted by LibreOffice and read as docx"


class DocWriter(Writer):
    """The docx writer's GB/T 9704 document, saved as Word 97 by LibreOffice (portals that take
    only .doc).  It reads back as the docx does: ``expected`` is the docx writer's."""

    name = "doc"
    extension = "doc"
    media_type = "application/msword"
    description = "Word 97–2003 document: the GB/T 9704 docx, converted by LibreOffice"
    lossless = True

    @property  # type: ignore[override]
    def options(self) -> tuple[Option, ...]:
        """The docx writer's options (they reach it unchanged) and LibreOffice's time limit."""
        return (*get_registry().writer("docx").options, _SOFFICE_TIMEOUT)

    def write(self, document: Document, sink: Any, options: dict[str, Any]) -> None:
        import io

        from .office import DEFAULT_TIMEOUT, convert

        buffer = io.BytesIO()
        get_registry().writer("docx").write(document, buffer, options)
        timeout = float(options.get("soffice_timeout", DEFAULT_TIMEOUT))
        sink.write(convert(buffer.getvalue(), "docx", "doc:MS Word 97", "<doc writer>", timeout=timeout))

    def expected(self, document: Document) -> Document:
        writer: Writer = get_registry().writer("docx")
        return writer.expected(document)


__all__ = ["DocReader", "DocWriter", "WpsReader", "examine", "to_docx"]
