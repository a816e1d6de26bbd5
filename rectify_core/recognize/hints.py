"""Layout hints that say "heading" or "title" when the text does not: Word styles, HTML h1–h6, bold.

A txt file has no hints and reads from its text alone; a Word or HTML notice often has headings
with no typed number (a 标题 2 paragraph 强化组织领导, an ``<h3>``, a bold line of its own) and a
title that says only what it is by being centred and large.  The rules here turn those hints into
structure, and only where the text itself is silent:

* a block with an outline level (``Block.outline_level``, or a style named Heading N / 标题 N / hN)
  is a heading at that level;
* a bold block of its own that is short (≤ 40 characters) and at most one sentence is a heading
  whose level comes from its neighbours (see ``numbering``);
* neither applies to a line that opens a heading number, a rectification label, a status or a
  contact — the text already says what those are.

The title: the first block of the head that is centred and bold or large (≥ 1.15 × the body's
font size), or that has outline level 1 / a Title style, when it is not a sentence.
"""

from __future__ import annotations

import re

from ..patterns import compiled
from .blocks import Block
from .text import sentences

_HEADING_STYLE = compiled(
    r"^(?:heading|标题|標題|titre|überschrift|título|titolo|kop|заголовок|見出し|h)\s*([1-9])$", re.IGNORECASE)
_TITLE_STYLE = compiled(r"^(?:title|标题|標題|titre|titel|título|titolo|заголовок|表題)$", re.IGNORECASE)
BOLD_HEADING_MAX = 40
TITLE_MAX = 100
LARGE = 1.15  # a font this much larger than the body's is display type


def outline_level(block: Block) -> int | None:
    """The heading level the block's hints state (1 = top), or None."""
    if block.outline_level is not None and 1 <= block.outline_level <= 9:
        return block.outline_level
    if block.style:
        m = _HEADING_STYLE.match(block.style.strip())
        if m:
            return int(m.group(1))
    return None


def bold_heading(block: Block) -> bool:
    """A bold line of its own that reads as a heading: short, at most one sentence."""
    text = block.text
    return block.bold is True and len(text) <= BOLD_HEADING_MAX and len(sentences(text)) <= 1


def body_size(blocks: list[Block]) -> float | None:
    """The body's font size: the median of the sizes the blocks carry (None when none do)."""
    sizes = [b.size for b in blocks if b.size is not None and b.size > 0]
    if not sizes:  # plain text: no sizes, and no need for statistics (fractions, decimal, random: ~2 ms)
        return None
    from statistics import median

    return median(sizes)


def title_hint(block: Block, body: float | None) -> bool:
    """A block its layout marks as the title: centred and bold or large, or an outline level 1 / Title style."""
    text = block.text
    if not (2 <= len(text) <= TITLE_MAX) or text[-1] in "。；，、,;！？!?":
        return False
    if block.style and _TITLE_STYLE.match(block.style.strip()):
        return True
    if block.outline_level == 1:
        return True
    large = block.size is not None and body is not None and block.size >= LARGE * body
    return (block.align or "").lower() in ("center", "centre") and (block.bold is True or large)


__all__ = ["BOLD_HEADING_MAX", "body_size", "bold_heading", "outline_level", "title_hint"]
