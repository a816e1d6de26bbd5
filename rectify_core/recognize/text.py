"""Character classes and the only text normalisation the recognizer allows: white space.

Verbatim text is kept character for character.  What changes, and why:

* every line is stripped at both ends (the schema's Text has no outer white space);
* control characters (tab, form feed, vertical tab …), line/paragraph separators and a stray
  U+FEFF inside a line become one ASCII space each — the schema forbids them in Text;
* in hard-wrapped text taken from a PDF (see ``unwrap``) the lines of a paragraph are joined with
  nothing between them (a space only between two Latin letters), and runs of spaces between a CJK
  character and an ASCII letter or digit are removed (PDF extraction turns the typographic gap of
  "2020年4月" into "2020 年 4 月").  Spaces between two CJK characters are kept: they may be real.
"""

from __future__ import annotations

import unicodedata

from ..patterns import compiled

_CONTROL = compiled(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_OUTER = " \t\r\n\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

CJK_CLASS = r"\u2e80-\u2fff\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’…—·"
_CJK_ASCII_GAP = compiled(
    rf"(?<=[{CJK_CLASS}])[ \u00a0]+(?=[0-9A-Za-z])|(?<=[0-9A-Za-z%])[ \u00a0]+(?=[{CJK_CLASS}])"
)
_HAN = compiled(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

SENTENCE_END = "。！？!?"
OPENING_QUOTES = "“‘「『《（(〔【"
CLOSING_QUOTES = "”’」』》）)〕】"


def clean(text: str) -> str:
    """A line as the schema accepts it: control characters → space, no outer white space."""
    return _CONTROL.sub(" ", text).strip(_OUTER)


def invisible(text: str) -> list[str]:
    """The characters ``clean`` turns into spaces that are not white space themselves (a NUL, a bell,
    a stray BOM …), in order: the recognizer records them as removed so none disappears unlisted."""
    return [c for c in _CONTROL.findall(text) if not c.isspace()]


def close_cjk_gaps(text: str) -> str:
    """Remove spaces between CJK and ASCII letters/digits (PDF-extraction gaps only)."""
    return _CJK_ASCII_GAP.sub("", text)


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


def char_width(c: str) -> int:
    """Display width: CJK and East-Asian-ambiguous punctuation (“”…—) take two columns."""
    return 2 if unicodedata.east_asian_width(c) in "WFA" else 1


# The wide and ambiguous ranges that occur in Chinese text, for a fast count (see char_width).
_WIDE_RANGES = (
    "\u00a1-\u00ff\u2010-\u203f\u2103-\u2199\u2460-\u24ff\u2500-\u27bf\u2e80-\u303e\u3041-\u33ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff01-\uff60"
    "\uffe0-\uffe6\U00020000-\U0003fffd"
)
_NARROW = compiled(f"[^{_WIDE_RANGES}]")  # counted instead of the wide ones: Chinese text has few


def display_width(text: str) -> int:
    """``char_width`` summed over ``text`` (exact for the characters Chinese text uses), by one regex."""
    return 2 * len(text) - len(_NARROW.findall(text))


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one wrapped paragraph: nothing between them unless both sides are Latin."""
    if left[-1:].isascii() and left[-1:].isalpha() and right[:1].isascii() and right[:1].isalpha():
        return f"{left} {right}"
    return left + right


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: ends at 。！？ (with trailing closing quotes) outside brackets."""
    spans = []
    depth = 0
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c in OPENING_QUOTES:
            depth += 1
        elif c in CLOSING_QUOTES:
            depth = max(0, depth - 1)
        elif c in SENTENCE_END and depth == 0:
            j = i + 1
            while j < n and (text[j] in SENTENCE_END or text[j] in "”’」』"):
                j += 1
            spans.append((start, j))
            start = i = j
            continue
        i += 1
    if start < n:
        spans.append((start, n))
    return spans


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text) if text[a:b].strip()]


def ends_sentence(text: str) -> bool:
    t = text.rstrip("”’」』）)")
    return bool(t) and t[-1] in SENTENCE_END


__all__ = [
    "CJK_CLASS", "CLOSING_QUOTES", "OPENING_QUOTES", "SENTENCE_END", "char_width", "clean",
    "close_cjk_gaps", "display_width", "ends_sentence", "has_han", "invisible", "join_wrapped", "sentence_spans",
    "sentences",
]
