"""The GB/T 9704 page in PDF points: ``rectify_core.typeset.page`` (kept here for the reader side)."""

from rectify_core.typeset.page import *  # noqa: F403
from rectify_core.typeset.page import __all__  # noqa: F401
