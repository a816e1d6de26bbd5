"""The recognizer: blocks of Chinese text (with optional layout hints) → a 通报 Document.

Shared by every reader of unstructured input (txt, PDF, foreign docx and HTML), so it assumes no
one layout.  Placeholder: every block becomes a preamble paragraph until the full recognizer lands.
"""

from __future__ import annotations

from ..formats import ReadResult
from ..model import Document
from .blocks import Block


def recognize(blocks: list[Block], *, source: str) -> ReadResult:
    """Turn ``blocks`` (in reading order) into a Document with findings and removed furniture."""
    paras = tuple(" ".join(b.text.split()) for b in blocks if b.text.strip())
    return ReadResult(document=Document(preamble=paras))


__all__ = ["Block", "recognize"]
