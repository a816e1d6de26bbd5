"""A status written as the last sentence of an account: 已完成整改。 确保2021年9月底前整改到位。

The phrases are the status vocabulary's (``vocab.status``: ``PROSE_LEAD``, ``PROSE_PART``,
``PROSE_CLAUSE``); this module finds the sentence they must fill.  Only the end of an account is
looked at, and only a short sentence made entirely of status phrases — or a final clause that
promises a deadline (……，确保2021年9月底前整改到位。) — is read, so narrative sentences that mention
完成 stay account text.  A status read this way is ``inferred`` (``vocab.status.is_stated``).
"""

from __future__ import annotations

from ..model import Date
from ..vocab.status import PROSE_CLAUSE, PROSE_JOIN, PROSE_LEAD, PROSE_MAX, PROSE_PART, parse_status_text
from .text import CLOSING_QUOTES, OPENING_QUOTES, SENTENCE_END, sentence_spans

_ENDS = ("。", "！")


def _last_sentence_start(text: str) -> int | None:
    """Where the last sentence starts when it is short enough to be a status (None when longer).

    Only the tail is looked at when it has no brackets or quotes — accounts are long, this runs on
    every one; otherwise the whole paragraph's sentences (which know about brackets) decide.
    """
    tail_start = max(0, len(text) - PROSE_MAX - 1)
    tail = text[tail_start:-1]
    if any(c in OPENING_QUOTES or c in CLOSING_QUOTES for c in tail):
        spans = sentence_spans(text)
        return spans[-1][0] if spans else None
    cut = max(tail.rfind(c) for c in SENTENCE_END)
    if cut < 0:
        return 0 if tail_start == 0 else None
    return tail_start + cut + 1


def _last_clause_start(text: str) -> int | None:
    """Where a final deadline clause (，确保…前整改到位。) starts, if the text ends with one."""
    tail_start = max(0, len(text) - PROSE_MAX - 1)
    tail = text[tail_start:-1]
    cut = max(tail.rfind(c) for c in "，,；;")
    if cut < 0:
        return None
    start = tail_start + cut + 1
    if any(c in SENTENCE_END for c in text[start:-1]):
        return None
    return start if PROSE_CLAUSE.fullmatch(text[start:].rstrip("。！").strip()) else None


def prose_status(text: str) -> tuple[str, str, str, Date | None] | None:
    """(text before, status sentence, category, deadline) when ``text`` ends with a status in prose."""
    if not text.endswith(_ENDS):
        return None
    start = _last_sentence_start(text)
    if start is not None:
        sentence = text[start:].strip()
        core = PROSE_LEAD.sub("", sentence.rstrip("。！"), count=1)
        parts = [p for p in PROSE_JOIN.split(core) if p]
        if not (len(sentence) <= PROSE_MAX and parts and all(PROSE_PART.fullmatch(p) for p in parts)):
            start = None
    if start is None:
        start = _last_clause_start(text)
    if start is None:
        return None
    sentence = text[start:].strip()
    parsed = parse_status_text(sentence)  # the reader of any format gets the same category from the text
    if parsed is None or parsed[0] == "unknown":
        return None
    return text[:start].rstrip(), sentence, parsed[0], parsed[1]


__all__ = ["prose_status"]
