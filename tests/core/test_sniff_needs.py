"""Reader.sniff_needs: every built-in reader that declares it keeps the promise, and the registry
answers for it without importing the reader."""

from __future__ import annotations

import pytest

from rectify_core.plugins import Deferred, build_registry, get_registry, loaded
from rectify_core.testing.suite import FormatConformance

DECLARING = sorted(name for name, r in get_registry().readers.items() if loaded(r).sniff_needs)


def test_the_binary_and_markup_readers_declare_what_they_need():
    assert {"pdf", "docx", "ofd", "doc", "wps", "image", "html", "xml", "json", "xlsx", "xls", "ods", "csv"} <= set(
        DECLARING)
    assert "txt" not in DECLARING  # plain text has nothing to look for


@pytest.mark.parametrize("fmt", DECLARING)
def test_the_promise_is_kept(fmt):
    kit = type(f"Kit_{fmt}", (FormatConformance,), {"format": fmt})()
    kit.test_sniff_needs_are_kept()


def test_a_deferred_reader_answers_zero_without_importing_only_when_the_promise_applies(tmp_path, monkeypatch):
    from rectify_core import plugin_index

    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    plugin_index.remember(build_registry())
    pdf = build_registry().readers["pdf"]
    assert isinstance(pdf, Deferred)
    assert pdf.sniff("示例镇的通报".encode(), "notice.txt") == 0.0 and "not loaded" in repr(pdf)
    assert pdf.sniff(b"not really", "notice.PDF") == 0.0 and "not loaded" not in repr(pdf)  # its extension: asked
    assert build_registry().readers["pdf"].sniff(b"%PDF-1.7\n", None) == 1.0  # the needle present: asked
