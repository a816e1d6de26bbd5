"""A ready-made conformance suite: subclass it in your plugin's tests and set ``format``.

    from rectify_core.testing.suite import FormatConformance

    class TestMyFormat(FormatConformance):
        format = "myformat"

pytest collects the inherited tests, so every format plugin — the built-in ones included — is held
to the same promises: it is registered, ``read(write(d)) == writer.expected(d)`` with
byte-identical re-writes on generated Documents, and bad input (empty, truncated, random bytes)
gives a RectifyError or a schema-valid Document, never any other exception.
"""

from __future__ import annotations

import io
from typing import Any, ClassVar

from hypothesis import given
from hypothesis import strategies as st

from ..errors import RectifyError
from ..formats import Source
from ..model import Document
from ..plugins import get_registry
from ..reading import read_source
from ..schema import validate_dict
from .roundtrip import assert_roundtrip
from .strategies import documents


class FormatConformance:
    format: ClassVar[str] = ""
    #: the Documents to round-trip; a lossy format may narrow them (and say why in its docs)
    strategy: ClassVar[Any] = None
    #: whether writing the read-back Document must give the same bytes again
    deterministic: ClassVar[bool] = True

    def _strategy(self) -> Any:
        return self.strategy if self.strategy is not None else documents()

    def test_format_is_registered_both_ways(self) -> None:
        reg = get_registry()
        writer, reader = reg.writer(self.format), reg.reader(self.format)
        assert writer.extension and writer.media_type
        assert reader.extensions
        assert reg.plugin_of(writer) is not None

    def test_round_trip_of_generated_documents(self) -> None:
        @given(self._strategy())
        def check(doc: Document) -> None:
            assert_roundtrip(self.format, doc, deterministic=self.deterministic)

        check()

    def test_empty_input_is_a_clear_error(self) -> None:
        self._read_safely(b"", require_error=True)

    def test_truncated_output_is_an_error_or_a_valid_document(self) -> None:
        @given(documents(max_sections=1), st.floats(0.05, 0.95))
        def check(doc: Document, cut: float) -> None:
            sink = io.BytesIO()
            get_registry().writer(self.format).write(doc, sink, {})
            data = sink.getvalue()
            self._read_safely(data[: int(len(data) * cut)])

        check()

    def test_random_bytes_are_an_error_or_a_valid_document(self) -> None:
        @given(st.binary(max_size=2048))
        def check(data: bytes) -> None:
            self._read_safely(data)

        check()

    def _read_safely(self, data: bytes, require_error: bool = False) -> None:
        reader = get_registry().reader(self.format)
        try:
            result = read_source(reader, Source(data, f"input.{self.format}"))
        except RectifyError as exc:
            assert str(exc), "an error must say what is wrong"
            return
        assert not require_error, f"{self.format} reader accepted empty input"
        assert validate_dict(result.document.to_dict()) == []
