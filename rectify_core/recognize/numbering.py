"""Numbering levels: which heading number opens a child, a sibling or a new section.

Real documents skip levels (一、 straight to 1.), start below the top (（一） with no 一、), put run-in
labels between levels (问题1：, 反馈问题一：) and mistype a number (a 1. where (1) was meant).  So levels
are not fixed by style: a style already open is a sibling at that depth; a new style becomes a child
of the deepest open node of a higher standard rank (一、 > （一） > 1. > （1） > ①; a label nests
under anything).  A 1. that cannot continue its own sequence, followed by a (2) of another style, is
the first item of that style, mistyped — it keeps its text.  Nothing here reports: gaps, skipped
levels and mixed styles are facts of the Document, reported by ``checks.numbering`` whatever format
the notice was read from.

A heading with no typed number that the layout marks (``hints``: an outline level, a heading style,
a bold line of its own) is a node without a marker.  With an outline level L it closes every open
node of level ≥ L (a typed node's level is its own outline level, else its depth); a bold one is a
sibling of the open bold heading that looks the same (same size and style), else a child of the
deepest open node.  Typed numbers nest under it as under any heading of higher rank.

Unnumbered 问题：… lines, two or more under one heading and each followed by its own 整改情况：, are
problem nodes without a marker (the line is their heading), siblings of each other.

Numbers of a new style after a node's own rectification label (整改情况：①…；②…；) enumerate the
account's measures and stay its paragraphs — unless one of them opens an account of its own, in
which case they are sub-problems.
"""

from __future__ import annotations

from dataclasses import field

from ..patterns import compiled
from ..records import dataclass
from ..vocab.markers import RANK, split_marker
from ..vocab.status import parse_status_text
from .blocks import Block
from .hints import bold_heading, outline_level
from .labels import match_rect_label
from .unwrap import starts_structure

HINT = "hint"  # the style of a heading marked only by its layout (no typed number)


@dataclass
class RawNode:
    """A heading line and the lines under it, before it is read as a heading node or a problem."""

    marker_text: str
    style: str
    value: int
    level_style: str
    rest: str
    block: Block
    paras: list[Block] = field(default_factory=list)
    children: list[RawNode] = field(default_factory=list)
    level: int = 0  # outline level (hinted) or depth, 1 = top: where a hinted heading fits
    look: tuple[object, ...] = ()  # what makes two unnumbered headings siblings
    labelled: bool = False  # one of its own lines opens a rectification account

    @property
    def typed(self) -> bool:
        return self.style != HINT


def _rank(style: str) -> int | None:
    return RANK.get(style)


def hinted_heading(block: Block) -> bool:
    """A line with no typed number that its layout marks as a heading (and its text does not contradict)."""
    text = block.text
    if block.outline_level is None and block.bold is None and block.style is None:
        return False
    if starts_structure(text) or (text[0] in "（(【〔[" and parse_status_text(text) is not None):
        return False  # the text says what it is: a number, label, contact or a status of its own
    if outline_level(block) is not None:
        return True
    return bold_heading(block) and text[-1] not in "：:"  # 各党支部： is an addressee, not a heading


def _place_hinted(node: RawNode, stack: list[RawNode]) -> None:
    """Pop ``stack`` to the parent of a heading marked only by its layout, and give it a level."""
    level = outline_level(node.block)
    if level is not None:
        while stack and stack[-1].level >= level:
            stack.pop()
        node.level = level
        return
    look = node.look
    same = next((k for k in range(len(stack) - 1, -1, -1) if not stack[k].typed
                 and outline_level(stack[k].block) is None and stack[k].look == look), None)
    if same is not None:
        del stack[same + 1:]
        node.level = stack.pop().level
    else:
        node.level = stack[-1].level + 1 if stack else 1


def _enumeration_run(j: int, style: str, parsed: list[tuple[str, str, int, str] | None],
                     labelled: list[bool]) -> tuple[int, str, bool]:
    """Judge the run of ``style`` items starting at ``j`` inside an account: (end, style, is_enumeration).

    The items enumerate the account's measures unless one of them opens its own account (then they
    are sub-problems).  The run ends at the first line numbered in another style.
    """
    for k in range(j + 1, len(parsed)):
        if labelled[k]:
            return k, style, False
        q = parsed[k]
        if q is not None and q[1] != style:
            return k, style, True
    return len(parsed), style, True


_OPENER = compiled(r"(?:反馈|存在的?|主要)?问题[ \t]*[：:]")


