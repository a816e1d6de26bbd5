"""Read tongbao XML: refuse hostile input before lxml sees it, validate against the XSD, map.

Order of the checks, cheapest and most protective first:

1. size cap (16 MiB), before any parsing — a 200 MB file costs a ``len()``;
2. any DOCTYPE is refused outright (SecurityError): the format never needs one, and refusing it
   closes billion-laughs, external entities (XXE) and DTD fetches in one rule, whatever the
   parser's own defences;
3. strict UTF-8 (InputError with the byte offset) and no other declared encoding;
4. parse with entity resolution, DTD loading and network off, libxml2's depth/size limits on;
5. root element and version (another major version is a SchemaError, like the JSON reader's);
6. XSD validation (InputError naming the line), sections nested at most 100 deep, then the members are mapped by
   :data:`mapping.MEMBERS` — the same table the writer uses.
"""

from __future__ import annotations

import re
from typing import Any

from rectify_core.plugin_api import (
    SCHEMA_NAME,
    Document,
    InputError,
    Reader,
    Report,
    SecurityError,
    Source,
    compiled,
    head_text,
    structured_kind,
)

from .mapping import MEMBERS, NAMESPACE, ROOT
from .xsd import MAX_BYTES, MAX_NODE_DEPTH, first_error, safe_parser, xml_schema

_NS_PREFIX = "urn:rectify:tongbao:"
_DECL = compiled(rb"<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


_XML_SPACE = " \t\n\r"
MAX_INT_DIGITS = 30  # Python refuses more than 4300 digits anyway, with an error that is not about the file


def parse_scalar(text: str, scalar: str) -> Any:
    """Inverse of ``writer.format_scalar``; input is already XSD-valid.

    The numeric and boolean XSD types collapse white space (``total=" 5 "`` is valid), so the
    value is read the way the validator read it.
    """
    if scalar in ("bool", "int", "rate"):
        text = text.strip(_XML_SPACE)
    if scalar == "bool":
        return text == "true"
    if scalar in ("int", "rate") and len(text.lstrip("+-0")) > MAX_INT_DIGITS and not any(c in text for c in ".eE"):
        raise InputError(f"a number of {len(text.lstrip('+-0')):,} digits; a notice's numbers have at most "
                         f"{MAX_INT_DIGITS}")
    if scalar == "int":
        return int(text)
    if scalar == "rate":
        return float(text) if any(c in text for c in ".eE") else int(text)
    return text


def _prolog_doctype(data: bytes) -> bool:
    """True when a DOCTYPE declaration precedes the root element (the only place XML allows it)."""
    i, n = (3 if data.startswith(b"\xef\xbb\xbf") else 0), len(data)
    while i < n:
        while i < n and data[i] in b" \t\r\n":
            i += 1
        if data.startswith(b"<?", i):
            end = data.find(b"?>", i + 2)
        elif data.startswith(b"<!--", i):
            end = data.find(b"-->", i + 4)
        else:
            return data[i:i + 9].upper() == b"<!DOCTYPE"
        if end < 0:
            return False  # unterminated: the parser reports it
        i = end + 2 if data[end] == ord("?") else end + 3
    return False


def _check_bytes(data: bytes, name: str) -> None:
    if len(data) > MAX_BYTES:
        raise SecurityError(f"refused: the file is {len(data) / 2**20:.0f} MiB; XML input is limited to "
                            f"{MAX_BYTES // 2**20} MiB", file=name)
    if _prolog_doctype(data):
        raise SecurityError("refused: the file has a DOCTYPE declaration; tongbao XML never needs one and "
                            "DTDs can expand entities or fetch files (XXE)", file=name)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid UTF-8 at byte {exc.start} (XML input must be UTF-8)", file=name,
                         location=f"byte {exc.start}") from None
    decl = _DECL.match(data.lstrip(b"\xef\xbb\xbf"))
    if decl and decl.group(1).lower() not in (b"utf-8", b"utf8"):
        raise InputError(f"declares encoding {decl.group(1).decode('ascii')}; XML input must be UTF-8", file=name)


def _parse(data: bytes, name: str) -> Any:
    from lxml import etree

    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if exc.lineno else None
        message = exc.msg.split(" (<string>", 1)[0] if exc.msg else "not well-formed XML"
        message = re.sub(r", line \d+, column \d+$", "", message)  # the location says it
        message = message.replace(", use XML_PARSE_HUGE option", " (the nesting limit)")
        raise InputError(f"not well-formed XML: {message}", file=name,
                         location=f"line {line}" if line else None) from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.externalDTD is not None or info.doctype:
        raise SecurityError("refused: the file has a DOCTYPE declaration", file=name)
    return root


