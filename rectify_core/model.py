"""The 通报 as typed, immutable Python objects.

The JSON Schema in ``schemas/tongbao.schema.json`` is the authority; these classes mirror it one
field per schema property (``tests/test_model_schema.py`` keeps the two in step).  Objects are
frozen dataclasses holding tuples, so a Document can be hashed, compared and shared between
threads, and ``==`` is the equality the round-trip guarantees are stated in.

``to_dict`` writes the *canonical* form: members in schema order, optional members omitted when
``None`` or empty, booleans omitted when they equal their default.  ``from_dict`` accepts any
schema-valid dict (and refuses any other with a located SchemaError), so
``to_dict(from_dict(x)) == x`` holds exactly for canonical input.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from .records import dataclass

SCHEMA_NAME = "rectify/tongbao"
SCHEMA_VERSION = "1.1.0"

MarkerStyle = Literal["chinese", "chinese_paren", "arabic", "arabic_paren", "circled", "label"]
StatusCategory = Literal["completed", "long_term", "in_progress", "not_started", "unknown"]
ContactKind = Literal["phone", "mailbox", "email", "other"]
InspectionLevel = Literal["巡视", "巡察"]
DisclosureKey = Literal[
    "index_no", "category", "publisher", "written_date", "doc_number", "issued_date",
    "title", "validity", "disclosure_mode", "keywords", "source", "other",
]
Colon = Literal["：", ":"]

STATUS_CATEGORIES: tuple[str, ...] = get_args(StatusCategory)
MARKER_STYLES: tuple[str, ...] = get_args(MarkerStyle)


@dataclass(frozen=True)
class Date:
    """A date as the notice writes it (``text``) and the day it names (``iso``, None when no calendar day)."""

    iso: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class DisclosureField:
    """One line of the 政务公开 block (索引号, 发布机构, 公开方式 …): its label, standard key, value, date."""

    label: str | None = None
    key: DisclosureKey | None = None
    value: str | None = None
    date: Date | None = None


@dataclass(frozen=True)
class Inspection:
    """The inspection the notice answers: level, team, round, kind, targets and its dates."""

    level: InspectionLevel | None = None
    team: str | None = None
    round: str | None = None
    kind: str | None = None
    targets: tuple[str, ...] = ()
    start: Date | None = None
    end: Date | None = None
    feedback: Date | None = None


@dataclass(frozen=True)
class Marker:
    """A list number (一、（一）1. …): its style, value and the text as written."""

    style: MarkerStyle
    value: int
    text: str | None = None


@dataclass(frozen=True)
class Rectification:
    """The account of what was done about a problem: its label (整改情况 …) and paragraphs."""

    label: str
    colon: Colon | None = None
    paragraphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Status:
    """Where a problem's rectification stands (completed, in progress, long term …) and by when."""

    category: StatusCategory
    deadline: Date | None = None
    text: str | None = None
    inline: bool = True
    inferred: bool = False  # read from a sentence of the account, not a status slot (since 1.1)


@dataclass(frozen=True)
class Problem:
    """A problem the inspection fed back, with its rectification, status and who answers for it."""

    finding: tuple[str, ...] = ()
    rectification: Rectification | None = None
    status: Status | None = None
    responsible_unit: str | None = None  # 责任单位 (schema 1.1)
    responsible_person: str | None = None  # 责任人 (schema 1.1)
    time_limit: Date | None = None  # 整改时限 as written (schema 1.1), not the status's deadline


@dataclass(frozen=True)
class Node:
    """A numbered part of the body: a section heading or a problem, with its children."""

    marker: Marker | None = None
    heading: str | None = None
    run_in: bool = False
    paragraphs: tuple[str, ...] = ()
    problem: Problem | None = None
    children: tuple[Node, ...] = ()


@dataclass(frozen=True)
class Statistics:
    """The figures the notice states about its problems (total, completed …), as stated."""

    total: int | None = None
    completed: int | None = None
    long_term: int | None = None
    in_progress: int | None = None
    not_started: int | None = None
    rate: float | None = None
    long_term_in_completed: bool = False
    text: str | None = None


@dataclass(frozen=True)
class Contact:
    """A way to reach the issuer for feedback: telephone, mailbox, address, email …"""

    kind: ContactKind
    value: str
    label: str | None = None


@dataclass(frozen=True)
class Signature:
    """Who issued the notice and when (落款)."""

    issuer: str | None = None
    date: Date | None = None


