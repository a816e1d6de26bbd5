"""A ready-made conformance suite: subclass it in your plugin's tests and set ``format``.

    from rectify_core.testing.suite import FormatConformance

    class TestMyFormat(FormatConformance):
        format = "myformat"

pytest collects the inherited tests, so every format plugin — the built-in ones included — is held
to the same promises.  What can be checked depends on what the plugin registers:

* **every plugin**: the format is registered, by a plugin that ``rectify formats`` can name; its
  ``-O`` options are declared well (identifier names, a known type, a meaning, a default of that
  type).
* **both a reader and a writer**: ``read(write(d)) == writer.expected(d)`` on generated Documents,
  with byte-identical re-writes.
* **a writer only**: it writes every generated Document (nothing but a RectifyError may escape),
  writes the same bytes twice, and its ``expected()`` returns a schema-valid Document and is
  idempotent (``expected(expected(d)) == expected(d)``) — what a reader of the format would have
  to give back.
* **a reader** (with or without a writer): empty input is a clear error, and random bytes — and
  cut-off copies of the ``samples`` you give, or of the writer's output — give a RectifyError or a
  schema-valid Document, never any other exception; each sample reads as a schema-valid Document
  and is recognised by ``sniff``; a reader that declares ``sniff_needs`` scores 0 for heads without
  them (random bytes, text in five encodings, every other writer's output).

A test that does not apply to the plugin (a round trip without a reader) is skipped with that
reason.  A reader-only plugin should set ``samples`` (bytes of real-looking files, written by your
tests or read from your fixtures) so that its reader is tested on valid input too.
"""

from __future__ import annotations

import io
import keyword
from functools import cache
from typing import Any, ClassVar, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ..errors import RectifyError
from ..formats import Reader, Source, Writer
from ..model import Document
from ..options import OptionType, declared
from ..plugins import get_registry, loaded
from ..reading import read_source
from ..schema import validate_dict
from .roundtrip import assert_roundtrip
from .strategies import documents