def _check_root(root: Any, name: str) -> str:
    from lxml import etree

    qname = etree.QName(root)
    if qname.localname != ROOT or not (qname.namespace or "").startswith(_NS_PREFIX):
        found = f"<{qname.localname}>" + (f" in namespace {qname.namespace}" if qname.namespace else "")
        raise InputError(f"not a tongbao XML file: the root element is {found}, expected "
                         f'<{ROOT} xmlns="{NAMESPACE}">', file=name, location=f"line {root.sourceline}")
    version = root.get("version")
    if qname.namespace != NAMESPACE:
        other = qname.namespace[len(_NS_PREFIX):]
        version = version if version and version.split(".")[0] == other else f"{other}.x"
    if version is not None:  # a missing one is left to the XSD, which names the line
        from rectify_core.plugin_api import check_version  # the schema module: json, jsonschema helpers

        check_version({"schema": SCHEMA_NAME, "version": version}, name)
    return str(version)


def _check_nesting(root: Any, name: str) -> None:
    """Refuse sections nested deeper than the format allows, before the recursive mapping."""
    body = root.find(_q("Body"))
    stack = [(s, 1) for s in body.iterchildren(_q("Section"))] if body is not None else []
    while stack:
        section, depth = stack.pop()
        if depth > MAX_NODE_DEPTH:
            raise InputError(f"sections nested more than {MAX_NODE_DEPTH} levels deep", file=name,
                             location=f"line {section.sourceline}")
        stack.extend((s, depth + 1) for s in section.iterchildren(_q("Section")))


def _text(el: Any) -> str:
    return str(el.xpath("string()"))


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _members(el: Any, def_name: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for m in MEMBERS[def_name]:
        if m.kind == "root":
            out[m.prop] = SCHEMA_NAME
        elif m.kind == "attr":
            holder = el.find(_q(m.owner)) if m.owner else el
            raw = holder.get(m.attribute) if holder is not None else None
            if raw is not None:
                out[m.prop] = parse_scalar(raw, m.ref)
        else:
            parent = el.find(_q(m.wrapper)) if m.wrapper else el
            if parent is None:
                continue
            found = parent.findall(_q(m.xml))
            if not found:
                continue
            if m.kind == "text":
                text = _text(found[0])
                out[m.prop] = text.strip(_XML_SPACE) if m.ref == "ISODate" else text  # xs:date collapses
            elif m.kind == "texts":
                out[m.prop] = [_text(c) for c in found]
            elif m.kind == "object":
                out[m.prop] = _members(found[0], m.ref)
            else:
                out[m.prop] = [_members(c, m.ref) for c in found]
    return out


class XmlReader(Reader):
    name = "xml"
    isolate = True  # libxml2 parses and validates in one call
    extensions = ("xml",)
    sniff_needs = (b"<",)  # a tag, in any encoding of ASCII
    media_types = ("application/xml", "text/xml")
    description = "XML valid against tongbao.xsd (lossless)"
    max_bytes = MAX_BYTES

    def sniff(self, head: bytes, filename: str | None) -> float:
        text = head_text(head)  # UTF-16 XML too
        if "<" not in text:
            return 0.0  # no tag: not XML, whatever it mentions (sniff_needs)
        if NAMESPACE in text:
            return 1.0
        if _NS_PREFIX in text:
            return 0.9  # another major version: still ours, so the reader can say so
        if text.startswith("<?xml"):
            return 0.5
        # other markup (no declaration): the XML reader says what it is, never the text reader
        return 0.3 if structured_kind(text) == "markup" else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Document:
        name = source.name
        _check_bytes(source.data, name)
        # libxml2 parses and validates in uninterruptible calls: bound the tree by its start tags first
        budget = report.budget
        budget.charge("elements", source.data.count(b"<") - source.data.count(b"</"))
        budget.charge("blocks", source.data.count(b"<Paragraph>") + source.data.count(b"<Paragraph "))
        root = _parse(source.data, name)
        version = _check_root(root, name)
        schema = xml_schema()
        if not schema.validate(root):
            line, message = first_error(schema)
            raise InputError(message, file=name, location=f"line {line}" if line else None)
        # No second pass through jsonschema: tests/xml prove the XSD admits no more than the JSON
        # Schema, and jsonschema would hit Python's recursion limit on trees the XSD allows.
        _check_nesting(root, name)
        try:
            data = _members(root, "Document")
        except InputError as exc:
            if exc.file is None:
                exc.file = name
            raise
        report.info["schema_version"] = version
        return Document.from_dict(data, validate=False)


__all__ = ["MAX_BYTES", "XmlReader", "parse_scalar"]
