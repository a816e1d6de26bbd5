"""GB/T 33190-2016 (OFD) constants and value syntax, shared by the OFD reader and writer.

One place for what both directions must agree on: the namespace, the part names of a package
(``OFD.xml`` → ``Doc_0/Document.xml`` → ``Pages/Page_0/Content.xml`` …), the unit (millimetres),
and the small value grammars of the standard: ``ST_Box`` ("x y w h"), ``ST_Array`` with its ``g``
compression of repeated deltas ("g 3 10.5" = three times 10.5), ``ST_Loc`` paths (absolute from the
package root, or relative to the part that names them) and a CTM ("a b c d e f").

Readers match elements by local name: real files use other namespace URIs
(``http://www.ofdspec.org`` without the year) or none at all, and other prefixes than ``ofd:``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from rectify_core.plugin_api import dataclass

NS = "http://www.ofdspec.org/2016"  # the namespace the XSDs and GB/T 33190 fix
PREFIX = "ofd"
NSMAP = {PREFIX: NS}
# other namespace URIs real producers write (ofdrw's namespace_no_std.ofd and older files)
KNOWN_NAMESPACES = frozenset({NS, "http://www.ofdspec.org", "http://www.ofdspec.org/"})
VERSION = "1.0"
DOC_TYPE = "OFD"

MM_PER_PT = 25.4 / 72  # OFD's unit is the millimetre; PDF's (and the shared layout code's) the point
PT_PER_MM = 72 / 25.4

# part names, as GB/T 33190 §7 lays out a package and every producer we know follows
ENTRY = "OFD.xml"
DOC_DIR = "Doc_{n}"
DOCUMENT = "Document.xml"
PUBLIC_RES = "PublicRes.xml"
DOCUMENT_RES = "DocumentRes.xml"
PAGE_CONTENT = "Pages/Page_{n}/Content.xml"
TEMPLATE_CONTENT = "Tpls/Tpl_{n}/Content.xml"
RES_DIR = "Res"
SIGNATURES = "Signs/Signatures.xml"
ANNOTATIONS = "Annots/Annotations.xml"
ATTACHMENTS = "Attachs/Attachments.xml"


@dataclass(frozen=True)
class Box:
    """An ``ST_Box``: left, top, width, height in millimetres (y grows downwards, as on paper)."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    def __str__(self) -> str:
        return " ".join(fmt(v) for v in (self.x, self.y, self.w, self.h))


def fmt(value: float) -> str:
    """A number as OFD writes it: shortest form, no exponent, no trailing zeros (deterministic)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def parse_numbers(text: str | None) -> list[float]:
    """The numbers of an ``ST_Array``, ``ST_Pos`` or ``ST_Box`` (white space or commas between).

    Raises ValueError for anything that is not a number (callers turn it into an InputError naming
    the part)."""
    if not text:
        return []
    return [float(t) for t in text.replace(",", " ").split()]


def parse_box(text: str | None) -> Box | None:
    """An ``ST_Box``, or None when absent or not four numbers."""
    try:
        values = parse_numbers(text)
    except ValueError:
        return None
    if len(values) != 4:
        return None
    return Box(*values)


def parse_deltas(text: str | None, limit: int) -> list[float]:
    """A ``DeltaX``/``DeltaY`` array with ``g`` compression expanded: ``"g 3 10.5 2"`` →
    ``[10.5, 10.5, 10.5, 2.0]``.  At most ``limit`` values are produced (a text code needs one
    per character after the first; a hostile ``g 999999999`` must not allocate more).  A malformed
    array raises ValueError."""
    out: list[float] = []
    tokens = (text or "").replace(",", " ").split()
    i = 0
    while i < len(tokens) and len(out) < limit:
        if tokens[i] == "g":
            if i + 2 >= len(tokens):
                raise ValueError(f"'g' needs a count and a value: {text!r}")
            count = int(tokens[i + 1])
            value = float(tokens[i + 2])
            out.extend([value] * max(0, min(count, limit - len(out))))
            i += 3
        else:
            out.append(float(tokens[i]))
            i += 1
    return out


def compress_deltas(values: Iterable[float]) -> str:
    """The inverse of :func:`parse_deltas`: runs of three or more equal deltas as ``g n v``."""
    items = [fmt(v) for v in values]
    out: list[str] = []
    i = 0
    while i < len(items):
        j = i
        while j < len(items) and items[j] == items[i]:
            j += 1
        run = j - i
        out.extend(["g", str(run), items[i]] if run >= 3 else items[i:j])
        i = j
    return " ".join(out)


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def parse_ctm(text: str | None) -> Matrix:
    """A CTM "a b c d e f" (x' = a·x + c·y + e, y' = b·x + d·y + f); identity when absent or bad."""
    try:
        values = parse_numbers(text)
    except ValueError:
        return IDENTITY
    if len(values) != 6:
        return IDENTITY
    return (values[0], values[1], values[2], values[3], values[4], values[5])


def multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` applied first, then ``outer`` (a CTM inside a block inside a page)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def resolve(base: str, loc: str) -> str:
    """The package path an ``ST_Loc`` names: ``/Doc_0/x.xml`` from the root, anything else relative
    to the folder of the part ``base`` that holds the reference.  Backslashes (Windows producers)
    count as slashes; the result never climbs above the root (``..`` past it is dropped)."""
    loc = loc.strip().replace("\\", "/")
    if loc.startswith("/"):
        path = loc
    else:
        path = posixpath.join("/" + posixpath.dirname(base.lstrip("/")), loc)
    return posixpath.normpath(path).lstrip("/")


def localname(tag: object) -> str:
    """An element's name without its namespace (``{http://www.ofdspec.org/2016}Page`` → ``Page``)."""
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1]


__all__ = [
    "ANNOTATIONS", "ATTACHMENTS", "DOCUMENT", "DOCUMENT_RES", "DOC_DIR", "DOC_TYPE", "ENTRY", "IDENTITY",
    "KNOWN_NAMESPACES", "MM_PER_PT", "NS", "NSMAP", "PAGE_CONTENT", "PREFIX", "PT_PER_MM", "PUBLIC_RES",
    "RES_DIR", "SIGNATURES", "TEMPLATE_CONTENT", "VERSION", "Box", "Matrix", "apply", "compress_deltas",
    "fmt", "localname", "multiply", "parse_box", "parse_ctm", "parse_deltas", "parse_numbers", "resolve",
]
