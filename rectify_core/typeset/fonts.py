"""The typefaces of the GB/T 9704 page, one per role, and the small font files the PDF and OFD back
ends embed.

GB/T 9704 sets the title in 小标宋, the body in 仿宋, 一、 headings in 黑体 and （一） headings in
楷体.  Those faces are not free; rectify uses freely licensed faces of the same kind (docs/pdf.md):

    role      face it is cut from                 licence                 found
    body      Noto Serif CJK SC (Rectify Serif)   SIL OFL 1.1             shipped (GB2312 subset)
    title     Noto Serif CJK SC Bold              SIL OFL 1.1             system (fonts-noto-cjk)
    heading1  Noto Sans CJK SC Bold (黑体 weight)     SIL OFL 1.1             system (fonts-noto-cjk)
    heading2  LXGW WenKai (霞鹜文楷)               SIL OFL 1.1             system (fonts-lxgw-wenkai)
              AR PL UKai (fallback)               Arphic Public License   system (fonts-arphic-ukai)

No free 仿宋 with simplified coverage exists (Debian's cwTeX 仿宋 is a Big5 face), so the body is a
serif (宋) face.  Shipping four CJK fonts would cost the package about 12 MB, and a notice may hold
any character: so only the body font ships (3 MB, GB2312), the other roles are read from the
machine's font folders, and every face is cut at write time down to the characters the document
uses (converted to TrueType outlines: reportlab cannot embed CFF).  A role whose face the machine
lacks is set in the body face (headings then in a stroked "bold"); a character the body subset lacks
is taken from the system's Noto Serif CJK, and only a character no face has is an error.  Options
``font`` (body), ``font_title``, ``font_heading1``, ``font_heading2`` name other TrueType/OpenType files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from dataclasses import field
from functools import lru_cache
from pathlib import Path
from typing import Any

from rectify_core.errors import InputError
from rectify_core.options import Option

from ..records import dataclass

FONT_DIR = Path(__file__).resolve().parent / "fonts"
DEFAULT_FONT = FONT_DIR / "RectifySerifSC-Regular.ttf"

ROLES = ("body", "title", "heading1", "heading2")

# Characters that are never drawn as glyphs, so need none.
_NO_GLYPH = frozenset(" ")


@dataclass(frozen=True)
class Candidate:
    """A font file a role may use: its file name, the face inside a collection, and what we call
    the cut we embed (the OFL asks modified fonts not to use the original's name)."""

    file: str
    face: str | None  # family name of the face in a .ttc; None: the file's only face
    family: str  # the family name of the embedded cut
    postscript: str
    source: str  # the original face, for docs and the licence list
    licence: str


_BODY = Candidate("RectifySerifSC-Regular.ttf", None, "Rectify Serif SC", "RectifySerifSC-Regular",
                  "Noto Serif CJK SC", "SIL OFL 1.1")
_BODY_WIDE = Candidate("NotoSerifCJK-Regular.ttc", "Noto Serif CJK SC", "Rectify Serif SC Ext",
                       "RectifySerifSCExt-Regular", "Noto Serif CJK SC", "SIL OFL 1.1")
CANDIDATES: dict[str, tuple[Candidate, ...]] = {
    "title": (
        Candidate("NotoSerifCJK-Bold.ttc", "Noto Serif CJK SC", "Rectify Title SC", "RectifyTitleSC-Bold",
                  "Noto Serif CJK SC Bold", "SIL OFL 1.1"),
        Candidate("NotoSerifCJKsc-Bold.otf", None, "Rectify Title SC", "RectifyTitleSC-Bold",
                  "Noto Serif CJK SC Bold", "SIL OFL 1.1"),
    ),
    "heading1": (
        Candidate("NotoSansCJK-Bold.ttc", "Noto Sans CJK SC", "Rectify Sans SC", "RectifySansSC-Bold",
                  "Noto Sans CJK SC Bold", "SIL OFL 1.1"),
        Candidate("NotoSansCJKsc-Bold.otf", None, "Rectify Sans SC", "RectifySansSC-Bold",
                  "Noto Sans CJK SC Bold", "SIL OFL 1.1"),
    ),
    "heading2": (
        Candidate("LXGWWenKai-Regular.ttf", None, "Rectify Kai SC", "RectifyKaiSC-Regular",
                  "LXGW WenKai", "SIL OFL 1.1"),
        Candidate("ukai.ttc", "AR PL UKai CN", "Rectify Kai SC", "RectifyKaiSC-Regular",
                  "AR PL UKai CN", "Arphic Public License"),
    ),
}

SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts",
               "/Library/Fonts", "/System/Library/Fonts", "C:/Windows/Fonts")


