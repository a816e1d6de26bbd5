"""One exception family, so callers (and the CLI's exit codes) can tell bad input from refusal."""

from __future__ import annotations

from typing import Any


class RectifyError(Exception):
    """Base of every error rectify raises on purpose.  ``exit_code`` is what the CLI returns."""

    exit_code = 2

    def __init__(self, reason: str, *, file: str | None = None, location: str | None = None) -> None:
        self.reason = reason
        self.file = file
        self.location = location
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ":".join(p for p in (self.file, self.location) if p)
        return f"{where}: {self.reason}" if where else self.reason


class InputError(RectifyError):
    """The input cannot be read as a 通报: wrong format, truncated, undecodable, invalid."""


class SecurityError(RectifyError):
    """The input was refused because it looks hostile (entity expansion, zip bomb, path escape)."""

    exit_code = 3


class PluginError(RectifyError):
    """A plugin failed to load or broke its contract."""


class SchemaError(RectifyError):
    """A document does not follow the schema, or has an incompatible schema version.

    ``findings`` holds the located schema findings, and ``document`` the best-effort Document when
    one could still be built, so ``rectify validate`` can report every problem of a file at once
    instead of stopping at the first.
    """

    def __init__(self, reason: str, *, file: str | None = None, location: str | None = None,
                 findings: list[Any] | None = None, document: Any = None) -> None:
        super().__init__(reason, file=file, location=location)
        self.findings = findings or []
        self.document = document


class OutputError(RectifyError):
    """The output cannot be written: read-only or full disk, no permission, not a regular file, stdout closed."""


class UsageError(RectifyError):
    """The command line asked for something impossible (unknown format, output exists …)."""
