"""WordprocessingML names shared by the writer and the reader, and the style ids that mark our files.

The writer emits XML as text (it is faster than building trees and byte-stable by construction);
the reader parses with lxml.  Both sides take their vocabulary from here, so a style id cannot be
spelled one way on write and another on read.
"""

from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W = "{" + W_NS + "}"

REL_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_NUMBERING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
REL_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
REL_ENDNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes"

# -- our styles: role → (styleId, name shown in Word) ---------------------------------------------
PARA_STYLES: dict[str, tuple[str, str]] = {
    "disclosure": ("RectifyDisclosure", "公开信息"),
    "title": ("RectifyTitle", "标题"),
    "subtitle": ("RectifySubtitle", "副标题"),
    "preamble": ("RectifyPreamble", "导语"),
    "paragraph": ("RectifyParagraph", "正文段落"),
    "finding": ("RectifyFinding", "问题"),
    "rectification": ("RectifyRectification", "整改情况"),
    "rect_text": ("RectifyRectText", "整改情况续段"),
    "status": ("RectifyStatus", "整改状态"),
    "closing": ("RectifyClosing", "结尾"),
    "issuer": ("RectifyIssuer", "落款"),
    "date": ("RectifyDate", "日期"),
}
NODE_STYLE_PREFIX = "RectifyHeading"          # RectifyHeading1 … one per depth
LEVEL_NAMES = "一二三四五六七八九"
MAX_OUTLINE_DEPTH = 9                         # Word has outline levels 0–8

SPAN_STYLES: dict[str, tuple[str, str]] = {
    "marker": ("RectifyMarker", "编号"),
    "heading": ("RectifyHeadingText", "标题文字"),
    "text": ("RectifyText", "正文文字"),
    "finding": ("RectifyFindingText", "问题文字"),
    "label": ("RectifyLabel", "标签"),
    "colon": ("RectifyColon", "冒号"),
    "value": ("RectifyValue", "值"),
    "status": ("RectifyStatusText", "状态"),
}
TABLE_STYLE = ("RectifyDisclosureTable", "公开信息表")
PAGE_NUMBER_STYLE = ("RectifyPageNumber", "页码")


def node_style(depth: int) -> tuple[str, str]:
    name = f"{LEVEL_NAMES[depth - 1]}级标题" if depth <= len(LEVEL_NAMES) else f"{depth}级标题"
    return f"{NODE_STYLE_PREFIX}{depth}", name


ROLE_BY_STYLE: dict[str, str] = {sid: role for role, (sid, _name) in PARA_STYLES.items()}
KIND_BY_STYLE: dict[str, str] = {sid: kind for kind, (sid, _name) in SPAN_STYLES.items()}


def node_depth(style_id: str) -> int | None:
    """The depth a RectifyHeadingN style stands for, else None."""
    if style_id.startswith(NODE_STYLE_PREFIX):
        tail = style_id[len(NODE_STYLE_PREFIX):]
        if tail.isdigit() and int(tail) >= 1:
            return int(tail)
    return None


def esc(text: str) -> str:
    """Escape character data and attribute values (always quoted with ")."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


__all__ = [
    "KIND_BY_STYLE",
    "MAX_OUTLINE_DEPTH",
    "MC_NS",
    "PAGE_NUMBER_STYLE",
    "PARA_STYLES",
    "PKG_REL_NS",
    "REL_CUSTOM",
    "REL_ENDNOTES",
    "REL_FOOTER",
    "REL_FOOTNOTES",
    "REL_HEADER",
    "REL_NUMBERING",
    "REL_OFFICE_DOCUMENT",
    "REL_STYLES",
    "ROLE_BY_STYLE",
    "R_NS",
    "SPAN_STYLES",
    "TABLE_STYLE",
    "W_NS",
    "W",
    "esc",
    "node_depth",
    "node_style",
]
