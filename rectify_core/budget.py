"""The work budget of one read: limits on what an input may make us do, not only on its size.

A hostile file is dangerous by the *work* it causes — inflated bytes, pages, elements, nesting,
list numbers expanded to text, seconds — far more than by its length on disk.  :class:`Limits`
says how much of each kind one read may use; :class:`Budget` is created per read and charged by
the readers' own loops, raising :class:`SecurityError` (exit 3) naming the limit and the file as
soon as one is spent.

Limits come from three places, later ones winning:

1. :data:`DEFAULTS` — generous for any real 通报 (a few pages, a few thousand paragraphs), about
   two orders of magnitude above the largest one seen;
2. a reader's declared ``limits`` (a dict of overrides, e.g. the PDF reader's lower ``max_bytes``);
3. the caller: ``--limits max_pages=2000,timeout=30`` on the command line, ``limits=`` in the
   API (a :class:`Limits`, a dict or that same string).

Work inside libraries that cannot be interrupted (pdfium, libxml2) is bounded by running the read
in a worker process with ``max_memory`` and ``timeout`` applied by the operating system; see
:mod:`rectify_core.workers`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field, fields
from typing import Any

from .errors import SecurityError, UsageError
from .records import dataclass

MiB = 2**20

#: kind charged → the Limits field that bounds it, and what the message calls it
KINDS: dict[str, tuple[str, str]] = {
    "bytes": ("max_bytes", "input bytes"),
    "inflated": ("max_inflated", "decompressed bytes"),
    "pages": ("max_pages", "pages"),
    "elements": ("max_elements", "elements (paragraphs, lines, tags, values)"),
    "depth": ("max_depth", "nesting depth"),
    "numbering": ("max_numbering", "characters of generated list numbers"),
    "blocks": ("max_blocks", "paragraphs or lines of text"),
    "chars": ("max_chars", "characters of text"),
}


@dataclass(frozen=True)
class Limits:
    """How much work one read may do.  Every field is a ceiling; ``0`` is not "unlimited"."""

    max_bytes: int = 64 * MiB          # the input file, checked before it is read
    max_inflated: int = 256 * MiB      # decompressed bytes (zip members, PDF streams) together
    max_pages: int = 500
    max_elements: int = 200_000        # XML/HTML elements, JSON values, PDF form XObject draws
    max_depth: int = 200               # nesting of elements, objects, form XObjects
    max_numbering: int = 100_000       # characters of list numbers expanded from numbering definitions
    max_blocks: int = 50_000           # paragraphs/lines handed to the recognizer or held in the body
    max_chars: int = 500_000           # characters of text (a long 通报 has 50 000; reading costs ~5 µs one)
    timeout: float = 20.0              # wall-clock seconds for the whole read
    max_memory: int = 768 * MiB        # address space of a worker process (see rectify_core.workers)

    def replace(self, **changes: Any) -> Limits:
        return dataclasses.replace(self, **changes)

    def merged(self, overrides: Mapping[str, Any] | None) -> Limits:
        """These limits with ``overrides`` (field name → value, values may be strings) applied."""
        if not overrides:
            return self
        return self.replace(**{k: _coerce(k, v) for k, v in overrides.items()})

    @classmethod
    def parse(cls, text: str, base: Limits | None = None) -> Limits:
        """``max_pages=2000,timeout=30,max_memory=2G`` → Limits (sizes take K/M/G suffixes)."""
        return (base or cls()).merged(parse_pairs(text))

    def overrides(self) -> dict[str, Any]:
        """The fields that differ from the defaults: what a caller asked for explicitly."""
        base = Limits()
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) != getattr(base, f.name)}

    @classmethod
    def of(cls, value: Limits | Mapping[str, Any] | str | None, base: Limits | None = None) -> Limits:
        """Whatever the API accepted as ``limits=`` turned into Limits."""
        start = base or cls()
        if value is None:
            return start
        if isinstance(value, Limits):
            return value
        if isinstance(value, str):
            return cls.parse(value, start)
        return start.merged(value)


def parse_pairs(text: str) -> dict[str, Any]:
    """``max_pages=2000,timeout=30`` → {"max_pages": 2000, "timeout": 30.0}, each key and value checked."""
    pairs: dict[str, Any] = {}
    for item in (p.strip() for p in text.split(",")):
        if not item:
            continue
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--limits expects KEY=VALUE[,KEY=VALUE…], got {item!r}; keys: {', '.join(names())}")
        pairs[key.strip()] = _coerce(key.strip(), value)
    return pairs


def names() -> list[str]:
    return [f.name for f in fields(Limits)]


#: A pure-Python reader (``Reader.isolate`` False) reads an input up to this size in the calling
#: process: its loops charge the Budget and check the clock, and on 256 KiB of text no regex of the
#: recognizer runs long, so a worker would only add its cost (a fork and a second copy of the
#: recognizer's warm-up: ~70 ms of CPU for a CLI conversion of a seed, docs/performance.md).
IN_PROCESS_MAX = 256 * 1024

_SUFFIX = {"k": 2**10, "m": 2**20, "g": 2**30}


def _coerce(key: str, value: Any) -> Any:
    """A limit's value from a string or number; a bad key or value is a usage error naming both."""
    kinds = {f.name: f.type for f in fields(Limits)}
    if key not in kinds:
        raise UsageError(f"unknown limit {key!r}; known limits: {', '.join(kinds)}")
    text = str(value).strip().lower()
    try:
        if kinds[key] in (float, "float"):
            number: float = float(text.rstrip("s"))
        else:
            scale = 1
            if text and text[-1] in _SUFFIX:
                scale, text = _SUFFIX[text[-1]], text[:-1].rstrip("i")
            number = int(float(text) * scale) if "." in text or "e" in text else int(text) * scale
    except (ValueError, OverflowError):
        raise UsageError(f"limit {key} must be a number, got {value!r}") from None
    if not number > 0 or number != number or number == float("inf"):
        raise UsageError(f"limit {key} must be a positive finite number, got {value!r}")
    return number


