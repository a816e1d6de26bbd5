"""Semantic rules beyond the schema, each with a stable id, a severity and a bilingual message.

The schema says what a 通报 *may* contain; these rules say what a correct one *does*: numbers run
without gaps, statistics add up, dates come in order.  Readers never stop on these — a real notice
with a skipped number is still read — and ``rectify validate --fail-on`` decides what fails a run.
Plugins add rules with the ``rectify_register_checks`` hook (see :class:`Check`).

Every fact a Document shows is a rule here, and only here, so a notice gets the same findings
whatever format it was read from (the recognizer reports none of these itself; it only gives them
a source line, ``locate``).  The rules live by family: ``numbering`` (markers and levels),
``content`` (problems, statuses, statistics, dates, contacts, title and signature) and ``genre``
(is it a 通报 at all, 巡视/巡察 mixed, an account without its label).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..findings import Finding, Severity
from ..model import Document
from ..records import dataclass

Hit = tuple[str, str, str]  # (JSON pointer, message zh, message en)


@dataclass(frozen=True)
class Check:
    """A rule: ``run(document)`` yields (pointer, zh, en) for each place that breaks it."""

    rule: str
    severity: Severity
    run: Callable[[Document], Iterable[Hit]]
    summary: str = ""

    def findings(self, doc: Document) -> list[Finding]:
        return [Finding(self.rule, self.severity, p, zh, en) for p, zh, en in self.run(doc)]


BUILTIN: list[Check] = []


def rule(rule_id: str, severity: Severity, summary: str) -> Callable[[Callable[[Document], Iterable[Hit]]], Check]:
    def wrap(fn: Callable[[Document], Iterable[Hit]]) -> Check:
        check = Check(rule_id, severity, fn, summary)
        BUILTIN.append(check)
        return check
    return wrap


def run_checks(doc: Document, extra: Iterable[Check] = ()) -> list[Finding]:
    out: list[Finding] = []
    for check in [*BUILTIN, *extra]:
        out.extend(check.findings(doc))
    return out


def merge_findings(first: Iterable[Finding], then: Iterable[Finding]) -> list[Finding]:
    """``first`` (a read's findings, with source lines) and those of ``then`` (validation) that
    ``first`` does not already hold: one finding per rule id and JSON Pointer, so a fact seen while
    reading and again by validation is reported once."""
    out = list(first)
    seen = {(f.rule, f.pointer) for f in out}
    out += [f for f in then if (f.rule, f.pointer) not in seen]
    return out


from . import content, genre, numbering  # noqa: E402  (registers the built-in rules)

_FAMILIES = ("numbering", "content", "genre")
BUILTIN.sort(key=lambda c: _FAMILIES.index(c.run.__module__.rsplit(".", 1)[-1]))  # stable: file order within

__all__ = ["BUILTIN", "Check", "Hit", "content", "genre", "merge_findings", "numbering", "rule", "run_checks"]
