"""The one table that says where each JSON Schema property lives in the XML.

Reader and writer are both driven by :data:`MEMBERS`, so they cannot disagree about a name, and
``tests/xml/test_xsd_sync.py`` walks this table against ``schemas/tongbao.schema.json`` *and*
``schemas/tongbao.xsd`` (and the table in ``docs/xml.md``): a property added to one schema and not
the other fails there, not in a user's archive.

Conventions (why they hold exactly): text a person reads is element content, codes and numbers
are attributes; a list of text is a run of repeated elements; a list at document level sits in a
wrapper element, so absence and emptiness are the same thing, as in the model.  ``Node.run_in`` is
an attribute of ``Heading`` because the JSON Schema allows it only beside a heading.

Pure data, no lxml: importing it costs nothing.
"""

from __future__ import annotations

from typing import Literal

from rectify_core.plugin_api import dataclass

NAMESPACE = "urn:rectify:tongbao:1"
ROOT = "Tongbao"

Kind = Literal["root", "attr", "text", "texts", "object", "objects"]
Scalar = Literal["version", "enum", "int", "rate", "bool"]


@dataclass(frozen=True)
class Member:
    """One JSON Schema property of one ``$defs`` object and its XML place.

    ``xml`` is an element name, ``@name`` for an attribute of the object's element, or
    ``Element/@name`` for an attribute of a child element.  ``ref`` is the ``$defs`` name of an
    object (``object``/``objects``), the scalar type of an attribute, or ``ISODate`` for the one
    text whose XSD type (xs:date) collapses white space.
    """

    prop: str
    xml: str
    kind: Kind
    ref: str = ""
    wrapper: str | None = None

    @property
    def attribute(self) -> str:
        return self.xml.rsplit("@", 1)[1]

    @property
    def owner(self) -> str | None:
        """For ``Element/@name``: the child element that carries the attribute."""
        return self.xml.split("/@", 1)[0] if "/@" in self.xml else None


def _m(prop: str, xml: str, kind: Kind, ref: str = "", wrapper: str | None = None) -> Member:
    return Member(prop, xml, kind, ref, wrapper)


# Keyed by JSON Schema $defs name ("Document" is the top level); members in schema order, which is
# also the XSD's element order.
MEMBERS: dict[str, tuple[Member, ...]] = {
    "Document": (
        _m("schema", ROOT, "root"),
        _m("version", "@version", "attr", "version"),
        _m("disclosure", "DisclosureField", "objects", "DisclosureField", "Disclosure"),
        _m("title", "Title", "text"),
        _m("subtitle", "Subtitle", "text"),
        _m("preamble", "Paragraph", "texts", wrapper="Preamble"),
        _m("inspection", "Inspection", "object", "Inspection"),
        _m("body", "Section", "objects", "Node", "Body"),
        _m("statistics", "Statistics", "object", "Statistics"),
        _m("closing", "Paragraph", "texts", wrapper="Closing"),
        _m("contacts", "Contact", "objects", "Contact", "Contacts"),
        _m("signature", "Signature", "object", "Signature"),
    ),
    "Date": (
        _m("iso", "ISODate", "text", "ISODate"),
        _m("text", "Text", "text"),
    ),
    "DisclosureField": (
        _m("key", "@key", "attr", "enum"),
        _m("label", "Label", "text"),
        _m("value", "Value", "text"),
        _m("date", "Date", "object", "Date"),
    ),
    "Inspection": (
        _m("level", "@level", "attr", "enum"),
        _m("team", "Team", "text"),
        _m("round", "Round", "text"),
        _m("kind", "Kind", "text"),
        _m("targets", "Target", "texts"),
        _m("start", "StartDate", "object", "Date"),
        _m("end", "EndDate", "object", "Date"),
        _m("feedback", "FeedbackDate", "object", "Date"),
    ),
    "Marker": (
        _m("style", "@style", "attr", "enum"),
        _m("value", "@value", "attr", "int"),
        _m("text", "Text", "text"),
    ),
    "Rectification": (
        _m("label", "Label", "text"),
        _m("colon", "@colon", "attr", "enum"),
        _m("paragraphs", "Paragraph", "texts"),
    ),
    "Status": (
        _m("category", "@category", "attr", "enum"),
        _m("deadline", "Deadline", "object", "Date"),
        _m("text", "Text", "text"),
        _m("inline", "@inline", "attr", "bool"),
        _m("inferred", "@inferred", "attr", "bool"),
    ),
    "Problem": (
        _m("finding", "Finding", "texts"),
        _m("rectification", "Rectification", "object", "Rectification"),
        _m("status", "Status", "object", "Status"),
        _m("responsible_unit", "ResponsibleUnit", "text"),
        _m("responsible_person", "ResponsiblePerson", "text"),
        _m("time_limit", "TimeLimit", "object", "Date"),
    ),
    "Node": (
        _m("marker", "Marker", "object", "Marker"),
        _m("heading", "Heading", "text"),
        _m("run_in", "Heading/@runIn", "attr", "bool"),
        _m("paragraphs", "Paragraph", "texts"),
        _m("problem", "Problem", "object", "Problem"),
        _m("children", "Section", "objects", "Node"),
    ),
    "Statistics": (
        _m("total", "@total", "attr", "int"),
        _m("completed", "@completed", "attr", "int"),
        _m("long_term", "@longTerm", "attr", "int"),
        _m("in_progress", "@inProgress", "attr", "int"),
        _m("not_started", "@notStarted", "attr", "int"),
        _m("rate", "@rate", "attr", "rate"),
        _m("long_term_in_completed", "@longTermInCompleted", "attr", "bool"),
        _m("text", "Text", "text"),
    ),
    "Contact": (
        _m("kind", "@kind", "attr", "enum"),
        _m("label", "Label", "text"),
        _m("value", "Value", "text"),
    ),
    "Signature": (
        _m("issuer", "Issuer", "text"),
        _m("date", "WrittenDate", "object", "Date"),
    ),
}

# Types the XSD defines beyond the JSON Schema's $defs: list wrappers and the heading with its
# run-in flag.  The sync test accepts exactly these as "extra".
XSD_HELPER_TYPES = ("Paragraphs", "DisclosureList", "Body", "ContactList", "Heading")

__all__ = ["MEMBERS", "NAMESPACE", "ROOT", "XSD_HELPER_TYPES", "Member"]
