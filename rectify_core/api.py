"""What integrators import: read, write, convert, validate, inspect.

    from rectify_core import api
    result = api.read("notice.pdf")            # ReadResult: document, findings, removed
    api.write(result.document, "notice.docx")  # format from the extension
    findings = api.validate(result.document)   # schema + semantic rules

Every function takes paths or bytes, picks formats from names, extensions or content, and raises
only :class:`rectify_core.errors.RectifyError` subclasses for bad input.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from .budget import Limits, parse_pairs, size_text
from .errors import InputError, SecurityError, UsageError
from .findings import Finding
from .formats import Reader, ReadResult, Source
from .model import STATUS_CATEGORIES, Document
from .plugins import Registry, get_registry

MAX_INPUT_BYTES = 256 * 1024 * 1024


@contextmanager
def _input_stream(path: str | os.PathLike[str] | bytes, name: str | None) -> Iterator[tuple[BinaryIO, str, int | None]]:
    """(binary stream, display name, size if known) for a path, ``-`` (stdin) or bytes."""
    import sys

    if isinstance(path, bytes):
        yield io.BytesIO(path), name or "<bytes>", len(path)
        return
    p = os.fspath(path)
    if p == "-":
        yield sys.stdin.buffer, name or "<stdin>", None  # not ours to close
        return
    if os.path.isdir(p):
        raise InputError("is a directory, not a file", file=p)
    try:
        fh = open(p, "rb")
    except FileNotFoundError:
        raise InputError("no such file", file=p) from None
    except PermissionError:
        raise InputError("permission denied", file=p) from None
    with fh:
        yield fh, name or p, os.fstat(fh.fileno()).st_size


def _read_capped(stream: BinaryIO, display: str, size: int | None, limit: int, head: bytes,
                 what: str = "rectify") -> bytes:
    """The whole input, refused as soon as it passes ``limit``: never more than ``limit`` bytes held.

    A regular file's size is known before reading; a pipe, stdin or a device is read in 1 MiB
    chunks and refused at the first byte past the limit.
    """
    def refuse(amount: str) -> SecurityError:
        return SecurityError(f"{amount}; {what} accepts at most {size_text(limit)} (limit max_bytes={limit}; "
                             "raise it with --limits max_bytes=N if the file is trusted)", file=display)

    if size is not None and size > limit:
        raise refuse(f"the file is {size_text(size)}")
    chunks = [head]
    total = len(head)
    while total <= limit:
        chunk = stream.read(min(2**20, limit + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > limit:
        raise refuse("the input is larger than that")
    return b"".join(chunks)


def reader_limits(reader: Reader, limits: Limits | Mapping[str, Any] | str | None = None) -> Limits:
    """The limits of one read: the defaults, then the reader's declared ones, then the caller's."""
    declared: dict[str, Any] = {"max_bytes": min(reader.max_bytes, MAX_INPUT_BYTES), **getattr(reader, "limits", {})}
    asked: Mapping[str, Any] = {}
    if isinstance(limits, Limits):
        asked = limits.overrides()
    elif isinstance(limits, str):
        asked = parse_pairs(limits)
    elif limits is not None:
        asked = limits
    return Limits().merged(declared).merged(asked)


def read(path: str | os.PathLike[str] | bytes, format: str | None = None, *,
         name: str | None = None, options: dict[str, Any] | None = None,
         registry: Registry | None = None, limits: Limits | Mapping[str, Any] | str | None = None,
         isolate: bool | None = None) -> ReadResult:
    """Read a 通报 from a file or bytes. ``format`` overrides detection.

    The reader is chosen from the first 4 KiB, and the file's size is checked against that
    reader's ``max_bytes`` before the rest is read, so an oversized file costs no memory.
    ``limits`` (a :class:`~rectify_core.budget.Limits`, a dict or ``"max_pages=50,timeout=5"``)
    override the reader's declared work budget.  ``isolate`` runs the parsing in a worker process
    under the memory and time limits (default: for readers that call libraries Python cannot
    interrupt, ``Reader.isolate``); see docs/security.md.
    """
    from . import workers

    reg = registry or get_registry()
    with _input_stream(path, name) as (stream, display, size):
        head = stream.read(4096)
        reader: Reader | None = reg.reader(format) if format else reg.reader_for(head, display)
        if reader is None:
            raise InputError("cannot tell the format of this file; name it with --from "
                             f"({', '.join(sorted(reg.readers))})", file=display)
        lim = reader_limits(reader, limits)
        data = _read_capped(stream, display, size, lim.max_bytes, head, f"the {reader.name} reader")
    if not data or data.isspace():
        raise InputError("the file is empty", file=display)
    opts = dict(options or {})
    if isolate is None:
        isolate = bool(getattr(reader, "isolate", False))
    if isolate and not workers.IN_WORKER:
        result: ReadResult = workers.run(_parse, reader, data, display, opts, lim, limits=lim, name=display)
        return result
    return _parse(reader, data, display, opts, lim)


def _parse(reader: Reader, data: bytes, display: str, options: dict[str, Any], limits: Limits) -> ReadResult:
    """One reader's read under a fresh Budget (in this process or a worker)."""
    from .reading import read_source

    return read_source(reader, Source(data, display), options, limits=limits)


