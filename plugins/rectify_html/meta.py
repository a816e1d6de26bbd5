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

import re
from collections.abc import Sequence
from typing import Any

from rectify_core.plugin_api import Para

SITE_OPTIONS = (("SiteName", "site_name"), ("SiteDomain", "site_domain"),
                ("SiteIDCode", "site_id_code"), ("ColumnName", "column_name"))

_SOURCE_LABELS = ("发布机构", "发文机关", "发布单位", "发文单位", "信息来源", "来源")
_ISSUED_LABELS = ("发文日期", "发文时间", "发布日期", "发布时间")
_WRITTEN_LABELS = ("成文日期", "成文时间")
_INDEX_LABELS = ("索引号", "信息索引号")
_CATEGORY_LABELS = ("主题分类",)
_DATE = re.compile(r"(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


def iso_date(text: str | None) -> str | None:
    """The first complete date written in ``text`` as YYYY-MM-DD (for metadata only)."""
    if not text:
        return None
    m = _DATE.search(text)
    if m is None:
        return None
    y, mo, d = (int(g) for g in m.groups())
    if not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def _field(paras: Sequence[Para], labels: tuple[str, ...]) -> str | None:
    for p in paras:
        if p.role == "disclosure":
            label = "".join((p.get("label") or "").split()).rstrip(":：")
            value = p.get("value")
            if label in labels and value:
                return value
    return None


def _first(paras: Sequence[Para], role: str) -> str | None:
    return next((p.text for p in paras if p.role == role), None)


def head_meta(paras: Sequence[Para], options: dict[str, Any]) -> list[tuple[str, str]]:
    """``(name, content)`` pairs in a fixed order; pairs without content are left out."""
    title = _first(paras, "title")
    issuer = _first(paras, "issuer")
    source = str(options.get("content_source") or "") or _field(paras, _SOURCE_LABELS) or issuer
    date = (iso_date(_field(paras, _ISSUED_LABELS)) or iso_date(_field(paras, _WRITTEN_LABELS))
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
        ("DC.identifier", _field(paras, _INDEX_LABELS)),
        ("DC.subject", _field(paras, _CATEGORY_LABELS)),
        ("DC.type", "Text"),
        ("DC.format", "text/html"),
        ("DC.language", "zh-CN"),
    ]
    return [(name, content) for name, content in pairs if content]
