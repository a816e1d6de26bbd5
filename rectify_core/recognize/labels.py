"""Run-in labels that open a paragraph: the rectification account, a status line, a contact.

整改情况： / 整改进展情况： / 整改落实情况： / 整改措施： / 整改：, with an ASCII or full-width colon
(kept as written: the model records which).  A label needs its colon — without one, 整改情况 is just a
word in a sentence.
"""

from __future__ import annotations

from ..patterns import compiled
from ..vocab.status import LIMIT_LABELS, STATUS_LABELS
from .text import clean

RECT_LABEL = compiled(
    r"(?P<label>整改(?:进展|落实|推进|完成|工作)?情况|整改(?:措施|举措|成效|进展)|整改)[ \t]*(?P<colon>[：:])[ \t]*"
)
_STATUS_WORDS = "|".join(STATUS_LABELS + LIMIT_LABELS)
STATUS_LINE = compiled(rf"(?:{_STATUS_WORDS})[ \t]*[：:]")


# A label run into the line before it, after a sentence: ⑴公务接待审批不严格。整改情况：修订…
_RUN_IN_RECT = compiled(
    r"(?<=[。；！？])[ \t\u3000]*(?=整改(?:进展|落实|推进)?情况[ \t]*[：:]|整改(?:措施|举措)[ \t]*[：:])")
_RUN_IN_STATUS = compiled(rf"(?<=[。；！？])[ \t\u3000]*(?=(?:{_STATUS_WORDS})[ \t]*[：:])")


def split_run_in_labels(text: str) -> list[str]:
    """``text`` cut before a rectification label or status line that follows a sentence on the same line.

    A finding and its account typed as one paragraph (问题1：…。整改情况：…) read as they would on two
    lines; only white space at the cut is dropped.  A line that opens with a label is not cut before
    another rectification label (整改情况：…。整改措施：… is one account), only before a status line.
    """
    cuts = [m.start() for m in _RUN_IN_STATUS.finditer(text)]
    if match_rect_label(text) is None:
        first = _RUN_IN_RECT.search(text)
        if first is not None:
            cuts.append(first.start())
    if not cuts:
        return [text]
    parts, start = [], 0
    for cut in sorted(set(cuts)):
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return [p for p in map(clean, parts) if p]


def match_rect_label(text: str) -> tuple[str, str, str] | None:
    """(label, colon, rest) when ``text`` opens with a rectification label."""
    m = RECT_LABEL.match(text)
    if m is None:
        return None
    return m.group("label"), m.group("colon"), clean(text[m.end():])  # 整改：\u3000… has no outer space


def is_status_line(text: str) -> bool:
    return STATUS_LINE.match(text) is not None


__all__ = ["RECT_LABEL", "STATUS_LINE", "is_status_line", "match_rect_label", "split_run_in_labels"]
