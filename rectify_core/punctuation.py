"""Half-width punctuation inside Chinese text (GB/T 15834-2011): where it is, and the rewrite to
full width.

Notices typed on an English keyboard layout carry ``,`` ``:`` ``;`` ``(…)`` ``"…"`` and a final
``.`` inside Chinese sentences; GB/T 15834 sets Chinese text with full-width marks
(，：；（）“”。).  A mark counts as Chinese punctuation when it touches Chinese text:

* ``,`` ``;`` ``:`` — the character before or after it is a Chinese character or mark (so
  ``1,000``, ``12:30``, ``a,b`` stay);
* ``.`` — after a Chinese character, at the end of the text or before Chinese or a space (so ``1.5``,
  ``3.`` as a number, ``v1.2`` and file names stay);
* ``(…)`` and ``"…"`` — a matched pair whose content or either neighbour is Chinese, both halves
  together (an unmatched bracket is left alone);
* never inside a URL or an e-mail address (their whole span is skipped).

The rewrite (``normalize_document``) touches the prose fields of a Document — title, subtitle,
preamble, headings, paragraphs, findings, rectification accounts, closing — and reports what it
changed; it never touches markers (their own rule: ``numbering.halfwidth``), dates, contacts or
disclosure values (an 索引号 is an identifier).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import fields, is_dataclass, replace
from typing import Any

from .model import Document
from .patterns import compiled
from .records import dataclass

FULL = {",": "，", ";": "；", ":": "：", ".": "。", "(": "（", ")": "）"}
_CJK = compiled(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff60\u2014\u2026\u201c\u201d]")
_HAN = compiled(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PROTECTED = compiled(r"(?:https?://|ftp://|www\.)[^\s\u3000-\u303f\uff01-\uff60\u4e00-\u9fff]+"
                        r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_MARKS = compiled(r"[,;:.]")
_PAIRS = (compiled(r"\(([^()\n]*)\)"), compiled(r'"([^"\n]*)"'))
# the prose fields of the model, by dataclass field name
TEXT_FIELDS = frozenset({"title", "subtitle", "preamble", "heading", "paragraphs", "finding", "closing"})


def _cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK.match(ch))


@dataclass(frozen=True)
class Change:
    """One rewritten mark: where (JSON pointer, character offset), what it was and became."""

    pointer: str
    offset: int
    before: str
    after: str


def halfwidth_marks(text: str) -> list[tuple[int, str, str]]:
    """(offset, half-width mark, full-width mark) of each mark in ``text`` that GB/T 15834 wants
    full width (see the module docstring)."""
    if not any(mark in text for mark in ',;:.("'):
        return []  # most paragraphs of a notice typed in Chinese: nothing to look at
    skip: set[int] = set()
    for m in _PROTECTED.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ",.;:)":  # a mark after an address is the sentence's
            end -= 1
        skip.update(range(m.start(), end))
    out: dict[int, tuple[str, str]] = {}

    def chinese(j: int) -> bool:  # a Chinese character or mark, or a mark made full width here
        return 0 <= j < len(text) and (_cjk(text[j]) or j in out)

    candidates = [m.start() for m in _MARKS.finditer(text)]
    brackets = (("（", "）"), ("“", "”"))
    pairs = [(m, opening, closing) for pattern, (opening, closing) in zip(_PAIRS, brackets, strict=True)
             for m in pattern.finditer(text)]
    # A mark next to a mark made full width counts as Chinese too, so marks are judged again until
    # nothing changes.  Whether a mark is made full width only grows with ``out``, so after the first
    # pass only marks beside one changed since they were last judged can change (a second pass over
    # every mark cost seed 002 ~10 % of the scan).
    first, changed = True, set[int]()  # the first pass judges every mark
    while first or changed:
        before, changed = changed, set()

        def again(j: int, k: int) -> bool:  # was a neighbour changed since the last look?
            return j in before or k in before or j in changed or k in changed  # noqa: B023

        for m, opening, closing in pairs:
            a, b = m.start(), m.end() - 1
            if a in skip or b in skip or a in out or not (first or again(a - 1, b + 1)):
                continue
            if _HAN.search(m.group(1)) or chinese(a - 1) or chinese(b + 1):
                out[a] = (text[a], opening)
                out[b] = (text[b], closing)
                changed.update((a, b))
        for i in candidates:  # only the marks: a Python loop over every character cost ~5 ms a notice
            ch = text[i]
            if i in skip or i in out or not (first or again(i - 1, i + 1)):
                continue
            if ch == ".":
                before_ch = text[i - 1] if i > 0 else ""
                closes = bool(_HAN.match(before_ch)) or (i - 1) in out or (before_ch != "" and before_ch in "”）")
                hit = closes and (i + 1 == len(text) or text[i + 1].isspace() or chinese(i + 1))
            else:
                hit = chinese(i - 1) or chinese(i + 1)
            if hit:
                out[i] = (ch, FULL[ch])
                changed.add(i)
        first = False
    return [(i, a, b) for i, (a, b) in sorted(out.items())]


def normalize_text(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    marks = halfwidth_marks(text)
    if not marks:
        return text, []
    chars = list(text)
    for i, _a, b in marks:
        chars[i] = b
    return "".join(chars), marks


def texts(doc: Document) -> Iterator[tuple[str, str]]:
    """(JSON pointer, text) of every prose field of ``doc`` (see ``TEXT_FIELDS``)."""
    yield from _walk(doc, "")


_FIELDS: dict[type, tuple[str, ...]] = {}  # field names by class: asked for every object of every notice


def _walk(obj: Any, pointer: str) -> Iterator[tuple[str, str]]:
    names = _FIELDS.get(type(obj))
    if names is None:
        if not is_dataclass(obj) or isinstance(obj, type):
            return
        names = _FIELDS[type(obj)] = tuple(f.name for f in fields(obj))
    for name in names:
        value = getattr(obj, name)
        if value is None:
            continue
        here = f"{pointer}/{name}"
        if name in TEXT_FIELDS and isinstance(value, str):
            yield here, value
        elif name in TEXT_FIELDS and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            for i, v in enumerate(value):
                yield f"{here}/{i}", v
        elif isinstance(value, tuple):
            for i, v in enumerate(value):
                yield from _walk(v, f"{here}/{i}")
        elif is_dataclass(value):
            yield from _walk(value, here)


def count(doc: Document) -> tuple[Counter[str], tuple[str, int, str] | None]:
    """How many of each half-width mark stand in Chinese text, and the first (pointer, offset, mark)."""
    counts: Counter[str] = Counter()
    first: tuple[str, int, str] | None = None
    for pointer, text in texts(doc):
        for offset, mark, _full in halfwidth_marks(text):
            counts[mark] += 1
            if first is None:
                first = (pointer, offset, mark)
    return counts, first


def normalize_document(doc: Document) -> tuple[Document, list[Change]]:
    """``doc`` with every half-width mark in Chinese text made full width, and the changes made."""
    changes: list[Change] = []
    return _rewrite(doc, "", changes), changes


def _rewrite(obj: Any, pointer: str, changes: list[Change]) -> Any:
    if not is_dataclass(obj) or isinstance(obj, type):
        return obj
    updates: dict[str, Any] = {}
    for f in fields(obj):
        value = getattr(obj, f.name)
        here = f"{pointer}/{f.name}"
        new: Any = value
        if f.name in TEXT_FIELDS and isinstance(value, str):
            new = _fix(value, here, changes)
        elif f.name in TEXT_FIELDS and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            new = tuple(_fix(v, f"{here}/{i}", changes) for i, v in enumerate(value))
        elif isinstance(value, tuple):
            new = tuple(_rewrite(v, f"{here}/{i}", changes) for i, v in enumerate(value))
        elif is_dataclass(value):
            new = _rewrite(value, here, changes)
        if new is not value and new != value:
            updates[f.name] = new
    return replace(obj, **updates) if updates else obj


def _fix(text: str, pointer: str, changes: list[Change]) -> str:
    fixed, marks = normalize_text(text)
    changes.extend(Change(pointer, i, a, b) for i, a, b in marks)
    return fixed


def describe(changes: list[Change]) -> str:
    """One line for a person: how many of each mark were rewritten, and the first place."""
    if not changes:
        return "no half-width punctuation in Chinese text"
    counts = Counter(f"{c.before}→{c.after}" for c in changes)
    listed = ", ".join(f"{k} ×{n}" for k, n in sorted(counts.items()))
    return f"rewrote {len(changes)} half-width mark(s) to full width ({listed}); first at {changes[0].pointer}"


__all__ = ["FULL", "TEXT_FIELDS", "Change", "count", "describe", "halfwidth_marks", "normalize_document",
           "normalize_text", "texts"]
