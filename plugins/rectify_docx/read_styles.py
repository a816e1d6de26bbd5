"""styles.xml as a lookup: what a paragraph or run inherits from its style chain and the defaults.

Word resolves a property by looking at the direct formatting, then the character style chain, then
the paragraph style chain (each through ``w:basedOn``), then ``w:docDefaults``.  The foreign
reader needs that resolution for its hints (outline level, bold, size, alignment, indent,
numbering), so it is done once here instead of at every call site.
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import dataclass

from .ooxml import W

MAX_CHAIN = 32  # basedOn chains are short; a longer one is a loop or an attack


@dataclass(frozen=True)
class Style:
    id: str
    type: str
    name: str
    based_on: str | None
    ppr: Any
    rpr: Any


class StyleSheet:
    def __init__(self, root: Any | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default_paragraph: str | None = None
        self.doc_ppr: Any = None
        self.doc_rpr: Any = None
        if root is None:
            return
        defaults = root.find(f"{W}docDefaults")
        if defaults is not None:
            self.doc_ppr = defaults.find(f"{W}pPrDefault/{W}pPr")
            self.doc_rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
        for el in root.iterfind(f"{W}style"):
            sid = el.get(f"{W}styleId")
            if not sid:
                continue
            name_el = el.find(f"{W}name")
            based = el.find(f"{W}basedOn")
            style = Style(
                id=sid,
                type=el.get(f"{W}type") or "paragraph",
                name=name_el.get(f"{W}val") if name_el is not None and name_el.get(f"{W}val") else sid,
                based_on=based.get(f"{W}val") if based is not None else None,
                ppr=el.find(f"{W}pPr"),
                rpr=el.find(f"{W}rPr"),
            )
            self.styles.setdefault(sid, style)
            if style.type == "paragraph" and el.get(f"{W}default") in ("1", "true", "on"):
                self.default_paragraph = sid

    def name(self, sid: str | None) -> str | None:
        style = self.styles.get(sid) if sid else None
        return style.name if style is not None else sid

    def chain(self, sid: str | None) -> list[Style]:
        out: list[Style] = []
        seen: set[str] = set()
        while sid and sid in self.styles and sid not in seen and len(out) < MAX_CHAIN:
            seen.add(sid)
            style = self.styles[sid]
            out.append(style)
            sid = style.based_on
        return out

    def paragraph_style(self, ppr: Any) -> str | None:
        """The paragraph's style id, or the document's default paragraph style."""
        if ppr is not None:
            el = ppr.find(f"{W}pStyle")
            if el is not None and el.get(f"{W}val"):
                return str(el.get(f"{W}val"))
        return self.default_paragraph

    def ppr_find(self, ppr: Any, sid: str | None, path: str) -> Any:
        """The first ``path`` element under the direct pPr, the style chain's pPr, or the defaults."""
        for source in (ppr, *(s.ppr for s in self.chain(sid)), self.doc_ppr):
            if source is not None:
                el = source.find(path)
                if el is not None:
                    return el
        return None

    def rpr_find(self, rpr: Any, char_sid: str | None, para_sid: str | None, tag: str) -> Any:
        """The first ``tag`` element for a run: direct, character style chain, paragraph chain, defaults."""
        sources = [rpr, *(s.rpr for s in self.chain(char_sid)), *(s.rpr for s in self.chain(para_sid)), self.doc_rpr]
        for source in sources:
            if source is not None:
                el = source.find(f"{W}{tag}")
                if el is not None:
                    return el
        return None


def on(el: Any) -> bool | None:
    """A WordprocessingML toggle (w:b, w:vanish …): None when absent, else its boolean value."""
    if el is None:
        return None
    return el.get(f"{W}val", "true") not in ("0", "false", "off")


__all__ = ["Style", "StyleSheet", "on"]
