"""What integrators import: read, write, convert, validate, inspect.

    from rectify_core import api
    result = api.read("notice.pdf")            # ReadResult: document, findings, removed
    api.write(result.document, "notice.docx")  # format from the extension
    findings = api.validate(result.document)   # schema + semantic rules

Every function takes paths or bytes, picks formats from names (case-insensitive), extensions or
content, and raises only :class:`rectify_core.errors.RectifyError` subclasses: bad input or usage
gives InputError, UsageError, SchemaError or SecurityError; a bug inside rectify or a plugin is
wrapped in InternalError (the original exception is its ``__cause__``), so ``except RectifyError``
is the one handler a caller needs.  Messages name this module's parameters (``format=``,
``force=True``); the ``rectify`` command prints its own flags instead (``RectifyError.cli_message``).
"""

from __future__ import annotations

import functools
import io
import os
import stat
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, BinaryIO, ParamSpec, TypeVar

from .budget import IN_PROCESS_MAX, Limits, parse_pairs, size_text
from .errors import InputError, InternalError, OutputError, RectifyError, SchemaError, SecurityError, UsageError
from .findings import Finding
from .formats import Reader, ReadResult, Removed, Source, Writer
from .model import STATUS_CATEGORIES, Document
from .options import resolve
from .output import atomic_write, check_target
from .plugins import Registry, get_registry

MAX_INPUT_BYTES = 256 * 1024 * 1024

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _boundary(fn: Callable[_P, _R]) -> Callable[_P, _R]:
    """No bare Python error leaves the API: OS errors become Input/OutputError, anything else a
    bug, reported as InternalError with the original chained."""
    @functools.wraps(fn)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return fn(*args, **kwargs)
        except RectifyError:
            raise
        except OSError as exc:
            kind = InputError if fn.__name__.startswith("read") else OutputError
            raise kind(f"{exc.strerror or exc}", file=exc.filename and str(exc.filename)) from exc
        except RecursionError as exc:
            raise InputError("the document is nested too deeply to process") from exc
        except MemoryError as exc:
            raise SecurityError("the input needs more memory than is available") from exc
        except Exception as exc:
            raise InternalError(f"internal error in {fn.__name__}(): {type(exc).__name__}: {exc}") from exc
    return wrapper


