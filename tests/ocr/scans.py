"""Synthetic scans of our own PDFs, made in the tests: what a printed, sealed page looks like after a
scanner or a phone.  Each page is rendered by pdfium, turned slightly, given paper noise, stamped
with a red seal (a ring and a star, multiplied over the text like ink) and JPEG-compressed, then
placed as an image on an A4 page of a PDF with no text layer."""

from __future__ import annotations

import io

A4 = (595.28, 841.89)


def render(pdf: bytes, pages: list[int], dpi: int = 200) -> list[object]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_numpy().copy() for i in pages]
    finally:
        doc.close()


def scanned(image: object, *, angle: float = 0.8, noise: float = 6.0, seal: bool = True, seed: int = 7) -> object:
    """The page image as a scanner gives it back (RGB numpy array)."""
    import cv2
    import numpy as np

    img = np.asarray(image)[:, :, :3].astype(np.float32)
    h, w = img.shape[:2]
    if seal:  # red ink multiplies over what is under it: black text stays black, paper turns red
        stamp = np.full((h, w, 3), 255, np.float32)
        centre, radius = (int(w * 0.68), int(h * 0.30)), int(w * 0.12)
        red = (40, 40, 220)  # BGR-free: the array is RGB, so this is (R=40?) — set explicitly below
        cv2.circle(stamp, centre, radius, red, thickness=max(4, w // 200))
        star = np.array([[centre[0] + radius * 0.45 * np.cos(np.pi / 2 + k * 4 * np.pi / 5),
                          centre[1] - radius * 0.45 * np.sin(np.pi / 2 + k * 4 * np.pi / 5)] for k in range(5)],
                        np.int32)
        cv2.fillPoly(stamp, [star], red)
        mask = stamp[:, :, 0] < 255
        stamp[mask] = (215, 35, 35)  # RGB seal red
        img = img * stamp / 255.0
    rng = np.random.default_rng(seed)
    img = np.clip(img + rng.normal(0, noise, img.shape), 0, 255)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    img = cv2.warpAffine(img, matrix, (w, h), borderValue=(250, 250, 250))
    return img.astype(np.uint8)


def jpeg(image: object, quality: int = 75) -> bytes:
    import cv2
    import numpy as np

    ok, data = cv2.imencode(".jpg", cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR),
                            [cv2.IMWRITE_JPEG_QUALITY, quality])
    assert ok
    return bytes(data)


def png(image: object) -> bytes:
    import cv2
    import numpy as np

    ok, data = cv2.imencode(".png", cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2BGR))
    assert ok
    return bytes(data)


def image_pdf(jpegs: list[bytes]) -> bytes:
    """A PDF whose pages are the images and nothing else (no text layer)."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=True)
    for data in jpegs:
        c.drawImage(ImageReader(io.BytesIO(data)), 0, 0, width=A4[0], height=A4[1])
        c.showPage()
    c.save()
    return buf.getvalue()


def first_pages(pdf: bytes, count: int) -> bytes:
    """The first ``count`` pages of a PDF as a PDF of their own (text layer kept)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(src, list(range(count)))
        buf = io.BytesIO()
        out.save(buf)
        return buf.getvalue()
    finally:
        out.close()
        src.close()


def scan_of(pdf: bytes, pages: int, **kw: object) -> bytes:
    return image_pdf([jpeg(scanned(img, **kw)) for img in render(pdf, list(range(pages)))])  # type: ignore[arg-type]
