"""Findings as a SARIF 2.1.0 log, the format CI systems and code hosts display.

Kept apart from the command line so an HTTP service can return the same log: give
:func:`sarif_log` the findings of each file (and the files that could not be read) and serialise
the dict it returns with ``json.dumps``.

Mapping: a finding is a ``result`` (``ruleId``, ``level`` error/warning/note, the message in the
chosen language, the other language under ``properties``); its source line becomes a ``region``
and its JSON Pointer a ``logicalLocation``; a file that could not be read at all is a
``toolExecutionNotification`` of the invocation, which then reports ``executionSuccessful: false``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .findings import Finding
from .findings_format import message

if TYPE_CHECKING:
    from .findings_format import Lang

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(name: str) -> str:
    """A URI reference for a file name: relative paths stay relative, non-ASCII is percent-encoded."""
    if name in ("-", "<stdin>"):
        return "stdin"
    path = PurePath(name)
    text = path.as_posix()
    if path.is_absolute():
        return "file://" + quote(text, safe="/:")
    return quote(text, safe="/")


def _result(uri: str, f: Finding, lang: Lang) -> dict[str, Any]:
    other: Lang = "en" if lang == "zh" else "zh"
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    loc = f.location
    if loc is not None and loc.line is not None and loc.line >= 1:
        region: dict[str, Any] = {"startLine": loc.line}
        if loc.column is not None and loc.column >= 1:
            region["startColumn"] = loc.column
        physical["region"] = region
    location: dict[str, Any] = {"physicalLocation": physical}
    if f.pointer:
        location["logicalLocations"] = [{"fullyQualifiedName": f.pointer, "kind": "element"}]
    props: dict[str, Any] = {f"message_{other}": message(f, other)}
    if f.pointer:
        props["pointer"] = f.pointer
    if loc is not None and loc.page is not None:
        props["page"] = loc.page
    return {
        "ruleId": f.rule,
        "level": _LEVEL.get(f.severity, "note"),
        "message": {"text": message(f, lang)},
        "locations": [location],
        "properties": props,
    }


def sarif_log(files: Iterable[tuple[str, Sequence[Finding]]], *, lang: Lang = "en",
              failures: Iterable[tuple[str, str]] = (), version: str | None = None) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one rectify run.

    ``files`` pairs each file name with its findings; ``failures`` pairs each file that could not
    be read with the reason.  ``version`` is the tool version (rectify's by default).
    """
    if version is None:
        from . import __version__ as version
    results: list[dict[str, Any]] = []
    rules: dict[str, dict[str, Any]] = {}
    artifacts: dict[str, int] = {}
    for name, findings in files:
        uri = artifact_uri(name)
        artifacts.setdefault(uri, len(artifacts))
        for f in findings:
            rules.setdefault(f.rule, {"id": f.rule, "defaultConfiguration": {"level": _LEVEL.get(f.severity, "note")}})
            results.append(_result(uri, f, lang))
    notifications = []
    for name, reason in failures:
        uri = artifact_uri(name)
        artifacts.setdefault(uri, len(artifacts))
        notifications.append({"level": "error", "message": {"text": reason},
                              "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    return {
        "version": SARIF_VERSION,
        "$schema": SARIF_SCHEMA,
        "runs": [{
            "tool": {"driver": {"name": "rectify", "version": version,
                                "rules": [rules[k] for k in sorted(rules)]}},
            "artifacts": [{"location": {"uri": u}} for u in sorted(artifacts, key=artifacts.__getitem__)],
            "invocations": [invocation],
            "results": results,
            "columnKind": "unicodeCodePoints",
        }],
    }
