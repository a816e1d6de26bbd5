"""rectify: read, validate and write 巡视/巡察整改进展情况的通报.

The public names live in :mod:`rectify_core.api` (read, write, convert, validate, inspect) and
:mod:`rectify_core.model`; this package root stays tiny so ``import rectify_core`` is fast.
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

# The project's name, spelled once: the pluggy project, the entry-point group and the distribution.
PROJECT = "rectify"

hookimpl = pluggy.HookimplMarker(PROJECT)

__all__ = ["PROJECT", "__version__", "hookimpl"]
