"""The worked example plugin (examples/rectify-markdown) passes the conformance kit.

.ci/run installs it (`pip install -e examples/rectify-markdown`); on a developer machine without it
the test is skipped with that reason, in CI it fails — an example that stops working must be seen.
"""

from __future__ import annotations

import importlib.util

import pytest

from rectify_core.testing.suite import FormatConformance

from .clients import in_ci

if importlib.util.find_spec("rectify_markdown") is None:
    message = "the example plugin is not installed: pip install -e examples/rectify-markdown"
    if in_ci():
        pytest.fail(f"CI=true but {message}", pytrace=False)
    pytest.skip(message, allow_module_level=True)


class TestMarkdownExample(FormatConformance):
    format = "markdown"


def test_the_example_plugin_is_listed_with_its_options(capsys):
    from rectify_core.cli import main

    assert main(["formats", "markdown", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "markdown 0.1.0" in out and "-O heading_offset (int = 0)" in out
