"""Real external clients (LibreOffice, Chromium, pandoc, xmllint …) for the tests that need them.

On a developer machine without the client the test is skipped with a reason; in CI (``CI=true``)
a missing client is a failure, because .ci/run installs every client and a silent skip there would
hide a broken install.
"""

from __future__ import annotations

import os
import shutil

import pytest


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def require_client(name: str) -> str:
    """Path of the executable ``name``; skip (or fail in CI) when it is not installed."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (.ci/run installs it)"
        if in_ci():
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    return path
