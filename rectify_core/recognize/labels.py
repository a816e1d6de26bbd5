"""Run-in labels that open a paragraph: the rectification account, a status line, a contact.

整改情况： / 整改进展情况： / 整改落实情况： / 整改措施： / 整改：, with an ASCII or full-width colon
(kept as written: the model records which).  A label needs its colon — without one, 整改情况 is just a
word in a sentence.
"""

from __future__ import annotations

import re

RECT_LABEL = re.compile(
    r"(?P<label>整改(?:进展|落实|推进|完成|工作)?情况|整改(?:措施|举措|成效|进展)|整改)[ \t]*(?P<colon>[：:])[ \t]*"
)
STATUS_LINE = re.compile(r"(?:完成情况|整改状态|完成状态|整改进度|整改结果)[ \t]*[：:]")


def match_rect_label(text: str) -> tuple[str, str, str] | None:
    """(label, colon, rest) when ``text`` opens with a rectification label."""
    m = RECT_LABEL.match(text)
    if m is None:
        return None
    return m.group("label"), m.group("colon"), text[m.end():]


def is_status_line(text: str) -> bool:
    return STATUS_LINE.match(text) is not None


__all__ = ["RECT_LABEL", "STATUS_LINE", "is_status_line", "match_rect_label"]
