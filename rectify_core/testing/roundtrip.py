"""Round-trip assertions every format plugin must pass, built-in or third-party."""

from __future__ import annotations

import io
from typing import Any

from ..errors import InputError
from ..formats import ReadResult, Source
from ..model import Document
from ..plugins import Registry, get_registry
from ..reading import read_source
from ..visible import flatten


def roundtrip(fmt: str, doc: Document, *, registry: Registry | None = None,
              options: dict[str, Any] | None = None) -> tuple[bytes, ReadResult]:
    """Write ``doc`` with format ``fmt``, read it back with the same format's reader."""
    reg = registry or get_registry()
    buf = io.BytesIO()
    reg.writer(fmt).write(doc, buf, dict(options or {}))
    data = buf.getvalue()
    result = read_source(reg.reader(fmt), Source(data, f"roundtrip.{reg.writer(fmt).extension}"), options)
    return data, result


def assert_roundtrip(fmt: str, doc: Document, *, registry: Registry | None = None,
                     options: dict[str, Any] | None = None, deterministic: bool = True) -> ReadResult:
    """``read(write(d)) == writer.expected(d)``, and re-writing gives byte-identical output.

    The writer's ``expected`` states its normalisation (identity for exactly lossless formats), so
    the assertion is the same for every plugin; a failure shows the first differing member.  A
    document whose expected form shows no text may instead be refused with a "no text" InputError
    (readers of visible formats refuse files without text rather than return an empty notice).
    """
    reg = registry or get_registry()
    writer = reg.writer(fmt)
    want = writer.expected(doc)
    try:
        data, result = roundtrip(fmt, doc, registry=reg, options=options)
    except InputError as exc:
        # a file that shows no text is refused by a visible format's reader (issue 11): what the
        # writer promises to show must then be nothing at all
        if "no text" in exc.reason and not any(p.text.strip() for p in flatten(want)):
            return ReadResult(want)
        raise
    if result.document != want:
        diff = _diff(want.to_dict(), result.document.to_dict())
        raise AssertionError(f"{fmt} round trip changed the document:\n{diff}")
    if deterministic:
        for label, again_doc in (("the same document", doc), ("the read-back document", result.document)):
            again = io.BytesIO()
            writer.write(again_doc, again, dict(options or {}))
            if again.getvalue() != data:
                raise AssertionError(f"{fmt} writer is not deterministic: writing {label} gives different bytes")
    return result


def _diff(want: Any, got: Any, path: str = "") -> str:
    if type(want) is not type(got):
        return f"at {path or '/'}: expected {want!r}, got {got!r}"
    if isinstance(want, dict):
        for key in list(dict.fromkeys([*want, *got])):
            if want.get(key) != got.get(key):
                return _diff(want.get(key), got.get(key), f"{path}/{key}")
    if isinstance(want, list):
        for i, (a, b) in enumerate(zip(want, got, strict=False)):
            if a != b:
                return _diff(a, b, f"{path}/{i}")
        if len(want) != len(got):
            return f"at {path}: expected {len(want)} items, got {len(got)}"
    return f"at {path or '/'}: expected {want!r}, got {got!r}"
