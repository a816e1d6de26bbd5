"""Reading fixed-layout pages (PDF, OFD, and OCR output later): positioned glyphs → lines →
furniture → table rows → paragraphs → recognizer Blocks, one implementation for every reader.

``lines`` builds lines from glyph boxes; ``furniture``, ``tables`` and ``paragraphs`` work on
lines; ``blocks`` runs them in order.  Plugins reach these through ``rectify_core.plugin_api``.
"""

from __future__ import annotations

from .blocks import lay_out
from .lines import Glyph, PageText, Style, TextLine, build_lines, is_latin

__all__ = ["Glyph", "PageText", "Style", "TextLine", "build_lines", "is_latin", "lay_out"]
