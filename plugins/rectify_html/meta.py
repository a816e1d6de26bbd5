"""The ``<head>`` metadata: 政府网站 article tags (standards.md §2.6) and Dublin-Core-style tags.

Everything here is computed from the *visible* paragraphs (``rectify_core.visible.flatten``) and the
writer options, never from recognised facts.  That is what keeps the writer deterministic across a
round trip: a Document read back from the page has the same visible text but more recognised facts
(disclosure keys, dates), and must produce the same bytes.

Options (all optional strings): ``site_name``, ``site_domain``, ``site_id_code``, ``column_name``
(the site-wide tags, only written when given), ``pub_date`` (overrides the PubDate derived from
the text, e.g. ``"2023-11-23 09:30"``), ``content_source`` (overrides ContentSource).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rectify_core.plugin_api import Para, vocab

SITE_OPTIONS = (("SiteName", "site_name"), ("SiteDomain", "site_domain"),
                ("SiteIDCode", "site_id_code"), ("ColumnName", "column_name"))



def iso_date(text: str | None) -> str | None:
    """The first complete date written in ``text`` as YYYY-MM-DD (the vocabulary's reading of dates)."""
    found = vocab.disclosure.field_date(text) if text else None
    return found.iso if found is not None else None


def _field(paras: Sequence[Para], keys: tuple[str, ...]) -> str | None:
    """The value of the first disclosure field whose label names one of ``keys`` (政务公开 vocabulary)."""
    for p in paras:
        if p.role == "disclosure":
            value = p.get("value")
            if value and vocab.disclosure.key_for_label(p.get("label") or "") in keys:
                return value
    return None


def _first(paras: Sequence[Para], role: str) -> str | None:
    return next((p.text for p in paras if p.role == role), None)


def head_meta(paras: Sequence[Para], options: dict[str, Any]) -> list[tuple[str, str]]:
    """``(name, content)`` pairs in a fixed order; pairs without content are left out."""
    title = _first(paras, "title")
    issuer = _first(paras, "issuer")
    source = str(options.get("content_source") or "") or _field(paras, ("publisher", "source")) or issuer
    date = (iso_date(_field(paras, ("issued_date",))) or iso_date(_field(paras, ("written_date",)))
            or iso_date(_first(paras, "date")))
    pub_date = str(options.get("pub_date") or "") or date
    pairs: list[tuple[str, str | None]] = [(name, str(options.get(key) or "") or None) for name, key in SITE_OPTIONS]
    pairs += [
        ("ArticleTitle", title),
        ("PubDate", pub_date),
        ("ContentSource", source),
        ("DC.title", title),
        ("DC.creator", issuer or source),
        ("DC.publisher", source),
        ("DC.date", date),
        ("DC.identifier", _field(paras, ("index_no",))),
        ("DC.subject", _field(paras, ("category",))),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.language", "zh-CN"),
    ]
    return [(name, content) for name, content in pairs if content]
