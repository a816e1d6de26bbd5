"""Any text — markup look-alikes, entities, quotes, odd Unicode — comes back as text, never as markup.

The text goes into every place the writer puts text (title and the head's meta attributes,
disclosure label and value, headings, findings, rectification, status, closing with its links,
signature).  The page is then parsed the way a browser parses it (html5lib, the WHATWG algorithm):
it must contain only the elements the writer makes, and reading it back must give the text exactly.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rectify_core.model import (
    Date,
    DisclosureField,
    Document,
    Marker,
    Node,
    Problem,
    Rectification,
    Signature,
    Status,
)
from rectify_core.schema import json_schema

from .pages import read, tree, write

TEXT = re.compile(json_schema()["$defs"]["Text"]["pattern"])
HOSTILE = [
    "<script>alert(1)</script>", "</title><script>x</script>", "</style><img src=x onerror=alert(1)>",
    "&amp;", "&lt;b&gt;", "&", "&#x3C;", "&{x}", "\"'`", "a=\"b\" onload='c'", "<!-- c -->", "]]>",
    "<![CDATA[x]]>", "<?php ?>", "<!DOCTYPE html>", "tel:0632-8451103", "mailto:a@b.cn",
    "javascript:alert(1)", "\u202etxet", "e\u0301", "\U0001f600", "\u3000全角\u3000空格", "a\u00a0b", "x  y   z",
    "𠀀𪚥", "\ue000", "\ufdd0", "٠١٢", "\u200b", "\u200d",
]
ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article", "header", "footer", "section",
                "dl", "div", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "address", "a", "time"}


def _valid(text: str) -> bool:
    return TEXT.fullmatch(text) is not None


@st.composite
def hostile_text(draw) -> str:
    parts = draw(st.lists(st.one_of(
        st.sampled_from(HOSTILE),
        st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=12),
    ), min_size=1, max_size=4))
    text = "".join(parts)
    text = "".join(c for c in text if c not in "\u2028\u2029\ufeff\ufffe\uffff")
    text = re.sub(r"^[\s\u200b\u3000\ufeff]+|[\s\u200b\u3000\ufeff]+$", "", text)
    if not _valid(text):
        text = "x" + text + "x" if _valid("x" + text + "x") else "<b>&amp;</b>"
    return text


def _doc(t: str) -> Document:
    problem = Problem(finding=(t, t), rectification=Rectification("整改情况", "：", (t, t)),
                      status=Status("unknown", text=t, inline=True))
    return Document(
        disclosure=(DisclosureField(label=t, value=t),),
        title=t, subtitle=t, preamble=(t,),
        body=(Node(marker=Marker("chinese", 1), heading=t, paragraphs=(t,), children=(
            Node(marker=Marker("chinese_paren", 1), problem=problem),
            Node(heading=t, run_in=True, paragraphs=(t,)))),),
        closing=(t, f"联系电话：0632-8451103{t}xzjw2015@163.com"),
        signature=Signature(issuer=t, date=Date(text=t)),
    )


@given(hostile_text())
def test_text_is_never_markup(t):
    doc = _doc(t)
    data = write(doc)
    page = tree(data).getroot()
    assert {el.tag for el in page.iter() if isinstance(el.tag, str)} <= ALLOWED_TAGS
    assert page.xpath("//title")[0].text == t
    assert page.xpath("//meta[@name='ArticleTitle']/@content") == [t]
    assert page.xpath("//h1")[0].xpath("string(.)") == t
    assert all(h.startswith(("tel:", "mailto:")) for h in page.xpath("//@href"))
    back = read(data).document
    assert back.title == t and back.subtitle == t and back.preamble == (t,)
    assert back.disclosure[0].label == t and back.disclosure[0].value == t
    assert back.body[0].heading == t and back.body[0].paragraphs == (t,)
    problem = back.body[0].children[0].problem
    assert problem is not None and problem.finding == (t, t)
    assert problem.rectification is not None and problem.rectification.paragraphs == (t, t)
    assert problem.status is not None and problem.status.text == t
    assert back.body[0].children[1].paragraphs == (t,)
    assert back.closing[0] == t and back.closing[1] == f"联系电话：0632-8451103{t}xzjw2015@163.com"
    assert back.signature is not None and back.signature.issuer == t
    assert back.signature.date is not None and back.signature.date.text == t


def test_known_hostile_strings_are_escaped_in_the_source():
    data = write(_doc("</title><script>alert(1)</script>&amp;")).decode("utf-8")
    assert "<script>" not in data
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;" in data
