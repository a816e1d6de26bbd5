"""The plugin API: the one module a format plugin imports from rectify.

Everything a reader or writer needs is named here, and the built-in plugins import nothing else
from ``rectify_core`` (``tests/core/test_plugin_api.py`` checks it), so the modules behind these
names can be reorganised without breaking a plugin.  Names are grouped by what they are for:

**Hooks** — ``hookimpl`` marks a hook implementation (see :mod:`rectify_core.hookspecs`).

**Formats** — ``Reader`` and ``Writer`` to subclass; ``Source`` (bytes + display name) is what a
reader gets; a reader returns a ``Document`` (structured formats), ``Shown(document)`` (a
Document rebuilt from the visible text of our own files: the core derives inspection facts,
statistics and contacts from that text) or a list of ``Block`` (text with layout hints, which the
core hands to the recognizer; ``row_block`` makes the Block of a table row from its cells).
``Report`` is where a reader puts findings, removed furniture, ``info`` and where it finds its
work ``budget`` (``report.budget.charge("elements", n)``).

**Model** — the frozen dataclasses of the 通报 (``Document``, ``Node``, ``Problem`` …), mirroring
``schemas/tongbao.schema.json``.

**Visible formats** — ``flatten``/``unflatten`` (the Document as visible paragraphs with roles and
spans), ``Para``, ``Span``, ``VisibleWriter`` (a writer whose round trip is ``expected_visible``).

**Fixed-layout pages** (PDF, OFD, OCR) — a reader places ``Glyph``s on pages; ``build_lines``
makes ``TextLine``s of a ``PageText``, and ``lay_out`` runs the shared furniture → table rows →
paragraphs stage and returns the Blocks.

**Packages and other formats** — ``open_zip``/``Package``/``parse_xml``/``check_member_name``: a
zip container opened as hostile input (member caps, ratios, names, XML without DTDs); ``zip_bytes``
writes a package that is the same bytes every time;
``get_registry()`` finds another format's reader or writer (the .doc reader hands LibreOffice's
docx to the docx reader).

**Vocabulary** — the genre's knowledge: the package ``vocab`` (``vocab.markers``, ``vocab.status``,
``vocab.dates``, ``vocab.disclosure``, ``vocab.furniture``, ``vocab.tables``; each loads on first
use) and, as functions, ``key_for_label`` (政务公开 labels), ``parse_status_text`` (status
phrases), ``split_marker`` (一、（一）1. …), ``to_chinese`` and ``to_circled`` (numerals).
Standard forms and facts: ``with_standard_forms`` and ``contact_line`` (what visible writers print
for what a Document leaves out), ``find_statistics`` (the stated figures), ``derive_facts`` (what
the core does with a ``Shown`` Document — for a writer's ``expected``).

**Start-up** — ``compiled`` (``re.compile``, the compiled code kept between runs) and ``dataclass``
(``dataclasses.dataclass``, its generated methods' code kept between runs): module-level patterns
and records a plugin defines cost its users nothing after the first run.

**Sniffing** — ``head_text`` (a file's first characters decoded from a BOM or UTF-16's zero
bytes, so a UTF-16 page sniffs as HTML) and ``structured_kind`` ("markup" / "json" / None).

Heavy names (the visible layer, the vocabulary, schema access) load on first use, so importing
this module to register a plugin stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import vocab
from .budget import Budget, Limits, current_budget, parse_pairs, size_text
from .errors import InputError, PluginError, RectifyError, SchemaError, SecurityError, UsageError
from .findings import Finding, Location, Severity
from .formats import Extracted, Reader, ReadResult, Removed, Shown, Source, Writer
from .model import (
    SCHEMA_NAME,
    SCHEMA_VERSION,
    Contact,
    Date,
    DisclosureField,
    Document,
    Inspection,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Statistics,
    Status,
    replace,
)
from .options import Option
from .patterns import compiled
from .recognize.blocks import Block, row_block
from .records import dataclass
from .report import Report

if TYPE_CHECKING:
    from . import hookimpl, metadata, ocr
    from .fixed_layout import Glyph, PageText, TextLine, build_lines, is_latin, lay_out
    from .normalize import with_standard_forms
    from .numerals import to_chinese, to_circled
    from .ocr import OcrEngine, OcrLine
    from .plugins import get_registry
    from .recognize.facts import derive_facts
    from .recognize.pipeline import recognize
    from .recognize.statistics import find_statistics
    from .schema import XSD_FILE, check_version, schema_text, validate_dict
    from .sniffing import OLE2_MAGIC, head_encoding, head_text, structured_kind
    from .typeset import fonts as typefaces
    from .typeset import layout as typesetting
    from .typeset import page as page_points
    from .visible import Para, Span, VisibleWriter, expected_visible, flatten, unflatten
    from .vocab.contacts import contact_line
    from .vocab.disclosure import key_for_label
    from .vocab.markers import split_marker
    from .vocab.status import parse_status_text
    from .workers import release_limits
    from .zip_package import Package, check_member_name, open_zip, parse_xml
    from .zip_write import zip_bytes

_LAZY = {
    "Para": "visible", "Span": "visible", "VisibleWriter": "visible", "expected_visible": "visible",
    "flatten": "visible", "unflatten": "visible",
    "XSD_FILE": "schema", "check_version": "schema", "schema_text": "schema", "validate_dict": "schema",
    "key_for_label": "vocab.disclosure", "parse_status_text": "vocab.status",
    "split_marker": "vocab.markers", "to_chinese": "numerals", "to_circled": "numerals",
    "recognize": "recognize.pipeline",
    "Glyph": "fixed_layout", "PageText": "fixed_layout", "TextLine": "fixed_layout", "build_lines": "fixed_layout",
    "OcrLine": "ocr", "OcrEngine": "ocr",
    "is_latin": "fixed_layout", "lay_out": "fixed_layout",
    "Package": "zip_package", "check_member_name": "zip_package", "open_zip": "zip_package",
    "parse_xml": "zip_package", "zip_bytes": "zip_write", "get_registry": "plugins", "release_limits": "workers",
    "OLE2_MAGIC": "sniffing", "head_encoding": "sniffing", "head_text": "sniffing", "structured_kind": "sniffing",
    "with_standard_forms": "normalize", "contact_line": "vocab.contacts",
    "find_statistics": "recognize.statistics", "derive_facts": "recognize.facts",
}


# Modules exported whole: the GB/T 9704 figures (cheap, loaded now) and the typesetting core of the
# fixed-layout writers (page in points, role faces, layout), loaded on first use.
from . import gbt9704  # noqa: E402

_LAZY_MODULES = {"ocr": "ocr", "page_points": "typeset.page", "typefaces": "typeset.fonts",
                 "typesetting": "typeset.layout", "metadata": "metadata"}


def __getattr__(name: str) -> Any:
    if name == "hookimpl":  # pluggy's marker, made on first use: a reader or writer module never needs it
        from . import hookimpl

        return hookimpl
    if name in _LAZY_MODULES:
        from importlib import import_module

        return import_module(f"rectify_core.{_LAZY_MODULES[name]}")
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"rectify_core.plugin_api has no {name!r}")
    from importlib import import_module

    return getattr(import_module(f"rectify_core.{module}"), name)


__all__ = [
    "OLE2_MAGIC",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "XSD_FILE",
    "Block",
    "Budget",
    "Contact",
    "Date",
    "DisclosureField",
    "Document",
    "Extracted",
    "Finding",
    "Glyph",
    "InputError",
    "Inspection",
    "Limits",
    "Location",
    "Marker",
    "Node",
    "OcrEngine",
    "OcrLine",
    "Option",
    "Package",
    "PageText",
    "Para",
    "PluginError",
    "Problem",
    "ReadResult",
    "Reader",
    "Rectification",
    "RectifyError",
    "Removed",
    "Report",
    "SchemaError",
    "SecurityError",
    "Severity",
    "Shown",
    "Signature",
    "Source",
    "Span",
    "Statistics",
    "Status",
    "TextLine",
    "UsageError",
    "VisibleWriter",
    "Writer",
    "build_lines",
    "check_member_name",
    "check_version",
    "compiled",
    "contact_line",
    "current_budget",
    "dataclass",
    "derive_facts",
    "expected_visible",
    "find_statistics",
    "flatten",
    "gbt9704",
    "get_registry",
    "head_encoding",
    "head_text",
    "hookimpl",
    "is_latin",
    "key_for_label",
    "lay_out",
    "metadata",
    "ocr",
    "open_zip",
    "page_points",
    "parse_pairs",
    "parse_status_text",
    "parse_xml",
    "recognize",
    "release_limits",
    "replace",
    "row_block",
    "schema_text",
    "size_text",
    "split_marker",
    "structured_kind",
    "to_chinese",
    "to_circled",
    "typefaces",
    "typesetting",
    "unflatten",
    "validate_dict",
    "vocab",
    "with_standard_forms",
    "zip_bytes",
]
