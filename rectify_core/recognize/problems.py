"""A heading line and its lines → a body Node: a heading node, or a problem with its account.

A node is a *problem* when one of its own lines opens with a rectification label (整改情况：…).
The lines before the label are the finding — the marker line's text too, when the label follows it
directly; otherwise the marker line's text is the heading (关于…的问题 / 反馈问题：… over a finding).
The status is the last line of the account when that line is a status (完成情况：已完成, 整改时限：长期坚持,
整改进展：已完成, or a bracketed status on its own), else a bracketed status at the very end of the
account, else a status sentence in prose ending it (已完成整改。 目前已整改完成。 — ``status.prose_status``),
both inline.

A numbered item with no rectification label stays a heading node with paragraphs even when it reads
like a problem: the schema's account needs its label as written, and nothing says where the
finding ends and the account begins.  When such an item's line names a problem (关于…问题) and its
text ends with a status, an info finding says so (the rule ``problem.unlabelled-account`` in ``checks.genre``).

A heading node whose first line holds more than one sentence runs in: the first sentence is the
heading, the rest its first paragraph (（一）强化组织领导。镇党委……).  A heading marked only by its layout
(no typed number) has no marker and always keeps its line as the heading.
"""

from __future__ import annotations

from ..model import Date, Marker, Node, Problem, Rectification, Status, replace
from ..patterns import compiled
from ..vocab.status import is_stated, parse_status_text
from .labels import is_status_line, match_rect_label
from .numbering import RawNode
from .status import prose_status
from .text import sentence_spans

_TRAILING_STATUS = compiled(r"[（(][^（）()]{2,40}[）)]$|【[^【】]{2,40}】$")


def split_run_in(text: str) -> tuple[str, str] | None:
    """(heading, rest) when ``text`` is a first sentence followed by more text."""
    spans = sentence_spans(text)
    if len(spans) < 2:
        return None
    cut = spans[0][1]
    heading, rest = text[:cut].strip(), text[cut:].strip()
    return (heading, rest) if heading and rest else None


def _status(category: str, deadline: Date | None, text: str, inline: bool = True) -> Status:
    """A status as read; ``inferred`` when its text is a sentence rather than a status slot."""
    return Status(category=category, deadline=deadline, text=text, inline=inline,  # type: ignore[arg-type]
                  inferred=not is_stated(text))


def standalone_status(text: str) -> Status | None:
    """A line that is only a status: 完成情况：已完成, （已完成整改） on its own, or 整改进展：已完成."""
    rect = match_rect_label(text)
    if rect is not None:  # 整改进展：已完成 after the account: a status phrase, not more account
        parsed = parse_status_text(rect[2]) if len(rect[2]) <= 12 else None
        if parsed is None or parsed[0] == "unknown":
            return None
    elif not (is_status_line(text) or (text[:1] in "（(【" and _TRAILING_STATUS.fullmatch(text))):
        return None
    else:
        parsed = parse_status_text(text)
    if parsed is None:
        return None
    return _status(parsed[0], parsed[1], text, inline=False)


def trailing_status(text: str) -> tuple[str, Status] | None:
    """(text before, status) when a paragraph ends with a bracketed status phrase."""
    m = _TRAILING_STATUS.search(text)
    if m is None:
        return None
    parsed = parse_status_text(m.group(0))
    if parsed is None or parsed[0] == "unknown":
        return None
    before = text[:m.start()].rstrip()
    return before, _status(parsed[0], parsed[1], m.group(0))


def _prose(text: str) -> tuple[str, Status] | None:
    found = prose_status(text)
    if found is None:
        return None
    before, sentence, category, deadline = found
    return before, _status(category, deadline, sentence)


def _problem(raw: RawNode, label_at: int) -> tuple[str | None, Problem]:
    paras = [b.text for b in raw.paras]
    if label_at == 0 and not raw.typed:
        heading, finding = raw.rest, []  # no number to stand beside: the line stays the heading
    elif label_at == 0:
        heading = None
        finding = [raw.rest] if raw.rest else []
    else:
        heading = raw.rest or None
        finding = paras[:label_at]
    parsed = match_rect_label(paras[label_at])
    assert parsed is not None
    label, colon, first = parsed
    account = ([first] if first else []) + paras[label_at + 1:]
    status: Status | None = None
    if len(account) > 1 or (account and not first):
        status = standalone_status(account[-1])
        if status is not None:
            account.pop()
    if status is None and account:
        found = trailing_status(account[-1]) or _prose(account[-1])
        if found is not None:
            before, status = found
            if before:
                account[-1] = before
            else:
                account.pop()
    rect = Rectification(label=label, colon=colon, paragraphs=tuple(account))  # type: ignore[arg-type]
    return heading, Problem(finding=tuple(finding), rectification=rect, status=status)


def ledger_node(raw: RawNode, children: tuple[Node, ...]) -> Node:
    """A ledger row's node.  Lines after the table that open no node of their own go on its account
    (as they would after an account written in paragraphs); a row without a number cell has its
    first finding paragraph as its heading (a node shows a number or a heading)."""
    assert raw.block.row is not None
    problem = raw.block.row.problem
    more = tuple(b.text for b in raw.paras)
    if more and (account := problem.rectification) is not None:
        problem = replace(problem, rectification=replace(account, paragraphs=account.paragraphs + more))
    elif more:
        problem = replace(problem, finding=problem.finding + more)
    if raw.typed:
        from .tables import marker_of  # a ledger row: the table module is loaded already

        return Node(marker=marker_of(raw.marker_text, raw.style, raw.value), problem=problem, children=children)
    heading = problem.finding[0] if problem.finding else None
    if heading is None:  # nothing else to show: the account's label (the column's name), else the status
        rect = problem.rectification
        heading = rect.label if rect is not None else (problem.status.text if problem.status else None)
        return Node(heading=heading, problem=problem, children=children)
    return Node(heading=heading, problem=replace(problem, finding=problem.finding[1:]), children=children)


def to_node(raw: RawNode) -> Node:
    """The model Node for ``raw`` and its subtree."""
    marker = Marker(style=raw.style, value=raw.value, text=raw.marker_text) if raw.typed else None  # type: ignore[arg-type]
    children = tuple(to_node(c) for c in raw.children)
    if raw.block.row is not None:  # a ledger row: its cells were read by ``tables``
        return ledger_node(raw, children)
    label_at = next((i for i, b in enumerate(raw.paras) if match_rect_label(b.text) is not None), None)
    if label_at is not None:
        title, problem = _problem(raw, label_at)
        return Node(marker=marker, heading=title, problem=problem, children=children)
    paragraphs = [b.text for b in raw.paras]
    heading = raw.rest or None
    run_in = False
    if heading is not None and (split := split_run_in(heading)) is not None:
        heading, first = split
        paragraphs.insert(0, first)
        run_in = True
    return Node(marker=marker, heading=heading, run_in=run_in, paragraphs=tuple(paragraphs), children=children)


__all__ = ["split_run_in", "standalone_status", "to_node", "trailing_status"]