class FormatConformance:
    format: ClassVar[str] = ""
    #: the Documents to round-trip and write; a lossy format may narrow them (and say why in its docs)
    strategy: ClassVar[Any] = None
    #: whether writing the same (or the read-back) Document must give the same bytes again
    deterministic: ClassVar[bool] = True
    #: valid inputs for the reader (bytes); required in practice for a reader without a writer
    samples: ClassVar[tuple[bytes, ...]] = ()

    # -- what is registered -----------------------------------------------------------------------
    def _strategy(self) -> Any:
        return self.strategy if self.strategy is not None else documents()

    def _reader(self) -> Reader | None:
        return get_registry().readers.get(self.format.lower())

    def _writer(self) -> Writer | None:
        return get_registry().writers.get(self.format.lower())

    def _need_writer(self, why: str) -> Writer:
        writer = self._writer()
        if writer is None:
            pytest.skip(f"{self.format} has no writer, so {why} cannot be checked")
        return writer

    def _need_reader(self, why: str) -> Reader:
        reader = self._reader()
        if reader is None:
            pytest.skip(f"{self.format} has no reader, so {why} cannot be checked")
        return reader

    def test_format_is_registered(self) -> None:
        reg = get_registry()
        reader, writer = self._reader(), self._writer()
        assert reader is not None or writer is not None, f"no plugin registers a reader or writer for {self.format!r}"
        if writer is not None:
            assert writer.extension and writer.media_type, "a writer names its extension and media type"
            assert reg.plugin_of(writer) is not None
        if reader is not None:
            assert reader.extensions, "a reader names the file extensions it reads"
            assert reg.plugin_of(reader) is not None

    def test_options_are_declared_well(self) -> None:
        types = set(get_args(OptionType))
        for component in (self._reader(), self._writer()):
            if component is None:
                continue
            names = [o.name for o in declared(component)]
            assert len(names) == len(set(names)), f"{component.name}: an option is declared twice"
            for option in declared(component):
                assert option.name.isidentifier() and not keyword.iskeyword(option.name), option.name
                assert option.type in types, f"{option.name}: type {option.type!r} is not one of {sorted(types)}"
                assert option.help, f"{option.name}: say what the option means"
                if option.default is not None:
                    option.parse(option.default, component.name)  # the default has the declared type

    # -- generated Documents: written, and read back when there is a reader ---------------------------
    def test_round_trip_of_generated_documents(self) -> None:
        """Both ways: ``read(write(d)) == expected(d)``.  A writer only: it writes, deterministically,
        and ``expected()`` is a schema-valid fixed point."""
        writer = self._need_writer("writing generated documents")
        both = self._reader() is not None

        @given(self._strategy())
        def check(doc: Document) -> None:
            if both:
                assert_roundtrip(self.format, doc, deterministic=self.deterministic)
                return
            first = _write(writer, doc)
            assert first, f"{self.format} wrote nothing"
            if self.deterministic:
                assert _write(writer, doc) == first, f"{self.format} writer is not deterministic"
            want = writer.expected(doc)
            assert isinstance(want, Document)
            assert validate_dict(want.to_dict()) == [], "expected() must give a schema-valid Document"
            assert writer.expected(want) == want, "expected() must be idempotent"

        check()

    # -- a reader -----------------------------------------------------------------------------------
    def test_empty_input_is_a_clear_error(self) -> None:
        self._need_reader("reading")
        self._read_safely(b"", require_error=True)

    def test_random_bytes_are_an_error_or_a_valid_document(self) -> None:
        self._need_reader("reading")

        @given(st.binary(max_size=2048))
        def check(data: bytes) -> None:
            self._read_safely(data)

        check()

    def test_truncated_input_is_an_error_or_a_valid_document(self) -> None:
        """Each sample reads as a valid Document and is sniffed; cut-off copies of the samples (or of
        the writer's output) give an error or a valid Document."""
        reader = self._need_reader("reading")
        writer = self._writer()
        if writer is None and not self.samples:
            pytest.skip(f"{self.format} has no writer and no `samples`: set `samples` to test the reader on "
                        "valid and cut-off input")
        for k, data in enumerate(self.samples):
            name = f"sample{k}.{reader.extensions[0]}"
            assert reader.sniff(data[:4096], name) > 0, f"sniff does not recognise sample {k}"
            result = read_source(reader, Source(data, name))
            assert validate_dict(result.document.to_dict()) == [], f"sample {k} reads as an invalid Document"

        @given(documents(max_sections=1), st.floats(0.05, 0.95), st.integers(0, 1000))
        def check(doc: Document, cut: float, pick: int) -> None:
            data = self.samples[pick % len(self.samples)] if self.samples else _write(writer, doc)  # type: ignore[arg-type]
            self._read_safely(data[: int(len(data) * cut)])

        check()

    def test_sniff_needs_are_kept(self) -> None:
        """A reader that declares ``sniff_needs`` scores 0 for any head that contains none of them
        and a file name without its extensions: the registry then answers 0 without importing it."""
        reader = loaded(self._need_reader("sniffing"))
        needs: tuple[bytes, ...] = reader.sniff_needs
        if not needs:
            pytest.skip(f"{self.format}'s reader declares no sniff_needs: it is imported to sniff every input")
        others = [e for r in get_registry().readers.values() for e in r.extensions if e not in reader.extensions]
        names = st.sampled_from([None, "notice", "notice.bin", *(f"notice.{e}" for e in others)])
        singles = {n for n in needs if len(n) == 1}

        def without(data: bytes) -> bytes:  # single-byte needs are removed; longer ones rarely occur
            return bytes(b for b in data if bytes([b]) not in singles)

        heads = st.one_of(st.binary(max_size=4096).map(without),
                          st.tuples(st.text(max_size=1500), st.sampled_from(["utf-8", "gb18030", "utf-16-le",
                                                                             "utf-16-be", "utf-8-sig"]))
                          .map(lambda te: without(te[0].encode(te[1], errors="ignore"))),
                          st.sampled_from(_other_heads(self.format)))

        @given(heads, names)
        def check(head: bytes, name: str | None) -> None:
            if any(n in head for n in needs):
                return  # the promise says nothing about this head
            assert reader.sniff(head, name) == 0, (f"{self.format}: sniff scores {reader.sniff(head, name)} for a "
                                                   f"head without any of sniff_needs {needs!r}")

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


def _other_heads(fmt: str) -> tuple[bytes, ...]:
    """The first 4 KiB of what every other registered writer makes of a small fictional notice."""
    heads = [b"", "中共示例镇委员会关于巡察整改进展情况的通报\n".encode()]
    return (*heads, *(head for name, head in _writer_heads() if name != fmt.lower()))


@cache
def _writer_heads() -> tuple[tuple[str, bytes], ...]:
    """(format, first 4 KiB) of each registered writer's output for a small fictional notice: written
    once per test run, every reader's check picks the others'."""
    doc = Document(title="中共示例镇委员会关于巡察整改进展情况的通报",
                   preamble=("根据县委统一部署，县委第一巡察组对示例镇党委开展了巡察。村务公开栏已按月更新。",))
    heads = []
    for name, writer in sorted(get_registry().writers.items()):
        try:
            heads.append((name, _write(loaded(writer), doc)[:4096]))
        except RectifyError:  # a writer that needs an external program it does not find
            continue
    return tuple(heads)


def _write(writer: Writer, doc: Document) -> bytes:
    sink = io.BytesIO()
    writer.write(doc, sink, {})
    return sink.getvalue()