def _problem_openers(lines: list[Block], parsed: list[tuple[str, str, int, str] | None],
                     labelled: list[bool]) -> list[bool]:
    """Which lines open an unnumbered problem: 问题：… lines, two or more between the same heading
    numbers, each followed by its own rectification label (问题：…/整改情况：…/问题：…/整改情况：…).

    One such line alone under a heading is just the finding of that heading's problem."""
    out = [False] * len(lines)
    run: list[int] = []

    def close() -> None:
        if len(run) >= 2:
            for a, b in zip(run, [*run[1:], end], strict=True):
                out[a] = any(labelled[a + 1:b])
        run.clear()

    end = 0
    for j, (block, p) in enumerate(zip(lines, parsed, strict=True)):
        if p is not None:
            end = j
            close()
        elif block.row is None and _OPENER.match(block.text) is not None:
            run.append(j)
    end = len(lines)
    close()
    return out


def _parse(block: Block) -> tuple[str, str, int, str] | None:
    """A line's heading number; a ledger row's is its number cell (``tables``), never its text."""
    if block.row is not None:
        from .tables import row_marker

        number = row_marker(block.row)
        return (*number, "") if number is not None else None
    return split_marker(block.text)


def build_tree(lines: list[Block]) -> tuple[list[Block], list[RawNode]]:
    """(lines before the first heading, the heading tree) for the body lines in order.

    A ledger row (``Block.row``) is a problem node: numbered by its number cell, or, with none, a
    node without a marker, sibling of the rows around it.
    """
    parsed = [_parse(b) for b in lines]
    lead: list[Block] = []
    roots: list[RawNode] = []
    stack: list[RawNode] = []

    following: list[tuple[str, int] | None] = [None] * len(parsed)
    upcoming: tuple[str, int] | None = None
    for k in range(len(parsed) - 1, -1, -1):
        following[k] = upcoming
        if (q := parsed[k]) is not None:
            upcoming = (q[1], q[2])

    labelled = [p is None and b.row is None and match_rect_label(b.text) is not None
                for b, p in zip(lines, parsed, strict=True)]
    openers = _problem_openers(lines, parsed, labelled)
    enumeration: tuple[int, str, bool] = (-1, "", False)  # (end, style, verdict) of the run last judged

    for j, (block, p) in enumerate(zip(lines, parsed, strict=True)):
        if p is None:
            if block.row is not None or hinted_heading(block) or openers[j]:
                node = RawNode("", HINT, 0, HINT, "" if block.row is not None else block.text, block)
                node.look = (("ledger", block.table) if block.row is not None
                             else ("问题：",) if openers[j] and outline_level(block) is None
                             else (block.size, block.style))
                _place_hinted(node, stack)
                (stack[-1].children if stack else roots).append(node)
                stack.append(node)
            else:
                (stack[-1].paras if stack else lead).append(block)
                if stack and labelled[j]:
                    stack[-1].labelled = True
            continue
        text, style, value, rest = p
        if stack and stack[-1].labelled and style != "label" and all(n.level_style != style for n in stack):
            if not (j < enumeration[0] and enumeration[1] == style):
                enumeration = _enumeration_run(j, style, parsed, labelled)
            if enumeration[2]:
                stack[-1].paras.append(block)  # ①…；②…； inside an account: its text, not sub-items
                continue
        node = RawNode(text, style, value, style, rest, block)
        if (typed_level := outline_level(block)) is not None:
            while stack and not stack[-1].typed and stack[-1].level >= typed_level:
                stack.pop()  # a typed heading with an outline level closes hinted ones at or below it
        open_styles = [n.level_style for n in stack]
        pos = next((k for k in range(len(stack) - 1, -1, -1) if open_styles[k] == style), None)
        ahead = following[j]
        if (pos is not None and value == 1 and ahead is not None and ahead[0] != style and ahead[1] == 2
                and ahead[0] not in open_styles):
            # 1. where (1) was meant: the next number at this place is a (2).
            # It keeps its text; the rule numbering.mixed-style reports it.
            node.level_style = ahead[0]
            pos = None
        level = node.level_style
        if pos is not None:
            del stack[pos:]
        else:
            rank = _rank(level)
            if rank is not None:
                while stack and (r := _rank(stack[-1].level_style)) is not None and r >= rank:
                    stack.pop()
        node.level = typed_level if typed_level is not None else (stack[-1].level + 1 if stack else 1)
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return lead, roots


__all__ = ["HINT", "RawNode", "build_tree", "hinted_heading"]
