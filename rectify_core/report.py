"""The one object a read reports into: findings, removed text, facts about the source, the budget.

Every reader — txt, PDF, docx, HTML, XML, JSON, and any third-party plugin — gets a ``Report``
from the core and writes into it; so does the recognizer.  The core alone turns a reader's
result and its report into the :class:`~rectify_core.formats.ReadResult` (``rectify_core.reading``),
so findings are sorted, furniture is recorded and facts are derived in one place instead of once
per reader.

``where`` arguments accept a recognizer :class:`~rectify_core.recognize.blocks.Block` (anything
with ``line`` and ``page``), a :class:`~rectify_core.findings.Location`, or ``None`` (the file).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Protocol

from .budget import Budget
from .findings import Finding, Location, Severity
from .formats import Removed
from .records import dataclass


class Placed(Protocol):
    """Anything that knows where in the source it stood (a recognizer Block, a PDF line …)."""

    @property
    def line(self) -> int | None: ...

    @property
    def page(self) -> int | None: ...


@dataclass
class Report:
    """What one read found out besides the Document itself."""

    source: str
    budget: Budget = field(default_factory=Budget)
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)

    def where(self, place: Placed | Location | None) -> Location:
        if place is None:
            return Location(file=self.source)
        if isinstance(place, Location):
            return place if place.file is not None else Location(self.source, place.line, place.column, place.page)
        return Location(file=self.source, line=place.line, page=place.page)

    def add(self, rule: str, severity: Severity, zh: str, en: str,
            where: Placed | Location | None = None, pointer: str = "") -> None:
        """Record a finding: a stable rule id, a severity, the message in Chinese and English."""
        self.findings.append(Finding(rule, severity, pointer, zh, en, self.where(where)))

    def remove(self, text: str, reason: str, where: Placed | Location | None = None) -> None:
        """Record text deliberately left out of the Document (page numbers, headers, site chrome)."""
        self.removed.append(Removed(text, reason, self.where(where)))


__all__ = ["Placed", "Report"]
