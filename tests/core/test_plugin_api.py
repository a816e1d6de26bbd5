"""The declared plugin API: built-in plugins import only ``rectify_core.plugin_api``; every name it
declares resolves; importing it stays cheap (the recognizer is not loaded)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import rectify_core.plugin_api as plugin_api

PLUGINS = Path(__file__).resolve().parents[2] / "plugins"


def _core_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "rectify_core":
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] == "rectify_core"]
    return found


def test_builtin_plugins_import_only_the_plugin_api():
    offenders = {str(p.relative_to(PLUGINS)): m for p in sorted(PLUGINS.rglob("*.py"))
                 for m in _core_imports(p) if m != "rectify_core.plugin_api"}
    assert offenders == {}


def test_every_declared_name_resolves():
    missing = [name for name in plugin_api.__all__ if getattr(plugin_api, name, None) is None]
    assert missing == []


def test_an_unknown_name_is_an_attribute_error():
    try:
        plugin_api.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_importing_the_api_does_not_load_the_recognizer():
    code = ("import sys, rectify_core.plugin_api; "
            "print(any(m.startswith('rectify_core.recognize.pipeline') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
