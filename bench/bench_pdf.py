"""PDF speed, side by side with markitdown, and the cost of hostile files.

    python bench/bench_pdf.py [--runs N] [--markitdown /tmp/mdvenv/bin/python] [--no-clients]

For each seed, three PDFs of it: rectify's own, LibreOffice's PDF of rectify's docx (needs soffice)
and a 'published'-style PDF (tests/pdf/fixtures.py: other margins, ragged lines, page numbers).
For each it prints, as medians of N runs after a warm-up: rectify's read to a Document (with
structure) per file and per page; pdfium's bare floor (open + the text of every page, no layout);
markitdown 0.1.8's PDF conversion of the same bytes, in-process in its own virtual environment
(`pip install "markitdown[pdf]==0.1.8"` into /tmp/mdvenv — it is not a dependency of rectify) and
as one CLI call; and what each keeps: headings found, page numbers left in the text, spaces
between two CJK characters, curly quotes out of place.  Targets (issue #7): a seed read with
structure in ≤ 60 ms and ≥ 10× faster than markitdown.

Then each hostile file of tests/pdf/fixtures.py is read in a fresh process, which reports its
wall time and peak RSS (limits: 2 s and 200 MB).  Figures are recorded in docs/pdf.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_ms  # noqa: E402  (bench/ is on sys.path when run as a script)

_MARKITDOWN_TIMER = r"""
import json, statistics, sys, time
from markitdown import MarkItDown
md = MarkItDown()
runs = int(sys.argv[1])
out = {}
for path in sys.argv[2:]:
    text = md.convert(path).text_content
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        md.convert(path)
        times.append(time.perf_counter() - t)
    out[path] = {"ms": statistics.median(times) * 1000, "text": text}
print(json.dumps(out))
"""

_HOSTILE_CHILD = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
from rectify_core import api
from rectify_core.errors import RectifyError
data = open(sys.argv[2], "rb").read()
t = time.perf_counter()
try:
    api.read(data, "pdf", name="hostile.pdf")
    outcome = "read (no error)"
except RectifyError as exc:
    outcome = f"{type(exc).__name__}: {exc.reason}"
ms = (time.perf_counter() - t) * 1000
print(json.dumps({"ms": ms, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome}))
"""

_CJK = "\u4e00-\u9fff"


def make_pdfs(clients: bool, folder: Path) -> dict[str, bytes]:
    from rectify_core import api
    from tests.pdf.fixtures import published_pdf

    seeds = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.txt"))
    pdfs: dict[str, bytes] = {}
    docx_files = []
    for path in seeds:
        number = path.name[:3]
        doc = api.read(path, "txt").document
        pdfs[f"{number} rectify"] = api.write_bytes(doc, "pdf")
        pdfs[f"{number} published"] = published_pdf(doc, folio="- {n} -", header=doc.title)
        if clients:
            target = folder / f"s{number}.docx"
            target.write_bytes(api.write_bytes(doc, "docx"))
            docx_files.append(target)
    soffice = shutil.which("soffice")
    if clients and soffice and docx_files:
        profile = Path(tempfile.mkdtemp(prefix="lo_profile_"))
        subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(folder), *map(str, docx_files)], check=True, capture_output=True)
        for docx in docx_files:
            pdfs[f"{docx.stem[1:]} LibreOffice"] = docx.with_suffix(".pdf").read_bytes()
    return dict(sorted(pdfs.items()))


def pdfium_floor(data: bytes) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    for page in pdf:
        page.get_textpage().get_text_range()
    pdf.close()


def kept(text: str) -> dict[str, int]:
    """What a conversion keeps and breaks: headings, page numbers left in, CJK spaces, quotes."""
    lines = [line.strip() for line in text.splitlines()]
    return {
        "headings": sum(1 for line in lines if line.startswith("#")),
        "folios": sum(1 for line in lines if re.fullmatch(r"[-—–]?\s*\d{1,3}\s*[-—–]?", line)),
        "cjk_spaces": len(re.findall(f"[{_CJK}] +[{_CJK}]", text)),
        "stray_quotes": len(re.findall(r"[。，；]“”|“”\s*$", text, flags=re.M)),
    }


def run_markitdown(python: str | None, files: list[Path], runs: int) -> dict[str, Any]:
    if not python or not Path(python).exists():
        return {}
    out = subprocess.run([python, "-c", _MARKITDOWN_TIMER, str(runs), *map(str, files)], capture_output=True,
                         text=True, check=True)
    result: dict[str, Any] = json.loads(out.stdout)
    cli = Path(python).with_name("markitdown")
    for path in files:
        if cli.exists():
            import time

            t = time.perf_counter()
            subprocess.run([str(cli), str(path)], capture_output=True, check=True)
            result[str(path)]["cli_ms"] = (time.perf_counter() - t) * 1000
    return result


