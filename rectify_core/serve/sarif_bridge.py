"""Findings (as their JSON dicts) → SARIF 2.1.0, for ``POST /validate?format=sarif``.

The log is built by :mod:`rectify_core.sarif`, the same builder ``rectify validate --format
sarif`` uses, so the service and the command line give CI systems one layout.
"""

from __future__ import annotations

from typing import Any

from ..findings import Finding, Location
from ..sarif import sarif_log


def sarif_of(findings: list[dict[str, Any]], file: str, lang: str = "zh") -> dict[str, Any]:
    objects = [Finding(f["rule"], f["severity"], f.get("pointer") or "", f["message_zh"], f["message_en"],
                       Location(**f["location"]) if f.get("location") else None) for f in findings]
    return sarif_log([(file, objects)], lang="en" if lang == "en" else "zh")


__all__ = ["sarif_of"]
