"""The faces the PDF writer embeds: ``rectify_core.typeset.fonts``."""

from rectify_core.typeset.fonts import DEFAULT_FONT, FONT_DIR, Faces, check_coverage, role_faces

__all__ = ["DEFAULT_FONT", "FONT_DIR", "Faces", "check_coverage", "role_faces"]
