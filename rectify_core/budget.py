"""The work budget of one read: how much a hostile input may make a reader do before it is refused.

Byte caps alone do not bound work (a 2 KB PDF can inflate to gigabytes, a short numbering
definition can expand to millions of characters), so readers charge what they do — elements,
pages, inflated bytes, nesting depth, numbering expansion — against one ``Budget`` per read, and
check the clock in their loops.  Going over raises :class:`~rectify_core.errors.SecurityError`
naming the limit, which the CLI reports with exit code 3.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from .errors import SecurityError


@dataclass(frozen=True)
class Limits:
    """Ceilings for one read.  Defaults are far above any real notice (a 300-page notice is rare)."""

    max_bytes: int = 256 * 1024 * 1024
    max_inflated: int = 512 * 1024 * 1024
    max_pages: int = 2000
    max_elements: int = 2_000_000
    max_depth: int = 200
    max_numbering: int = 1_000_000
    timeout: float = 60.0
    max_memory: int = 2 * 1024 * 1024 * 1024


_KIND_LIMIT = {
    "bytes": "max_bytes",
    "inflated": "max_inflated",
    "pages": "max_pages",
    "elements": "max_elements",
    "depth": "max_depth",
    "numbering": "max_numbering",
}


@dataclass
class Budget:
    """Running totals against :class:`Limits`; ``charge`` and ``check_time`` raise when exceeded."""

    limits: Limits = field(default_factory=Limits)
    source: str | None = None
    spent: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def charge(self, kind: str, n: int = 1) -> None:
        total = self.spent.get(kind, 0) + n
        self.spent[kind] = total
        name = _KIND_LIMIT.get(kind)
        if name is None:
            raise ValueError(f"unknown budget kind {kind!r}")
        limit: int = getattr(self.limits, name)
        if total > limit:
            raise SecurityError(f"refused: more than {limit} {kind} (limit {name})", file=self.source)

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.timeout:
            raise SecurityError(f"refused: reading took longer than {self.limits.timeout:g} s (limit timeout)",
                                file=self.source)


__all__ = ["Budget", "Limits"]
