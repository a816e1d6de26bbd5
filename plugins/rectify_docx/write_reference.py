"""A user's template (``--reference-docx``): its styles replace ours, as pandoc's reference-doc does.

For each of our styles, a style in the template with the same id — or else the same name — lends
its formatting (pPr, rPr, tblPr, basedOn …) while our id and name stay, so our reader still
recognises every paragraph.  The template's other styles and its document defaults come along;
page setup, headers and footers stay ours (the standard fixes them).
"""

from __future__ import annotations

import copy
from typing import Any

from rectify_core.plugin_api import UsageError

from .ooxml import W


def apply_reference(styles_xml: str, reference: tuple[bytes, str]) -> str:
    from lxml import etree

    from .read_package import open_package, parse_xml

    data, name = reference
    try:
        pkg = open_package(data, name)
    except Exception as exc:  # a bad template is a usage problem, whatever its cause
        raise UsageError(f"the reference docx cannot be used: {exc}", file=name) from None
    if not pkg.has("word/styles.xml"):
        raise UsageError("the reference docx has no word/styles.xml", file=name)
    theirs = pkg.xml("word/styles.xml")
    ours = parse_xml(styles_xml.encode("utf-8"), "styles.xml", "<rectify>")
    by_id = {el.get(f"{W}styleId"): el for el in theirs.iterfind(f"{W}style")}
    by_name = {_name(el): el for el in theirs.iterfind(f"{W}style")}
    used: set[int] = set()
    for el in list(ours.iterfind(f"{W}style")):
        match = by_id.get(el.get(f"{W}styleId"))
        if match is None or match.get(f"{W}type") != el.get(f"{W}type"):
            match = by_name.get(_name(el))
        if match is None or match.get(f"{W}type") != el.get(f"{W}type"):
            continue
        used.add(id(match))
        _adopt(el, match)
    defaults = theirs.find(f"{W}docDefaults")
    if defaults is not None:
        mine = ours.find(f"{W}docDefaults")
        if mine is not None:
            ours.replace(mine, copy.deepcopy(defaults))
    have = {el.get(f"{W}styleId") for el in ours.iterfind(f"{W}style")}
    for el in theirs.iterfind(f"{W}style"):
        if id(el) not in used and el.get(f"{W}styleId") not in have:
            ours.append(copy.deepcopy(el))
    out: bytes = etree.tostring(ours, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.decode("utf-8")


def _name(el: Any) -> str:
    name = el.find(f"{W}name")
    return (name.get(f"{W}val") or "").strip().lower() if name is not None else ""


def _adopt(ours: Any, theirs: Any) -> None:
    """Replace our style's content with theirs, keeping our w:name (the reader needs only the id)."""
    name = ours.find(f"{W}name")
    for child in list(ours):
        if child is not name:
            ours.remove(child)
    for child in theirs:
        if child.tag != f"{W}name":
            ours.append(copy.deepcopy(child))


__all__ = ["apply_reference"]
