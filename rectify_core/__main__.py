"""``python -m rectify_core`` is the ``rectify`` command."""

import sys

from .cli import console

sys.exit(console())