@contextmanager
def _input_stream(path: str | os.PathLike[str] | bytes, name: str | None) -> Iterator[tuple[BinaryIO, str, int | None]]:
    """(binary stream, display name, size if known) for a path, ``-`` (stdin) or bytes."""
    import sys

    if isinstance(path, bytes):
        yield io.BytesIO(path), name or "<bytes>", len(path)
        return
    if not isinstance(path, str | os.PathLike):
        raise UsageError(f"path must be a file path, \"-\" or bytes, got {type(path).__name__}")
    p = os.fspath(path)
    if p == "-":
        if sys.stdin is None:
            raise InputError("standard input is closed", file=name or "<stdin>")
        yield sys.stdin.buffer, name or "<stdin>", None  # not ours to close
        return
    if os.path.isdir(p):
        raise InputError("is a directory, not a file", file=p)
    try:
        # O_NONBLOCK: a FIFO without a writer would block open() forever; reading it then finds EOF
        fd = os.open(p, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        os.set_blocking(fd, True)
        fh = os.fdopen(fd, "rb")
    except FileNotFoundError:
        raise InputError("no such file", file=p) from None
    except PermissionError:
        raise InputError("permission denied", file=p) from None
    except OSError as exc:
        raise InputError(f"cannot open it: {exc.strerror}", file=p) from None
    with fh:
        info = os.fstat(fh.fileno())
        yield fh, name or p, info.st_size if stat.S_ISREG(info.st_mode) else None


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


@_boundary
def read(path: str | os.PathLike[str] | bytes, format: str | None = None, *,
         name: str | None = None, options: dict[str, Any] | None = None,
         registry: Registry | None = None, limits: Limits | Mapping[str, Any] | str | None = None,
         isolate: bool | None = None) -> ReadResult:
    """Read a 通报 from a file path, ``"-"`` (standard input) or bytes.

    ``format`` names the reader (case-insensitive) instead of detecting it; ``name`` is the
    display name used in messages for bytes; ``options`` are the reader's declared options
    (``rectify formats --options``): an unknown key or a bad value raises UsageError.  The reader
    is chosen from the first 4 KiB, and the file's size is checked against that reader's
    ``max_bytes`` before the rest is read, so an oversized file costs no memory.
    ``limits`` (a :class:`~rectify_core.budget.Limits`, a dict or ``"max_pages=50,timeout=5"``)
    override the reader's declared work budget.  ``isolate`` runs the parsing in a worker process
    under the memory and time limits (default: for readers that call libraries Python cannot
    interrupt, ``Reader.isolate``, and for any input over ``budget.IN_PROCESS_MAX`` bytes, whose
    recognizer regexes could run long); see docs/security.md.
    """
    reg = registry or get_registry()
    with _input_stream(path, name) as (stream, display, size):
        head = stream.read(4096)
        reader: Reader | None = reg.reader(format) if format else reg.reader_for(head, display)
        if reader is None:
            known = ", ".join(sorted(reg.readers))
            raise InputError(f"cannot tell the format of this file; pass format= ({known})", file=display,
                             cli_reason=f"cannot tell the format of this file; name it with --from ({known})")
        opts = resolve(reader, options)
        lim = reader_limits(reader, limits)
        data = _read_capped(stream, display, size, lim.max_bytes, head, f"the {reader.name} reader")
    if not data or data.isspace():
        raise InputError("the file is empty", file=display)
    if isolate is None:
        isolate = bool(getattr(reader, "isolate", False)) or len(data) > IN_PROCESS_MAX
    if isolate:
        from . import workers  # here: a small text read in this process never loads the process machinery

        if not workers.IN_WORKER:
            result: ReadResult = workers.run(_parse, reader, data, display, opts, lim, limits=lim, name=display)
            return result
    return _parse(reader, data, display, opts, lim)


def _parse(reader: Reader, data: bytes, display: str, options: dict[str, Any], limits: Limits) -> ReadResult:
    """One reader's read under a fresh Budget (in this process or a worker)."""
    from .reading import read_source

    return read_source(reader, Source(data, display), options, limits=limits)


@_boundary
def read_document(path: str | os.PathLike[str] | bytes, format: str | None = None, *,
                  name: str | None = None, options: dict[str, Any] | None = None,
                  registry: Registry | None = None,
                  limits: Limits | Mapping[str, Any] | str | None = None) -> Document:
    """Only the Document of :func:`read` (findings and removed text dropped)."""
    return read(path, format, name=name, options=options, registry=registry, limits=limits).document


@_boundary
def write_bytes(document: Document, format: str, *, options: dict[str, Any] | None = None,
                registry: Registry | None = None) -> bytes:
    """``document`` in format ``format`` as bytes; ``options`` are the writer's declared options."""
    reg = registry or get_registry()
    writer = reg.writer(format)
    return _render(writer, document, resolve(writer, options))


def _render(writer: Writer, document: Document, options: dict[str, Any]) -> bytes:
    if not isinstance(document, Document):
        raise UsageError(f"document must be a rectify_core.model.Document, got {type(document).__name__}")
    buf = io.BytesIO()
    try:
        writer.write(document, buf, options)
    except RectifyError:
        raise
    except Exception as exc:
        # A Document built by hand with wrong values (a marker value "one") reaches the writer
        # unchecked; checking costs nothing on the path that works, so do it only now.
        from .schema import validate_dict

        findings = validate_dict(document.to_dict())
        if findings:
            first = findings[0]
            raise SchemaError(f"{first.pointer or '/'}: {first.message_en}", pointer=first.pointer,
                              findings=findings) from exc
        raise
    return buf.getvalue()


@_boundary
def write(document: Document, path: str | os.PathLike[str], format: str | None = None, *,
          options: dict[str, Any] | None = None, force: bool = False,
          registry: Registry | None = None) -> None:
    """Write a Document to ``path``, atomically; the format comes from ``format`` or the extension.

    An existing file is kept (UsageError) unless ``force=True``, as on the command line.
    """
    reg = registry or get_registry()
    writer = _writer_for(reg, path, format)
    check_target(path, force=force)  # before rendering: a device, a folder or an existing file is refused at once
    data = _render(writer, document, resolve(writer, options))
    atomic_write(path, data, force=force)


def _writer_for(reg: Registry, path: str | os.PathLike[str], format: str | None) -> Writer:
    if format is not None:
        return reg.writer(format)
    w = reg.writer_for_path(os.fspath(path))
    if w is None:
        raise UsageError(f"cannot tell the output format from {os.fspath(path)!r}; pass format=",
                         cli_reason=f"cannot tell the output format from {os.fspath(path)!r}; name it with --to")
    return w


@_boundary
def convert(src: str | os.PathLike[str] | bytes, dst: str | os.PathLike[str], *,
            from_format: str | None = None, to_format: str | None = None,
            options: dict[str, Any] | None = None, force: bool = False,
            registry: Registry | None = None) -> ReadResult:
    """Read ``src`` and write it to ``dst``; returns what was read (with its findings).

    ``options`` go to whichever of the reader and the writer declares each key (a key may be
    scoped as ``"html.site_name"``); a key neither declares is a UsageError.
    """
    from .options import split_for

    reg = registry or get_registry()
    writer = _writer_for(reg, dst, to_format)
    parts, rest = split_for([writer], options or {})
    result = read(src, from_format, options=rest, registry=reg)
    write(result.document, dst, writer.name, options=parts.get(id(writer)), force=force, registry=reg)
    return result


def normalize_punctuation(document: Document) -> tuple[Document, list[Any]]:
    """``document`` with half-width punctuation in its Chinese text made full width (GB/T 15834),
    and the list of changes (``rectify_core.punctuation.Change``: pointer, offset, before, after)."""
    from .punctuation import normalize_document

    fixed, changes = normalize_document(document)
    return fixed, list(changes)


@_boundary
def validate(document: Document | dict[str, Any], registry: Registry | None = None) -> list[Finding]:
    """Schema findings, then (for a schema-valid document) every semantic rule, plugin rules included."""
    from .checks import run_checks
    from .schema import validate_dict

    data = document.to_dict() if isinstance(document, Document) else document
    findings = validate_dict(data)
    if findings:
        return findings
    doc = document if isinstance(document, Document) else Document.from_dict(document, validate=False)
    reg = registry or get_registry()
    return run_checks(doc, extra=reg.checks)


@_boundary
def inspect(result: ReadResult | Document, findings: list[Finding] | None = None) -> dict[str, Any]:
    """The summary integrators and dashboards rely on (shape fixed by issue #2).

    ``findings`` replaces the ones gathered from ``result`` (its reader findings plus
    :func:`validate`'s) when the caller has them already.
    """
    doc = result.document if isinstance(result, ReadResult) else result
    if not isinstance(doc, Document):
        raise UsageError(f"inspect() takes a ReadResult or a Document, got {type(result).__name__}")
    if findings is None:
        from .checks import merge_findings

        findings = merge_findings(result.findings if isinstance(result, ReadResult) else [], validate(doc))
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
        "removed": removed_summary(result.removed if isinstance(result, ReadResult) else []),
    }


def removed_summary(removed: list[Removed]) -> dict[str, Any]:
    """Text the reader left out: how much of each kind (page number, header, separator …), and each
    piece — what (``text``), why (``reason``, ``kind``) and where (``location``: line, page)."""
    kinds = Counter(r.kind for r in removed)
    return {"count": len(removed), "by_kind": dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))),
            "items": [r.to_dict() for r in removed]}
