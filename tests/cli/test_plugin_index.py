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


# -- plugins the index declares are imported only when one of their formats is used --------------------

def _modules_after(tmp_path, *args: str) -> list[str]:
    """The rectify plugin modules and pluggy a fresh `rectify ARGS` imports with a valid index."""
    env = {"RECTIFY_CACHE_DIR": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    code = ("import sys; from rectify_core.cli import main\n"
            f"try: main({list(args)!r})\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('rectify_', 'pluggy')) "
            "and not m.startswith('rectify_core')))")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, cwd=tmp_path)
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True,
                         cwd=tmp_path).stdout
    return eval(out.strip().splitlines()[-1])


def test_a_conversion_imports_the_readers_to_sniff_and_only_the_writer_it_uses(tmp_path):
    (tmp_path / "in.txt").write_text("中共示例镇委员会关于巡察整改进展情况的通报\n\n一、整改情况\n\n已完成整改。\n",
                                     encoding="utf-8")
    loaded = _modules_after(tmp_path, "convert", "in.txt", "-o", "out.docx", "--force", "-q")
    assert (tmp_path / "out.docx").stat().st_size > 0
    assert "pluggy" not in loaded and not any(m.endswith(".plugin") for m in loaded), loaded
    assert "rectify_docx.writer" in loaded and "rectify_txt.reader" in loaded
    # readers whose sniff_needs the text lacks (%PDF-, PK, OLE2, <, {, [, a comma) are not imported
    sniffed_without_import = {"rectify_pdf.reader", "rectify_docx.reader", "rectify_ofd.reader", "rectify_ocr.reader",
                              "rectify_legacy.reader", "rectify_html.reader", "rectify_xml.reader",
                              "rectify_json.reader", "rectify_ledger.read"}
    assert sniffed_without_import.isdisjoint(loaded), sorted(sniffed_without_import & set(loaded))
    unused_writers = [m for m in loaded if m.endswith(("writer", ".write")) and m != "rectify_docx.writer"]
    assert unused_writers == [], f"writers the conversion does not use were imported: {unused_writers}"


def test_a_deferred_format_answers_lookups_without_importing_and_loads_on_use(tmp_path, monkeypatch):
    from rectify_core import plugins

    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    full = plugins.build_registry()
    plugin_index.remember(full)
    lazy = plugins.build_registry()
    assert lazy.from_index and lazy.pm is None  # nothing imported through pluggy
    assert set(lazy.readers) == set(full.readers) and set(lazy.writers) == set(full.writers)
    assert list(lazy.readers) == list(full.readers)  # the same order: ties in sniffing break alike
    writer = lazy.writers["json"]
    assert isinstance(writer, plugins.Deferred) and "not loaded" in repr(writer)
    assert (writer.extension, writer.media_type, writer.lossless) == ("json", full.writers["json"].media_type, True)
    assert "not loaded" in repr(writer)  # looked up from the declaration
    assert writer.expected is not None and "loaded" in repr(writer) and "not loaded" not in repr(writer)
    assert lazy.plugin_of(writer) == full.plugin_of(full.writers["json"])
    for head, name in ((b"%PDF-1.7\n", "x.txt"), (b"PK\x03\x04word/", "a.docx"), ("通报".encode(), "a.txt"),
                       (b'{"schema": "rectify/tongbao"}', "a.json"), (b"<html><body>", "a.htm")):
        assert lazy.reader_for(head, name).name == full.reader_for(head, name).name


def test_a_plugin_the_index_cannot_declare_is_loaded_as_before():
    from rectify_core import hookimpl
    from rectify_core.checks import Check
    from rectify_core.formats import Writer
    from rectify_core.plugins import build_registry

    class Configured(Writer):
        name = "configured"

        def __init__(self, level: int = 0) -> None:
            self.level = level

    class WithCheck:
        @hookimpl
        def rectify_register_formats(self, register):
            register(Configured(level=3))  # rebuilt with no arguments, it would differ

        @hookimpl
        def rectify_register_checks(self, register):
            register(Check("demo.rule", "warning", lambda doc: [], "a check"))

    class Plain:
        @hookimpl
        def rectify_register_formats(self, register):
            register(PlainWriter())

    reg = build_registry([("configured", WithCheck()), ("plain", Plain())], load_entry_points=False)
    declared = plugin_index.declarations(reg)
    assert "configured" not in declared  # its check and its configured writer need the plugin itself
    (obj,) = declared["plain"]["objects"]
    assert obj == {"kind": "writer", "module": __name__, "qualname": "PlainWriter",
                   "attrs": {"name": "plain", "extension": "pl", "media_type": "text/plain", "description": "",
                             "lossless": True}}
    assert declared["plain"]["hooks"] == ["rectify_register_formats"]


class PlainWriter:
    """A writer the index can declare: a module-level class built with no arguments."""

    name = "plain"
    extension = "pl"
    media_type = "text/plain"
    description = ""
    lossless = True

    def write(self, document, sink, options):
        sink.write(b"")


def test_a_deferred_format_crosses_to_a_forkserver_worker(tmp_path, monkeypatch):
    # a threaded program (the service, an integrator's) reads in forkserver workers: the reader is pickled
    import copy
    import operator
    import pickle

    from rectify_core import plugins, workers

    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    plugin_index.remember(plugins.build_registry())
    reader = plugins.build_registry().readers["txt"]
    assert isinstance(reader, plugins.Deferred)
    again = pickle.loads(pickle.dumps(reader))
    assert isinstance(again, plugins.Deferred) and again.name == "txt" and copy.deepcopy(reader).name == "txt"
    sniff = operator.methodcaller("sniff", "中共示例镇委员会关于巡察整改进展情况的通报".encode(), "n.txt")
    assert workers.run(sniff, reader, method="forkserver") == sniff(plugins.loaded(reader)) > 0
