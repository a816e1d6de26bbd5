"""Read plain text as people have it: any common encoding, any line ending, PDF-wrapped or not.

Encodings: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32); without one, UTF-8 is taken
when it decodes to prose (it rarely decodes anything else by accident); otherwise GB18030 (the
superset of GBK and GB2312 that Chinese Windows tools save) and BOM-less UTF-16 are tried, and the
decoding that reads most like Chinese prose wins.  The encoding found is reported in the read's ``info["encoding"]``.
Lines end at CRLF, CR or LF; a form feed (pdftotext's page break) starts a new page, so findings
and removed page furniture can say which page they were on.  Everything else — paragraphs, wrapped
lines, headings — is the recognizer's job (``rectify_core.recognize``).
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import (
    Block,
    InputError,
    Reader,
    Report,
    SecurityError,
    Source,
    compiled,
    head_text,
    size_text,
    structured_kind,
)

MAX_BYTES = 8 * 1024 * 1024
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_NEWLINE = compiled(r"\r\n|\r|\n")
# what Chinese prose is made of; a character outside it counts against an encoding guess
_NOT_PROSE = compiled("[^\n\r\t\f -~\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u2010-\u2027\u00a0-\u00ff"
                      "\u2460-\u24ff\u3200-\u32ff]")


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec, len(bom)
    return None


def _plausibility(text: str) -> float:
    """Share of the first 64 K characters that Chinese prose is made of.

    A wrong guess (UTF-16 bytes read as GB18030, or the reverse) gives control characters, private
    use, Hangul or rare extension ideographs instead; the right one gives almost only these.
    """
    sample = text[:65536]
    if not sample:
        return 0.0
    # the few other characters are counted: findall over the prose made a list of every character (~2 ms)
    return (len(sample) - len(_NOT_PROSE.findall(sample))) / len(sample)


def _has_prose_marks(text: str) -> bool:
    sample = text[:65536]
    return sum(sample.count(c) for c in "\n，。、") >= max(1, len(sample) // 200)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """(text, encoding) or InputError saying why the bytes are not text."""
    found = _bom(data)
    if found is not None:
        codec, skip = found
        if codec.startswith("utf-16"):
            # a lone surrogate (text cut inside a pair, a tool that wrote UTF-16 units one by one)
            # becomes U+FFFD, which the plausibility check reports as an unmapped character
            return data[skip:].decode(codec, "replace"), codec
        try:
            return data[skip:].decode(codec.replace("-sig", "")), codec
        except UnicodeDecodeError as exc:
            raise InputError(f"starts with a {codec} byte-order mark but byte {exc.start + skip} is not {codec}",
                             file=name) from None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        score = _plausibility(text)
        if codec.startswith("utf-16") and not _has_prose_marks(text):
            continue  # almost any even-length bytes decode as UTF-16; real text has line ends or 。，
        if codec == "utf-8" and score >= 0.8:
            best = (score, codec, text)
            break  # UTF-8 that reads as prose is UTF-8
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < 0.8:
        if b"\x00" in data:
            raise InputError("contains NUL bytes and is not UTF-16 text: a binary file, not text", file=name)
        raise InputError("not text in UTF-8, UTF-16 or GB18030", file=name)
    _score, codec, text = best
    if "\x00" in text:
        raise InputError("contains NUL characters: a binary file, not text", file=name)
    return text, codec


def to_blocks(text: str) -> list[Block]:
    """One block per line, numbered from 1; pages counted at form feeds when there are any."""
    paged = "\f" in text
    page = 1
    blocks = []
    for number, line in enumerate(_NEWLINE.split(text), start=1):
        if paged and "\f" in line:
            before, _, after = line.rpartition("\f")
            if before.strip():
                blocks.append(Block(before, line=number, page=page))
            page += line.count("\f")
            line = after
        blocks.append(Block(line, line=number, page=page if paged else None))
    return blocks


class TxtReader(Reader):
    name = "txt"
    max_bytes = 8 * 2**20  # a long 通报 is 100 KB of text
    extensions = ("txt", "text")
    media_types = ("text/plain",)
    description = "plain text (UTF-8, UTF-16, GB18030), including text extracted from PDFs"

    def sniff(self, head: bytes, filename: str | None) -> float:
        if structured_kind(head_text(head)) is not None:
            return 0.0  # markup or JSON, in any encoding, is never read as a notice's text
        if _bom(head) is not None:
            return 0.6
        if head.lstrip()[:1] == b"%":
            return 0.05
        for codec in ("utf-8", "gb18030", "utf-16-le", "utf-16-be"):
            try:
                text = head.decode(codec)
            except UnicodeDecodeError as exc:
                if exc.start < len(head) - 4:  # a character cut at the end of the sample is fine
                    continue
                text = head[:exc.start].decode(codec)
            if _plausibility(text) >= 0.8 and (not codec.startswith("utf-16") or _has_prose_marks(text)):
                return 0.5
        return 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> list[Block]:
        budget = report.budget
        if len(source.data) > budget.limits.max_bytes:
            raise SecurityError(f"text file is larger than {size_text(budget.limits.max_bytes)} "
                                f"(limit max_bytes={budget.limits.max_bytes})", file=source.name)
        kind = structured_kind(head_text(source.data[:4096]))
        if kind is not None:  # even with --from txt: markup or JSON is never read as a notice's text
            formats = "html or xml" if kind == "markup" else "json"
            raise InputError(f"this is {'markup' if kind == 'markup' else 'JSON'}, not plain text: its tags or "
                             f"braces would be read as the notice's words; read it as {formats}", file=source.name)
        text, encoding = decode(source.data, source.name)
        budget.expect("chars", len(text))  # before splitting: a million lines would cost ~300 MB as blocks
        budget.expect("blocks", max(text.count("\n"), text.count("\r")))
        if not text.strip():
            raise InputError("the file holds no text", file=source.name)
        report.info["encoding"] = encoding
        return to_blocks(text)