def bench_reads(pdfs: dict[str, bytes], runs: int, markitdown: str | None, folder: Path) -> None:
    import pypdfium2 as pdfium

    from rectify_core import api

    paths = {}
    for name, data in pdfs.items():
        paths[name] = folder / (name.replace(" ", "_") + ".pdf")
        paths[name].write_bytes(data)
    md = run_markitdown(markitdown, list(paths.values()), runs)
    print(f"PDF → Document, median of {runs} (ms)")
    print(f"{'file':<18}{'pages':>6}{'rectify':>9}{'/page':>7}{'pdfium floor':>14}{'markitdown':>12}{'md CLI':>8}"
          f"{'speed-up':>10}")
    for name, data in pdfs.items():
        pages = len(pdfium.PdfDocument(data))
        ours = median_ms(lambda data=data: api.read(data, "pdf"), runs)
        floor = median_ms(lambda data=data: pdfium_floor(data), runs)
        theirs = md.get(str(paths[name]), {})
        md_ms = theirs.get("ms")
        print(f"{name:<18}{pages:>6}{ours:>9.1f}{ours / pages:>7.2f}{floor:>14.1f}"
              f"{md_ms if md_ms is not None else float('nan'):>12.0f}{theirs.get('cli_ms', float('nan')):>8.0f}"
              f"{(md_ms / ours) if md_ms else float('nan'):>9.0f}×")
    print()
    print("What each keeps (rectify: the Document's structure; markitdown: its Markdown text)")
    print(f"{'file':<18}{'sections':>9}{'problems':>9}{'removed':>8} | {'md #':>5}{'folios in':>10}"
          f"{'CJK␠CJK':>8}{'“” out':>7}")
    for name, data in pdfs.items():
        result = api.read(data, "pdf")
        doc = result.document
        found = kept(md.get(str(paths[name]), {}).get("text", ""))
        print(f"{name:<18}{len(doc.body):>9}{len(doc.problems()):>9}{len(result.removed):>8} | "
              f"{found['headings']:>5}{found['folios']:>10}{found['cjk_spaces']:>8}{found['stray_quotes']:>7}")
    print()


def bench_writes(runs: int) -> None:
    from rectify_core import api

    print(f"Document → PDF, median of {runs} (ms)")
    for path in sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("*.txt")):
        doc = api.read(path, "txt").document
        ms = median_ms(lambda doc=doc: api.write_bytes(doc, "pdf"), runs)
        size = len(api.write_bytes(doc, "pdf"))
        print(f"  seed {path.name[:3]}: {ms:.1f} ms, {size / 1024:.0f} KB")
    print()


def bench_hostile(folder: Path) -> None:
    from rectify_core import api
    from tests.pdf import fixtures as fx

    doc = api.read(sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("000_*.txt"))[0], "txt").document
    own = api.write_bytes(doc, "pdf")
    cases = {
        "10 000 pages": fx.many_pages_pdf(10_000),
        "stream bomb 512 MiB": fx.bomb_pdf(512),
        "object-stream bomb": fx.object_stream_bomb_pdf(512),
        "encrypted": fx.encrypted_pdf(doc),
        "truncated (60 %)": own[: int(len(own) * 0.6)],
        "scanned (image only)": fx.scanned_pdf(),
        "not a PDF": b"<html><body>notice</body></html>",
    }
    print("Hostile files, each read in a fresh process (limits: 2 s, 200 MB)")
    print(f"{'file':<22}{'size':>10}{'ms':>8}{'peak MB':>9}  outcome")
    for name, data in cases.items():
        path = folder / "hostile.pdf"
        path.write_bytes(data)
        out = subprocess.run([sys.executable, "-c", _HOSTILE_CHILD, str(ROOT), str(path)], capture_output=True,
                             text=True, check=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
        r = json.loads(out.stdout)
        print(f"{name:<22}{len(data):>10,}{r['ms']:>8.0f}{r['rss_mb']:>9.0f}  {r['outcome'][:70]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--markitdown", default="/tmp/mdvenv/bin/python",
                        help="python of a virtual environment with markitdown[pdf]==0.1.8")
    parser.add_argument("--no-clients", action="store_true", help="skip the LibreOffice PDFs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pdfs = make_pdfs(not args.no_clients, folder)
        bench_reads(pdfs, args.runs, args.markitdown, folder)
        bench_writes(args.runs)
        bench_hostile(folder)


if __name__ == "__main__":
    main()
