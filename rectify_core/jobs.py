"""The work of one file for convert, validate and inspect, as a picklable Job → FileOutcome.

The command line builds one :class:`Job` per input (targets already named, options already
split), and :func:`run_job` does it — in this process or in a worker — and never raises: a bad
file becomes a FileOutcome with a status, an exit code and the reason, so one file can never
stop a batch.  The same outcome is printed as text, JSON or SARIF and logged as one JSONL line.
"""

from __future__ import annotations

import time
from dataclasses import field
from typing import Any, Literal

from .findings import SEVERITY_RANK, Finding
from .records import dataclass

Command = Literal["convert", "validate", "inspect"]
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_SECURITY, EXIT_INTERNAL = 0, 1, 2, 3, 70
STATUS_OF_EXIT = {EXIT_OK: "ok", EXIT_FINDINGS: "findings", EXIT_INPUT: "error", EXIT_SECURITY: "refused",
                  EXIT_INTERNAL: "bug"}


@dataclass
class Job:
    """One input and what to do with it."""

    command: Command
    input: str
    from_format: str | None = None
    #: (writer name, target path or "-") for convert
    targets: list[tuple[str, str]] = field(default_factory=list)
    reader_options: dict[str, Any] = field(default_factory=dict)
    #: writer name → its options
    writer_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    force: bool = False
    #: lowest severity that fails the file (None: never)
    fail_on: str | None = "error"
    #: --limits overrides of the work budget (see rectify_core.budget)
    limits: dict[str, Any] | None = None
    #: language of the reasons this module writes ("zh" or "en")
    lang: str = "en"
    #: convert: rewrite half-width punctuation in Chinese text to full width (rectify_core.punctuation)
    normalize_punctuation: bool = False


@dataclass
class FileOutcome:
    """What happened to one input: the object of ``--format json`` and of each ``--log`` line."""

    input: str
    exit: int = EXIT_OK
    reason: str | None = None
    outputs: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    summary: dict[str, Any] | None = None
    #: pieces of text the reader took out (page numbers, running headers, label colons …)
    removed: int = 0
    #: the same counted by kind (``Removed.kind``), most first
    removed_kinds: dict[str, int] = field(default_factory=dict)
    #: bytes for a target of "-": the parent writes them to standard output
    stdout: bytes = b""

    @property
    def status(self) -> str:
        return STATUS_OF_EXIT.get(self.exit, "bug")


def failed(input: str, exc: BaseException) -> FileOutcome:
    """The outcome of a file that ended with ``exc`` (a RectifyError, or anything else: a bug)."""
    from .errors import RectifyError

    if isinstance(exc, RectifyError):
        out = FileOutcome(input, exit=exc.exit_code, reason=exc.cli_message())
        out.findings = list(getattr(exc, "findings", None) or [])
        return out
    return FileOutcome(input, exit=EXIT_INTERNAL, reason=f"internal error: {type(exc).__name__}: {exc}")


def run_job(job: Job) -> FileOutcome:
    """Do ``job``; never raises (except KeyboardInterrupt)."""
    start = time.perf_counter()
    try:
        outcome = _RUNNERS[job.command](job)
    except Exception as exc:  # RectifyError → its exit code; anything else is our bug (exit 70)
        outcome = failed(job.input, exc)
    outcome.timings["total_ms"] = (time.perf_counter() - start) * 1000
    return outcome


def _over(findings: list[Finding], fail_on: str | None) -> list[Finding]:
    if fail_on is None:
        return []
    rank = SEVERITY_RANK[fail_on]
    return [f for f in findings if SEVERITY_RANK[f.severity] >= rank]


def _read(job: Job, outcome: FileOutcome) -> Any:
    from . import api

    t = time.perf_counter()
    # isolate=None: a read by a reader that calls C libraries, or of an input over
    # budget.IN_PROCESS_MAX, runs in a worker process under the memory and time limits (unless this
    # already is a batch worker); a small input for a pure-Python reader is read here, under its Budget
    result = api.read(job.input, job.from_format, options=job.reader_options, limits=job.limits, isolate=None)
    outcome.timings["read_ms"] = (time.perf_counter() - t) * 1000
    return result


