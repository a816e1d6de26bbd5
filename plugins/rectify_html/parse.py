"""Turn untrusted bytes into an lxml HTML tree, or refuse them with a clear error.

Hardening, in order:
- size cap (``MAX_BYTES``) before anything is decoded;
- encoding from a BOM, else the page's own ``<meta charset>`` / ``http-equiv`` declaration (first
  4 KiB, as browsers prescan) or UTF-16's zero bytes, else UTF-8, else GB18030, else windows-1252
  (WHATWG's default for an undeclared page) — decoded *strictly*: bytes that are not
  valid in the chosen encoding are an :class:`InputError` naming the byte offset, never mojibake;
  GB2312 and GBK labels decode as GB18030 (their superset, as browsers do);
- entity declarations (``<!ENTITY``) are refused: HTML has no use for them and they are the
  vehicle of expansion bombs;
- libxml2's HTML parser without network access, comments or processing instructions; its nesting
  limit (256) and an element-count cap (``MAX_ELEMENTS``) are reported as :class:`SecurityError`
  instead of silently truncating the tree.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from rectify_core.plugin_api import InputError, SecurityError, compiled, dataclass, head_encoding

MAX_BYTES = 32 * 1024 * 1024
MAX_ELEMENTS = 500_000  # a hard ceiling; the read's budget (max_elements, 30 000 for HTML) comes first
MAX_DEPTH = 255  # libxml2's own limit without XML_PARSE_HUGE

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = compiled(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
    "gb18030": "gb18030", "iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
    "utf8": "utf-8", "utf-8": "utf-8", "unicode": "utf-8", "utf-16": "utf-8", "utf-16le": "utf-8",
    "utf-16be": "utf-8",  # WHATWG: a meta tag cannot switch to UTF-16; only a BOM can
}


_NOT_FOR_PAGES = {"utf-7", "idna", "punycode", "raw-unicode-escape", "unicode-escape", "palmos", "undefined"}


@dataclass
class Page:
    root: Any  # lxml.html.HtmlElement of <html>
    encoding: str
    encoding_source: str  # "bom", "meta", "default" or "fallback"


def decode(data: bytes, name: str) -> tuple[str, str, str]:
    """(text, encoding, how it was chosen) — strict, with the failing byte in the message."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, name, "declared by the byte-order mark"), encoding, "bom"
    found = head_encoding(data)  # UTF-16 without a BOM: a zero in every other byte of ASCII markup
    if found is not None and found[0].startswith("utf-16"):
        encoding = found[0]
        return _strict(data[found[1]:], encoding, name, "UTF-16 by its zero bytes"), encoding, "bom"
    m = _META_CHARSET.search(data[:4096])
    if m is not None:
        label = m.group(1).decode("ascii").lower()
        encoding = _ALIASES.get(label, label)
        try:
            info = codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"the page declares the unknown character encoding {label!r}", file=name) from None
        if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_FOR_PAGES:
            raise InputError(f"the page declares {label!r} as its character encoding, which is not one a web page "
                             "can use (a byte transform or a 7-bit mail encoding)", file=name)
        return _strict(data, encoding, name, f"declared in <meta charset={label}>"), encoding, "meta"
    try:
        return data.decode("utf-8"), "utf-8", "default"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030", "fallback"
    except UnicodeDecodeError:
        pass
    # windows-1252: what browsers assume for an undeclared page that is neither (WHATWG's default)
    return _strict(data, "cp1252", name, "neither UTF-8, GB18030 nor a declared charset; tried windows-1252"), \
        "cp1252", "fallback"


def _strict(data: bytes, encoding: str, name: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"bytes {exc.start}–{exc.end - 1} are not valid {encoding} ({why})",
                         file=name, location=f"byte {exc.start}") from None


def parse(data: bytes, name: str) -> Page:
    """Decode and parse ``data``; every refusal is an InputError or a SecurityError."""
    import lxml.etree
    import lxml.html

    if len(data) > MAX_BYTES:
        raise InputError(f"the page is {len(data) // 2**20} MiB; the HTML limit is {MAX_BYTES // 2**20} MiB",
                         file=name)
    from rectify_core.plugin_api import current_budget as current

    budget = current(name)
    # libxml2 builds the tree in one uninterruptible call: bound it by the tags it could make
    budget.expect("elements", data.count(b"<") - data.count(b"</"))
    text, encoding, how = decode(data, name)
    text = text.lstrip("\ufeff")
    if re.search(r"<!ENTITY", text, re.IGNORECASE):
        raise SecurityError("the page declares entities (<!ENTITY …>); refused as a possible expansion bomb",
                            file=name)
    if not text.strip():
        raise InputError("the page is empty", file=name)
    text = text.replace("\x00", "\ufffd")  # as an HTML5 parser does; libxml2 would stop at NUL
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                                  recover=True, huge_tree=False, default_doctype=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"not readable as HTML: {exc}", file=name) from None
    for entry in parser.error_log:
        if "depth" in entry.message.lower() or entry.type_name == "ERR_RESOURCE_LIMIT":
            raise SecurityError(f"elements are nested deeper than {MAX_DEPTH} levels; refused",
                                file=name, location=f"line {entry.line}")
    count = sum(1 for _ in root.iter())
    if count > MAX_ELEMENTS:
        raise SecurityError(f"the page has more than {MAX_ELEMENTS} elements; refused", file=name)
    budget.charge("elements", count)
    return Page(root, encoding, how)


_BAD = compiled("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def clean(text: str) -> tuple[str, int]:
    """``text`` without control characters a Document may not hold; also how many were dropped.

    Control characters reach a tree only through character references such as ``&#1;``; no
    person can see them, and the schema's Text excludes them.
    """
    cleaned, count = _BAD.subn("", text)
    return cleaned, count