@dataclass
class Budget:
    """What one read has spent; ``charge`` raises SecurityError when a limit is exceeded."""

    limits: Limits = field(default_factory=Limits)
    file: str | None = None
    spent: dict[str, int] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    def charge(self, kind: str, n: int = 1) -> None:
        """Add ``n`` units of ``kind`` (see :data:`KINDS`); also checks the clock now and then."""
        total = self.spent.get(kind, 0) + n
        self.spent[kind] = total
        attr, what = KINDS[kind]
        limit = getattr(self.limits, attr)
        if total > limit:
            raise SecurityError(f"the input needs more than {_amount(kind, limit)} {what}; limit {attr}={limit} "
                                f"(raise it with --limits {attr}=N if the file is trusted)", file=self.file)
        if kind != "depth" and total & 0x3FF < n:  # about every 1024 units
            self.check_time()

    def expect(self, kind: str, n: int) -> None:
        """Refuse now if ``n`` more units of ``kind`` would exceed the limit, without charging them.

        For a cheap count made before the expensive work (newlines before splitting lines,
        ``<`` before parsing a page) that the later stage will charge exactly.
        """
        attr, what = KINDS[kind]
        limit = getattr(self.limits, attr)
        if self.spent.get(kind, 0) + n > limit:
            raise SecurityError(f"the input holds about {n:,} {what}, more than the limit {attr}={limit} "
                                f"(raise it with --limits {attr}=N if the file is trusted)", file=self.file)

    def level(self, depth: int) -> None:
        """Refuse a nesting deeper than ``max_depth`` (depth is a current level, not a running sum)."""
        if depth > self.limits.max_depth:
            raise SecurityError(f"the input nests {depth} levels deep; limit max_depth={self.limits.max_depth}",
                                file=self.file)

    def check_time(self) -> None:
        elapsed = time.monotonic() - self.started
        if elapsed > self.limits.timeout:
            raise SecurityError(f"reading took longer than {self.limits.timeout:g} s; limit timeout="
                                f"{self.limits.timeout:g} (raise it with --limits timeout=N if the file is trusted)",
                                file=self.file)

    @property
    def remaining_seconds(self) -> float:
        return max(0.0, self.limits.timeout - (time.monotonic() - self.started))


def _amount(kind: str, limit: int) -> str:
    return f"{size_text(limit)} of" if kind in ("bytes", "inflated") else f"{limit:,}"


def size_text(n: float) -> str:
    """A byte count as people read it: 512 bytes, 3.5 KiB, 64 MiB, 1.2 GiB."""
    for unit, scale in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}" if n % scale else f"{n // scale:,.0f} {unit}"
    return f"{n:,.0f} bytes"


_CURRENT: ContextVar[Budget | None] = ContextVar("rectify_budget", default=None)


def current(file: str | None = None) -> Budget:
    """The budget of the read in progress (set by ``api.read``), or a fresh default one.

    Readers take it once at the start of ``read`` and pass it down; until the Report carries it
    (``report.budget``) this is how a reader called through the API finds the caller's limits.
    """
    budget = _CURRENT.get()
    if budget is None:
        return Budget(file=file)
    if budget.file is None:
        budget.file = file
    return budget


@contextmanager
def active(budget: Budget) -> Iterator[Budget]:
    """Make ``budget`` the one :func:`current` returns inside the block."""
    token = _CURRENT.set(budget)
    try:
        yield budget
    finally:
        _CURRENT.reset(token)


current_budget = current  # the name plugin_api exports (code below a reader that has no Report at hand)


def unlimited() -> Budget:
    """A budget for internal use (tests, re-reading our own output) that never refuses."""
    big = 2**62
    return Budget(Limits(max_bytes=big, max_inflated=big, max_pages=big, max_elements=big, max_depth=big,
                         max_numbering=big, timeout=float(big), max_memory=big))


__all__ = ["KINDS", "Budget", "Limits", "active", "current", "current_budget", "names", "parse_pairs", "size_text",
           "unlimited"]
