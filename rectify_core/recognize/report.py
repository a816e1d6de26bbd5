"""Findings and removed text collected while recognising one source."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..findings import Finding, Location, Severity
from ..formats import Removed
from .blocks import Block


@dataclass
class Report:
    source: str
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    def where(self, block: Block | None) -> Location:
        if block is None:
            return Location(file=self.source)
        return Location(file=self.source, line=block.line, page=block.page)

    def add(self, rule: str, severity: Severity, zh: str, en: str, block: Block | None = None,
            pointer: str = "") -> None:
        self.findings.append(Finding(rule, severity, pointer, zh, en, self.where(block)))

    def remove(self, text: str, reason: str, block: Block | None) -> None:
        self.removed.append(Removed(text, reason, self.where(block)))


__all__ = ["Report"]
