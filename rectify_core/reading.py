"""One reading pipeline: a reader extracts, the core finishes.

::

    bytes ─► Reader.read(source, options, report) ─┬─ Document ─────────────────────┐
                                                   ├─ Shown(document) ─ facts ─────┤
                                                   └─ [Block …] ─ recognizer ──────┴─► ReadResult
                      report: findings · removed text · info · budget ──────────────────┘

Every reader, built-in or third-party, goes through :func:`read_source`, so a ReadResult is
built in exactly one place: facts are derived once (for what a page only shows as text),
furniture and findings are recorded once and sorted by where they stood in the source.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .budget import Budget, Limits, active
from .formats import Extracted, Reader, ReadResult, Shown, Source
from .model import Document
from .report import Report

if TYPE_CHECKING:
    from .recognize.blocks import Block


def _place(location: Any) -> tuple[int, int]:
    if location is None:
        return (0, 0)
    return (location.page or 0, location.line or 0)


def finish(extracted: Extracted, report: Report) -> ReadResult:
    """The ReadResult of a reader's output and its report (the only place one is built)."""
    if isinstance(extracted, Document):
        document = extracted
    elif isinstance(extracted, Shown):
        from .recognize.facts import derive_facts

        document = derive_facts(extracted.document)
    else:
        from .recognize.pipeline import build_document

        document = build_document(list(extracted), report)
    findings = sorted(report.findings, key=lambda f: _place(f.location))
    removed = sorted(report.removed, key=lambda r: _place(r.location))
    return ReadResult(document=document, findings=findings, removed=removed, info=dict(report.info))


def new_report(name: str, limits: Limits | None = None) -> Report:
    return Report(name, budget=Budget(limits or Limits(), name))


def read_source(reader: Reader, source: Source, options: dict[str, Any] | None = None, *,
                limits: Limits | None = None) -> ReadResult:
    """Run ``reader`` on ``source`` under a fresh report and budget, and finish the result."""
    report = new_report(source.name, limits)
    with active(report.budget):  # code below a reader that has no report at hand finds the budget too
        extracted = reader.read(source, dict(options or {}), report)
        result = finish(extracted, report)
    if not isinstance(extracted, Document):  # a visible format: is there text, and is it text?
        from .plausibility import check_document

        result.findings[:0] = check_document(result.document, source.name, removed=len(result.removed))
    return result


def read_blocks(blocks: Sequence[Block], *, source: str = "<blocks>") -> ReadResult:
    """Recognise blocks directly (tests, and callers that extract text themselves)."""
    return finish(blocks, new_report(source))


__all__ = ["finish", "new_report", "read_blocks", "read_source"]
