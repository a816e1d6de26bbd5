"""pytest plugin (entry point ``pytest11: rectify``): hypothesis profiles and fixtures.

It *registers* three profiles and loads none, so installing rectify never changes another
project's hypothesis settings: ``rectify-ci`` (200 examples, derandomized), ``rectify-thorough``
(2000, random, for local bug hunting) and ``rectify-quick`` (25, while editing).  A plugin's own
conftest picks one, as rectify's does::

    from rectify_core.testing.pytest_plugin import load_profile
    load_profile()          # RECTIFY_HYPOTHESIS_PROFILE=thorough|quick|ci, default ci

Imports are lazy so the plugin costs nothing in test runs that do not use it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

PROFILES = ("ci", "thorough", "quick")


def register_profiles() -> None:
    from hypothesis import HealthCheck, settings

    common: dict[str, Any] = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                                          HealthCheck.data_too_large]}
    # ci is derandomized: a run's verdict depends on the code, not on the day's random seed; the
    # thorough profile stays random so local runs keep looking for new counter-examples.
    settings.register_profile("rectify-ci", max_examples=200, derandomize=True, **common)
    settings.register_profile("rectify-thorough", max_examples=2000, **common)
    settings.register_profile("rectify-quick", max_examples=25, **common)


def load_profile(name: str | None = None) -> str:
    """Load one of rectify's profiles (``name``, else $RECTIFY_HYPOTHESIS_PROFILE, else ``ci``)."""
    from hypothesis import settings

    chosen = name or os.environ.get("RECTIFY_HYPOTHESIS_PROFILE", "ci")
    if chosen not in PROFILES:
        raise pytest.UsageError(f"RECTIFY_HYPOTHESIS_PROFILE must be one of {', '.join(PROFILES)}, not {chosen!r}")
    register_profiles()
    settings.load_profile(f"rectify-{chosen}")
    return chosen


def pytest_configure(config: pytest.Config) -> None:
    register_profiles()


@pytest.fixture
def rectify_registry() -> Any:
    """The registry with every installed plugin loaded (what the CLI sees)."""
    from rectify_core.plugins import get_registry

    return get_registry()
