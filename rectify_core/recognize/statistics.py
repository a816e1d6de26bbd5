"""The statistics sentence: 反馈问题N个，已完成整改M个，其中……，继续整改K个，完成率X%.

The sentence is cut into clauses at ，、；（） and after every count (so 28个问题已整改到位25个 is two
clauses), and each clause that ends in a count (N个/项/条/件) is classified by its words.  The total
is the last count of a 问题/任务 clause before the first status clause (so 4个大方面26个大项……梳理分解
整改任务106个,已完成整改98个 gives 106).  A clause that starts with 含/包括, or counts 立行立改
items (a subset, whichever side of the completed count it stands), is a part of another count and
is skipped; one that starts with 其中 marks long-term items counted inside the completed ones.
Clauses are classified by the one status vocabulary (``vocab.status.category_of``).
"""

from __future__ import annotations

from ..model import Statistics
from ..patterns import compiled
from ..vocab.status import category_of
from .text import sentences

_CLAUSE = compiled(r"[，,、；;（）()]|(?<=[个项条件])(?=[^，,、；;（）()]*\d)")
_COUNT = compiled(r"(\d+)[ ]*(?:个|项|条|件)")
_RATE = compiled(r"(?:完成|整改)率[ ]*(?:为|达|达到|是)?[ ]*(\d+(?:\.\d+)?)[ ]*[%％]")
_PART = compiled(r"立行立改|即知即改")
_TOTAL = compiled(r"问题|任务|反馈|事项")


def parse_statistics(sentence: str) -> Statistics | None:
    """Statistics when the sentence states a total and a completed count, else None."""
    total = completed = long_term = in_progress = not_started = None
    inside = False
    pending_total: int | None = None
    for raw in _CLAUSE.split(sentence):
        clause = raw.strip()
        counts = _COUNT.findall(clause)
        if not counts or clause.startswith(("含", "包括")) or _PART.search(clause):
            continue
        n = int(counts[-1])
        category = category_of(clause)  # the status vocabulary: 未完成 counts as in progress
        if category == "not_started":
            not_started = n if not_started is None else not_started
        elif category == "long_term":
            long_term = n if long_term is None else long_term
            inside = inside or "其中" in clause
        elif category == "in_progress":
            in_progress = n if in_progress is None else in_progress
        elif category == "completed":
            if completed is None:
                completed = n
                total = pending_total
        elif _TOTAL.search(clause) and completed is None:
            pending_total = n
    if total is None or completed is None:
        return None
    rate_match = _RATE.search(sentence)
    rate: float | None = None
    if rate_match:
        value = float(rate_match.group(1))
        rate = int(value) if value.is_integer() and "." not in rate_match.group(1) else value
    return Statistics(total=total, completed=completed, long_term=long_term, in_progress=in_progress,
                      not_started=not_started, rate=rate, long_term_in_completed=inside,
                      text=sentence.strip())


def find_statistics(paragraphs: list[str]) -> Statistics | None:
    """The first statistics sentence in ``paragraphs`` (document order)."""
    for paragraph in paragraphs:
        if not _COUNT.search(paragraph):
            continue
        for sentence in sentences(paragraph):
            found = parse_statistics(sentence)
            if found is not None:
                return found
    return None


__all__ = ["find_statistics", "parse_statistics"]
