"""The Markdown writer: the notice's visible paragraphs, as Markdown blocks.

It does not walk the model by hand: ``flatten(document)`` gives the paragraphs every visible
format of rectify shows (docx, HTML, PDF, txt), with their roles (title, node, finding,
rectification, status …), standard markers filled in where the Document has none.  Writing those
keeps Markdown saying exactly what the other formats say; this module only decides how each role
looks in Markdown.  ``VisibleWriter`` supplies ``expected()``: what a reader of this format
would have to give back (the completed Document, facts re-derived from its text).
"""

from __future__ import annotations

import re
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Option, Para, VisibleWriter, flatten

# Characters that start Markdown syntax anywhere in a line, and at the start of one.
_INLINE = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: str, starts_line: bool = True) -> str:
    """``text`` shown literally by any CommonMark renderer (``starts_line``: it begins a block)."""
    text = _INLINE.sub(r"\\\1", text)
    if not starts_line:
        return text
    return _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], text)


class MarkdownWriter(VisibleWriter):
    name = "markdown"
    extension = "md"
    media_type = "text/markdown; charset=utf-8"
    description = "Markdown (CommonMark): headings for the title and sections, one paragraph a block"
    lossless = False  # no reader: what comes back is not guaranteed by a round trip
    options = (
        Option("heading_offset", "int", 0, "add this to every heading level (1: the title becomes ##)",
               "所有标题级别加上此数（1：标题变为 ##）"),
    )

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        offset = int(options.get("heading_offset", 0))
        if not 0 <= offset <= 3:
            from rectify_core.plugin_api import UsageError

            raise UsageError(f"heading_offset must be 0 to 3, got {offset}")
        blocks = [_block(p, offset) for p in flatten(document)]
        sink.write(("\n\n".join(b for b in blocks if b) + "\n").encode("utf-8"))


def _block(p: Para, offset: int) -> str:
    def heading(level: int, text: str) -> str:
        return "#" * min(6, level + offset) + " " + text

    if p.role == "title":
        return heading(1, escape(p.text, False))
    if p.role == "subtitle":
        return f"*{escape(p.text, False)}*"
    if p.role == "disclosure":
        label, value = p.get("label"), p.get("value")
        return f"**{escape(label, False)}**：{escape(value or '', False)}" if label else escape(value or "")
    if p.role == "node":
        marker, title = p.get("marker") or "", p.get("heading")
        rest = "".join(s.text for s in p.spans if s.kind not in ("marker", "heading"))
        if title is not None and p.depth <= 2:
            line = heading(p.depth + 1, escape(marker + title, False))
            return line + ("\n\n" + escape(rest) if rest else "")
        if not marker and not title:
            return escape(rest)
        return f"**{escape(marker + (title or ''), False)}**{escape(rest, False)}"
    if p.role == "rectification":
        label = (p.get("label") or "") + (p.get("colon") or "：")
        rest = "".join(s.text for s in p.spans if s.kind not in ("label", "colon"))
        return f"**{escape(label, False)}**{escape(rest, False)}"
    if p.role in ("issuer", "date"):
        return f"<p align=\"right\">{escape(p.text, False)}</p>"
    return escape(p.text)
