"""The one Finding type shared by schema validation, semantic checks and readers.

A finding is data, not an exception: readers report anomalies in real documents (a skipped
number, a date that contradicts another) and go on, so one odd line never costs a whole file.
"""

from __future__ import annotations

from typing import Any, Literal

from .records import dataclass

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Location:
    """Where in the *source file* a finding was seen (line is 1-based)."""

    file: str | None = None
    line: int | None = None
    column: int | None = None
    page: int | None = None

    def __str__(self) -> str:
        parts = [self.file or "<input>"]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column is not None:
            parts.append(f"col {self.column}")
        return ":".join(parts[:1]) + ("" if len(parts) == 1 else ":" + ", ".join(parts[1:]))


@dataclass(frozen=True)
class Finding:
    """A rule broken at one place: the rule id, how bad, where (a JSON Pointer, and the place in the
    source when known) and what, in Chinese and English."""

    rule: str
    severity: Severity
    pointer: str
    message_zh: str
    message_en: str
    location: Location | None = None

    @property
    def where(self) -> str:
        """Source location when known, else the JSON Pointer into the Document."""
        if self.location is not None and (self.location.line is not None or self.location.page is not None):
            return str(self.location)
        return self.pointer or "/"

    @property
    def message(self) -> str:
        return f"{self.message_zh} / {self.message_en}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule, "severity": self.severity, "where": self.where,
            "message": self.message, "pointer": self.pointer,
            "message_zh": self.message_zh, "message_en": self.message_en,
        }
        if self.location is not None:
            out["location"] = {k: v for k, v in vars(self.location).items() if v is not None}
        return out

    def __str__(self) -> str:
        return f"{self.where}: {self.severity}: [{self.rule}] {self.message}"


def at_least(findings: list[Finding], severity: str) -> list[Finding]:
    rank = SEVERITY_RANK[severity]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= rank]
