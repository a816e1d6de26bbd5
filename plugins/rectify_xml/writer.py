"""Write a Document as XSD-valid XML: UTF-8, pretty-printed, the same bytes for the same Document.

The element tree is built from ``Document.to_dict()`` (the canonical form: schema order, empty
optionals and default booleans omitted) by walking :data:`mapping.MEMBERS`, so what is absent in
the model is absent in the XML and nothing else.  Every output is validated against the XSD before
a byte is written: a Document the XSD refuses (a text with a line break, say) raises SchemaError
instead of producing a file no archive would accept.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, SchemaError, Writer

from .mapping import MEMBERS, NAMESPACE, ROOT
from .xsd import MAX_BYTES, MAX_NODE_DEPTH, MAX_TEXT_BYTES, first_error, xml_schema

XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


def format_scalar(value: Any, scalar: str) -> str:
    """The lexical form of an attribute value; ``rate`` keeps int and float apart (76 vs 76.0)."""
    if scalar == "bool":
        return "true" if value else "false"
    if scalar == "int":
        return str(int(value))
    if scalar == "rate":
        if isinstance(value, int):
            return str(value)
        return repr(abs(float(value)))  # shortest exact form (76.0, 1e-05); abs: -0.0 equals 0.0
    return str(value)


def _q(name: str) -> str:
    return f"{{{NAMESPACE}}}{name}"


def _node_depth(document: Document) -> int:
    """How deep the body tree nests (iteratively: a hostile Document must not exhaust the stack)."""
    deepest, stack = 0, [(n, 1) for n in document.body]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((c, depth + 1) for c in node.children)
    return deepest


def _fill(el: Any, data: dict[str, Any], def_name: str) -> None:
    """Add ``data``'s members to ``el``, in schema order."""
    from lxml import etree

    for m in MEMBERS[def_name]:
        if m.kind == "root" or m.prop not in data:
            continue
        value = data[m.prop]
        if m.kind == "attr":
            target = el.find(_q(m.owner)) if m.owner else el
            target.set(m.attribute, format_scalar(value, m.ref))
            continue
        parent = etree.SubElement(el, _q(m.wrapper)) if m.wrapper else el
        items = value if m.kind in ("texts", "objects") else [value]
        for item in items:
            child = etree.SubElement(parent, _q(m.xml))
            if m.kind in ("text", "texts"):
                if len(item) * 4 > MAX_TEXT_BYTES and len(item.encode("utf-8")) > MAX_TEXT_BYTES:
                    raise SchemaError(f"a text of {len(item.encode('utf-8'))} bytes is longer than XML readers "
                                      f"accept ({MAX_TEXT_BYTES})")
                child.text = item
            else:
                _fill(child, item, m.ref)


def build_tree(document: Document) -> Any:
    """The validated element tree of ``document`` (SchemaError when the XSD refuses it)."""
    from lxml import etree

    depth = _node_depth(document)
    if depth > MAX_NODE_DEPTH:
        raise SchemaError(f"the body tree nests {depth} levels deep; the XML format allows {MAX_NODE_DEPTH}")
    root = etree.Element(_q(ROOT), nsmap={None: NAMESPACE})
    try:
        _fill(root, document.to_dict(), "Document")
    except (ValueError, TypeError) as exc:  # lxml refuses control characters, NUL, surrogates
        raise SchemaError(f"cannot be written as XML: {exc}") from None
    schema = xml_schema()
    if not schema.validate(root):
        _line, message = first_error(schema)
        raise SchemaError(f"cannot be written as XML: {message}")
    return root


def dumps(document: Document) -> bytes:
    from lxml import etree

    root = build_tree(document)
    etree.indent(root, space="  ")
    body: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=False)
    if len(body) > MAX_BYTES:
        raise SchemaError(f"the XML would be {len(body) / 2**20:.1f} MiB; the XML reader accepts at most "
                          f"{MAX_BYTES // 2**20} MiB")
    return XML_DECLARATION + body + b"\n"


class XmlWriter(Writer):
    name = "xml"
    extension = "xml"
    media_type = "application/xml"
    description = "XML valid against tongbao.xsd (lossless)"
    lossless = True

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(dumps(document))


__all__ = ["XML_DECLARATION", "XmlWriter", "build_tree", "dumps", "format_scalar"]
