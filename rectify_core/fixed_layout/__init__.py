"""Reading fixed-layout pages (PDF, OFD, and OCR output later): positioned glyphs → lines →
furniture → table rows → paragraphs → recognizer Blocks, one implementation for every reader.

``lines`` builds lines from glyph boxes; ``furniture``, ``tables`` and ``paragraphs`` work on
lines; ``blocks`` runs them in order and hands the result to the recognizer.
"""

from __future__ import annotations

from .blocks import LaidOut, lay_out, recognize_laid_out, whole_characters
from .lines import Glyph, PageText, Style, TextLine, build_lines

__all__ = ["Glyph", "LaidOut", "PageText", "Style", "TextLine", "build_lines", "lay_out", "recognize_laid_out",
           "whole_characters"]