# the -O keys of the fixed-layout writers (PDF, OFD): other font files for the roles
OPTIONS = (
    Option("font", "path", None, "a TrueType/OpenType CJK font for the body instead of the bundled subset",
           "正文所用的中文 TrueType/OpenType 字体文件（默认用自带子集）"),
    Option("font_index", "int", 0, "which font of a .ttc collection (font)", ".ttc 字体集中的第几个字体"),
    Option("font_title", "path", None, "font file for the title (default: Noto Serif CJK SC Bold)",
           "标题字体文件（默认 Noto Serif CJK SC Bold）"),
    Option("font_heading1", "path", None, "font file for 一、 headings (default: Noto Sans CJK SC Bold)",
           "一级标题字体文件（默认 Noto Sans CJK SC Bold）"),
    Option("font_heading2", "path", None, "font file for （一） headings (default: LXGW WenKai)",
           "二级标题字体文件（默认霞鹜文楷）"),
)


@lru_cache(maxsize=1)
def _system_files() -> dict[str, str]:
    """Font file name → path under the usual font folders (the first found wins, sorted walk)."""
    found: dict[str, str] = {}
    for folder in SYSTEM_DIRS:
        root = os.path.expanduser(folder)
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames.sort()
            for name in sorted(filenames):
                found.setdefault(name, os.path.join(dirpath, name))
    return found


class Face:
    """One font file's face: its metrics, and subsets of it cut as small TrueType fonts."""

    def __init__(self, path: str, candidate: Candidate) -> None:
        from fontTools.ttLib import TTCollection, TTFont, TTLibError

        self.path = path
        self.candidate = candidate
        try:
            if candidate.face is not None and path.lower().endswith((".ttc", ".otc")):
                collection = TTCollection(path, lazy=True)
                fonts = [f for f in collection.fonts if candidate.face in
                         (f["name"].getDebugName(1), f["name"].getDebugName(16))]
                if not fonts:
                    raise InputError(f"no face named {candidate.face!r} in this font collection", file=path)
                self.font: Any = fonts[0]
            else:
                self.font = TTFont(path, lazy=True, recalcTimestamp=False, fontNumber=0)
            self.cmap: dict[int, str] = self.font.getBestCmap() or {}
            self.metrics: dict[str, tuple[int, int]] = self.font["hmtx"].metrics
            self.upm: int = self.font["head"].unitsPerEm
        except (OSError, TTLibError, KeyError, AssertionError) as exc:
            raise InputError(f"cannot use this font: {exc} (a TrueType or OpenType font is needed)",
                             file=path) from None
        self.cff = "CFF " in self.font
        self.glyph_set = self.font.getGlyphSet()
        self._glyphs: dict[str, Any] = {}
        os2 = self.font["OS/2"] if "OS/2" in self.font else None
        hhea = self.font["hhea"]
        self.ascent = int(os2.sTypoAscender if os2 is not None else hhea.ascent)
        self.descent = int(os2.sTypoDescender if os2 is not None else hhea.descent)
        self.notices = {i: self.font["name"].getDebugName(i) for i in (0, 13, 14)}

    @property
    def name(self) -> str:
        return self.candidate.postscript

    def has(self, ch: str) -> bool:
        return ord(ch) in self.cmap

    def advance(self, ch: str, size: float) -> float:
        glyph = self.cmap.get(ord(ch))
        units = self.metrics[glyph][0] if glyph is not None else self.upm
        return units * size / self.upm

    def _glyph(self, name: str) -> Any:
        """The glyph as a TrueType outline, components resolved (cached per process)."""
        glyph = self._glyphs.get(name)
        if glyph is None and not self.cff:
            source = self.font["glyf"][name]
            if not source.isComposite():  # a TrueType outline as it stands (no components to resolve)
                glyph = self._glyphs[name] = source
        if glyph is None:
            from fontTools.pens.cu2quPen import Cu2QuPen
            from fontTools.pens.recordingPen import DecomposingRecordingPen
            from fontTools.pens.ttGlyphPen import TTGlyphPen

            recording = DecomposingRecordingPen(self.glyph_set)
            self.glyph_set[name].draw(recording)
            pen = TTGlyphPen(None)
            # CFF contours run counter-clockwise, TrueType ones clockwise: reverse them.
            recording.replay(Cu2QuPen(pen, 1.0, reverse_direction=True) if self.cff else pen)
            glyph = self._glyphs[name] = pen.glyph()
        return glyph

    def subset(self, chars: Iterable[str]) -> bytes:
        """A TrueType font holding just ``chars`` (those this face has), deterministic bytes."""
        return _subset(self, frozenset(c for c in chars if self.has(c)))


