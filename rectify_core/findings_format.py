"""How findings are shown: one layout for every command, in one language.

* text: ``file:line: severity: [rule] message`` — the GNU layout compilers use, so editors and CI
  logs jump to the line.  A finding about a document member rather than a source line ends with
  the member's JSON Pointer in brackets: ``file: error: [schema.format] … [/signature/date/iso]``.
* JSON: :func:`file_record` is the one stable shape of a file's outcome — the same object in
  ``--format json`` of convert, validate and inspect and in each line of ``--log FILE.jsonl``.
* SARIF: see :mod:`rectify_core.sarif`.

Messages come in Chinese and English; one language is shown (``--lang``, default from the locale).
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:  # only annotations: `rectify formats` and `--help` import this module, not the model
    from collections.abc import Iterable, Mapping, Sequence
    from typing import Any, Literal

    from .findings import Finding

    Lang = Literal["zh", "en"]  # a type only: import it under TYPE_CHECKING

LANGS: tuple[Lang, ...] = ("zh", "en")
FORMATS = ("text", "json", "sarif")
JSON_SHAPE_VERSION = 1


def default_lang(environ: Mapping[str, str] | None = None) -> Lang:
    """``zh`` when the locale is Chinese (LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them)."""
    env = os.environ if environ is None else environ
    for key in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(key, "")
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def message(f: Finding, lang: Lang) -> str:
    """The finding's message in ``lang`` (the other language when that one is missing)."""
    return (f.message_zh or f.message_en) if lang == "zh" else (f.message_en or f.message_zh)


def gnu_line(file: str, f: Finding, lang: Lang) -> str:
    """``file:line[:col]: severity: [rule] message`` (or ``file: …  [pointer]`` without a line)."""
    loc = f.location
    place = file
    tail = ""
    if loc is not None and loc.line is not None:
        place += f":{loc.line}" + (f":{loc.column}" if loc.column is not None else "")
        if loc.page is not None:
            tail = f" (page {loc.page})" if lang == "en" else f"（第 {loc.page} 页）"
    elif loc is not None and loc.page is not None:
        tail = f" (page {loc.page})" if lang == "en" else f"（第 {loc.page} 页）"
    elif f.pointer:
        tail = f" [{f.pointer}]"
    return f"{place}: {f.severity}: [{f.rule}] {message(f, lang)}{tail}"


def finding_dict(f: Finding, lang: Lang) -> dict[str, Any]:
    """One finding in the stable JSON shape: every key present, ``null`` when unknown."""
    loc = f.location
    return {
        "rule": f.rule,
        "severity": f.severity,
        "message": message(f, lang),
        "message_zh": f.message_zh,
        "message_en": f.message_en,
        "pointer": f.pointer or None,
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "page": loc.page if loc else None,
    }


def file_record(outcome: Any, lang: Lang) -> dict[str, Any]:
    """A file's outcome (a :class:`rectify_core.batch.FileOutcome`) as the stable JSON object."""
    return {
        "input": outcome.input,
        "status": outcome.status,
        "exit": outcome.exit,
        "reason": outcome.reason,
        "outputs": list(outcome.outputs),
        "rules": sorted({f.rule for f in outcome.findings}),
        "findings": [finding_dict(f, lang) for f in outcome.findings],
        "removed": outcome.removed,
        "timings": {k: round(v, 1) for k, v in outcome.timings.items()},
        "summary": outcome.summary,
    }


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    out = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        out[f.severity] = out.get(f.severity, 0) + 1
    return out


def report(command: str, outcomes: Sequence[Any], exit_code: int, lang: Lang) -> dict[str, Any]:
    """What ``--format json`` prints for any command: the tool, the files, and a summary."""
    from . import __version__

    statuses: dict[str, int] = {}
    for o in outcomes:
        statuses[o.status] = statuses.get(o.status, 0) + 1
    return {
        "tool": "rectify",
        "version": __version__,
        "shape": JSON_SHAPE_VERSION,
        "command": command,
        "files": [file_record(o, lang) for o in outcomes],
        "summary": {
            "files": len(outcomes),
            "statuses": statuses,
            "findings": counts(f for o in outcomes for f in o.findings),
            "exit": exit_code,
        },
    }
