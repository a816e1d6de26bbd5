"""Coverage-guided fuzzing of one reader with atheris (libFuzzer for Python).

    pip install -e '.[fuzz]'                                  # atheris 3.1 (tested on Python 3.11)
    python bench/fuzz.py --reader pdf --seconds 600           # one reader, ten minutes
    python bench/fuzz.py --reader json --seconds 60 --corpus /tmp/fuzz-json   # keep the corpus

Every input goes through ``api.read(data, format)`` in this process (no worker, so atheris sees
the coverage) under small limits.  A RectifyError is the expected answer to garbage; anything
else — an exception that is not a RectifyError (it would be exit 70), an input that takes more
than ``--slow`` seconds, or the process growing past ``--rss-mb`` — is a finding: libFuzzer stops
and writes the input as ``crash-…``/``timeout-…``/``oom-…`` in the current folder.  The seed
corpus is the example notice (examples/shili-zhen.json) written by every writer of the format.

Only Python code is instrumented (our readers and the recognizer); pdfium and libxml2 are not,
but they run on every input.  What the runs found and the fixes are in docs/security.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMITS = {"timeout": 5.0, "max_pages": 50, "max_bytes": 2 * 2**20}


def seeds(reader: str) -> list[bytes]:
    """The example notice in the reader's format (and, for text-like readers, in a few encodings)."""
    from rectify_core import api
    from rectify_core.model import Document

    doc = Document.from_dict(json.loads((ROOT / "examples" / "shili-zhen.json").read_text(encoding="utf-8")))
    out: list[bytes] = []
    try:
        out.append(api.write_bytes(doc, reader))
    except Exception:  # a read-only format (legacy doc/wps, ledgers …): no seed from our writers
        pass
    if reader == "txt" and out:
        text = out[0].decode("utf-8")
        out += [text.encode("gb18030"), text.encode("utf-16"), text.replace("\n", "\r\n").encode()]
    return out or [b""]


def _inner(package: bytes) -> bytes:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(package)) as zf:
        return zf.read("word/document.xml")


def _package(document_xml: bytes, template: bytes) -> bytes:
    """``template`` (a docx) with its word/document.xml replaced by ``document_xml``."""
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(template)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, document_xml if info.filename == "word/document.xml" else src.read(info))
    return out.getvalue()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reader", required=True, help="format name, e.g. pdf, docx, html, xml, json, txt")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--corpus", help="folder to keep the evolving corpus in (default: a temporary one)")
    parser.add_argument("--slow", type=int, default=10, help="seconds after which an input counts as a hang")
    parser.add_argument("--rss-mb", type=int, default=1024, help="memory after which an input counts as a leak")
    parser.add_argument("--inner", action="store_true",
                        help="docx: fuzz word/document.xml inside a valid package (mutated zips rarely get past "
                             "the zip checks, so the XML readers behind them are reached this way)")
    args, rest = parser.parse_known_args(argv)

    import atheris

    # Everything the read imports lazily is imported inside this block, so it is instrumented too.
    with atheris.instrument_imports(include=["rectify_core", f"rectify_{args.reader}"]):
        from rectify_core import api
        from rectify_core.errors import RectifyError
        from rectify_core.plugins import get_registry

        reg = get_registry()
        reg.reader(args.reader)  # an unknown format fails here, not inside the fuzzer
        examples = seeds(args.reader)
        if args.inner:
            examples = [_inner(e) for e in examples]
        for seed in examples:
            try:
                api.read(seed, args.reader, isolate=False, registry=reg)
            except RectifyError:
                pass
    examples_zip = seeds(args.reader)[0] if args.inner else b""
    corpus = Path(args.corpus or tempfile.mkdtemp(prefix=f"rectify-fuzz-{args.reader}-"))
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(examples):
        (corpus / f"seed-{i}").write_bytes(seed)

    def one_input(data: bytes) -> None:
        if args.inner:
            data = _package(data, examples_zip)
        try:
            api.read(data, args.reader, limits=LIMITS, isolate=False, registry=reg)
        except RectifyError as exc:
            if exc.exit_code == 70:  # InternalError: the API's wrapper around a bug; show where it was
                import traceback

                traceback.print_exception(exc.__cause__ or exc)
                raise

    atheris.Setup([sys.argv[0], *rest, f"-max_total_time={args.seconds}", f"-timeout={args.slow}",
                   f"-rss_limit_mb={args.rss_mb}", "-print_final_stats=1", str(corpus)], one_input)
    atheris.Fuzz()  # libFuzzer exits the process when the time is up or an input failed
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
