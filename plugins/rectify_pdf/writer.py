"""Write a 通报 as a GB/T 9704 PDF with reportlab: the PDF back end of ``rectify_core.typeset``.

What a reader sees is ``rectify_core.visible.flatten(doc)``, laid out by the typesetting core shared
with the OFD writer (lines with face, size, position and glyph advances); this module only draws
those lines, the ``— n —`` page numbers, and embeds each role's face cut down to the characters the
document uses.  The output is deterministic (reportlab's invariant mode: fixed dates and document
id; font subsets built with fixed timestamps), so the same Document on the same fonts always gives
the same bytes.  PDF is a lossy format: the reader recovers the document from the visible text (see
``PdfWriter.expected`` and docs/pdf.md).
"""

from __future__ import annotations

from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, VisibleWriter, metadata, typefaces

from . import page as P

# A stroke this wide around each glyph is the fake bold that stands in for a missing heavy face.
BOLD_STROKE = 0.03


class PdfWriter(VisibleWriter):
    """What reading this writer's PDF gives is as for txt (``VisibleWriter.expected``): standard
    forms filled in and facts derived from the visible text."""

    name = "pdf"
    extension = "pdf"
    media_type = "application/pdf"
    description = "GB/T 9704 PDF (A4, 22 × 28, role fonts embedded as subsets; lossy)"
    lossless = False
    options = (*typefaces.OPTIONS, metadata.DISCLOSURE_OPTION)

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(render(document, options))



def laid_out(document: Document, options: dict[str, Any]) -> tuple[Any, list[Any], Any]:
    """(paragraphs, lines, faces): the page as the typesetting core lays it out, fonts checked."""
    from rectify_core.plugin_api import typefaces, typesetting

    faces = typefaces.role_faces(options)
    paras = typesetting.page_paragraphs(document, options)
    typefaces.check_coverage(faces, [(f"paragraph {i + 1} ({p.role})", role, text)
                                     for i, p in enumerate(paras) for text, role in typesetting.para_runs(p)])
    return paras, typesetting.typeset(paras, faces), faces


def subsets(lines: list[Any], faces: Any, extra: str) -> dict[str, tuple[Any, bytes]]:
    """Face name → (face, subset font bytes) for every face the lines use; ``extra`` characters
    (the page numbers) go into the body face."""
    by_name = {face.name: face for face in faces.used()}
    chars: dict[str, set[str]] = {faces.face("body").name: set(extra)}
    for line in lines:
        for run in line.runs:
            chars.setdefault(run.face, set()).update(run.text)
    return {name: (by_name[name], by_name[name].subset(sorted(used))) for name, used in sorted(chars.items())}


def folio_chars(pages: int) -> str:
    return "".join(P.folio_text(n) for n in range(1, pages + 1))


def render(document: Document, options: dict[str, Any] | None = None) -> bytes:
    """The PDF bytes of ``document`` (options: ``font``/``font_index``, ``font_title``,
    ``font_heading1``, ``font_heading2`` = font files to use instead of the defaults)."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from rectify_core.plugin_api import typefaces

    options = options or {}
    _paras, lines, faces = laid_out(document, options)
    pages = max((line.page for line in lines), default=1)
    registered: dict[str, str] = {}
    fonts = pdfmetrics._fonts  # reportlab's registry of fonts by name
    for name, (face, data) in subsets(lines, faces, folio_chars(pages)).items():
        reg = typefaces.subset_name(face, data)
        # Not pdfmetrics.registerFont: it maps every font to the first one registered with the same
        # face name, and each document's subset of a face has the face's name but other glyphs.
        # Entered for this document only, and taken out again below.
        fonts[reg] = TTFont(reg, io.BytesIO(data))
        registered[name] = reg
    try:
        return _draw(document, options, lines, faces, registered, pages)
    finally:
        for reg in registered.values():
            fonts.pop(reg, None)


def _draw(document: Document, options: dict[str, Any], lines: list[Any], faces: Any, registered: dict[str, str],
          pages: int) -> bytes:
    import io

    from reportlab.pdfgen.canvas import Canvas

    body = registered[faces.face("body").name]

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(P.PAGE_WIDTH, P.PAGE_HEIGHT), invariant=1, pageCompression=1,
                    initialFontName=body, initialFontSize=P.SIZE_BODY)
    canvas.setTitle(document.title or "通报")
    canvas.setCreator("rectify")
    canvas.setSubject("")
    # the 政务公开 list where PDF keeps a document's metadata: its Info dictionary (properties.py)
    from rectify_core.plugin_api import metadata

    from .properties import install_info

    sig = document.signature
    # with disclosure=cover the list is on the page instead (and read from there, not twice)
    pairs = [] if metadata.disclosure_on_cover(options) else metadata.disclosure_properties(document)
    install_info(canvas, pairs, (sig.issuer or "") if sig else "")
    by_page: dict[int, list[Any]] = {}
    for line in lines:
        by_page.setdefault(line.page, []).append(line)
    folio = faces.face("body")
    for number in range(1, pages + 1):
        for line in by_page.get(number, []):
            _draw_line(canvas, registered, line)
        _draw_folio(canvas, body, folio, number)
        canvas.showPage()
    canvas.save()
    return buf.getvalue()


def _draw_line(canvas: Any, fonts: dict[str, str], line: Any) -> None:
    # q … Q around each line: the render mode of a stroked run must not leak into the next line
    canvas.saveState()
    canvas.setLineWidth(line.size * BOLD_STROKE)
    text = canvas.beginText()
    text.setCharSpace(line.char_space)
    y = P.PAGE_HEIGHT - line.baseline
    for run in line.runs:
        text.setFont(fonts[run.face], line.size)
        text.setTextOrigin(run.x, y)
        # fill, then stroke: visibly heavier strokes, and what pdfium reports as bold
        text.setTextRenderMode(2 if run.stroke else 0)
        text.textOut(run.text)
    canvas.drawText(text)
    canvas.restoreState()


def _draw_folio(canvas: Any, font: str, face: Any, number: int) -> None:
    from rectify_core.plugin_api import typesetting

    x, baseline = typesetting.folio_position(number, face)
    text = canvas.beginText()
    text.setTextOrigin(x, P.PAGE_HEIGHT - baseline)
    text.setFont(font, P.SIZE_FOLIO)
    text.textOut(P.folio_text(number))
    canvas.drawText(text)


__all__ = ["PdfWriter", "laid_out", "render", "subsets"]
