"""The Document as a sequence of visible paragraphs: what every visible writer shows.

docx, HTML, PDF and txt writers all print the same paragraphs in the same order; they differ only
in how a paragraph *looks*.  ``flatten`` gives that sequence, each paragraph with a role and with
spans (marker, heading, label, status …) so a writer can style the parts; ``unflatten`` is its
inverse, used by the readers of our own docx and HTML, which recover roles and spans from styles and
classes.  Keeping both directions in one module is what makes the visible formats round-trip: a
writer cannot drift from the reader.

Paragraph roles, in document order:

    disclosure   spans label, value            one per 政务公开 field
    title / subtitle / preamble / closing      spans text
    node         the first line of a body node; ``depth`` 1 = top level (一、)
                 spans marker?, heading?, then (text|finding)? — the first paragraph or finding
                 when the node has no heading, or when the heading runs in
    paragraph    a further paragraph of a non-problem node      (depth of its node)
    finding      a further paragraph of a problem's finding     (depth of its node)
    rectification  spans label, colon, text? — the label line of a problem's account
    rect_text    a further paragraph of the account
    status       a status on its own line, spans status
    issuer / date  the signature block

A status written inline is a trailing ``status`` span on the last paragraph of its problem.
Inspection facts, statistics and contacts are not paragraphs: they are recognised from the text
(``rectify_core.recognize.facts.derive_facts``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import field

from .errors import InputError
from .formats import Writer
from .model import (
    Date,
    DisclosureField,
    Document,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Status,
)
from .normalize import with_standard_forms
from .records import dataclass

ROLES = (
    "disclosure", "title", "subtitle", "preamble", "node", "paragraph", "finding",
    "rectification", "rect_text", "status", "closing", "issuer", "date",
)
SPAN_KINDS = ("text", "label", "value", "marker", "heading", "finding", "colon", "status")


@dataclass(frozen=True)
class Span:
    """A run of a paragraph's text with what it shows (a label, a marker, a status …)."""

    kind: str
    text: str


@dataclass(frozen=True)
class Para:
    """A visible paragraph: its role in the notice, its spans and its depth in the outline."""

    role: str
    spans: tuple[Span, ...]
    depth: int = 0

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)

    def get(self, kind: str) -> str | None:
        for s in self.spans:
            if s.kind == kind:
                return s.text
        return None


def _p(role: str, *spans: tuple[str, str], depth: int = 0) -> Para:
    return Para(role, tuple(Span(k, t) for k, t in spans), depth)


def flatten(doc: Document) -> list[Para]:
    """The visible paragraphs of ``with_standard_forms(doc)`` in order (see the module docstring)."""
    doc = with_standard_forms(doc)
    out: list[Para] = []
    for f in doc.disclosure:
        spans = ((("label", f.label),) if f.label else ()) + ((("value", f.value),) if f.value else ())
        out.append(_p("disclosure", *spans))
    if doc.title:
        out.append(_p("title", ("text", doc.title)))
    if doc.subtitle:
        out.append(_p("subtitle", ("text", doc.subtitle)))
    out.extend(_p("preamble", ("text", t)) for t in doc.preamble)
    for node in doc.body:
        out.extend(_node(node, 1))
    out.extend(_p("closing", ("text", t)) for t in doc.closing)
    if doc.signature is not None:
        if doc.signature.issuer:
            out.append(_p("issuer", ("text", doc.signature.issuer)))
        if doc.signature.date is not None and doc.signature.date.text:
            out.append(_p("date", ("text", doc.signature.date.text)))
    return out


