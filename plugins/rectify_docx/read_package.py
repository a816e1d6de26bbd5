"""Open a docx as hostile input: the generic zip and XML checks of ``rectify_core.zip_package``,
after the one check only a docx needs — a Word 97 .doc (OLE2) handed to the docx reader."""

from __future__ import annotations

from rectify_core.plugin_api import InputError, Package, check_member_name, open_zip, parse_xml

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_package(data: bytes, source: str) -> Package:
    if data.startswith(OLE_MAGIC):
        raise InputError("this is a Word 97–2003 .doc (or an encrypted document), not a .docx; "
                         "read it as .doc (--from doc, needs LibreOffice) or save it as .docx", file=source)
    return open_zip(data, source, "a .docx")


__all__ = ["OLE_MAGIC", "Package", "check_member_name", "open_package", "parse_xml"]
