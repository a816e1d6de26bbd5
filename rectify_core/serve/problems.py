"""Errors as RFC 9457 problem details, in the CLI's exit-reason vocabulary.

A client sees the same reasons a script sees from the exit code: ``input`` (exit 2 → 422),
``usage`` (a bad query → 400), ``hostile`` (exit 3 → 422, with the refused ``kind``),
``too_large`` (413), ``busy`` (503 with Retry-After), ``unauthorized`` (401), ``not_found`` (404)
and ``bug`` (exit 70 → 500 with an ``id`` to quote in a report; never a traceback).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import field
from typing import Any

from ..errors import RectifyError, SecurityError, UsageError
from ..records import dataclass

MEDIA_TYPE = "application/problem+json"
TYPE_BASE = "urn:rectify:problem:"

_TITLES = {
    "input": "The input cannot be read as a notice",
    "usage": "The request asks for something impossible",
    "hostile": "The input was refused as hostile",
    "too_large": "The request body is too large",
    "busy": "The service is busy",
    "unauthorized": "A bearer token is required",
    "not_found": "No such resource",
    "method": "Method not allowed",
    "bug": "Internal error (a bug in rectify)",
}
_STATUS = {"input": 422, "usage": 400, "hostile": 422, "too_large": 413, "busy": 503, "unauthorized": 401,
           "not_found": 404, "method": 405, "bug": 500}


@dataclass
class Problem(Exception):
    """An HTTP error the service answers with ``application/problem+json``."""

    reason: str
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def status(self) -> int:
        return _STATUS[self.reason]

    def body(self) -> dict[str, Any]:
        return {"type": TYPE_BASE + self.reason, "title": _TITLES[self.reason], "status": self.status,
                "detail": self.detail, "reason": self.reason, **self.extra}

    def encoded(self) -> bytes:
        return json.dumps(self.body(), ensure_ascii=False).encode("utf-8")


def _hostile_kind(exc: SecurityError) -> str:
    """A short name for what was refused, from the message's named limit or attack."""
    text = exc.reason.lower()
    for marker, kind in (("limit max_memory", "memory"), ("limit timeout", "time"), ("limit max_", "work"),
                         ("zip", "zip"), ("entity", "xml-entities"), ("doctype", "xml-doctype"),
                         ("larger than", "size"), ("accepts at most", "size"), ("nest", "depth")):
        if marker in text:
            return kind
    return "other"


def from_error(exc: BaseException) -> Problem:
    """The problem a raised error stands for (never exposing a traceback)."""
    if isinstance(exc, Problem):
        return exc
    if isinstance(exc, SecurityError):
        return Problem("hostile", str(exc), {"kind": _hostile_kind(exc), "exit_code": 3})
    if isinstance(exc, UsageError):
        return Problem("usage", str(exc), {"exit_code": 2})
    if isinstance(exc, RectifyError):
        return Problem("input", str(exc), {"exit_code": 2})
    incident = uuid.uuid4().hex[:12]
    return Problem("bug", f"an internal error occurred; quote incident {incident} when reporting it",
                   {"id": incident, "exit_code": 70})


__all__ = ["MEDIA_TYPE", "Problem", "from_error"]
