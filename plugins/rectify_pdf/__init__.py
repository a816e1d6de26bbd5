"""rectify's pdf format plugin (registered through the `rectify` entry-point group)."""

from __future__ import annotations

from typing import Any, Callable

from rectify_core import hookimpl


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    """Placeholder until the pdf reader/writer land; registers nothing."""
