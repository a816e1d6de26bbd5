"""The 政务公开 list as document properties: where docx, PDF and OFD keep a publication's metadata.

A portal's 索引号/发布机构/成文日期… block describes the publication; it is not part of the GB/T 9704
page.  So the fixed-layout and Word writers put it where each format keeps document metadata —
docx custom document properties (docProps/custom.xml), PDF Info and XMP, OFD ``CustomDatas`` —
which Word, WPS and PDF/OFD readers show in their properties dialogs, and their readers read it back
from there.  The option ``disclosure=cover`` prints it visibly above the title as well, for portals
that want it on the page.  Standard properties are visible content (a properties dialog shows
them); this is not a hidden copy of the model (docs/design.md).

One property per field, in document order: the name is the field's label as printed (``索引号``);
a field shown without a label (a bare value the recognizer placed by its shape) is named
``key:<key>`` so it reads back as the same bare value.  A label used twice gets `` (2)``, ``(3)``…
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, cast

from .model import DisclosureField, DisclosureKey, Document
from .options import Option

COVER = "cover"
BARE_PREFIX = "key:"
# Formats whose properties are unordered or looked up by name (PDF Info, docx custom properties)
# also store this index: the JSON list of the field names in order.  It repeats no content, and it
# tells our fields from any other custom property a file may carry.
INDEX = "RectifyDisclosure"


def index_value(pairs: Iterable[tuple[str, str]]) -> str:
    """``json.dumps(names, ensure_ascii=False)``, written with the json package's C string encoder
    alone: importing the package (decoder, scanner, encoder) cost a docx conversion ~1 ms."""
    try:
        from _json import encode_basestring  # CPython's; the same function json.encoder uses
    except ImportError:
        from json.encoder import encode_basestring
    return "[" + ", ".join(encode_basestring(name) for name, _ in pairs) + "]"


def indexed(index: str | None, lookup: Mapping[str, str]) -> list[tuple[str, str]]:
    """(name, value) in the order the index gives, values from ``lookup``; [] without a valid index."""
    import json

    try:
        names = json.loads(index or "[]")
    except ValueError:
        return []
    if not isinstance(names, list):
        return []
    return [(n, lookup.get(n, "")) for n in names[:500] if isinstance(n, str)]


# the -O key of the docx, PDF and OFD writers
DISCLOSURE_OPTION = Option("disclosure", "str", None,
                           "where the 政务公开 list goes: 'properties' (document properties; default) or 'cover' "
                           "(printed above the title)",
                           "政务公开信息的位置：properties（文档属性，默认）或 cover（印在标题之上）")


def disclosure_on_cover(options: Mapping[str, Any]) -> bool:
    """Whether ``-O disclosure=cover`` asks for the list printed on the page as well."""
    value = options.get("disclosure")
    if value in (None, "", "properties"):
        return False
    if value == COVER:
        return True
    from .errors import UsageError

    raise UsageError(f"disclosure={value!r}: use 'properties' (the default) or 'cover'")


def disclosure_properties(doc: Document) -> list[tuple[str, str]]:
    """(name, value) per 政务公开 field, in order (see the module docstring), as the visible
    formats show them (``with_standard_forms``: a field known only by its key shows its standard label)."""
    from .normalize import with_standard_forms

    out: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    for f in with_standard_forms(doc).disclosure:
        if f.label:
            name = f.label
        elif f.key:
            name = BARE_PREFIX + f.key
        else:
            continue
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name} ({seen[name]})"
        out.append((name, f.value or ""))
    return out


def disclosure_from_properties(pairs: Iterable[tuple[str, str]]) -> tuple[DisclosureField, ...]:
    """The fields ``disclosure_properties`` wrote, from (name, value) pairs read back in order."""
    import re

    fields = []
    for name, value in pairs:
        name = re.sub(r" \(\d+\)$", "", name)
        if name.startswith(BARE_PREFIX):
            fields.append(DisclosureField(key=cast(DisclosureKey, name[len(BARE_PREFIX):]), value=value or None))
        else:
            fields.append(DisclosureField(label=name, value=value or None))
    return tuple(fields)


def disclosure_lines(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """The fields as the lines a reader of visible text gives the recognizer: ``标签：值``, or the
    bare value — what a reader of a fixed-layout file puts before the page's first line."""
    import re

    lines = []
    for name, value in pairs:
        name = re.sub(r" \(\d+\)$", "", name)
        lines.append(value if name.startswith(BARE_PREFIX) else f"{name}：{value}")
    return [line for line in lines if line.strip()]


__all__ = [
    "COVER",
    "INDEX",
    "disclosure_from_properties",
    "disclosure_lines",
    "disclosure_on_cover",
    "disclosure_properties",
    "index_value",
    "indexed",
]
