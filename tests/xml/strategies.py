"""Documents that reach every corner of the JSON Schema, for the XML format's exact round trip.

``rectify_core.testing.documents()`` is weighted to what real notices hold; this strategy adds
what the schema allows and real notices rarely show: every property of every object (Date with
text only, DisclosureField.date, Inspection.round/kind, every Statistics count, label markers,
unknown statuses, empty Signature/Inspection/Statistics objects), big counts, float rates down
to subnormals, version 1.x.y, and text drawn from the whole range the Text pattern admits
(astral characters, U+3000 and U+00A0 inside a line, and so on).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import strategies as st

from rectify_core.model import (
    MARKER_STYLES,
    STATUS_CATEGORIES,
    Contact,
    Date,
    DisclosureField,
    Document,
    Inspection,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Statistics,
    Status,
)
from rectify_core.schema import json_schema

_TEXT = re.compile(json_schema()["$defs"]["Text"]["pattern"])
DISCLOSURE_KEYS = tuple(json_schema()["$defs"]["DisclosureField"]["properties"]["key"]["enum"])

_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
    st.sampled_from(list("，。、；：“”‘’（）《》—…·①②⑳〔〕")),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from(["\u3000", "\u00a0", "\u2003", "\u200b", "\u1680", "&", "<", ">", "]]>", "'", '"']),
    st.characters(exclude_categories=("Cs",)),
)
_edge = _chars.filter(lambda c: _TEXT.fullmatch(c) is not None)
_middle = _chars.filter(lambda c: _TEXT.fullmatch(f"a{c}b") is not None)


@st.composite
def texts(draw: Any, max_size: int = 30) -> str:
    first = draw(_edge)
    if draw(st.integers(0, 3)) == 0:
        return first
    return first + "".join(draw(st.lists(_middle, max_size=max_size))) + draw(_edge)


def _opt(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _tuple_of(strategy: st.SearchStrategy[Any], max_size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


@st.composite
def dates(draw: Any) -> Date:
    iso = draw(_opt(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(dt.date.isoformat)))
    text = draw(texts(12)) if iso is None else draw(_opt(texts(12)))
    return Date(iso=iso, text=text)


def _rates() -> st.SearchStrategy[int | float]:
    return st.integers(0, 100) | st.floats(0, 100, allow_nan=False) | st.sampled_from([0.0, 76.0, 76.5, 98.71, 5e-324])


@st.composite
def problems(draw: Any) -> Problem:
    finding = draw(_tuple_of(texts()))
    rect = draw(_opt(st.builds(Rectification, label=texts(8), colon=st.sampled_from([None, "：", ":"]),
                               paragraphs=_tuple_of(texts()))))
    status = draw(_opt(st.builds(Status, category=st.sampled_from(STATUS_CATEGORIES), deadline=_opt(dates()),
                                 text=_opt(texts(20)), inline=st.booleans(),
                                 inferred=st.booleans())))
    unit, person, limit = draw(_opt(texts(20))), draw(_opt(texts(8))), draw(_opt(dates()))
    if not finding and rect is None and status is None and (unit, person, limit) == (None, None, None):
        finding = (draw(texts()),)
    return Problem(finding=finding, rectification=rect, status=status,
                   responsible_unit=unit, responsible_person=person, time_limit=limit)


@st.composite
def nodes(draw: Any, depth: int = 0) -> Node:
    marker = draw(_opt(st.builds(Marker, style=st.sampled_from(MARKER_STYLES), value=st.integers(1, 999),
                                 text=_opt(texts(6)))))
    heading = draw(texts(20)) if marker is None else draw(_opt(texts(20)))
    problem = draw(_opt(problems()))
    paragraphs = () if problem is not None else draw(_tuple_of(texts()))
    children = draw(_tuple_of(nodes(depth + 1), 2)) if depth < 3 else ()
    return Node(marker=marker, heading=heading, run_in=heading is not None and draw(st.booleans()),
                paragraphs=paragraphs, problem=problem, children=children)


_counts = _opt(st.integers(0, 10**15))


@st.composite
def any_documents(draw: Any) -> Document:
    """A schema-valid Document with any member present or absent."""
    return Document(
        version=draw(st.sampled_from(["1.0.0", "1.0.0", "1.2.10"])),
        disclosure=draw(_tuple_of(st.builds(DisclosureField, label=texts(8), key=_opt(st.sampled_from(DISCLOSURE_KEYS)),
                                            value=_opt(texts()), date=_opt(dates())))),
        title=draw(_opt(texts())),
        subtitle=draw(_opt(texts(8))),
        preamble=draw(_tuple_of(texts())),
        inspection=draw(_opt(st.builds(Inspection, level=_opt(st.sampled_from(["巡视", "巡察"])), team=_opt(texts(8)),
                                       round=_opt(texts(8)), kind=_opt(texts(8)), targets=_tuple_of(texts(8)),
                                       start=_opt(dates()), end=_opt(dates()), feedback=_opt(dates())))),
        body=draw(_tuple_of(nodes(), 3)),
        statistics=draw(_opt(st.builds(Statistics, total=_counts, completed=_counts, long_term=_counts,
                                       in_progress=_counts, not_started=_counts, rate=_opt(_rates()),
                                       long_term_in_completed=st.booleans(), text=_opt(texts())))),
        closing=draw(_tuple_of(texts())),
        contacts=draw(_tuple_of(st.builds(Contact, kind=st.sampled_from(["phone", "mailbox", "email", "other"]),
                                          value=texts(12), label=_opt(texts(6))))),
        signature=draw(_opt(st.builds(Signature, issuer=_opt(texts(12)), date=_opt(dates())))),
    )
