"""Is what a reader extracted text a person could read?  One measure for every reader.

Readers of visible formats (PDF, docx, HTML, txt, OFD) can end up with nothing, or with well-formed
Unicode that is not what the page shows:

- **no text** — a page whose words are drawn as SVG paths, a PDF of page numbers only, an empty
  Word body: the file is refused (:class:`InputError`, exit 2); a reader that knows the cause
  raises it itself, the core's message says whether furniture was all there was;
- **unmapped glyphs** — U+FFFD (a lone UTF-16 surrogate, an undecodable code), private-use code
  points (a font's own codes without a ToUnicode map), control characters, unassigned code points;
- **implausible text** — a font whose ToUnicode map is off by a constant turns ``ICS 35.040`` into
  ``犐犆犛３５．０４０``: valid ideographs, but rare ones, in a row; a font mapped to its glyph
  indexes gives runs of ASCII symbols (``!"#$%&'()*+,``) where words should be.

The core runs :func:`check_document` once per read of a visible format (``rectify_core.reading``).
The ideograph test needs no frequency table: a Han character counts as *common* when it is in
GB 2312 (the 6763 characters of simplified Chinese print), in Big5's 5401 frequent characters or
in JIS X 0208 level 1 (2965 kanji).  Real notices and the real Chinese, Japanese and traditional
texts of the corpus have under 0.5 % of their Han characters outside those sets; the shifted
garbage of the corpus has 73–85 % (docs/corpus.md).  Rare characters of names (Extension B) are rare,
so they weigh nothing against a threshold of 20 %.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from .errors import InputError
from .findings import Finding, Location, Severity
from .model import Document
from .patterns import compiled
from .records import dataclass

#: share of implausible characters (of the non-space ones), or of rare ones among the Han characters,
#: from which text is reported
IMPLAUSIBLE_SHARE = 0.2
#: fewer characters than this are not judged (a title alone can be odd)
MIN_CHARACTERS = 20
_ASCII_SYMBOLS = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""  # string.punctuation, without importing string
_SYMBOLS = frozenset(_ASCII_SYMBOLS)
# a run of four or more ASCII symbols, three of them distinct, is glyph-index garbage
_SYMBOL_RUNS = compiled("[" + re.escape(_ASCII_SYMBOLS) + "]{4,}")


@dataclass(frozen=True)
class TextQuality:
    """Counts over the non-space characters of a text."""

    characters: int = 0
    unmapped: int = 0  # U+FFFD, private use, controls, unassigned, surrogates
    rare_han: int = 0  # Han characters outside the common sets
    han: int = 0
    symbol_runs: int = 0  # characters in runs of ASCII symbols

    @property
    def implausible(self) -> int:
        return self.unmapped + self.rare_han + self.symbol_runs

    @property
    def share(self) -> float:
        """Share of implausible characters, 0..1."""
        return self.implausible / self.characters if self.characters else 0.0

    @property
    def rare_han_share(self) -> float:
        """Share of rare ones among the Han characters, 0..1."""
        return self.rare_han / self.han if self.han else 0.0

    @property
    def doubtful(self) -> bool:
        """Implausible overall, or (for text in Han characters) implausible ideographs."""
        return ((self.characters >= MIN_CHARACTERS and self.share >= IMPLAUSIBLE_SHARE)
                or (self.han >= MIN_CHARACTERS and self.rare_han_share >= IMPLAUSIBLE_SHARE))


def _in_range(code: bytes, low: int, high: int) -> bool:
    return low <= code[0] <= high


_BASIC = 0x4E00  # U+4E00–U+9FFF, the basic ideographs: every one assigned, most of a notice's characters
_BASIC_BYTES = (0xA000 - _BASIC) // 8  # one bit each


def _common_basic() -> bytes:
    """One bit per basic ideograph: is it common (``_common_han``)?  Asking the three codecs costs a
    notice ~1 ms (loading them, encoding ~1000 characters), so the table is built once per
    installation, beside the plugin index, keyed by the Python build (whose codecs decide it)."""
    global _COMMON_BASIC
    if _COMMON_BASIC is None:
        import sys

        from .run_cache import RunCache

        cache = RunCache("tables", lambda: repr((1, sys.version, sys.hexversion)), max_entries=16)
        bits = cache.get("common_han")
        if not isinstance(bits, bytes) or len(bits) != _BASIC_BYTES:
            table = bytearray(_BASIC_BYTES)
            for code in range(_BASIC, 0xA000):
                if _common_han(chr(code)):
                    table[(code - _BASIC) >> 3] |= 1 << ((code - _BASIC) & 7)
            bits = bytes(table)
            cache.add("common_han", bits)
        _COMMON_BASIC = bits
    return _COMMON_BASIC


_COMMON_BASIC: bytes | None = None


@functools.lru_cache(maxsize=65536)
def _kind(ch: str) -> int:
    """0 plausible, 1 unmapped, 2 rare Han (cached: a text has a few thousand distinct characters)."""
    if "\u4e00" <= ch <= "\u9fff":
        code = ord(ch)
        return 0 if _common_basic()[(code - _BASIC) >> 3] >> ((code - _BASIC) & 7) & 1 else 2
    if ch == "\ufffd":
        return 1
    category = unicodedata.category(ch)
    if category in ("Co", "Cn", "Cs") or (category == "Cc" and ch not in "\t\n\r\f"):
        return 1
    if category == "Lo" and unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH"):
        return 0 if _common_han(ch) else 2
    return 0


def _common_han(ch: str) -> bool:
    for codec, low, high in (("gb2312", 0xB0, 0xF7), ("big5", 0xA4, 0xC6), ("euc-jp", 0xB0, 0xCF)):
        try:
            code = ch.encode(codec)
        except UnicodeEncodeError:
            continue
        if _in_range(code, low, high) and (codec != "big5" or code < b"\xc6\x7f"):
            return True
    return False


def measure(text: str) -> TextQuality:
    """Count what :class:`TextQuality` holds: each distinct character is judged once (a Counter
    and a regular expression do the per-character work in C: about 0.1 s a megabyte of CJK text)."""
    characters = unmapped = rare = han = 0
    for ch, n in Counter(text).items():
        if ch.isspace():
            continue
        characters += n
        if ch in _SYMBOLS:
            continue  # judged in runs below
        kind = _kind(ch)
        if kind == 1:
            unmapped += n
        elif kind == 2:
            rare += n
            han += n
        elif "\u4e00" <= ch <= "\u9fff":
            han += n
    symbols = sum(len(run) for run in _SYMBOL_RUNS.findall(text) if len(set(run)) >= 3)
    return TextQuality(characters, unmapped, rare, han, symbols)


def findings(quality: TextQuality, name: str) -> list[Finding]:
    """``read.unmapped-characters`` for any unmapped glyph, ``read.implausible-text`` when the
    share of implausible characters reaches :data:`IMPLAUSIBLE_SHARE`."""
    out: list[Finding] = []
    where = Location(file=name)
    if quality.unmapped:
        # a few icons from a symbol font are worth knowing; a text with 1 % unmapped is damaged
        severity: Severity = "warning" if quality.unmapped >= 0.01 * quality.characters else "info"
        out.append(Finding(
            rule="read.unmapped-characters", severity=severity, pointer="",
            message_zh=f"有{quality.unmapped}个字符无法映射为文字（显示为�、私用区或控制字符），"
                       f"占{quality.unmapped / max(quality.characters, 1):.1%}",
            message_en=f"{quality.unmapped} characters could not be mapped to text (shown as U+FFFD, private use "
                       f"or control characters): {quality.unmapped / max(quality.characters, 1):.1%} of the text",
            location=where))
    if quality.doubtful:
        parts_en = []
        if quality.rare_han:
            parts_en.append(f"{quality.rare_han} of {quality.han} Han characters ({quality.rare_han_share:.0%}) "
                            "are rare ones seldom seen in print")
        if quality.symbol_runs:
            parts_en.append(f"{quality.symbol_runs} characters are runs of ASCII symbols")
        if quality.unmapped:
            parts_en.append(f"{quality.unmapped} are unmapped")
        out.append(Finding(
            rule="read.implausible-text", severity="warning", pointer="",
            message_zh=f"提取的文字有{quality.share:.0%}不像正常文字（汉字中{quality.rare_han_share:.0%}为罕用字；"
                       "字体编码映射可能有误，文字可能是乱码）",
            message_en=f"{quality.share:.0%} of the extracted text is implausible ({'; '.join(parts_en)}): the "
                       "fonts' character maps are probably wrong, and the text may be garbage",
            location=where))
    return out


def check_text(texts: Iterable[str], name: str, *, removed: int = 0) -> list[Finding]:
    """Findings for the text a reader extracted, or InputError when there is none.

    ``texts`` are the visible paragraphs of the read document; ``removed`` is how many pieces of
    furniture were taken out (then the file showed *only* furniture, and the message says so).
    """
    text = "\n".join(texts)
    if not text.strip():
        if removed:
            raise InputError(f"no text to read: the file shows only page furniture ({removed} page number, "
                             "header or navigation line(s), listed by rectify inspect --json)", file=name)
        raise InputError("no text to read: the file shows no text", file=name)
    quality = measure(text)
    if quality.unmapped == quality.characters:
        raise InputError(f"no readable text: all {quality.characters} characters are unmapped (U+FFFD, private use "
                         "or control characters)", file=name)
    return findings(quality, name)


def check_document(document: Document, name: str, *, removed: int = 0) -> list[Finding]:
    """:func:`check_text` over the paragraphs ``document`` shows (the core runs it on every read of
    a visible format: Blocks and Shown documents, not structured JSON or XML)."""
    from .visible import flatten

    return check_text((p.text for p in flatten(document)), name, removed=removed)


__all__ = ["IMPLAUSIBLE_SHARE", "MIN_CHARACTERS", "TextQuality", "check_document", "check_text", "findings",
           "measure"]
