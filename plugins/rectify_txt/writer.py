"""Write the canonical plain text of a Document: one visible paragraph a line, markers as written.

The paragraphs and their order come from ``rectify_core.visible.flatten`` — the same sequence every
visible writer prints — so txt cannot drift from docx, HTML or PDF.  A disclosure field is written
``label：value``; blank lines separate the disclosure list, the title block, the text and the
signature, which makes the file easy to read and is ignored by the reader.

Round trip (``expected``): the txt reader recovers the Document from this text, so
``read(write(d)) == derive_facts(with_standard_forms(d))`` — verbatim forms completed, facts (inspection,
statistics, contacts, disclosure keys and dates) as the text states them — for every Document whose
text the recognizer can place (see docs/recognizer.md, "txt round trip").
"""

from __future__ import annotations

from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, Option, Para, UsageError, VisibleWriter, flatten

_GROUP = {"disclosure": 0, "title": 1, "subtitle": 1, "issuer": 3, "date": 3}
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")


def _line(para: Para) -> str:
    if para.role == "disclosure":
        return f"{para.get('label')}：{para.get('value') or ''}"
    return para.text


def render(document: Document) -> str:
    """The canonical text, ``\\n`` line ends, a final newline."""
    lines: list[str] = []
    group = None
    for para in flatten(document):
        g = _GROUP.get(para.role, 2)
        if group is not None and g != group:
            lines.append("")
        group = g
        lines.append(_line(para))
    return "\n".join(lines) + "\n"


class TxtWriter(VisibleWriter):
    name = "txt"
    extension = "txt"
    media_type = "text/plain; charset=utf-8"
    description = "canonical plain text, one paragraph a line"
    lossless = False
    options = (
        Option("encoding", "str", "utf-8", "text encoding: utf-8, utf-8-sig, gb18030 or gbk",
               "文本编码：utf-8、utf-8-sig、gb18030 或 gbk"),
        Option("newline", "str", "\n", "line ending written after each paragraph (\\n or \\r\\n)",
               "每段之后的换行符（\\n 或 \\r\\n）"),
    )

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        encoding = str(options.get("encoding") or "utf-8").lower()
        if encoding not in ENCODINGS:
            raise UsageError(f"txt encoding {encoding!r} is not one of {', '.join(ENCODINGS)}")
        newline = str(options.get("newline") or "\n")
        if newline not in ("\n", "\r\n"):
            raise UsageError("txt newline must be \\n or \\r\\n")
        sink.write(render(document).replace("\n", newline).encode(encoding))