@dataclass(frozen=True)
class Document:
    """One 通报: its head, body of numbered nodes, statistics, closing, contacts and signature.

    Build one with ``Document.from_dict`` (checked against the schema) or from the classes of this
    module; ``to_dict`` gives the canonical JSON form, ``walk`` every body node with its JSON
    Pointer, ``problems`` the nodes that carry a rectification account.
    """

    schema: str = SCHEMA_NAME
    version: str = SCHEMA_VERSION
    disclosure: tuple[DisclosureField, ...] = ()
    title: str | None = None
    subtitle: str | None = None
    preamble: tuple[str, ...] = ()
    inspection: Inspection | None = None
    body: tuple[Node, ...] = ()
    statistics: Statistics | None = None
    closing: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    signature: Signature | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, validate: bool = True) -> Document:
        """Build a Document from its dict form, checking it first.

        The dict is checked against the JSON Schema, values included (a date must exist, a marker
        value must be a whole number …): a bad one raises :class:`rectify_core.errors.SchemaError`
        whose ``pointer`` is the JSON Pointer of the first offending member and whose ``findings``
        list all of them, instead of a Document that fails later inside a writer.  Readers that
        have validated already pass ``validate=False``.
        """
        if validate:
            _check(data)
        return _from_dict(cls, data)

    def to_dict(self) -> dict[str, Any]:
        """The canonical dict: schema order, empty optionals omitted."""
        out: dict[str, Any] = to_dict(self)
        return out

    def walk(self) -> typing.Iterator[tuple[str, Node]]:
        """Every body node with its JSON Pointer, depth first in document order."""
        return walk_nodes(self.body, "/body")

    def problems(self) -> list[Node]:
        """Problem nodes that carry a rectification account, in document order."""
        return [n for _, n in self.walk() if n.problem is not None and n.problem.rectification is not None]


# Member order of every class as the schema lists it; to_dict writes members in this order.
_SCHEMA_ORDER: dict[type, tuple[str, ...]] = {
    Document: ("schema", "version", "disclosure", "title", "subtitle", "preamble", "inspection",
               "body", "statistics", "closing", "contacts", "signature"),
    Date: ("iso", "text"),
    DisclosureField: ("key", "label", "value", "date"),
    Inspection: ("level", "team", "round", "kind", "targets", "start", "end", "feedback"),
    Marker: ("style", "value", "text"),
    Rectification: ("label", "colon", "paragraphs"),
    Status: ("category", "deadline", "text", "inline", "inferred"),
    Problem: ("finding", "rectification", "status", "responsible_unit", "responsible_person", "time_limit"),
    Node: ("marker", "heading", "run_in", "paragraphs", "problem", "children"),
    Statistics: ("total", "completed", "long_term", "in_progress", "not_started", "rate",
                 "long_term_in_completed", "text"),
    Contact: ("kind", "label", "value"),
    Signature: ("issuer", "date"),
}

MODEL_CLASSES: dict[str, type] = {c.__name__: c for c in _SCHEMA_ORDER}


def walk_nodes(nodes: tuple[Node, ...], base: str) -> typing.Iterator[tuple[str, Node]]:
    for i, node in enumerate(nodes):
        pointer = f"{base}/{i}"
        yield pointer, node
        yield from walk_nodes(node.children, f"{pointer}/children")


# (member, default) of each model class in schema order: to_dict runs once per node of every notice
# written, and asking dataclasses for the fields of each object cost more than the conversion itself
def _members(cls: type, order: tuple[str, ...]) -> tuple[tuple[str, Any], ...]:
    defaults = {f.name: f.default for f in dataclasses.fields(cls)}
    return tuple((name, defaults[name]) for name in order)


_MEMBERS: dict[type, tuple[tuple[str, Any], ...]] = {cls: _members(cls, order) for cls, order in _SCHEMA_ORDER.items()}


def to_dict(obj: Any) -> Any:
    members = _MEMBERS.get(type(obj))
    if members is not None:
        out: dict[str, Any] = {}
        for name, default in members:
            value = getattr(obj, name)
            if value is None or value == ():
                continue
            if isinstance(value, bool) and value == default:
                continue
            out[name] = to_dict(value)
        return out
    if isinstance(obj, tuple):
        return [to_dict(v) for v in obj]
    return obj


_T = TypeVar("_T")
_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls)
    return _HINTS[cls]


def _check(data: Any) -> None:
    from .errors import SchemaError
    from .schema import validate_dict  # schema imports this module: import on use

    if not isinstance(data, dict):
        raise SchemaError(f"a Document is built from a dict, got {type(data).__name__}", pointer="")
    findings = validate_dict(data)
    if findings:
        first = findings[0]
        more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
        raise SchemaError(f"{first.pointer or '/'}: {first.message_en}{more}", pointer=first.pointer,
                          findings=findings)


def _from_dict(cls: type[_T], data: dict[str, Any]) -> _T:
    hints = _hints(cls)
    kwargs = {name: _convert(hints[name], value) for name, value in data.items()}
    return cls(**kwargs)


def _convert(tp: Any, value: Any) -> Any:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return None if value is None else _convert(inner[0], value)
    if origin is tuple:
        (item_tp, _ellipsis) = get_args(tp)
        return tuple(_convert(item_tp, v) for v in value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _from_dict(tp, value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return value  # keep 76 as 76 so canonical JSON round-trips byte for byte
    return value


def replace(obj: _T, **changes: Any) -> _T:
    """dataclasses.replace, re-exported so callers need not know the classes are dataclasses."""
    return dataclasses.replace(obj, **changes)  # type: ignore[type-var]


__all__ = [
    "MARKER_STYLES",
    "MODEL_CLASSES",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "STATUS_CATEGORIES",
    "Contact",
    "Date",
    "DisclosureField",
    "Document",
    "Inspection",
    "Marker",
    "Node",
    "Problem",
    "Rectification",
    "Signature",
    "Statistics",
    "Status",
    "replace",
    "to_dict",
    "walk_nodes",
]
