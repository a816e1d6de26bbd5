"""pytest plugin (entry point ``pytest11: rectify``): hypothesis profiles and fixtures.

Profiles: ``ci`` (200 examples, derandomized; the default), ``thorough`` (2000, for local runs:
``RECTIFY_HYPOTHESIS_PROFILE=thorough pytest``), ``quick`` (25, while editing).  Imports are lazy
so the plugin costs nothing in test runs that do not use it.
"""

from __future__ import annotations

import os
from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    from hypothesis import HealthCheck, settings

    common: dict[str, Any] = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow,
                                                                          HealthCheck.data_too_large]}
    # ci is derandomized: a run's verdict depends on the code, not on the day's random seed; the
    # thorough profile stays random so local runs keep looking for new counter-examples.
    settings.register_profile("ci", max_examples=200, derandomize=True, **common)
    settings.register_profile("thorough", max_examples=2000, **common)
    settings.register_profile("quick", max_examples=25, **common)
    settings.load_profile(os.environ.get("RECTIFY_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def rectify_registry() -> Any:
    """The registry with every installed plugin loaded (what the CLI sees)."""
    from rectify_core.plugins import get_registry

    return get_registry()
