"""Plugin loading: built-ins through entry points, broken plugins skipped, strict and disable modes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from rectify_core import hookimpl, hookspecs
from rectify_core.errors import PluginError
from rectify_core.formats import Writer
from rectify_core.plugins import build_registry

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "rectify_core", *args], capture_output=True,
                          env=full_env, input=stdin, cwd=ROOT)


@pytest.fixture
def broken_plugin_dir(tmp_path: Path) -> Path:
    """A distribution installed on sys.path whose entry point raises on import."""
    (tmp_path / "rectify_broken.py").write_text("raise RuntimeError('this plugin is broken on purpose')\n")
    dist = tmp_path / "rectify_broken-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: rectify-broken\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[rectify]\nbroken = rectify_broken\n")
    return tmp_path


def test_builtin_formats_come_through_entry_points():
    reg = build_registry()
    assert "json" in reg.readers and "json" in reg.writers
    assert reg.plugins["json"].distribution == "rectify"


def test_a_broken_plugin_is_reported_and_skipped(broken_plugin_dir: Path):
    proc = run_cli("formats", "--json", env={"PYTHONPATH": str(broken_plugin_dir)})
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert any(f["name"] == "json" for f in data["formats"])
    assert any("broken" in e and "on purpose" in e for e in data["errors"])
    assert b"Traceback" not in proc.stderr


def test_strict_mode_turns_a_broken_plugin_into_an_error(broken_plugin_dir: Path):
    proc = run_cli("formats", env={"PYTHONPATH": str(broken_plugin_dir), "RECTIFY_STRICT_PLUGINS": "1"})
    assert proc.returncode == 2
    assert b"broken" in proc.stderr and b"Traceback" not in proc.stderr


def test_disable_plugins_by_name():
    proc = run_cli("formats", "--json", env={"RECTIFY_DISABLE_PLUGINS": "json"})
    assert proc.returncode == 0
    assert all(f["name"] != "json" for f in json.loads(proc.stdout)["formats"])


def test_unknown_hook_is_refused_per_plugin():
    class Typo:
        @hookimpl
        def rectify_register_format(self, register):  # missing "s"
            pass

    reg = build_registry(extra_plugins=[("typo", Typo())], load_entry_points=False)
    assert "typo" not in reg.plugins
    assert any("typo" in str(e) for e in reg.errors)


def test_duplicate_format_name_keeps_the_first():
    class W(Writer):
        name = "dup"
        extension = "dup"

        def write(self, document, sink, options):
            sink.write(b"x")

    class P:
        @hookimpl
        def rectify_register_formats(self, register):
            register(W())

    reg = build_registry(extra_plugins=[("a", P()), ("b", P())], load_entry_points=False)
    assert reg.owner[id(reg.writers["dup"])] == "a"
    assert any("already registered" in str(e) for e in reg.errors)


def test_strict_mode_raises_in_process(monkeypatch):
    class Bad:
        @hookimpl
        def rectify_register_formats(self, register):
            raise ValueError("boom")

    monkeypatch.setenv("RECTIFY_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="boom"):
        build_registry(extra_plugins=[("bad", Bad())], load_entry_points=False)


def test_every_hookspec_is_documented_with_a_usage_example():
    specs = [n for n in dir(hookspecs) if n.startswith("rectify_")]
    assert specs
    for name in specs:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert "register(" in doc and "Use in plugins" in doc, name


def test_sniffing_prefers_content_then_extension():
    reg = build_registry()
    head = b'{"schema": "rectify/tongbao", "version": "1.0.0"}'
    assert reg.reader_for(head, "notice.bin").name == "json"
    assert reg.reader_for(b"{}", "x.json").name == "json"


def test_plugin_module_imports_no_heavy_library():
    code = textwrap.dedent("""
        import sys
        from rectify_core.plugins import get_registry
        get_registry()
        heavy = [m for m in ("docx", "lxml", "pypdfium2", "reportlab", "jsonschema", "html5lib") if m in sys.modules]
        print(",".join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
