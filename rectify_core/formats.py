"""What a format plugin provides: Reader and Writer objects, and what a read returns.

Readers and writers are plain classes (subclass :class:`Reader` / :class:`Writer` or just provide
the same attributes).  They stay cheap to construct: heavy libraries are imported inside ``read``
and ``write`` so listing formats never pays for python-docx or pypdfium2.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar, Union

from .findings import Finding, Location
from .model import Document
from .options import Option
from .records import dataclass

if TYPE_CHECKING:
    from .recognize.blocks import Block
    from .report import Report


# Removal reasons (as readers and the recognizer record them) → the kind counted for people.
REMOVED_KINDS: dict[str, str] = {
    "page number": "page number",
    **dict.fromkeys(("running header", "running footer", "page header", "page footer"), "header"),
    **dict.fromkeys(("label separator", "list bullet"), "separator"),
    **dict.fromkeys(("web page furniture", "publication details line", "breadcrumb", "font-size switch",
                     "print/close", "share links", "publication line", "related links", "site header or footer",
                     "site navigation or page furniture outside the article"), "site furniture"),
    **dict.fromkeys(("hidden element", "hidden text"), "hidden"),
    "table header": "table header",
    "control character": "control character",
}


@dataclass(frozen=True)
class Removed:
    """Text a reader deliberately left out (page numbers, running headers, site navigation)."""

    text: str
    reason: str
    location: Location | None = None

    @property
    def kind(self) -> str:
        """What sort of text this was, for counts a person reads: ``page number``, ``header`` (a
        running or page header or footer), ``separator`` (a label's colon, a bullet), ``site
        furniture``, ``table header``, ``hidden``, ``control character`` — else the reason itself."""
        return REMOVED_KINDS.get(self.reason, self.reason)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "reason": self.reason, "kind": self.kind}
        if self.location is not None:
            out["location"] = {k: v for k, v in vars(self.location).items() if v is not None}
        return out


@dataclass
class ReadResult:
    """What reading a file gives: the Document, the findings, the text left out and facts about the source."""

    document: Document
    findings: list[Finding] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)  # e.g. {"encoding": "gb18030"}


@dataclass(frozen=True)
class Shown:
    """A Document rebuilt from the *visible* text of one of our own files (docx, HTML …).

    A reader returns this instead of a bare Document when the file shows facts only as text
    (inspection facts, statistics, contacts are never stored hidden): the core then derives those
    facts from the text, exactly as it does after recognising a foreign file.
    """

    document: Document


# What Reader.read returns: a Document (structured formats: used as it is), Shown (our visible
# formats: facts derived from the text) or recognizer blocks (everything else: the core recognises).
Extracted = Union[Document, Shown, Sequence["Block"]]  # noqa: UP007  (a runtime alias: "Block" is a forward reference)


@dataclass
class Source:
    """An input: its bytes and a display name for messages (``-`` for stdin)."""

    data: bytes
    name: str = "<input>"


class Reader:
    """Reads one format.  ``max_bytes`` is checked against the file size before it is read.

    ``read`` extracts; it does not finish.  It returns a Document, a :class:`Shown` Document or
    the recognizer blocks of what the page shows, and reports findings, removed furniture and
    facts about the source into ``report`` — the core builds the ReadResult once
    (:func:`rectify_core.reading.read_source`).

    ``limits`` declares the reader's own work budget (overrides of ``rectify_core.budget.Limits``
    fields, e.g. ``{"max_pages": 500}``); callers can still override it.  ``isolate`` says the
    reader spends time inside a library Python cannot interrupt (pdfium, libxml2), so the API
    runs it in a worker process under memory and time limits.
    """

    name: ClassVar[str] = ""
    max_bytes: ClassVar[int] = 64 * 1024 * 1024
    limits: ClassVar[dict[str, Any]] = {}
    isolate: ClassVar[bool] = False
    extensions: ClassVar[tuple[str, ...]] = ()
    media_types: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    #: the ``-O`` keys this reader understands (see :mod:`rectify_core.options`)
    options: ClassVar[tuple[Option, ...]] = ()
    #: a promise that spares importing this reader for other files: ``sniff`` scores 0 for a head
    #: that contains none of these byte strings, unless the file name has one of ``extensions``
    #: (``(b"%PDF-",)``; single ASCII bytes such as ``b"<"`` also hold for UTF-16 text).  Empty:
    #: no promise, the reader is imported to sniff every input.  The conformance kit checks it.
    sniff_needs: ClassVar[tuple[bytes, ...]] = ()

    def sniff(self, head: bytes, filename: str | None) -> float:
        """Confidence 0..1 that ``head`` (the first 4 KiB) is this format."""
        return 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Extracted:
        raise NotImplementedError

    def check_layout(self, source: Source, options: dict[str, Any]) -> list[Finding] | None:
        """``rectify check``: findings of the file measured against GB/T 9704 (rule ids
        ``layout.*``), or None when this format has no page to measure."""
        return None


class Writer:
    name: ClassVar[str] = ""
    extension: ClassVar[str] = ""
    media_type: ClassVar[str] = "application/octet-stream"
    description: ClassVar[str] = ""
    lossless: ClassVar[bool] = True
    #: the ``-O`` keys this writer understands (see :mod:`rectify_core.options`)
    options: ClassVar[tuple[Option, ...]] = ()

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        raise NotImplementedError

    def expected(self, document: Document) -> Document:
        """What reading this writer's output must give back: the round-trip normalisation.

        Exactly lossless formats return ``document``; formats that show verbatim forms render the
        standard ones for fields an integrator left out (see ``rectify_core.normalize``); lossy
        formats document what they drop.
        """
        return document