@lru_cache(maxsize=64)
def _subset(face: Face, chars: frozenset[str]) -> bytes:
    import io

    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    codes = sorted(ord(c) for c in chars)
    order = [".notdef"] + [f"u{code:05X}" for code in codes]
    notdef = TTGlyphPen(None)
    glyphs = {".notdef": notdef.glyph()}
    metrics = {".notdef": (face.upm, 0)}
    for code, gname in zip(codes, order[1:], strict=True):
        source = face.cmap[code]
        glyph = face._glyph(source)
        glyphs[gname] = glyph
        metrics[gname] = (face.metrics[source][0], 0)
    builder = FontBuilder(face.upm, isTTF=True)
    builder.font.recalcTimestamp = False
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({code: gname for code, gname in zip(codes, order[1:], strict=True)})
    builder.setupGlyf(glyphs)
    glyf = builder.font["glyf"]
    for gname in order:  # left side bearing = the outline's left edge
        g = glyf[gname]
        g.recalcBounds(glyf)
        metrics[gname] = (metrics[gname][0], getattr(g, "xMin", 0))
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=face.ascent, descent=face.descent)
    c = face.candidate
    style = "Bold" if c.postscript.endswith("-Bold") else "Regular"
    note = f"{c.family} is a subset of {c.source} made by rectify ({c.licence})."
    builder.setupNameTable({
        "copyright": face.notices.get(0) or "", "familyName": c.family, "styleName": style,
        "uniqueFontIdentifier": f"{c.postscript};{note}", "fullName": f"{c.family} {style}",
        "psName": c.postscript, "licenseDescription": face.notices.get(13) or c.licence,
        "licenseInfoURL": face.notices.get(14) or "",
    }, mac=False)
    builder.setupOS2(sTypoAscender=face.ascent, sTypoDescender=face.descent, sTypoLineGap=0,
                     usWinAscent=face.ascent, usWinDescent=-face.descent, fsType=0)
    builder.setupPost()
    builder.setupHead(unitsPerEm=face.upm, created=0, modified=0)
    builder.font["head"].created = builder.font["head"].modified = 0
    buf = io.BytesIO()
    builder.save(buf)
    return buf.getvalue()


_FACES: dict[tuple[str, str], Face | None] = {}


def _open(path: str, candidate: Candidate) -> Face:
    key = (path, candidate.postscript)
    face = _FACES.get(key)
    if face is None:
        face = _FACES[key] = Face(path, candidate)
    return face


def _system_face(candidates: Iterable[Candidate]) -> Face | None:
    files = _system_files()
    for candidate in candidates:
        path = files.get(candidate.file)
        if path is not None:
            try:
                return _open(path, candidate)
            except InputError:
                continue
    return None


