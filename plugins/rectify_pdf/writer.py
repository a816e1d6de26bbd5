"""Write a 通报 as a GB/T 9704 PDF with reportlab, its CJK font subset embedded.

What a reader sees is ``rectify_core.visible.flatten(doc)``, set by ``typeset`` on the 22 × 28 grid
with ``— n —`` page numbers.  The output is deterministic (reportlab's invariant mode: fixed dates
and document id), so the same Document always gives the same bytes.  PDF is a lossy format: the
reader recovers the document from the visible text (see ``PdfWriter.expected`` and docs/pdf.md).
"""

from __future__ import annotations

from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Option, Writer

from . import page as P

# A stroke this wide around each glyph is the fake bold that stands in for 黑体/小标宋.
BOLD_STROKE = 0.03


def _font_options(options: dict[str, Any]) -> tuple[str | None, int]:
    font = options.get("font")
    subfont = int(options.get("font_index", 0) or 0)
    return (str(font) if font else None), subfont


class PdfWriter(Writer):
    name = "pdf"
    extension = "pdf"
    media_type = "application/pdf"
    description = "GB/T 9704 PDF (A4, 22 × 28, embedded CJK font subset; lossy)"
    lossless = False
    options = (
        Option("font", "path", None, "a TrueType/OpenType CJK font to embed instead of the bundled subset",
               "嵌入的中文 TrueType/OpenType 字体文件（默认用自带子集）"),
        Option("font_index", "int", 0, "which font of a .ttc collection", ".ttc 字体集中的第几个字体"),
    )

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(render(document, options))

    def expected(self, document: Document) -> Document:
        """What reading this writer's PDF gives, as for txt: standard forms filled in and facts derived
        from the visible text (for Documents whose text shows what each part is; see ``expected``)."""
        from rectify_core.plugin_api import expected_visible

        return expected_visible(document)


def render(document: Document, options: dict[str, Any] | None = None) -> bytes:
    """The PDF bytes of ``document`` (options: ``font`` = path of a TrueType font, ``font_index``)."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    from rectify_core.plugin_api import flatten

    from .fonts import check_coverage, load_face
    from .typeset import para_runs, typeset

    options = options or {}
    font_path, subfont = _font_options(options)
    face = load_face(font_path, subfont)
    paras = flatten(document)
    check_coverage(face, [(f"paragraph {i + 1} ({p.role})", "".join(t for t, _ in para_runs(p)))
                          for i, p in enumerate(paras)],
                   font_path or "the embedded font (Rectify Serif SC: GB2312 characters)")
    lines = typeset(paras, face.advance)
    pages = max((line.page for line in lines), default=1)

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(P.PAGE_WIDTH, P.PAGE_HEIGHT), invariant=1, pageCompression=1,
                    initialFontName=face.name, initialFontSize=P.SIZE_BODY)
    canvas.setTitle(document.title or "通报")
    canvas.setCreator("rectify")
    canvas.setAuthor("")
    canvas.setSubject("")
    by_page: dict[int, list[Any]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    for number in range(1, pages + 1):
        for line in by_page.get(number, []):
            _draw_line(canvas, face.name, line)
        _draw_folio(canvas, face, number)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _draw_line(canvas: Any, font: str, line: Any) -> None:
    # q … Q around each line: the render mode of a bold run must not leak into the next line
    canvas.saveState()
    canvas.setLineWidth(line.size * BOLD_STROKE)
    text = canvas.beginText()
    text.setFont(font, line.size)
    text.setCharSpace(line.char_space)
    y = P.PAGE_HEIGHT - line.baseline
    for run in line.runs:
        text.setTextOrigin(run.x, y)
        # fill, then stroke: visibly heavier strokes, and what pdfium reports as bold
        text.setTextRenderMode(2 if run.bold else 0)
        text.textOut(run.text)
    canvas.drawText(text)
    canvas.restoreState()


def _draw_folio(canvas: Any, face: Any, number: int) -> None:
    """``— n —`` in 4号, 7 mm under the type area: odd pages right, even pages left, 1 character in."""
    label = P.folio_text(number)
    width = sum(face.advance(c, P.SIZE_FOLIO) for c in label)
    baseline = P.TOP + P.TYPE_HEIGHT + P.FOLIO_DROP + 0.35 * P.SIZE_FOLIO
    if number % 2:
        x = P.PAGE_WIDTH - P.RIGHT - P.SIZE_FOLIO - width
    else:
        x = P.LEFT + P.SIZE_FOLIO
    text = canvas.beginText()
    text.setTextOrigin(x, P.PAGE_HEIGHT - baseline)
    text.setFont(face.name, P.SIZE_FOLIO)
    text.textOut(label)
    canvas.drawText(text)


__all__ = ["PdfWriter", "render"]
