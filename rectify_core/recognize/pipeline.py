"""recognize(): blocks → Document, in passes that each own one part of the page.

1. clean white space (``text.clean``); split a one-line dump at the spaces between its parts;
2. page numbers (and, in a PDF's hard-wrapped text, running headers) are removed; hard-wrapped
   lines are joined into paragraphs (``unwrap``);
3. the head: chrome, 政务公开 list, title, subtitle (``head``);
4. the tail: chrome, signature, closing (``tail``);
5. between them: preamble until the first heading number, then the body tree (``numbering``,
   ``problems``);
6. facts from the text (``facts.derive_facts``) and whole-document findings (``genre``, dates).
"""

from __future__ import annotations

from dataclasses import replace

from ..formats import ReadResult
from ..model import Document, Node
from ..report import Report
from .blocks import Block
from .facts import derive_facts
from .furniture import CONTROL_CHARACTER, PAGE_NUMBER, RUNNING_HEADER, is_page_number, repeated_lines
from .genre import check_genre, check_level_mixture, is_tongbao
from .head import read_head
from .labels import split_run_in_labels
from .numbering import build_tree
from .problems import to_node
from .tail import closing_start, read_signature
from .text import clean, invisible
from .unwrap import is_dump, rejoin, split_dump, structure_memo, wrap_width


def _prepare(blocks: list[Block], report: Report) -> tuple[list[Block], str]:
    if invisible("".join(b.text for b in blocks)):  # one pass: almost no input has any
        for b in blocks:
            for c in invisible(b.text):
                report.remove(c, CONTROL_CHARACTER, b)
    lines = [b if t == b.text else replace(b, text=t) for b in blocks if (t := clean(b.text))]
    shape = "paragraphs"
    if is_dump([b.text for b in lines]):
        shape = "dump"
        lines = [replace(b, text=part) for b in lines for part in split_dump(b.text)]
    kept = []
    for b in lines:
        if is_page_number(b.text):
            report.remove(b.text, PAGE_NUMBER, b)
        else:
            kept.append(b)
    lines = kept
    memo = structure_memo([b.text for b in lines]) if shape != "dump" else {}
    width = wrap_width([b.text for b in lines], memo) if shape != "dump" else None
    if width is not None:
        shape = "wrapped"
        headers = {t for t in repeated_lines([b.text for b in lines]) if not memo[t]}
        kept = []
        for i, b in enumerate(lines):
            if b.text in headers and i > 0:  # the first line may be the title a header repeats
                report.remove(b.text, RUNNING_HEADER, b)
                continue
            kept.append(b)
        lines = rejoin(kept, width, memo)
    return lines, shape


def _check_halfwidth(nodes: list[tuple[str, Node]], blocks: dict[str, Block], report: Report) -> None:
    half = [(p, n) for p, n in nodes if n.marker is not None and n.marker.text
            and any(c in n.marker.text for c in "()")]
    if half:
        pointer, node = half[0]
        assert node.marker is not None
        report.add("recognize.halfwidth-marker", "info",
                   f"{len(half)} 个编号使用半角括号，如“{node.marker.text}”（应为全角（））",
                   f"{len(half)} heading numbers use half-width brackets, e.g. {node.marker.text!r} (GB/T 15834: （）)",
                   blocks.get(pointer), pointer + "/marker/text")


def _check_dates(doc: Document, disclosure_blocks: list[Block], preamble: list[Block], report: Report) -> None:
    signed = doc.signature.date.iso if doc.signature and doc.signature.date else None
    for i, f in enumerate(doc.disclosure):
        if signed and f.key == "written_date" and f.date is not None and f.date.iso and f.date.iso != signed:
            report.add("recognize.date-mismatch", "warning",
                       f"政务公开信息的{f.label}“{f.value}”与落款日期 {signed} 不一致",
                       f"disclosure {f.label} {f.date.iso} differs from the signature date {signed}",
                       disclosure_blocks[i] if i < len(disclosure_blocks) else None, f"/disclosure/{i}/date")
    insp = doc.inspection
    if insp is None:
        return
    for name in ("start", "end", "feedback"):
        d = getattr(insp, name)
        if d is None or d.iso is not None or not d.text:
            continue
        block = next((b for b in preamble if d.text in b.text), preamble[0] if preamble else None)
        if "日" in d.text or "号" in d.text:
            report.add("recognize.unreadable-date", "warning", f"日期“{d.text}”不是有效日期，未作解析",
                       f"{d.text!r} is not a valid date; left unparsed", block, f"/inspection/{name}")
        elif is_tongbao(doc):  # an announcement's dates are not an inspection's
            report.add("recognize.imprecise-date", "info", f"日期“{d.text}”未写到具体日，保留原文、不推定日期",
                       f"{d.text!r} names no day: kept as written, no ISO date assumed", block,
                       f"/inspection/{name}")


def recognize(blocks: list[Block], *, source: str) -> ReadResult:
    """Blocks → a finished ReadResult, through the same pipeline every reader takes."""
    from ..reading import read_blocks

    return read_blocks(blocks, source=source)


def build_document(blocks: list[Block], report: Report) -> Document:
    """Turn ``blocks`` (in reading order) into a Document, reporting findings and removed furniture."""
    lines, shape = _prepare(blocks, report)
    report.info.setdefault("text_shape", shape)
    signature, sig_start = read_signature(lines, report)
    head, start = read_head(lines[:sig_start], report)
    closing = closing_start(lines, start, sig_start)
    body_lines = [b if len(parts) == 1 else replace(b, text=part)
                  for b in lines[start:closing] for parts in [split_run_in_labels(b.text)] for part in parts]
    lead, roots = build_tree(body_lines)
    body: list[Node] = []
    for i, raw in enumerate(roots):
        body.append(to_node(raw, f"/body/{i}", report))
    doc = Document(
        disclosure=tuple(head.disclosure),
        title=head.title,
        subtitle=head.subtitle,
        preamble=tuple(b.text for b in lead),
        body=tuple(body),
        closing=tuple(b.text for b in lines[closing:sig_start]),
        signature=signature,
    )
    doc = derive_facts(doc)
    node_blocks: dict[str, Block] = {}

    def index(raws: list, base: str) -> None:  # type: ignore[type-arg]
        for i, r in enumerate(raws):
            node_blocks[f"{base}/{i}"] = r.block
            index(r.children, f"{base}/{i}/children")
    index(roots, "/body")
    _check_halfwidth(list(doc.walk()), node_blocks, report)
    _check_dates(doc, head.blocks, lead, report)
    check_level_mixture(doc, head.content + body_lines + lines[closing:], report)
    check_genre(doc, report, lines[0] if lines else None)
    return doc


__all__ = ["build_document", "recognize"]
