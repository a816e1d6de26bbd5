"""HTML write and read times per seed, and for documents 10× and 100× a seed's size.

    python bench/bench_html.py [--runs N]

For each seed (read with the txt reader from ../shared/corpus or $RECTIFY_CORPUS) it prints the
median over N runs of: writing the page, reading our own page back (lossless path), and reading
the same notice published as a CMS-style page (tests/html/cms.py: metadata table, breadcrumbs,
字号, 打印/关闭, share links, footer; foreign path with the recognizer).  Seed 000 (hard-wrapped
PDF text) is published as its joined paragraphs in a layout-table page.  The large documents
repeat seed 002's body.  Figures are recorded in docs/html.md; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timing import median_ms  # noqa: E402  (bench/ is on sys.path when run as a script)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=15)
    args = ap.parse_args()

    from rectify_html.reader import HtmlReader
    from rectify_html.writer import HtmlWriter

    from rectify_core import api
    from rectify_core.formats import Source
    from rectify_core.model import Document, replace
    from rectify_core.reading import read_source
    from rectify_core.visible import flatten
    from tests.html.cms import bare_layout, table_layout
    from tests.html.seeds import split_seed

    corpus = Path(os.environ.get("RECTIFY_CORPUS") or ROOT.parent / "shared" / "corpus")
    seeds = sorted((corpus / "seeds").glob("*.txt"))
    if not seeds:
        sys.exit(f"no seeds under {corpus}/seeds (set RECTIFY_CORPUS)")
    writer, reader = HtmlWriter(), HtmlReader()

    def write(doc: Document) -> bytes:
        buf = io.BytesIO()
        writer.write(doc, buf, {})
        return buf.getvalue()

    cases: list[tuple[str, Document, bytes | None]] = []
    for path in seeds:
        doc = api.read(str(path), "txt").document
        pairs, lines = split_seed(path)
        if pairs:
            page = table_layout(pairs, lines[0], lines[1:])
        else:  # hard-wrapped text: publish the paragraphs the txt reader joined
            paras = [p.text for p in flatten(doc)]
            page = bare_layout(paras[0], paras[1:])
        cases.append((path.name[:3], doc, page.encode("utf-8")))
    big_name, big = cases[-1][0], cases[-1][1]
    for factor in (10, 100):
        cases.append((f"{big_name}×{factor}", replace(big, body=big.body * factor), None))

    header = f"{'document':<10} {'page KB':>8} {'write ms':>9} {'read own ms':>12} {'read CMS ms':>12}"
    print(f"{header}   (runs={args.runs})")
    for name, doc, foreign in cases:
        page = write(doc)
        w = median_ms(lambda doc=doc: write(doc), args.runs)
        r = median_ms(lambda page=page: read_source(reader, Source(page, "page.html")), args.runs)
        f = (median_ms(lambda foreign=foreign: read_source(reader, Source(foreign, "cms.html")), args.runs)
             if foreign is not None else None)
        fs = f"{f:>12.1f}" if f is not None else f"{'—':>12}"
        print(f"{name:<10} {len(page) / 1024:>8.0f} {w:>9.1f} {r:>12.1f} {fs}")


if __name__ == "__main__":
    main()
