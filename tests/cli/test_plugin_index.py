"""`rectify formats` answers from the plugin index, which is rebuilt whenever its sources change."""

from __future__ import annotations

import json
import marshal
import subprocess
import sys

from rectify_core import plugin_index

from .helpers import run


def test_the_index_lists_what_the_registry_has_and_is_reused(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    code, built, _ = run(capsys, "formats", "--json")
    assert code == 0 and len(list(tmp_path.glob("formats-*.marshal"))) == 1
    assert run(capsys, "formats", "--json")[1] == built
    names = {r["name"] for r in json.loads(built)["formats"]}
    assert {"json", "txt", "docx", "html", "xml", "pdf"} <= names


def test_a_changed_plugin_file_rebuilds_the_index(tmp_path, monkeypatch):
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    plugin_index.build()
    (path,) = tmp_path.glob("formats-*.marshal")
    data = marshal.loads(path.read_bytes())
    some_file = next(iter(data["files"]))
    assert plugin_index.load() is not None
    data["files"][some_file] -= 1  # as if the file had been edited since
    path.write_bytes(marshal.dumps(data))
    assert plugin_index.load() is None
    assert plugin_index.formats_index()["formats"] == data["formats"]  # rebuilt, and the same


def test_formats_from_the_index_imports_no_plugin(tmp_path):
    env = {"RECTIFY_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = ("import sys; from rectify_core.cli import main; main(['formats']); "
            "print(sorted(m for m in sys.modules if m.startswith(('rectify_', 'pluggy', 'importlib.metadata', "
            "'rectify_core.plugins', 'rectify_core.model')) and not m.startswith('rectify_core.cli')))")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True)  # builds the index
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    loaded = [m for m in eval(out.strip().splitlines()[-1])
              if not m.startswith("rectify_core") or m in ("rectify_core.plugins", "rectify_core.model")]
    assert loaded == [], f"listing formats from the index imported {loaded}"


def test_plain_formats_skips_argparse_and_answers_as_the_parser_does(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    for lang in ("en", "zh"):
        for flags in ([], ["--json"], ["--options"], ["--options", "--json"]):
            fast = run(capsys, "formats", *flags, "--lang", lang)  # answered without building the parser
            assert fast == run(capsys, "--lang", lang, "formats", *flags)  # through argparse
            assert fast[0] == 0 and fast[1]
    env = {"RECTIFY_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    code = "import sys; from rectify_core.cli import main; main(['formats']); print('argparse' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "False"
    code = "import sys; from rectify_core.cli import main; main(['formats', 'json']); print('argparse' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    assert out.strip().splitlines()[-1] == "True"  # NAME and anything else: the parser
