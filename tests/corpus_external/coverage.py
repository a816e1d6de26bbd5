"""Reading the external corpus (../shared/corpus/external): outcome, time and text coverage per file.

Shared by the corpus test (tests/corpus_external/test_external_corpus.py) and the benchmark that
writes the table of docs/corpus.md (bench/bench_corpus.py).

**Coverage** is the share of an independent extractor's text that rectify's output holds:
``sum(min(ref[c], ours[c])) / sum(ref[c])`` over the multiset of *letters and digits* (Unicode
categories L and N) after NFKC.  rectify's output is the read document's visible paragraphs plus
every text it removed as furniture (page numbers, headers, navigation), since removed text is
accounted for, not lost.  Letters and digits, not every non-space character: the extractors add
punctuation of their own (pandoc's table rules and list bullets, ``[1]`` note marks) that is not
text of the file, while what a reader can lose — words, numbers, names — is letters and digits.
A multiset, not a sequence: reading order legitimately differs (notes placed after the paragraph
citing them, table cells, text boxes), and the test is about losing text, which a multiset sees.

The independent extractors: pandoc (``-t plain``; a Lua filter drops image descriptions, which the
page does not show, equations, which pandoc spells as TeX commands, and puts note text where it is
cited instead of pandoc's ``[1]`` marks) for docx, poppler's pdftotext for PDF, and
lxml's text of ``<body>`` without ``<script>``/``<style>``/``<template>`` for HTML.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import tempfile
import time
import traceback
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rectify_core.errors import InputError

FORMATS = ("docx", "pdf", "html")
TIME_LIMIT = 10.0
MIN_COVERAGE = 0.95

#: files that rectify must refuse (exit 2 or 3), and why
REFUSED: dict[str, str] = {
    "docx/bad-poi-clusterfuzz-4791.docx": "a fuzzer-damaged zip",
    "docx/bad-poi-encrypted-agile.docx": "encrypted (an OLE2 container, not a zip)",
    "docx/bad-poi-truncated.docx": "a truncated zip",
    "docx/mammoth-empty.docx": "an empty document: no text",
    "docx/pydocx-no-settings-part.docx": "an empty document: no text (pandoc finds none either)",
    "docx/pydocx-no-styles-part.docx": "an empty document: no text (pandoc finds none either)",
    "html/cjk-ofdrw-gongwen-svg-preview.html": "an OFD preview: its text is SVG glyphs placed one by one, which "
                                               "rectify does not lay out (refused, naming that)",
    "pdf/bad-pdfjs-empty.pdf": "a page without text",
    "pdf/bad-pdfminer-aes256-r6.pdf": "encrypted with a password",
    "pdf/bad-samplefiles-password-openpassword.pdf": "encrypted with a password",
    "pdf/bad-pdfplumber-zero-bytes.pdf": "an empty file",
    "pdf/docling-ocr-image-only.pdf": "a scan: no text layer",
    "pdf/markitdown-scanned-report.pdf": "a scan: no text layer",
}

#: files that take longer than TIME_LIMIT today, and why (each a bug with an owner)
OVER_TIME: dict[str, str] = {}

#: files in which the independent extractor finds no text at all, and why (rectify's text must then
#: not be empty; where the extractor does find text, as on a machine with more language packs, the
#: coverage is checked as for any file)
NO_REFERENCE: dict[str, str] = {
    "docx/pandoc-ns0-prefixes.docx": "pandoc 2.17 cannot parse a part whose prefix is ns0: (DocxError)",
    "docx/pandoc-text-in-shape.docx": "pandoc leaves out the text of drawing shapes (wps:txbx); rectify reads it",
    "docx/tika-word-phonetic-ruby.docx": "pandoc 2.17 drops w:ruby runs; rectify reads the base text 東京",
    "pdf/cjk-pdfjs-noembed-eucjp.pdf": "pdftotext without poppler-data has no Adobe-Japan1 map for a "
                                       "non-embedded font",
    "pdf/cjk-pdfjs-vertical-dvipdfmx.pdf": "pdftotext without poppler-data has no Adobe-Japan1 map; "
                                           "rectify reads the characters but not vertical writing's order",
}

#: files read below MIN_COVERAGE, and why that is right or out of reach
LOW_COVERAGE: dict[str, str] = {
    "pdf/cjk-pdfplumber-annual-report-cover.pdf": "text drawn twice at the same place (股票代码：股票代码：): "
                                                  "rectify keeps one copy, pdftotext both",
}


@dataclass
class Outcome:
    path: str  # relative to the external corpus, e.g. "pdf/x.pdf"
    seconds: float
    status: str  # "ok", "refused" (a RectifyError), "timeout" or "bug" (any other exception)
    message: str = ""
    text: str = ""  # visible paragraphs and removed text
    findings: tuple[str, ...] = ()  # rule ids
    coverage: float | None = None
    reference_chars: int = 0


def files(root: Path) -> list[Path]:
    return sorted(p for fmt in FORMATS for p in (root / fmt).glob(f"*.{fmt}*") if p.is_file()) + \
        sorted((root / "html").glob("*.htm"))


def read(path: Path, root: Path) -> Outcome:
    """Read with rectify in-process (the reader detection and pipeline ``api.read`` uses, without its
    worker process), stopped by SIGALRM after TIME_LIMIT seconds; never raises."""
    from rectify_core.errors import RectifyError
    from rectify_core.formats import Source
    from rectify_core.plugins import get_registry
    from rectify_core.reading import read_source
    from rectify_core.visible import flatten

    rel = path.relative_to(root).as_posix()
    data = path.read_bytes()
    started = time.perf_counter()

    def stop(_signum: int, _frame: object) -> None:
        raise _TimeUp

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, TIME_LIMIT + 0.5)
    try:
        if not data.strip():
            raise InputError("the file is empty", file=str(path))
        reader = get_registry().reader_for(data[:4096], str(path))
        if reader is None:
            raise InputError("cannot tell the format of this file", file=str(path))
        result = read_source(reader, Source(data, str(path)))
    except _TimeUp:
        return Outcome(rel, time.perf_counter() - started, "timeout", f"stopped after {TIME_LIMIT:g} s")
    except RectifyError as exc:
        return Outcome(rel, time.perf_counter() - started, "refused", str(exc))
    except Exception:  # the corpus test's point: a bug is reported with its traceback
        return Outcome(rel, time.perf_counter() - started, "bug", traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    seconds = time.perf_counter() - started
    text = "\n".join([p.text for p in flatten(result.document)] + [r.text for r in result.removed])
    return Outcome(rel, seconds, "ok", text=text, findings=tuple(f.rule for f in result.findings))


class _TimeUp(BaseException):
    """Raised by the alarm: a BaseException, so no reader's ``except Exception`` swallows it."""


