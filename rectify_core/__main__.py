"""``python -m rectify_core`` is the ``rectify`` command."""

import sys

from .cli import main

sys.exit(main())
