"""Our own docx files: roles from paragraph styles, spans from character styles, nothing guessed.

A file is "ours" when every non-empty paragraph outside tables uses one of our paragraph styles
and every table is our disclosure table — whoever last saved it.  A paragraph someone added in Word
with another style makes the file foreign, and the recognizer reads it instead: still from what
the page shows.
"""

from __future__ import annotations

from rectify_core.plugin_api import Para, Span

from .ooxml import KIND_BY_STYLE, ROLE_BY_STYLE, TABLE_STYLE, node_depth
from .read_content import Paragraph, Table
from .read_styles import StyleSheet

_TEXT_KINDS = ("text", "heading", "finding", "value")


def is_ours(items: list[Paragraph | Table], styles: StyleSheet) -> bool:
    seen = False
    for item in items:
        if isinstance(item, Table):
            if item.style != TABLE_STYLE[0]:
                return False
            seen = True
        elif item.notes:
            return False  # a footnote added in Word: only the recognizer's path places its text
        elif item.text.strip() or item.boxes:
            sid = styles.paragraph_style(item.ppr) or ""
            if sid not in ROLE_BY_STYLE and node_depth(sid) is None:
                return False
            seen = True
    return seen


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def spans(paragraph: Paragraph, in_node: bool) -> tuple[Span, ...]:
    """Runs → spans: one span per run of the same character style; unstyled runs are text.

    Word splits runs freely when a file is edited, so consecutive runs of one kind merge; inside a
    node line an unstyled run continues the span before it.
    """
    out: list[Span] = []
    for seg in paragraph.segments:
        if seg.hidden or not seg.text:
            continue
        kind = KIND_BY_STYLE.get(seg.style or "")
        if kind is None:
            kind = out[-1].kind if (in_node and out and out[-1].kind in _TEXT_KINDS) else "text"
        text = _clean(seg.text)
        if out and out[-1].kind == kind:
            out[-1] = Span(kind, out[-1].text + text)
        else:
            out.append(Span(kind, text))
    return tuple(out)


def paras(items: list[Paragraph | Table], styles: StyleSheet) -> list[Para]:
    out: list[Para] = []
    for item in items:
        if isinstance(item, Table):
            for row in item.rows:
                row_spans = tuple(s for cell in row for p in cell for s in spans(p, in_node=False))
                if row_spans:
                    out.append(Para("disclosure", row_spans))
            continue
        sid = styles.paragraph_style(item.ppr) or ""
        depth = node_depth(sid)
        found = spans(item, in_node=depth is not None)
        if not found:
            continue
        if depth is not None:
            out.append(Para("node", found, depth))
        else:
            out.append(Para(ROLE_BY_STYLE[sid], found))
    return out


__all__ = ["is_ours", "paras", "spans"]