def reference(path: Path) -> str | None:
    """The independent extractor's text, or None when its tool is not installed."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        tool = shutil.which("pandoc")
        if tool is None:
            return None
        from ..docx.strict_fixture import to_transitional

        with tempfile.TemporaryDirectory() as folder:
            lua = Path(folder) / "text.lua"
            lua.write_text(_PANDOC_FILTER, encoding="utf-8")
            docx = Path(folder) / "in.docx"  # pandoc reads no Strict OOXML: the tests' own table converts it
            docx.write_bytes(to_transitional(path.read_bytes()) if _zip(path) else path.read_bytes())
            done = subprocess.run([tool, "-f", "docx", "-t", "plain", "--wrap=none", "--lua-filter", str(lua),
                                   str(docx)], capture_output=True, timeout=60)
        return done.stdout.decode("utf-8", "replace")
    if suffix == ".pdf":
        tool = shutil.which("pdftotext")
        if tool is None:
            return None
        done = subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, timeout=60)
        return done.stdout.decode("utf-8", "replace")
    return _html_text(path.read_bytes())


# pandoc's own additions are not the file's text: an image's description (alt text, not shown on the
# page), the [1] marks it numbers notes with (a note's text is kept, where it is cited) and equations,
# which it writes as TeX (\frac, \sum: letters no page shows; rectify keeps an equation's m:t text).
_PANDOC_FILTER = """
function Image(el) return {} end
function Math(el) return {} end
function Note(el) return pandoc.Span(pandoc.utils.blocks_to_inlines(el.content)) end
"""


def _zip(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as zf:
            return zf.testzip() is None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return False


def _html_text(data: bytes) -> str:
    import lxml.html

    root = lxml.html.document_fromstring(data)
    for el in root.xpath("//script|//style|//template|//head"):
        el.drop_tree()
    return root.text_content()


def _letters(text: str) -> Counter[str]:
    return Counter(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c)[0] in "LN")


def coverage(reference_text: str, ours: str) -> tuple[float, int]:
    """(share of the reference's letters and digits found in ``ours``, how many the reference has)."""
    ref = _letters(reference_text)
    total = sum(ref.values())
    if not total:
        return 1.0, 0
    got = _letters(ours)
    return sum(min(n, got[c]) for c, n in ref.items()) / total, total


def measure(path: Path, root: Path) -> Outcome:
    out = read(path, root)
    if out.status == "ok":
        ref = reference(path)
        if ref is not None:
            out.coverage, out.reference_chars = coverage(ref, out.text)
    return out
