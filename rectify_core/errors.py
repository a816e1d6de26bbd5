"""One exception family, so callers (and the CLI's exit codes) can tell bad input from refusal."""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:
    from typing import Any


class RectifyError(Exception):
    """Base of every error rectify raises on purpose.

    ``exit_code`` is what the CLI returns for it (2 input or usage, 3 refused as hostile, 70 a
    bug); ``file`` and ``location`` say where, ``pointer`` is the JSON Pointer of the offending
    member when the error is about a document's content, and ``reason`` is the message without
    the place.
    """

    exit_code = 2

    def __init__(self, reason: str, *, file: str | None = None, location: str | None = None,
                 cli_reason: str | None = None, pointer: str | None = None) -> None:
        self.reason = reason
        self.file = file
        self.location = location
        #: the reason in command-line words (``--from`` where ``reason`` says ``format=``)
        self.cli_reason = cli_reason
        #: a JSON Pointer to the offending member when the error is about a document's content
        self.pointer = pointer
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return self._render(self.reason)

    def cli_message(self) -> str:
        """The message the ``rectify`` command prints: API parameter names replaced by its flags."""
        return self._render(self.cli_reason or self.reason)

    def _render(self, reason: str) -> str:
        where = ":".join(p for p in (self.file, self.location) if p)
        return f"{where}: {reason}" if where else reason


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
                 findings: list[Any] | None = None, document: Any = None, pointer: str | None = None) -> None:
        super().__init__(reason, file=file, location=location, pointer=pointer)
        self.findings = findings or []
        self.document = document


class UsageError(RectifyError):
    """The command line asked for something impossible (unknown format, output exists …)."""


class OutputError(RectifyError):
    """An output could not be written: no such folder, read-only or full disk, no permission, not a regular
    file, standard output closed."""


class InternalError(RectifyError):
    """A bug in rectify or a plugin, caught at the API boundary so callers see one exception family.

    The original exception is chained (``__cause__``); the CLI exits 70 for it.
    """

    exit_code = 70
