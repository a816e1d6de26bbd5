"""The conformance kit tests plugins that provide only a reader or only a writer.

Two small plugins are registered here (a reader-only line reader and a writer-only, deliberately
broken writer) to show what the kit checks for each, and that it catches what it promises to.
"""

from __future__ import annotations

import itertools
import types
from typing import Any

import pytest

from rectify_core import plugins
from rectify_core.plugin_api import Document, InputError, Option, Reader, Writer, hookimpl
from rectify_core.testing.suite import FormatConformance


class LinesReader(Reader):
    """Each non-empty line of UTF-8 text is a preamble paragraph (as a minimal reader would)."""

    name = "lines"
    extensions = ("lines",)
    description = "test: one paragraph a line"

    def sniff(self, head: bytes, filename: str | None) -> float:
        return 0.9 if head.startswith(b"LINES\n") else 0.0

    def read(self, source: Any, options: dict[str, Any], report: Any) -> Document:
        try:
            text = source.data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 at byte {exc.start}", file=source.name) from None
        lines = [x.strip() for x in text.splitlines()[1:] if x.strip()]
        if not text.startswith("LINES\n") or not lines:
            raise InputError("not a lines file", file=source.name)
        return Document(preamble=tuple(lines))


_counter = itertools.count()


class ClockWriter(Writer):
    """Writes a different byte every time: not deterministic, which the kit must catch."""

    name = "clock"
    extension = "clock"
    media_type = "text/plain"
    lossless = False
    options = (Option("tick", "int", 0, "a test option"),)

    def write(self, document: Document, sink: Any, options: dict[str, Any]) -> None:
        sink.write(f"{next(_counter)}".encode())


def _plugin(*objs: Any) -> Any:
    @hookimpl
    def rectify_register_formats(register: Any) -> None:
        for obj in objs:
            register(obj)

    return types.SimpleNamespace(rectify_register_formats=rectify_register_formats)


@pytest.fixture(autouse=True, scope="module")
def registry_with_test_plugins():
    saved = plugins._registry
    plugins._registry = plugins.build_registry(extra_plugins=[("lines", _plugin(LinesReader())),
                                                              ("clock", _plugin(ClockWriter()))])
    yield
    plugins._registry = saved


class TestReaderOnly(FormatConformance):
    format = "lines"
    samples = ("LINES\n示例镇\n整改情况\n".encode(), b"LINES\nhello\n")


def test_a_reader_only_plugin_is_not_round_tripped_and_says_why():
    with pytest.raises(pytest.skip.Exception, match="lines has no writer"):
        TestReaderOnly().test_round_trip_of_generated_documents()


def test_a_reader_only_plugin_without_samples_is_told_to_give_some():
    class NoSamples(FormatConformance):
        format = "lines"

    with pytest.raises(pytest.skip.Exception, match="set `samples`"):
        NoSamples().test_truncated_input_is_an_error_or_a_valid_document()


def test_a_sample_the_reader_does_not_sniff_fails():
    class BadSample(FormatConformance):
        format = "lines"
        samples = (b"no header\n",)

    with pytest.raises(AssertionError, match="sniff"):
        BadSample().test_truncated_input_is_an_error_or_a_valid_document()


class ClockKit(FormatConformance):
    format = "clock"


def test_a_writer_only_plugin_is_registered_and_declares_its_options_well():
    ClockKit().test_format_is_registered()
    ClockKit().test_options_are_declared_well()


def test_the_kit_catches_a_nondeterministic_writer_only_plugin():
    with pytest.raises(AssertionError, match="not deterministic"):
        ClockKit().test_round_trip_of_generated_documents()


def test_a_writer_only_plugin_has_no_reader_tests():
    with pytest.raises(pytest.skip.Exception, match="clock has no reader"):
        ClockKit().test_random_bytes_are_an_error_or_a_valid_document()
