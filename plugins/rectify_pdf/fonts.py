"""The faces the PDF writer embeds: ``rectify_core.typeset.fonts``."""

from rectify_core.plugin_api import typefaces

DEFAULT_FONT = typefaces.DEFAULT_FONT
FONT_DIR = typefaces.FONT_DIR
role_faces = typefaces.role_faces
check_coverage = typefaces.check_coverage

__all__ = ["DEFAULT_FONT", "FONT_DIR", "check_coverage", "role_faces"]
