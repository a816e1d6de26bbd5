"""docx speed and hostile-input cost: rectify's writer and reader against python-docx and pandoc.

    python bench/bench_docx.py [--runs N] [--no-clients]

For each seed and a generated document of about 100 pages it prints, as medians of N runs:
rectify's write and read (own files, from styles) and the foreign read (a hand-typed docx through
the recognizer); the python-docx floors measured as in ../shared/reference/dependencies.md §5
(build + save with eastAsia fonts and a PAGE footer; read back Document + paragraphs + runs +
eastAsia) and the raw zip + lxml parse; pandoc's Markdown → docx on the same content.  Targets
(issue #4): writing ≤ 2× python-docx's build floor, reading ≤ 3× its read floor.

Then each hostile file of tests/docx/hostile.py is read in a fresh process, which reports its wall
time and peak RSS (limits: 2 s and 200 MB).  Figures are recorded in docs/docx.md.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/ is on sys.path when run as a script)


def python_docx_build(texts: list[tuple[str, str]]) -> bytes:
    """The floor of dependencies.md §5: A4, margins, eastAsia fonts per run, a PAGE field footer."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    d.styles["Normal"].element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋_GB2312")
    for role, text in texts:
        run = d.add_paragraph().add_run(text)
        run.font.size = Pt(22 if role == "title" else 16)
        run._element.get_or_add_rPr().get_or_add_rFonts().set(
            qn("w:eastAsia"), "方正小标宋简体" if role == "title" else ("黑体" if role == "node" else "仿宋_GB2312"))
    footer = section.footer.paragraphs[0]
    fld = footer._p.makeelement(qn("w:fldSimple"), {qn("w:instr"): "PAGE"})
    footer._p.append(fld)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def python_docx_read(data: bytes) -> int:
    import docx
    from docx.oxml.ns import qn

    d = docx.Document(io.BytesIO(data))
    count = 0
    for p in d.paragraphs:
        for r in p.runs:
            rpr = r._element.rPr
            fonts = rpr.rFonts if rpr is not None else None
            count += len(r.text) + (1 if fonts is not None and fonts.get(qn("w:eastAsia")) else 0)
    return count


def lxml_floor(data: bytes) -> int:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return sum(len(t.text or "") for t in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))


def documents() -> list[tuple[str, Any]]:
    from rectify_core import api
    from rectify_core.model import replace

    corpus = Path(os.environ.get("RECTIFY_CORPUS") or ROOT.parent / "shared" / "corpus")
    seeds = sorted((corpus / "seeds").glob("*.txt"))
    out = [(f"seed {p.name[:3]}", api.read(str(p), "txt").document) for p in seeds]
    if out:
        big = out[-1][1]
        out.append(("generated ~100 pp", replace(big, body=big.body * 5)))
    return out


def pages(data: bytes, folder: Path) -> int | None:
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    src = folder / "count.docx"
    src.write_bytes(data)
    subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf",
                    "--outdir", str(folder), str(src)], capture_output=True, timeout=600)
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(folder / "count.pdf")))


def speed(runs: int, clients: bool) -> None:
    from rectify_core import api
    from rectify_core.visible import flatten
    from tests.docx.foreign import direct_docx, markdown

    pandoc = shutil.which("pandoc") if clients else None
    print(f"{'document':<18} {'pp':>4} {'write':>7} {'read':>7} {'foreign':>8} {'pd build':>9} {'pd read':>8} "
          f"{'lxml':>6} {'pandoc':>7} {'w/build':>8} {'r/read':>7}   (ms, median of {runs})")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, doc in documents():
            data = api.write_bytes(doc, "docx")
            typed = direct_docx(doc, numbered=True)
            texts = [(p.role, p.text) for p in flatten(doc)]
            floor = python_docx_build(texts)
            row = {
                "write": median_ms(lambda doc=doc: api.write_bytes(doc, "docx"), runs),
                "read": median_ms(lambda data=data: api.read(data, "docx", name="x.docx"), runs),
                "foreign": median_ms(lambda typed=typed: api.read(typed, "docx", name="typed.docx"), max(3, runs // 3)),
                "pd build": median_ms(lambda texts=texts: python_docx_build(texts), runs),
                "pd read": median_ms(lambda floor=floor: python_docx_read(floor), runs),
                "lxml": median_ms(lambda data=data: lxml_floor(data), runs),
            }
            if pandoc:
                md = folder / "in.md"
                md.write_text(markdown(doc), encoding="utf-8")
                row["pandoc"] = median_ms(lambda md=md: subprocess.run(
                    [pandoc, "-f", "markdown-smart", "-o", str(folder / "out.docx"), str(md)], check=True), 3)
            count = pages(data, folder) if clients else None
            print(f"{name:<18} {count or '-':>4} {row['write']:>7.1f} {row['read']:>7.1f} {row['foreign']:>8.1f} "
                  f"{row['pd build']:>9.1f} {row['pd read']:>8.1f} {row['lxml']:>6.1f} "
                  f"{row.get('pandoc', float('nan')):>7.1f} {row['write'] / row['pd build']:>8.2f} "
                  f"{row['read'] / row['pd read']:>7.2f}")


CHILD = """
import json, resource, sys, time
from rectify_core import api
from rectify_core.errors import RectifyError
from rectify_core.plugins import get_registry
import lxml.etree, rectify_docx.reader, rectify_docx.read_package, rectify_docx.read_content  # warm: time the read only
get_registry()
t = time.perf_counter()
try:
    api.read(sys.argv[1])
    outcome = "read"
except RectifyError as exc:
    outcome = f"{type(exc).__name__} (exit {exc.exit_code})"
ms = (time.perf_counter() - t) * 1000
print(json.dumps({"ms": ms, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "outcome": outcome}))
"""


def hostile() -> None:
    from tests.docx import hostile as h

    cases = {
        "baseline (our seed-size docx)": None,
        "zip bomb 1 GiB → 1 MB": lambda: h.zip_bomb(1024),
        "lying sizes (50 MiB as 1 KiB)": lambda: h.lying_bomb(50),
        "../ member name": h.path_escape,
        "billion laughs": h.billion_laughs,
        "external entity": h.external_entity,
        "5000 members": h.too_many_members,
        "5000-deep nesting": h.deep_nesting,
        ".doc renamed .docx": lambda: h.OLE_DOC,
    }
    print(f"\n{'hostile input':<32} {'size':>9} {'ms':>7} {'peak RSS MB':>12}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in cases.items():
            if make is None:
                from rectify_core import api
                from tests.docx.helpers import sample

                data = api.write_bytes(sample(), "docx")
            else:
                data = make()
            path = Path(tmp) / "case.docx"
            path.write_bytes(data)
            done = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT)
            result = json.loads(done.stdout)
            print(f"{name:<32} {len(data):>9} {result['ms']:>7.1f} {result['rss']:>12.1f}  {result['outcome']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--no-clients", action="store_true", help="skip pandoc and the LibreOffice page count")
    ap.add_argument("--only", choices=["speed", "hostile"], help="run one of the two tables")
    args = ap.parse_args()
    if args.only != "hostile":
        speed(args.runs, not args.no_clients)
    if args.only != "speed":
        hostile()


if __name__ == "__main__":
    main()
