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
    proc = run_cli("formats", "--json", env={"PYTHONPATH": str(broken_plugin_dir), "RECTIFY_STRICT_PLUGINS": "0"})
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


def test_unknown_hook_is_refused_per_plugin(monkeypatch):
    monkeypatch.setenv("RECTIFY_STRICT_PLUGINS", "0")

    class Typo:
        @hookimpl
        def rectify_register_format(self, register):  # missing "s"
            pass

    reg = build_registry(extra_plugins=[("typo", Typo())], load_entry_points=False)
    assert "typo" not in reg.plugins
    assert any("typo" in str(e) for e in reg.errors)


def test_duplicate_format_name_keeps_the_first(monkeypatch):
    monkeypatch.setenv("RECTIFY_STRICT_PLUGINS", "0")

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


def _hookspec_names() -> list[str]:
    return [n for n in dir(hookspecs) if n.startswith("rectify_")]


def test_every_hookspec_is_documented_with_a_usage_example():
    specs = _hookspec_names()
    assert specs
    for name in specs:
        doc = getattr(hookspecs, name).__doc__ or ""
        assert "register(" in doc and "Use in plugins" in doc, name
        assert name in (ROOT / "docs" / "plugins.md").read_text("utf-8") or name in (ROOT / "README.md").read_text(
            "utf-8"), f"{name} is not documented for plugin authors"


def test_every_hookspec_has_a_test():
    """As datasette does: a hook nobody calls in a test is a hook that silently breaks."""
    tests = "".join(p.read_text("utf-8") for p in (ROOT / "tests").rglob("test_*.py") if p.name != "test_plugins.py")
    here = Path(__file__).read_text("utf-8")
    for name in _hookspec_names():
        assert f"def {name}(" in here.replace("def test_", "") or f"def {name}(" in tests, name


def test_specname_hookimpl_registers_its_formats():
    """A hook implementation with another function name (pluggy's specname=) is called like any other."""
    class W(Writer):
        name = "spec-named"
        extension = "sn"

        def write(self, document, sink, options):
            sink.write(b"x")

    class P:
        @hookimpl(specname="rectify_register_formats")
        def formats(self, register):
            register(W())

    reg = build_registry(extra_plugins=[("specnamed", P())], load_entry_points=False)
    assert "spec-named" in reg.writers
    assert reg.plugins["specnamed"].hooks == ["rectify_register_formats"]


def test_rectify_register_checks_adds_a_rule_to_validate():
    from rectify_core import api
    from rectify_core.checks import Check
    from rectify_core.model import Document

    def needs_contact(doc):
        if not doc.contacts:
            yield "/contacts", "缺少联系方式", "no contact given"

    class P:
        @hookimpl
        def rectify_register_checks(self, register):
            register(Check("zj.contact-required", "warning", needs_contact))

    reg = build_registry(extra_plugins=[("zj", P())], load_entry_points=False)
    assert reg.owner[id(reg.checks[0])] == "zj"
    doc = Document(title="关于巡察整改进展情况的通报")
    assert "zj.contact-required" in {f.rule for f in api.validate(doc, registry=reg)}


def test_a_register_hook_that_raises_is_attributed_to_its_plugin(monkeypatch):
    monkeypatch.setenv("RECTIFY_STRICT_PLUGINS", "0")

    class Bad:
        @hookimpl
        def rectify_register_checks(self, register):
            raise ValueError("bad checks")

    class Good:
        @hookimpl
        def rectify_register_checks(self, register):
            pass

    reg = build_registry(extra_plugins=[("bad", Bad()), ("good", Good())], load_entry_points=False)
    assert [str(e) for e in reg.errors] == ["plugin 'bad' failed: ValueError: bad checks"]
    assert "good" in reg.plugins


def test_the_pytest_plugin_loads_no_hypothesis_profile(tmp_path: Path):
    """Installing rectify registers its profiles in every pytest run but must not load one."""
    (tmp_path / "test_other.py").write_text(textwrap.dedent("""
        from hypothesis import settings

        def test_profile():
            # hypothesis picks its own (its "ci" profile when $CI is set); rectify's are only registered
            assert not settings._current_profile.startswith("rectify-")
            assert "rectify-ci" in settings._profiles
    """))
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr


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
