"""Open a docx as hostile input: the generic zip and XML checks of ``rectify_core.zip_package``,
after the one check only a docx needs — a Word 97 .doc (OLE2) handed to the docx reader."""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import OLE2_MAGIC, InputError, Package, check_member_name, open_zip, parse_xml

from .read_strict import is_strict, to_transitional


class DocxPackage(Package):
    """A docx's parts; a Strict OOXML part is parsed with the Transitional names (read_strict.py)."""

    strict = False  # a part used Strict OOXML names

    def xml(self, name: str) -> Any:
        data = self.read(name)
        if is_strict(data):
            self.strict = True
            data = to_transitional(data)
        return parse_xml(data, name, self.source)


def open_package(data: bytes, source: str) -> DocxPackage:
    if data.startswith(OLE2_MAGIC):
        raise InputError("this is a Word 97–2003 .doc (or an encrypted document), not a .docx; "
                         "read it as .doc (--from doc, needs LibreOffice) or save it as .docx", file=source)
    package = open_zip(data, source, "a .docx", DocxPackage)
    assert isinstance(package, DocxPackage)
    return package


__all__ = ["DocxPackage", "Package", "check_member_name", "open_package", "parse_xml"]