def read_document(path: str | os.PathLike[str] | bytes, format: str | None = None, **kw: Any) -> Document:
    return read(path, format, **kw).document


def write_bytes(document: Document, format: str, *, options: dict[str, Any] | None = None,
                registry: Registry | None = None) -> bytes:
    reg = registry or get_registry()
    buf = io.BytesIO()
    reg.writer(format).write(document, buf, dict(options or {}))
    return buf.getvalue()


def atomic_write(path: str | os.PathLike[str], data: bytes, *, force: bool = True) -> None:
    """Write via a temporary file in the same folder and rename: never a partial file."""
    target = Path(path)
    if not force and target.exists():
        raise UsageError(f"{target} exists; use --force to replace it")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"folder {directory} does not exist", file=str(target))
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        # mkstemp makes the file private (0600); give it the mode an ordinary open() would.
        os.chmod(tmp, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write(document: Document, path: str | os.PathLike[str], format: str | None = None, *,
          options: dict[str, Any] | None = None, force: bool = True,
          registry: Registry | None = None) -> None:
    """Write a Document to ``path``; the format comes from ``format`` or the extension."""
    reg = registry or get_registry()
    if format is None:
        w = reg.writer_for_path(os.fspath(path))
        if w is None:
            raise UsageError(f"cannot tell the output format from {os.fspath(path)!r}; name it with --to")
        format = w.name
    data = write_bytes(document, format, options=options, registry=reg)
    atomic_write(path, data, force=force)


def convert(src: str | os.PathLike[str] | bytes, dst: str | os.PathLike[str], *,
            from_format: str | None = None, to_format: str | None = None,
            options: dict[str, Any] | None = None) -> ReadResult:
    result = read(src, from_format, options=options)
    write(result.document, dst, to_format, options=options)
    return result


def validate(document: Document | dict[str, Any], registry: Registry | None = None) -> list[Finding]:
    """Schema findings, then (for a schema-valid document) every semantic rule."""
    from .checks import run_checks
    from .schema import validate_dict

    data = document.to_dict() if isinstance(document, Document) else document
    findings = validate_dict(data)
    if findings:
        return findings
    doc = document if isinstance(document, Document) else Document.from_dict(document)
    reg = registry or get_registry()
    return run_checks(doc, extra=reg.checks)


def inspect(result: ReadResult | Document, findings: list[Finding] | None = None) -> dict[str, Any]:
    """The summary integrators and dashboards rely on (shape fixed by issue #2)."""
    doc = result.document if isinstance(result, ReadResult) else result
    if findings is None:
        findings = list(result.findings) if isinstance(result, ReadResult) else []
        findings += [f for f in validate(doc) if f not in findings]
    insp = doc.inspection
    stats = doc.statistics
    statuses: Counter[str] = Counter()
    problems = doc.problems()
    for node in problems:
        assert node.problem is not None
        statuses[node.problem.status.category if node.problem.status else "unknown"] += 1

    def iso(d: Any) -> str | None:
        return d.iso if d is not None else None

    contacts: dict[str, list[str]] = {"phone": [], "mailbox": [], "email": []}
    for c in doc.contacts:
        if c.kind in contacts:
            contacts[c.kind].append(c.value)
    return {
        "title": doc.title,
        "issuer": doc.signature.issuer if doc.signature else None,
        "date": iso(doc.signature.date) if doc.signature else None,
        "inspection": {
            "level": insp.level if insp else None,
            "team": insp.team if insp else None,
            "start": iso(insp.start) if insp else None,
            "end": iso(insp.end) if insp else None,
            "feedback": iso(insp.feedback) if insp else None,
        },
        "sections": sum(1 for n in doc.body if n.marker is not None and n.marker.style == "chinese"),
        "problems": len(problems),
        "statuses": {k: statuses.get(k, 0) for k in STATUS_CATEGORIES},
        "statistics": {
            "total": stats.total if stats else None,
            "completed": stats.completed if stats else None,
            "in_progress": stats.in_progress if stats else None,
            "rate": float(stats.rate) if stats and stats.rate is not None else None,
        },
        "contacts": contacts,
        "findings": [{"rule": f.rule, "severity": f.severity, "where": f.where, "message": f.message}
                     for f in findings],
    }
