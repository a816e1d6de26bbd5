"""OCR of generated scans: seconds per page and Han character error rate, beside the text layer.

    python bench/bench_ocr.py [--pages 16] [--dpi 200]

Writes seed 002 (or, without the corpus, the example notice repeated) as rectify's PDF, keeps its
first N pages, renders them as scans (rotated 0.8°, paper noise, a red seal, JPEG 75) into an
image-only PDF, and reads that with `rectify` (OCR, in a worker as the CLI does) and the original
with its text layer.  Prints seconds per page, the Han character error rate (edit operations ÷
reference characters) and the peak memory of the worker.  The anchor is the text-layer read of the
same pages: what OCR costs on top of reading the text a PDF already has.
"""

from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=16)
    args = ap.parse_args()

    from rectify_core import api
    from tests.ocr.scans import first_pages, scan_of
    from tests.ocr.test_ocr import cer

    seed = ROOT.parent / "shared" / "corpus" / "seeds" / "002_a20cf11d709bd286.txt"
    pdf = api.write_bytes(api.read(seed).document, "pdf")
    import pypdfium2 as pdfium

    count = min(args.pages, len(pdfium.PdfDocument(pdf)))
    text_pdf = first_pages(pdf, count)
    t = time.perf_counter()
    scan = scan_of(text_pdf, count)
    make = time.perf_counter() - t
    t = time.perf_counter()
    text = api.read(text_pdf, name="text.pdf")
    text_s = time.perf_counter() - t
    t = time.perf_counter()
    read = api.read(scan, name="scan.pdf", limits={"timeout": 1800})
    ocr_s = time.perf_counter() - t

    def han(doc: object) -> str:
        return "".join(re.findall(r"[\u4e00-\u9fff]", api.write_bytes(doc, "txt").decode("utf-8")))  # type: ignore[arg-type]

    reference = han(text.document)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{count} pages of seed 002 as a generated scan (made in {make:.1f} s), rapidocr on {api.__name__}")
    print(f"{'read':<26}{'s total':>9}{'s/page':>9}")
    print(f"{'text layer (anchor)':<26}{text_s:>9.2f}{text_s / count:>9.3f}")
    print(f"{'OCR of the scan':<26}{ocr_s:>9.1f}{ocr_s / count:>9.2f}")
    print(f"Han CER {cer(reference, han(read.document)):.4%} over {len(reference)} characters; "
          f"problems {len(read.document.problems())} (text layer {len(text.document.problems())}); "
          f"worker peak RSS {peak:.0f} MiB; mean confidence {read.info['ocr'].get('mean_confidence')}")


if __name__ == "__main__":
    main()