def _node(node: Node, depth: int) -> Iterator[Para]:
    problem = node.problem
    first_kind = "finding" if problem is not None else "text"
    rest = list(problem.finding if problem is not None else node.paragraphs)
    spans: list[tuple[str, str]] = []
    if node.marker is not None:
        assert node.marker.text is not None  # with_standard_forms() filled it
        spans.append(("marker", node.marker.text))
    if node.heading is not None:
        spans.append(("heading", node.heading))
    if rest and (node.heading is None or node.run_in):
        spans.append((first_kind, rest.pop(0)))
    paras = [_p("node", *spans, depth=depth)]
    paras += [_p(first_kind if problem is not None else "paragraph", ("text", t), depth=depth) for t in rest]
    if problem is not None:
        rect = problem.rectification
        if rect is not None:
            line: list[tuple[str, str]] = [("label", rect.label), ("colon", rect.colon or "：")]
            if rect.paragraphs:
                line.append(("text", rect.paragraphs[0]))
            paras.append(_p("rectification", *line, depth=depth))
            paras += [_p("rect_text", ("text", t), depth=depth) for t in rect.paragraphs[1:]]
        status = problem.status
        if status is not None and status.text is not None:
            if status.inline:
                last = paras[-1]
                paras[-1] = Para(last.role, (*last.spans, Span("status", status.text)), last.depth)
            else:
                paras.append(_p("status", ("status", status.text), depth=depth))
    yield from paras
    for child in node.children:
        yield from _node(child, depth + 1)


def expected_visible(doc: Document) -> Document:
    """What a reader of a visible format (docx, HTML, PDF, txt) gives back for ``doc``.

    Verbatim forms are completed, and facts (inspection, statistics, contacts, disclosure keys)
    are whatever the recognizer finds in the visible text — a visible format carries a fact only
    as far as its text states it.  The schema version is not shown on a page: what is read back
    is a Document of the current version (a minor version only adds optional members).
    """
    from .model import SCHEMA_VERSION, replace
    from .recognize.facts import derive_facts

    return derive_facts(with_standard_forms(replace(doc, version=SCHEMA_VERSION)))


class VisibleWriter(Writer):
    """Base for writers of formats a person reads (docx, HTML, txt, PDF, OFD): they print ``flatten(doc)``,
    and their readers give back :func:`expected_visible` of what was written."""

    def expected(self, document: Document) -> Document:
        return expected_visible(document)


# -- the way back ---------------------------------------------------------------------------------

@dataclass
class _Building:
    """A node being rebuilt from visible paragraphs (unflatten), before it is frozen."""

    marker: Marker | None = None
    heading: str | None = None
    run_in: bool = False
    paragraphs: list[str] = field(default_factory=list)
    finding: list[str] = field(default_factory=list)
    rect: Rectification | None = None
    rect_paras: list[str] = field(default_factory=list)
    status: Status | None = None
    is_problem: bool = False
    children: list[_Building] = field(default_factory=list)

    def freeze(self) -> Node:
        problem = None
        if self.is_problem:
            rect = None
            if self.rect is not None:
                rect = Rectification(self.rect.label, self.rect.colon, tuple(self.rect_paras))
            # Text a foreign file put on a problem's line as plain text is kept as finding, not lost.
            problem = Problem(tuple(self.paragraphs + self.finding), rect, self.status)
        return Node(
            marker=self.marker,
            heading=self.heading,
            run_in=self.run_in,
            paragraphs=() if self.is_problem else tuple(self.paragraphs),
            problem=problem,
            children=tuple(c.freeze() for c in self.children),
        )


def _marker(text: str, where: str) -> Marker:
    from .vocab.markers import parse_marker_text

    parsed = parse_marker_text(text)
    if parsed is None:
        raise InputError(f"{text!r} is marked as a heading number but is not one", location=where)
    style, value = parsed
    return Marker(style=style, value=value, text=text)  # type: ignore[arg-type]


def _status(text: str, inline: bool) -> Status:
    from .vocab.status import is_stated, parse_status_text

    parsed = parse_status_text(text)
    category, deadline = parsed if parsed is not None else ("unknown", None)
    return Status(category=category, deadline=deadline, text=text, inline=inline,  # type: ignore[arg-type]
                  inferred=not is_stated(text))


