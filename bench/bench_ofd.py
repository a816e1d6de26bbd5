"""OFD reading speed on real files, side by side with ofdkit and the XML-parsing floor.

    python bench/bench_ofd.py [--runs N]

For each of the ofdrw library's OFD test files (../shared/corpus/external/ofd) it prints, as
medians of N runs after a warm-up: rectify's read to a Document (zip checks, page content, lines,
paragraphs, recognizer); ofdkit 0.2's text extraction of the same bytes (an independent reader,
text only, no structure: in the test extra); and the floor — opening the zip and parsing every XML
part with lxml, nothing else.  Then rectify's PDF of seed 002 redrawn as OFD (the same glyphs, as
tests/ofd/test_reader.py does) read as OFD and as PDF.  Issue 14's limit: none over 2 s.  Figures
are recorded in docs/ofd.md.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from timing import median_ms  # noqa: E402  (bench/ is on sys.path when run as a script)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from lxml import etree

    from rectify_core import api
    from rectify_core.errors import RectifyError

    try:
        import ofdkit
    except ImportError:
        ofdkit = None

    def floor(data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for name in zf.namelist():
                if name.endswith(".xml"):
                    try:
                        etree.fromstring(zf.read(name), etree.XMLParser(resolve_entities=False))
                    except etree.XMLSyntaxError:
                        pass

    def ours(data: bytes, name: str) -> str:
        try:
            api.read(data, "ofd", name=name)
            return "read"
        except RectifyError as exc:
            return f"refused (exit {exc.exit_code})"

    def theirs(data: bytes) -> None:
        with ofdkit.open(io.BytesIO(data)) as doc:  # type: ignore[union-attr]
            doc.text()

    files = sorted((ROOT.parent / "shared" / "corpus" / "external" / "ofd").glob("*.ofd"))
    print(f"{'file':42s} {'KiB':>5s} {'rectify ms':>10s} {'ofdkit ms':>9s} {'floor ms':>8s}  outcome")
    worst = 0.0
    total = {"rectify": 0.0, "ofdkit": 0.0, "floor": 0.0}
    for path in files:
        data = path.read_bytes()
        outcome = ours(data, path.name)
        ms = median_ms(lambda d=data, n=path.name: ours(d, n), args.runs)
        kit = median_ms(lambda d=data: theirs(d), args.runs) if ofdkit else float("nan")
        bare = median_ms(lambda d=data: floor(d), args.runs)
        worst = max(worst, ms)
        total["rectify"] += ms
        total["ofdkit"] += kit
        total["floor"] += bare
        print(f"{path.stem[:42]:42s} {len(data) / 1024:5.0f} {ms:10.1f} {kit:9.1f} {bare:8.1f}  {outcome}")
    print(f"{'all ' + str(len(files)) + ' files':42s} {'':5s} {total['rectify']:10.1f} {total['ofdkit']:9.1f} "
          f"{total['floor']:8.1f}  slowest rectify read {worst:.1f} ms (limit 2000 ms)")

    from tests.ofd.build import from_pages
    from tests.pdf.helpers import pages

    seed = sorted((ROOT.parent / "shared" / "corpus" / "seeds").glob("002_*.txt"))[0]
    doc = api.read(seed).document
    pdf = api.write_bytes(doc, "pdf")
    ofd = from_pages(pages(pdf))
    pdf_ms = median_ms(lambda: api.read(pdf, "pdf", name="s.pdf"), args.runs)
    ofd_ms = median_ms(lambda: api.read(ofd, "ofd", name="s.ofd"), args.runs)
    kit = median_ms(lambda: theirs(ofd), args.runs) if ofdkit else float("nan")
    n = len(pages(pdf))
    print(f"\nseed 002 ({n} pages): as OFD {ofd_ms:.1f} ms, the same glyphs as PDF {pdf_ms:.1f} ms "
          f"(PDF reads run in a worker process), ofdkit text of the OFD {kit:.1f} ms")


if __name__ == "__main__":
    main()