@dataclass
class Faces:
    """The face of each role for one document; ``for_char`` picks the face that draws a character."""

    roles: dict[str, Face]
    missing_roles: tuple[str, ...] = ()
    body_wide: Face | None = None  # opened the first time a character needs it (a large font)
    _wide_looked: bool = field(default=False)

    def face(self, role: str) -> Face:
        return self.roles.get(role) or self.roles["body"]

    def for_char(self, role: str, ch: str) -> Face | None:
        """The role's face if it has ``ch``; else the body face; else the system's wide serif."""
        for face in (self.roles.get(role), self.roles["body"]):
            if face is not None and face.has(ch):
                return face
        if not self._wide_looked:
            self._wide_looked = True
            self.body_wide = _system_face((_BODY_WIDE,))
        if self.body_wide is not None and self.body_wide.has(ch):
            return self.body_wide
        return None

    def glyph(self, role: str, ch: str, size: float) -> tuple[str, float, bool]:
        """The layout's ``Metrics``: face name, advance, and whether a missing heavy face is faked by
        stroking (the title and 一、 headings when the machine lacks their face)."""
        face = self.for_char(role, ch) or self.roles["body"]
        stroke = role in ("title", "heading1") and face is not self.roles.get(role)
        return face.name, face.advance(ch, size), stroke

    def used(self) -> list[Face]:
        return list(dict.fromkeys([*self.roles.values(), *([self.body_wide] if self.body_wide else [])]))


def role_faces(options: Mapping[str, Any]) -> Faces:
    """The faces for one document: options first, then the machine's fonts, then the body face."""
    roles: dict[str, Face] = {}
    body_path = options.get("font")
    if body_path:
        custom = Candidate(Path(str(body_path)).name, None, "Rectify Custom", "RectifyCustom-Regular",
                           Path(str(body_path)).name, "the user's font")
        index = int(options.get("font_index", 0) or 0)
        roles["body"] = _open_index(str(body_path), custom, index)
    else:
        roles["body"] = _open(str(DEFAULT_FONT), _BODY)
    missing = []
    for role, candidates in CANDIDATES.items():
        path = options.get(f"font_{role}")
        if path:
            c = candidates[0]
            custom = Candidate(Path(str(path)).name, None, c.family, c.postscript, Path(str(path)).name,
                               "the user's font")
            roles[role] = _open(str(path), custom)
            continue
        face = _system_face(candidates)
        if face is None:
            missing.append(role)
        else:
            roles[role] = face
    return Faces(roles, tuple(missing))


def _open_index(path: str, candidate: Candidate, index: int) -> Face:
    if index and path.lower().endswith((".ttc", ".otc")):
        from fontTools.ttLib import TTCollection, TTLibError

        try:
            family = TTCollection(path, lazy=True).fonts[index]["name"].getDebugName(1)
        except (OSError, TTLibError, IndexError) as exc:
            raise InputError(f"cannot use this font: {exc}", file=path) from None
        candidate = Candidate(candidate.file, family, candidate.family, candidate.postscript,
                              candidate.source, candidate.licence)
    return _open(path, candidate)


def check_coverage(faces: Faces, paragraphs: list[tuple[str, str, str]]) -> None:
    """Raise InputError naming the first paragraph with a character no face can draw.

    ``paragraphs`` holds (where, role, text); ``where`` is a human place such as "paragraph 12 (title)".
    """
    for where, role, text in paragraphs:
        missing = sorted({c for c in text if c not in _NO_GLYPH and faces.for_char(role, c) is None})
        if missing:
            listed = "、".join(f"“{c}” (U+{ord(c):04X})" for c in missing[:8])
            more = f" and {len(missing) - 8} more" if len(missing) > 8 else ""
            raise InputError(
                f"no font at hand has a glyph for {listed}{more}; a fixed-layout file would silently leave "
                "them out. Pass a font that has them (option font=PATH, a .ttf/.otf/.ttc)", location=where)


def subset_name(face: Face, data: bytes) -> str:
    """A name to register one subset under: the face's and a hash of the bytes (same bytes, same name)."""
    return f"{face.name}-{hashlib.sha1(data).hexdigest()[:10]}"


__all__ = [
    "CANDIDATES",
    "DEFAULT_FONT",
    "FONT_DIR",
    "OPTIONS",
    "ROLES",
    "Candidate",
    "Face",
    "Faces",
    "check_coverage",
    "role_faces",
    "subset_name",
]
