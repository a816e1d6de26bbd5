"""What reading rectify's own PDF gives back: ``rectify_core.typeset.expected`` (shared with OFD).

``whole_characters`` is also the reader's rule for indents: one definition for both directions.
"""

from __future__ import annotations

from rectify_core.plugin_api import Document, typesetting

whole_characters = typesetting.whole_characters
layout_blocks = typesetting.layout_blocks


def expected_pdf(document: Document) -> Document:
    """The Document that reading ``write_pdf(document)`` gives."""
    return typesetting.expected_fixed(document)


__all__ = ["expected_pdf", "layout_blocks", "whole_characters"]
