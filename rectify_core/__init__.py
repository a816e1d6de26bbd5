"""rectify: read, validate and write 巡视/巡察整改进展情况的通报.

The public names live in :mod:`rectify_core.api` (read, write, convert, validate, inspect) and
:mod:`rectify_core.model`; this package root stays tiny so ``import rectify_core`` is fast.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:
    from typing import Any

    import pluggy

    hookimpl: pluggy.HookimplMarker

__version__ = "0.1.0"

# The project's name, spelled once: the pluggy project, the entry-point group and the distribution.
PROJECT = "rectify"


def __getattr__(name: str) -> Any:
    """``hookimpl`` is made on first use: pluggy costs ~10 ms, and ``rectify --help`` or
    ``rectify formats`` (answered from the plugin index) need no plugin machinery."""
    if name == "hookimpl":
        import pluggy

        marker = pluggy.HookimplMarker(PROJECT)
        globals()["hookimpl"] = marker
        return marker
    raise AttributeError(f"module 'rectify_core' has no attribute {name!r}")


__all__ = ["PROJECT", "__version__", "hookimpl"]