def _date(text: str) -> Date:
    from .vocab.dates import parse_date

    return Date(iso=parse_date(text), text=text)


def unflatten(paras: Iterable[Para], *, source: str = "<input>") -> Document:
    """Rebuild a Document from the paragraphs a visible reader recovered (before facts)."""
    disclosure: list[DisclosureField] = []
    title = subtitle = issuer = None
    date: Date | None = None
    preamble: list[str] = []
    closing: list[str] = []
    roots: list[_Building] = []
    stack: list[_Building] = []  # stack[i] is the open node at depth i+1
    current: _Building | None = None

    for index, para in enumerate(paras):
        where = f"paragraph {index + 1}"
        role = para.role
        if role == "disclosure":
            label, value = para.get("label"), para.get("value")
            if label is None and value is None:
                label = para.text
            disclosure.append(DisclosureField(label=label, value=value))
        elif role == "title":
            title = para.text
        elif role == "subtitle":
            subtitle = para.text
        elif role == "preamble":
            preamble.append(para.text)
        elif role == "closing":
            closing.append(para.text)
        elif role == "issuer":
            issuer = para.text
        elif role == "date":
            date = _date(para.text)
        elif role == "node" and not any(s.kind in ("marker", "heading") for s in para.spans):
            # A node line showing neither number nor heading (a damaged or hand-edited file) cannot
            # start a node: its text stays where it stood, as a paragraph.
            if current is None:
                preamble.append(para.text)
            elif current.is_problem:
                _problem_para(current, Para("finding", para.spans, para.depth))
            else:
                current.paragraphs.append(para.text)
        elif role == "node":
            depth = max(1, min(para.depth, len(stack) + 1))
            del stack[depth - 1:]
            current = _Building()
            (stack[-1].children if stack else roots).append(current)
            stack.append(current)
            for span in para.spans:
                if span.kind == "marker":
                    current.marker = _marker(span.text, where)
                elif span.kind == "heading":
                    current.heading = span.text
                elif span.kind == "finding":
                    current.is_problem = True
                    current.finding.append(span.text)
                    current.run_in = current.heading is not None
                elif span.kind == "text":
                    current.paragraphs.append(span.text)
                    current.run_in = current.heading is not None
                elif span.kind == "status":
                    current.is_problem = True
                    current.status = _status(span.text, inline=True)
        elif current is None:
            raise InputError(f"a {role} paragraph stands before any numbered heading", file=source, location=where)
        elif role == "paragraph":
            current.paragraphs.append(para.text)
        elif role in ("finding", "rectification", "rect_text", "status"):
            current.is_problem = True
            _problem_para(current, para)
        else:
            raise InputError(f"unknown paragraph role {role!r}", file=source, location=where)

    signature = Signature(issuer=issuer, date=date) if issuer or date else None
    return Document(
        disclosure=tuple(disclosure),
        title=title,
        subtitle=subtitle,
        preamble=tuple(preamble),
        body=tuple(r.freeze() for r in roots),
        closing=tuple(closing),
        signature=signature,
    )


def _problem_para(node: _Building, para: Para) -> None:
    text = "".join(s.text for s in para.spans if s.kind not in ("status", "label", "colon"))
    if para.role == "finding":
        node.finding.append(text)
    elif para.role == "rectification":
        label = para.get("label") or ""
        colon = para.get("colon")
        node.rect = Rectification(label=label, colon=colon)  # type: ignore[arg-type]
        if text:
            node.rect_paras.append(text)
    elif para.role == "rect_text":
        node.rect_paras.append(text)
    status = para.get("status")
    if status is not None:
        node.status = _status(status, inline=para.role != "status")


__all__ = ["ROLES", "SPAN_KINDS", "Para", "Span", "VisibleWriter", "expected_visible", "flatten", "unflatten"]
