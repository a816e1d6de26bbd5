"""recognize(): blocks → Document, in passes that each own one part of the page.

1. clean white space (``text.clean``); split a one-line dump at the spaces between its parts;
2. page numbers (and, in a PDF's hard-wrapped text, running headers) are removed; hard-wrapped
   lines are joined into paragraphs (``unwrap``);
3. the head: chrome, 政务公开 list, title, subtitle (``head``);
4. the tail: chrome, signature, closing (``tail``);
5. between them: preamble until the first heading number, then the body tree (``numbering``,
   ``problems``);
6. facts from the text (``facts.derive_facts``); then the rules of ``checks`` run on the Document
   and each finding is given its source line (``locate``) — the recognizer has no rules of its own.
"""

from __future__ import annotations

from dataclasses import replace

from ..formats import ReadResult
from ..model import Document
from ..report import Report
from ..vocab.furniture import CONTROL_CHARACTER, PAGE_NUMBER, RUNNING_HEADER, is_page_number, repeated_lines
from .blocks import Block
from .facts import derive_facts
from .head import Head, read_head
from .labels import split_run_in_labels
from .locate import Places, report_checks
from .numbering import RawNode, build_tree
from .problems import to_node
from .tail import closing_start, read_signature, signature_from_disclosure
from .text import clean, invisible
from .unwrap import is_dump, rejoin, split_dump, structure_memo, wrap_width


def _prepare(blocks: list[Block], report: Report) -> tuple[list[Block], str]:
    shown = [t for b in blocks for t in (b.cells if b.cells is not None else (b.text,))]
    if invisible("".join(shown)):  # one pass: almost no input has any
        for b in blocks:
            for c in invisible("".join(b.cells) if b.cells is not None else b.text):
                report.remove(c, CONTROL_CHARACTER, b)
    if any(b.cells is not None for b in blocks):  # table rows: the table module (and the ledger vocabulary) loads
        from .tables import expand_tables

        blocks = expand_tables(blocks, report)
    lines = [b if t == b.text else replace(b, text=t) for b in blocks if (t := clean(b.text))]
    prose = [b.text for b in lines if b.table is None]  # table cells are never page numbers nor wrapped lines
    shape = "paragraphs"
    if is_dump(prose):
        shape = "dump"
        lines = [p for b in lines for p in ([b] if b.table is not None else
                                            [replace(b, text=part) for part in split_dump(b.text)])]
    kept = []
    for b in lines:
        if b.table is None and is_page_number(b.text):
            report.remove(b.text, PAGE_NUMBER, b)
        else:
            kept.append(b)
    lines = kept
    prose = [b.text for b in lines if b.table is None]
    memo = structure_memo(prose) if shape != "dump" else {}
    width = wrap_width(prose, memo) if shape != "dump" else None
    if width is not None:
        shape = "wrapped"
        headers = {t for t in repeated_lines(prose) if not memo[t]}
        kept = []
        for i, b in enumerate(lines):
            if b.table is None and b.text in headers and i > 0:  # the first line may be the title a header repeats
                report.remove(b.text, RUNNING_HEADER, b)
                continue
            kept.append(b)
        lines = rejoin(kept, width, memo)
    return lines, shape


def recognize(blocks: list[Block], *, source: str) -> ReadResult:
    """Blocks → a finished ReadResult, through the same pipeline every reader takes."""
    from ..reading import read_blocks

    return read_blocks(blocks, source=source)


def build_document(blocks: list[Block], report: Report) -> Document:
    """Turn ``blocks`` (in reading order) into a Document, reporting findings and removed furniture."""
    # the recognizer's cost grows with lines and characters: bound both before any work
    report.budget.charge("blocks", len(blocks))
    report.budget.charge("chars", sum(len(b.text) for b in blocks))
    lines, shape = _prepare(blocks, report)
    report.info.setdefault("text_shape", shape)
    signature, sig_start = read_signature(lines, report)
    head, start = read_head(lines[:sig_start], report)
    closing = closing_start(lines, start, sig_start)
    body_lines = [b if len(parts) == 1 else replace(b, text=part) for b in lines[start:closing]
                  for parts in [split_run_in_labels(b.text) if b.table is None else [b.text]] for part in parts]
    lead, roots = build_tree(body_lines)
    body = tuple(to_node(raw) for raw in roots)
    closing_lines = lines[closing:sig_start]
    doc = Document(
        disclosure=tuple(head.disclosure),
        title=head.title,
        subtitle=head.subtitle,
        preamble=tuple(b.text for b in lead),
        body=body,
        closing=tuple(b.text for b in closing_lines),
        signature=signature,
    )
    doc = derive_facts(doc)
    doc = signature_from_disclosure(doc, report)
    report_checks(doc, _places(head, lead, roots, body_lines, closing_lines, lines, sig_start), report)
    return doc


def _places(head: Head, lead: list[Block], roots: list[RawNode], body_lines: list[Block],
            closing_lines: list[Block], lines: list[Block], sig_start: int) -> Places:
    places = Places()
    places.add("", lines[:1])
    for i, b in enumerate(head.blocks):
        places.add(f"/disclosure/{i}", [b])
    places.add("/title", head.content)
    places.add("/subtitle", head.content)
    for i, b in enumerate(lead):
        places.add(f"/preamble/{i}", [b])
    places.add("/inspection", lead)
    places.add("/statistics", body_lines)

    def nodes(raws: list[RawNode], base: str) -> None:
        for i, r in enumerate(raws):
            places.add(f"{base}/{i}", [r.block, *r.paras])
            nodes(r.children, f"{base}/{i}/children")
    nodes(roots, "/body")
    for i, b in enumerate(closing_lines):
        places.add(f"/closing/{i}", [b])
    places.add("/contacts", closing_lines)
    places.add("/signature", lines[sig_start:])
    return places


__all__ = ["build_document", "recognize"]
