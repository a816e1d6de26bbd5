"""``rectify check FILE.docx``: a Word notice measured against GB/T 9704, as a 公文 formatter would
check it by eye, but with figures: page size and margins, lines per page and characters per line,
the typeface of each role, the first-line indent, the page-number form and placement, and where the
signature's date stands.  Every figure comes from ``rectify_core.gbt9704``, the module the writers
take theirs from; numbering order is the core's rule (``numbering.*``), added by the command.

Roles are found from the text, as in any foreign file: the first paragraph is the title,
``一、…`` starts a level-1 heading, ``（一）…`` a level-2 one, the last paragraph that is a date is
the signature date, and the other paragraphs of some length are body text.

Two ways of setting the top margin are accepted, as both meet the standard: the page margin itself
at 37 mm, or (rectify's own files, see write_profile.py) a margin moved up by the leading of an
exact line spacing so that the first line's characters stand 37 mm below the page edge.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from rectify_core.plugin_api import Finding, Location, Source, compiled, gbt9704

from .ooxml import REL_FOOTER, W

TWIPS_PER_MM = 1440 / 25.4
_H1 = compiled(r"^\s*[一二三四五六七八九十]+、")
_H2 = compiled(r"^\s*[（(][一二三四五六七八九十]+[）)]")
_DATE = compiled(r"^\s*(\d{4}|[〇零一二三四五六七八九○]{4})年.{1,3}月.{1,4}日\s*$")


def _mm(twips: float) -> float:
    return twips / TWIPS_PER_MM


def _int(el: Any, attr: str = "val") -> int | None:
    if el is None:
        return None
    try:
        return int(float(el.get(f"{W}{attr}") or ""))
    except ValueError:
        return None


class _Checker:
    def __init__(self, name: str) -> None:
        self.name = name
        self.found: list[Finding] = []

    def add(self, rule: str, severity: str, where: tuple[int, str] | None, zh: str, en: str) -> None:
        location = Location(file=self.name, line=where[0] + 1) if where else None
        place_zh = f"（第 {where[0] + 1} 段“{where[1][:12]}”）" if where else ""
        place_en = f" (paragraph {where[0] + 1} '{where[1][:12]}')" if where else ""
        self.found.append(Finding(rule, severity, "", zh + place_zh, en + place_en, location))  # type: ignore[arg-type]


def check_docx(source: Source) -> list[Finding]:
    """The GB/T 9704 layout findings of a docx (see the module docstring)."""
    from .read_content import Paragraph, blocks
    from .reader import open_main

    pkg, rels, styles, body = open_main(source)
    c = _Checker(source.name)
    sect = body.find(f"{W}sectPr")
    paras = [(i, p) for i, p in enumerate(x for x in blocks(body) if isinstance(x, Paragraph)) if p.text.strip()]
    _page(c, sect, styles, _body_size(paras, styles))
    _fonts_and_indents(c, paras, styles)
    _signature(c, paras, styles)
    _folios(c, pkg, rels, styles)
    return c.found


def _body_size(paras: list[tuple[int, Any]], styles: Any) -> float | None:
    """The type size (pt) most of the body text is set in, as the runs resolve it (direct, styles,
    defaults): files saved by LibreOffice or WPS often set it on the runs, not the Normal style."""
    sizes: Counter[float] = Counter()
    for _index, para in paras[1:]:
        if len(para.text.strip()) < 20:
            continue
        sid = styles.paragraph_style(para.ppr)
        for seg in para.segments:
            half = _int(styles.rpr_find(seg.rpr, seg.style, sid, "sz"))
            if half and seg.text.strip():
                sizes[half / 2] += len(seg.text)
    return sizes.most_common(1)[0][0] if sizes else None


def _page(c: _Checker, sect: Any, styles: Any, measured_pt: float | None) -> None:
    """Page size, margins, lines per page and characters per line."""
    G = gbt9704
    if sect is None:
        c.add("layout.page-size", "error", None, "文档没有页面设置（sectPr）",
              "the document has no page setup (sectPr)")
        return
    size = sect.find(f"{W}pgSz")
    width, height = _int(size, "w"), _int(size, "h")
    if (width is None or height is None or abs(_mm(width) - G.PAGE_WIDTH_MM) > 1
            or abs(_mm(height) - G.PAGE_HEIGHT_MM) > 1):
        found = f"{_mm(width or 0):.1f} × {_mm(height or 0):.1f} mm"
        c.add("layout.page-size", "error", None, f"纸张应为 A4（210 × 297 mm），实为 {found}",
              f"paper should be A4 (210 × 297 mm), found {found}")
    mar = sect.find(f"{W}pgMar")
    top, bottom, left, right = (_int(mar, k) for k in ("top", "bottom", "left", "right"))
    body_sid = styles.default_paragraph
    spacing = styles.ppr_find(None, body_sid, f"{W}spacing")
    line = _int(spacing, "line")
    exact = spacing is not None and spacing.get(f"{W}lineRule") == "exact"
    size_el = styles.rpr_find(None, None, body_sid, "sz")
    body_pt = measured_pt or (_int(size_el) or 21) / 2
    tol = G.MARGIN_TOLERANCE_MM
    sides = (("上边距（天头）", "top", top, G.TOP_MM), ("下边距", "bottom", bottom, G.BOTTOM_MM),
             ("左边距（订口）", "left", left, G.LEFT_MM), ("右边距", "right", right, G.RIGHT_MM))
    for label_zh, label_en, value, want in sides:
        if value is None:
            c.add("layout.margin", "error", None, f"{label_zh}未设置，应为 {want:g} mm",
                  f"the {label_en} margin is not set; expected {want:g} mm")
            continue
        got = _mm(value)
        ok = abs(got - want) <= tol
        if not ok and label_en == "top" and exact and line:
            ok = abs(_mm(value + line - body_pt * 20) - want) <= tol  # glyph tops at 37 mm (module docstring)
        if not ok and label_en == "bottom":
            ok = abs(got - want) <= 2 * tol  # the 22nd line's leading may take up to 1 mm more
        if not ok:
            c.add("layout.margin", "error", None, f"{label_zh}应为 {want:g} ± {tol:g} mm，实为 {got:.1f} mm",
                  f"{label_en} margin should be {want:g} ± {tol:g} mm, found {got:.1f} mm")
    grid = sect.find(f"{W}docGrid")
    pitch = line if exact and line else _int(grid, "linePitch")
    if top is not None and bottom is not None and height and pitch:
        lines = int((height - top - bottom) // pitch)
        if lines != G.LINES_PER_PAGE:
            c.add("layout.lines-per-page", "warning", None, f"每页应排 {G.LINES_PER_PAGE} 行，按行距 "
                  f"{pitch / 20:g} 磅实为 {lines} 行", f"a page should hold {G.LINES_PER_PAGE} lines; with "
                  f"{pitch / 20:g} pt line pitch it holds {lines}")
    if width and left is not None and right is not None:
        char_spacing = _int(styles.rpr_find(None, None, body_sid, "spacing")) or 0
        advance = body_pt * 20 + char_spacing
        chars = int((width - left - right) // advance) if advance > 0 else 0
        if chars != G.CHARS_PER_LINE:
            c.add("layout.chars-per-line", "warning", None, f"每行应排 {G.CHARS_PER_LINE} 字，按正文字号 {body_pt:g} 磅"
                  f"实为 {chars} 字", f"a line should hold {G.CHARS_PER_LINE} characters; with {body_pt:g} pt body "
                  f"type it holds {chars}")


def _east_asian_font(segment: Any, para: Any, styles: Any) -> str | None:
    sid = styles.paragraph_style(para.ppr)
    fonts = styles.rpr_find(segment.rpr, segment.style, sid, "rFonts")
    if fonts is None:
        return None
    name = fonts.get(f"{W}eastAsia") or fonts.get(f"{W}hAnsi") or fonts.get(f"{W}ascii")
    return str(name) if name else None


def _first_font(para: Any, styles: Any) -> str | None:
    for seg in para.segments:
        if seg.text.strip() and not seg.hidden:
            return _east_asian_font(seg, para, styles)
    return None


ROLE_NAMES = {"title": ("标题", "title"), "body": ("正文", "body text"),
              "heading1": ("一级标题（一、）", "level-1 heading"),
              "heading2": ("二级标题（（一））", "level-2 heading")}
KIND_NAMES = {"heavy": "小标宋类", "fangsong": "仿宋类", "hei": "黑体类", "kai": "楷体类", "song": "宋体类"}


def _fonts_and_indents(c: _Checker, paras: list[tuple[int, Any]], styles: Any) -> None:
    G = gbt9704
    if not paras:
        return
    roles: list[tuple[str, int, Any]] = [("title", *paras[0])]
    body_fonts: Counter[str] = Counter()
    body_where: dict[str, tuple[int, str]] = {}
    indents_bad: list[tuple[int, Any, float]] = []
    for index, para in paras[1:]:
        text = para.text
        if _H1.match(text):
            roles.append(("heading1", index, para))
        elif _H2.match(text):
            roles.append(("heading2", index, para))
        elif len(text.strip()) >= 20:
            for seg in para.segments:
                font = _east_asian_font(seg, para, styles)
                if font and seg.text.strip():
                    body_fonts[font] += len(seg.text)
                    body_where.setdefault(font, (index, text.strip()))
            indent = _first_line_chars(para, styles)
            if indent is not None and abs(indent - G.FIRST_LINE_INDENT_CHARS) > 0.25:
                indents_bad.append((index, para, indent))
    for role, index, para in roles:
        _expect_kind(c, role, _first_font(para, styles), (index, para.text.strip()))
    if body_fonts:
        font = body_fonts.most_common(1)[0][0]
        _expect_kind(c, "body", font, body_where[font])
    if indents_bad:
        index, para, indent = indents_bad[0]
        c.add("layout.first-line-indent", "warning", (index, para.text.strip()),
              f"正文首行应缩进 {G.FIRST_LINE_INDENT_CHARS} 字，{len(indents_bad)} 段不符，首段为 {indent:.1f} 字",
              f"body paragraphs indent their first line {G.FIRST_LINE_INDENT_CHARS} characters; {len(indents_bad)} "
              f"do not, the first by {indent:.1f}")


def _expect_kind(c: _Checker, role: str, font: str | None, where: tuple[int, str]) -> None:
    G = gbt9704
    want = G.ROLE_KIND[role]
    kind = G.face_kind(font or "")
    if kind == want:
        return
    zh, en = ROLE_NAMES[role]
    found = font or "未指定"
    c.add("layout.font", "error", where,
          f"{zh}应用{KIND_NAMES[want]}字体（如 {G.ROLE_FACES[role]}），实为 {found}",
          f"the {en} should be set in a {want} face (e.g. {G.ROLE_FACES[role]}), found {font or 'none'}")


def _first_line_chars(para: Any, styles: Any) -> float | None:
    sid = styles.paragraph_style(para.ppr)
    ind = styles.ppr_find(para.ppr, sid, f"{W}ind")
    if ind is None:
        return 0.0
    chars = _int(ind, "firstLineChars")
    if chars is not None:
        return chars / 100
    twips = _int(ind, "firstLine")
    if twips is None:
        hanging = _int(ind, "hanging")
        return -(hanging or 0) / 316
    size = _int(styles.rpr_find(None, None, sid, "sz")) or 32
    return twips / (size * 10 * 0.9875)  # one 字 = the 版心 width / 28 ≈ 0.9875 of 16 pt


def _signature(c: _Checker, paras: list[tuple[int, Any]], styles: Any) -> None:
    for index, para in reversed(paras[-4:]):
        if _DATE.match(para.text):
            sid = styles.paragraph_style(para.ppr)
            jc = styles.ppr_find(para.ppr, sid, f"{W}jc")
            align = jc.get(f"{W}val") if jc is not None else "left"
            if align not in ("right", "end"):
                c.add("layout.signature", "error", (index, para.text.strip()),
                      f"成文日期应右对齐、右空 {gbt9704.SIGNATURE_RIGHT_CHARS} 字，实为 {align} 对齐",
                      f"the date should stand right, {gbt9704.SIGNATURE_RIGHT_CHARS} characters from the margin; "
                      f"found {align}-aligned")
            return


def _folios(c: _Checker, pkg: Any, rels: list[tuple[str, str]], styles: Any) -> None:
    """Page numbers: a PAGE field between em dashes, odd pages right and even pages left."""
    G = gbt9704
    footers = [target for kind, target in rels if kind == REL_FOOTER and pkg.has(target)]
    texts = []
    sides = set()
    for target in footers:
        root = pkg.xml(target)
        xml_text = "".join(root.itertext())
        if "PAGE" not in xml_text:
            continue
        texts.append("".join(t.text or "" for t in root.iter(f"{W}t")))
        for p in root.iter(f"{W}p"):
            if "PAGE" in "".join(p.itertext()):
                jc = styles.ppr_find(p.find(f"{W}pPr"), styles.paragraph_style(p.find(f"{W}pPr")), f"{W}jc")
                sides.add(jc.get(f"{W}val") if jc is not None else "left")
    example = G.folio_text(1)
    if not texts:
        c.add("layout.page-number", "error", None, f"页脚没有页码；应为“{example}”，单页居右、双页居左",
              f"no page number in the footers; expected '{example}', odd pages right, even pages left")
        return
    if not all("—" in t for t in texts):
        c.add("layout.page-number", "warning", None,
              f"页码应为“{example}”的形式（一字线夹页码），实为“{texts[0].strip()}”",
              f"page numbers should read '{example}' (em dashes around the number), found '{texts[0].strip()}'")
    if not {"right", "left"} <= sides:
        c.add("layout.page-number", "warning", None, "页码应单页居右、双页居左（奇偶页不同页脚）",
              "page numbers should stand right on odd pages and left on even pages (odd and even footers)")


__all__ = ["check_docx"]