def _convert(job: Job) -> FileOutcome:
    import os

    from . import api
    from .errors import OutputError
    from .output import atomic_write, check_target, reason

    outcome = FileOutcome(job.input)
    # refuse before reading: the user learns at once, and nothing is half done; a device, a FIFO
    # or a folder is refused even with --force
    for _, target in job.targets:
        if target != "-":
            check_target(target, force=job.force)
    result = _read(job, outcome)
    outcome.removed = len(result.removed)
    outcome.removed_kinds = api.removed_summary(result.removed)["by_kind"]
    outcome.findings = [f for f in result.findings if f.severity != "info"]
    blocking = _over(outcome.findings, job.fail_on)
    if blocking:
        outcome.exit = EXIT_FINDINGS
        worst = blocking[0]
        outcome.reason = (f"未转换：{worst.severity} [{worst.rule}] 达到 --fail-on {job.fail_on} 级别"
                          "（--fail-on never 可照常转换）" if job.lang == "zh" else
                          f"not converted: {worst.severity} [{worst.rule}] at or above --fail-on "
                          f"{job.fail_on} (--fail-on never converts anyway)")
        return outcome
    document = result.document
    if job.normalize_punctuation:
        from .punctuation import describe

        document, changes = api.normalize_punctuation(document)
        outcome.findings.append(Finding(
            "punctuation.normalized", "info", changes[0].pointer if changes else "",
            f"已将中文文本中 {len(changes)} 处半角标点改为全角" if changes else "中文文本中没有半角标点",
            describe(changes)))
    t = time.perf_counter()
    # Render everything first, then write: one failing writer leaves no output at all.
    rendered = [(target, api.write_bytes(document, fmt, options=job.writer_options.get(fmt)))
                for fmt, target in job.targets]
    for target, data in rendered:
        if target == "-":
            outcome.stdout += data
        else:
            folder = os.path.dirname(target)
            if folder:
                try:
                    os.makedirs(folder, exist_ok=True)
                except OSError as exc:
                    raise OutputError(f"cannot make the folder {folder}: {reason(exc)}", file=target) from None
            atomic_write(target, data, force=job.force)  # without --force: created only if still absent
        outcome.outputs.append(target)
    outcome.timings["write_ms"] = (time.perf_counter() - t) * 1000
    return outcome


def _validate(job: Job) -> FileOutcome:
    from . import api
    from .checks import merge_findings, run_checks
    from .errors import SchemaError
    from .plugins import get_registry

    outcome = FileOutcome(job.input)
    try:
        result = _read(job, outcome)
    except SchemaError as exc:
        # A structured file that breaks the schema is a finding here, not an error: its schema
        # findings are reported with the semantic findings of the best-effort Document.
        if not exc.findings:
            raise
        semantic = run_checks(exc.document, extra=get_registry().checks) if exc.document is not None else []
        outcome.findings = list(exc.findings) + semantic
    else:
        t = time.perf_counter()
        outcome.findings = merge_findings(result.findings, api.validate(result.document))  # each fact once
        outcome.timings["check_ms"] = (time.perf_counter() - t) * 1000
    if _over(outcome.findings, job.fail_on):
        outcome.exit = EXIT_FINDINGS
    return outcome


def _inspect(job: Job) -> FileOutcome:
    from . import api
    from .checks import merge_findings

    outcome = FileOutcome(job.input)
    result = _read(job, outcome)
    outcome.findings = merge_findings(result.findings, api.validate(result.document))
    outcome.summary = api.inspect(result, outcome.findings)
    outcome.removed = len(result.removed)
    outcome.removed_kinds = api.removed_summary(result.removed)["by_kind"]
    if _over(outcome.findings, job.fail_on):
        outcome.exit = EXIT_FINDINGS
    return outcome


_RUNNERS = {"convert": _convert, "validate": _validate, "inspect": _inspect}
