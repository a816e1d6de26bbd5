"""The hostile catalogue: every case is a file written by code, a command line and what must happen.

A case runs ``rectify`` in a subprocess (``run_case``) and is judged on its exit code, a phrase of
its message, the absence of a traceback and of partial output; the dedicated test and
``bench/bench_hostile.py`` also record its wall time and peak memory (``ru_maxrss`` of the
process tree, from ``os.wait4``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import make

MiB = 2**20


@dataclass(frozen=True)
class Case:
    name: str
    ext: str                                   # the hostile file's extension ("" = no file)
    build: Callable[[], bytes] | None          # its bytes
    exits: tuple[int, ...]                     # acceptable exit codes
    says: str = ""                             # a phrase the message must hold (case-insensitive)
    args: tuple[str, ...] = ("convert", "{in}", "--to", "json", "-o", "{out}.json", "--fail-on", "never")
    stdin: str | None = None                   # a path fed as standard input ("{in}" allowed)
    what: str = ""                             # the attack, in a few words

    def command(self, folder: Path) -> tuple[list[str], Path, Path]:
        src = folder / f"{self.name}.{self.ext}" if self.ext else folder / self.name
        out = folder / f"{self.name}.out"
        args = [a.replace("{in}", str(src)).replace("{out}", str(out)).replace("{dir}", str(folder))
                for a in self.args]
        return args, src, out


@dataclass
class Outcome:
    case: Case
    exit: int
    stderr: str
    stdout: bytes
    seconds: float
    peak_mb: float
    outputs: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        out = []
        if self.exit not in self.case.exits:
            out.append(f"exit {self.exit}, expected {self.case.exits}")
        if self.case.says and self.case.says.lower() not in self.stderr.lower() and self.exit != 0:
            out.append(f"message lacks {self.case.says!r}")
        if "Traceback" in self.stderr:
            out.append("traceback")
        if self.exit != 0 and self.outputs:
            out.append(f"partial output {self.outputs}")
        return out


def _file(size: int) -> Callable[[], bytes]:
    return lambda: bytes(size)


CASES: list[Case] = [
    # ---------------------------------------------------------------- PDF: inflation the old check missed
    *[Case(f"pdf-{name}-{where}", "pdf", lambda build=build, where=where: make.bomb_pdf(build, where), (3,),
           "max_inflated" if where == "font" else "content stream", what=f"{what} ({where} stream)")
      for name, build, what in (
          ("double-flate", lambda: (make.zlib.compress(make.deflate_zeros(160 * MiB), 9), b"/Filter [/Fl /Fl]"),
           "two Flate filters inflating to 160 MiB"),
          ("lzw", lambda: (make.lzw_zeros(160 * MiB), b"/Filter /LZWDecode"), "LZW decoding to 160 MiB"),
          ("image-mention", lambda: (make.deflate_zeros(160 * MiB), b"/Filter /FlateDecode /Note /Image"),
           "Flate bomb whose dictionary mentions /Image"),
          ("stream-cr", lambda: (make.deflate_zeros(160 * MiB), b"/Filter /FlateDecode", b"\r"),
           "'stream' followed by a lone CR"),
          ("endstream-inside", lambda: (make.flate_with_literal(b"endstream", 160 * MiB), b"/Filter /FlateDecode"),
           "the bytes 'endstream' inside the compressed data"),
          ("name-escape", lambda: (make.deflate_zeros(160 * MiB), b"/Filter /Flate#44ecode"),
           "#-escaped filter name /Flate#44ecode"),
          ("indirect-filter", lambda: (make.deflate_zeros(160 * MiB), b"/Filter 9 0 R"),
           "the /Filter held in another object"),
      ) for where in ("content", "font")],
    Case("pdf-xobject-laughs", "pdf", lambda: make.xobject_laughs(8, 10), (3,), "form",
         what="form XObjects drawing the next level 10 times, 8 levels"),
    Case("pdf-path-flood", "pdf", lambda: make.path_flood(120 * MiB), (3,), "content",
         what="120 MiB of path operators on one page"),
    Case("pdf-object-flood", "pdf", lambda: make.pdf_page(b"BT ET", extra=[b"null"] * 1_000_000), (3,),
         "max_elements", what="a million objects"),
    Case("pdf-pages", "pdf", lambda: make.pdf_pages(2000), (3,), "max_pages", what="2000 empty pages"),
    Case("pdf-option-junk", "pdf", lambda: make.pdf_page(b"BT /F1 12 Tf 72 720 Td (x) Tj ET"), (2,), "max_pages",
         args=("convert", "{in}", "--to", "json", "-o", "{out}.json", "-O", "max_pages=junk"),
         what="-O max_pages=junk"),
    Case("pdf-tounicode-surrogate", "pdf", make.tounicode_surrogate, (0, 2),
         what="ToUnicode mapping a glyph to a lone surrogate"),
    Case("pdf-truncated", "pdf", lambda: make.pdf_page(b"BT ET")[:200], (2,), "truncated", what="cut short"),
    # ---------------------------------------------------------------- docx: numbering, parts, symbols
    Case("docx-lvltext-repeat", "docx", lambda: make.numbered_docx("%1" * 200_000, paragraphs=50), (3,),
         "max_numbering", what="lvlText repeating %1 200 000 times"),
    Case("docx-roman-huge", "docx", lambda: make.numbered_docx("%1.", "upperRoman", "1000000000000000"), (0, 2, 3),
         what="a list starting at 10^15 in Roman numerals"),
    Case("docx-letter-huge", "docx", lambda: make.numbered_docx("%1.", "lowerLetter", "1" + "0" * 4000), (0, 2, 3),
         what="a list starting at 10^4000 in letters"),
    Case("docx-start-digits", "docx", lambda: make.numbered_docx("%1.", "decimal", "9" * 5000), (0, 2, 3),
         what="a start value of 5000 digits"),
    Case("docx-footer-refs", "docx", lambda: make.footer_refs(500), (0, 2, 3),
         what="500 references to one footer of 200 paragraphs"),
    Case("docx-one-paragraph", "docx", lambda: make.one_paragraph(20 * MiB), (3,), "part word/document.xml",
         what="a 20 MB document.xml of one paragraph"),
    Case("docx-one-paragraph-15mb", "docx", lambda: make.one_paragraph(15 * MiB), (3,), "limit max_",
         what="a 15 MB document.xml of one paragraph, under the part cap"),
    Case("docx-shifted-directory", "docx", lambda: make.shifted_central_directory(
        make.docx(make.para("示例镇关于巡察整改进展情况的通报"))), (2,), "damaged",
         what="end record pointing past the central directory (negative seek; found by fuzzing)"),
    Case("docx-zip-version", "docx", lambda: make.future_zip_version(
        make.docx(make.para("示例镇关于巡察整改进展情况的通报"))), (2,), "damaged",
         what="a member needing zip version 23.6 (NotImplementedError; found by fuzzing)"),
    Case("docx-sym-char", "docx", lambda: make.docx(
        make.para("示例镇关于巡察整改进展情况的通报")
        + b'<w:p><w:r><w:sym w:font="Symbol" w:char="FFFFFFFF"/></w:r></w:p>'),
         (0, 2), what='w:sym w:char="FFFFFFFF"'),
    Case("docx-zip-bomb", "docx", lambda: make.docx(b"<w:p><w:r><w:t>" + b"a" * (40 * MiB) + b"</w:t></w:r></w:p>",
                                                     level=9), (3,), "zip bomb", what="40 MiB of one letter"),
    # ---------------------------------------------------------------- HTML
    Case("html-1m-p", "html", lambda: make.html_paragraphs(1_000_000), (3,), "max_elements",
         what="a million <p>"),
    Case("html-450k-p", "html", lambda: make.html_paragraphs(450_000), (3,), "max_elements", what="450 000 <p>"),
    Case("html-29k-p", "html", lambda: make.html_paragraphs(29_000), (0, 3), "",
         what="29 000 <p>, under the element cap"),
    *[Case(f"html-charset-{cs}", "html", lambda cs=cs: make.html_charset(cs), (0, 2), what=f"<meta charset={cs}>")
      for cs in ("rot13", "zlib", "base64", "x-unknown-42", "utf-7", "hex")],
    Case("html-deep", "html", lambda: b"<html><body>" + b"<div>" * 100_000 + b"x</body></html>", (2, 3), "",
         what="100 000 nested <div>"),
    # ---------------------------------------------------------------- text and sizes
    Case("txt-lines", "txt", lambda: make.text_lines(30 * MiB), (3,), "max_bytes", what="30 MB of short lines"),
    Case("txt-lines-8m", "txt", lambda: make.text_lines(7 * MiB), (3,), "",
         what="7 MB of short lines, under the size cap"),
    *[Case(f"signature-search-{ext}", ext, lambda build=build: build(), (0, 3), "limit max_",
           what=f"140 KB of words and spaces on one line ({ext}): the signature search was quadratic")
      for ext, build in (("txt", lambda: ("示例镇 " * 35_000).encode()),
                         ("html", lambda: b"<html><body><p>" + ("示例镇 " * 35_000).encode() + b"</p></body></html>"))],
    Case("txt-one-line", "txt", lambda: ("示例" * (3 * MiB)).encode(), (0, 2, 3), what="one 18 MB line"),
    Case("stdin-200mb", "", None, (3,), "max_bytes", args=("convert", "-", "--from", "txt", "--to", "json"),
         stdin="/dev/zero", what="200 MB on standard input (/dev/zero)"),
    Case("dev-zero", "", None, (3,), "max_bytes", args=("convert", "/dev/zero", "--from", "txt", "--to", "json"),
         what="/dev/zero as the input file"),
    Case("reference-docx-zero", "txt", lambda: "示例镇关于巡察整改进展情况的通报\n一、整改情况\n".encode(), (2, 3), "",
         args=("convert", "{in}", "-o", "{out}.docx", "--reference-docx", "/dev/zero"),
         what="--reference-docx /dev/zero"),
    # ---------------------------------------------------------------- JSON
    Case("json-60mb", "json", lambda: make.json_paragraphs(60 * MiB), (3,), "max_bytes",
         what="60 MB of paragraphs"),
    Case("json-7mb", "json", lambda: make.json_paragraphs(7 * MiB), (3,), "limit max_",
         what="7 MB of paragraphs, under the size cap"),
    Case("json-under-limits", "json", lambda: make.json_paragraphs(int(1.1 * MiB)), (0, 3), "limit max_",
         what="1.1 MB of paragraphs, just under the element cap"),
    Case("json-bigint", "json", lambda: make.json_notice('"body": []', ', "x": ' + "9" * 5000), (2,), "digits",
         what="an integer of 5000 digits"),
    Case("json-nesting", "json", lambda: make.json_nested(400), (3,), "max_depth", what="body nested 400 deep"),
    Case("json-nesting-deep", "json", lambda: b'{"a":' * 100_000 + b"1" + b"}" * 100_000, (2, 3), "",
         what="100 000 nested objects"),
    Case("json-nan", "json", lambda: make.json_notice('"body": []', ', "statistics": {"rate": NaN}'), (2,), "NaN",
         what='"rate": NaN'),
    Case("json-infinity", "json", lambda: make.json_notice('"body": []', ', "statistics": {"rate": -Infinity}'),
         (2,), "Infinity", what='"rate": -Infinity'),
    Case("json-array", "json", lambda: b'[{"schema": "rectify/tongbao"}]', (2,), "array", what="top-level array"),
    Case("json-surrogate", "json", lambda: make.json_notice('"body": []', ', "subtitle": "\\ud800"'), (2,),
         "surrogate", what="a lone surrogate escape"),
    # ---------------------------------------------------------------- XML
    *[Case(f"xml-bigint-{attr}", "xml", lambda attr=attr: (
        '<?xml version="1.0" encoding="UTF-8"?><Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0">'
        '<Title>示例镇关于巡察整改进展情况的通报</Title><Statistics ' + attr + '="' + "9" * 5000 + '"/></Tongbao>'
    ).encode(), (2,), "", what=f"{attr} of 5000 digits") for attr in ("total", "rate")],
    Case("xml-utf16", "xml", lambda: ('<?xml version="1.0" encoding="UTF-16"?><Tongbao xmlns="urn:rectify:tongbao:1" '
                                      'version="1.0.0"><Title>示例镇关于巡察整改进展情况的通报</Title></Tongbao>')
         .encode("utf-16"), (2,), "UTF-8", what="UTF-16 XML (refused as XML, never read as text)"),
    Case("json-utf16", "json", lambda: make.json_notice('"body": []').decode().encode("utf-16"), (2,), "UTF-8",
         what="UTF-16 JSON (refused as JSON, never read as text)"),
    Case("xml-paragraphs", "xml", lambda: (
        '<?xml version="1.0" encoding="UTF-8"?><Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0">'
        '<Title>示例镇关于巡察整改进展情况的通报</Title><Preamble>' + "<Paragraph>示例镇整改</Paragraph>" * 190_000 +
        "</Preamble></Tongbao>").encode(), (3,), "max_blocks", what="190 000 paragraphs, under the element cap"),
    Case("xml-paragraphs-49k", "xml", lambda: (
        '<?xml version="1.0" encoding="UTF-8"?><Tongbao xmlns="urn:rectify:tongbao:1" version="1.0.0">'
        '<Title>示例镇关于巡察整改进展情况的通报</Title><Preamble>' + "<Paragraph>示例镇整改</Paragraph>" * 49_000 +
        "</Preamble></Tongbao>").encode(), (0,), "", what="49 000 paragraphs, under the block cap"),
    Case("xml-laughs", "xml", lambda: b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa">'
                                      b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><t>&b;</t>', (3,), "",
         what="billion laughs"),
]


def rectify_command() -> list[str]:
    return [sys.executable, "-m", "rectify_core"]


def run_case(case: Case, folder: Path, timeout: float = 120.0) -> Outcome:
    """Write the case's file, run rectify on it, measure wall time and peak RSS of the process tree.

    ``os.wait4`` gives the resource use of that one child including the workers it waited for,
    so the peak is per case (``RUSAGE_CHILDREN`` would be the maximum over every case so far).
    """
    import tempfile

    args, src, _ = case.command(folder)
    if case.build is not None:
        src.write_bytes(case.build())
    before = set(os.listdir(folder))
    env = dict(os.environ)
    for var in ("RECTIFY_DEBUG", "PYTHONFAULTHANDLER"):
        env.pop(var, None)
    with tempfile.TemporaryFile() as so, tempfile.TemporaryFile() as se:
        stdin = open(case.stdin.replace("{in}", str(src)), "rb") if case.stdin else subprocess.DEVNULL
        usage_file = folder.parent / f".{folder.name}.usage"
        try:
            proc = subprocess.run([sys.executable, "-c", _LAUNCH, str(usage_file), str(timeout), *rectify_command(),
                                   *args], stdin=stdin, stdout=so, stderr=se, env=env, cwd=folder, check=False)
        finally:
            if stdin is not subprocess.DEVNULL:
                stdin.close()
        code, seconds, peak_kb = usage_file.read_text().split()
        usage_file.unlink()
        so.seek(0)
        se.seek(0)
        stdout, stderr = so.read(4096), se.read().decode("utf-8", "replace")
    del proc
    made = sorted(set(os.listdir(folder)) - before - {src.name})
    return Outcome(case, int(code), stderr, stdout, float(seconds), int(peak_kb) / 1024, made)


# A small launcher between the test process and rectify: a child's ru_maxrss starts from its
# parent's high-water mark (Linux copies it at fork), so rectify is forked from this fresh, small
# process, which reports wait4's figures for that child and the workers it waited for.
_LAUNCH = """
import os, subprocess, sys, time
out, timeout, cmd = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.monotonic()
proc = subprocess.Popen(cmd)
while True:
    pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
    if pid:
        break
    if time.monotonic() - start > timeout:
        proc.kill()
        pid, status, usage = os.wait4(proc.pid, 0)
        break
    time.sleep(0.005)
seconds = time.monotonic() - start
with open(out, "w") as fh:
    fh.write(f"{os.waitstatus_to_exitcode(status)} {seconds:.3f} {usage.ru_maxrss}")
"""


def by_name(name: str) -> Case:
    return next(c for c in CASES if c.name == name)
