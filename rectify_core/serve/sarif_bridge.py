"""Findings (as their JSON dicts) → SARIF 2.1.0, for ``POST /validate?format=sarif``."""

from __future__ import annotations

from typing import Any

from .. import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif_of(findings: list[dict[str, Any]], file: str) -> dict[str, Any]:
    rules = sorted({f["rule"] for f in findings})
    results = []
    for f in findings:
        region: dict[str, Any] = {}
        loc = f.get("location") or {}
        if loc.get("line"):
            region["startLine"] = loc["line"]
        physical: dict[str, Any] = {"artifactLocation": {"uri": file}}
        if region:
            physical["region"] = region
        results.append({"ruleId": f["rule"], "level": _LEVEL.get(f["severity"], "note"),
                        "message": {"text": f"{f['message_zh']} / {f['message_en']}"},
                        "locations": [{"physicalLocation": physical,
                                       "logicalLocations": [{"fullyQualifiedName": f.get("pointer") or "/"}]}]})
    return {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "rectify", "version": __version__,
                                          "rules": [{"id": r} for r in rules]}},
                      "results": results}]}


__all__ = ["sarif_of"]
