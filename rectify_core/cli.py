"""The ``rectify`` command.

Only argparse is imported at start-up; everything else (plugins, jsonschema, lxml …) loads inside
the sub-command that needs it, so ``rectify --help`` answers in a few tens of milliseconds.

Exit codes: 0 ok · 1 validation findings at or above --fail-on · 2 usage or input error ·
3 input refused as hostile · 70 internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_SECURITY, EXIT_INTERNAL = 0, 1, 2, 3, 70

DESCRIPTION = """\
Read, validate and write 巡视/巡察整改进展情况的通报 — Chinese public notices on how an
inspection's findings were rectified.  Any input (txt, PDF, docx, HTML, XML, JSON) becomes one
validated structure, written back as GB/T 9704 docx, accessible HTML, XSD-valid XML, PDF, txt or
canonical JSON.
"""

EPILOG = """\
examples:
  rectify convert notice.pdf -o notice.docx         format from the extension
  rectify convert notice.txt --to docx,html,xml -o out/
  rectify convert notice.docx --to json -o -        JSON on standard output
  cat notice.txt | rectify convert - --from txt --to html -o notice.html
  rectify validate notices/*.json --fail-on warning
  rectify inspect notice.pdf --json
  rectify formats

exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or input error,
            3 input refused as hostile, 70 internal error (a bug)
environment: RECTIFY_DISABLE_PLUGINS=name,…  RECTIFY_STRICT_PLUGINS=1  RECTIFY_DEBUG=1 (tracebacks)
"""


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="rectify", description=DESCRIPTION, epilog=EPILOG,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"rectify {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser("convert", help="convert a notice from one format to others",
                       description="Read IN (a file, or - for standard input) and write it in one or more formats.",
                       formatter_class=argparse.RawDescriptionHelpFormatter,
                       epilog="With one --to format, -o names the output file (- for standard output; the default "
                              "is standard output for text formats). With several, -o names a folder (default: "
                              "the current folder) and files are named after IN. Existing files are kept unless "
                              "--force is given; a failed conversion never leaves a partial file.")
    c.add_argument("input", metavar="IN", help="input file, or - for standard input")
    c.add_argument("-o", "--output", metavar="OUT", help="output file, folder, or - for standard output")
    c.add_argument("--from", dest="from_format", metavar="F", help="input format (default: detected)")
    c.add_argument("--to", dest="to_format", metavar="F[,F…]",
                   help="output format(s), comma-separated (default: from the extension of OUT)")
    c.add_argument("-f", "--force", action="store_true", help="replace existing output files")
    c.add_argument("--reference-docx", metavar="FILE", help="docx whose styles replace rectify's (docx output)")
    c.add_argument("--option", "-O", action="append", default=[], metavar="KEY=VALUE",
                   help="a writer/reader option, e.g. -O site_name=示例镇人民政府 (repeatable)")
    c.add_argument("-q", "--quiet", action="store_true", help="do not report reader findings on stderr")
    _limits_arg(c)
    c.add_argument("--front", metavar="FILE", help="front matter (TOML or JSON) for a ledger input: "
                   "issuer, title, inspection facts, contacts, date (the same as -O front=FILE)")

    e = sub.add_parser("export", help="tabulate the problems of many notices: one row per problem",
                       description="Read every FILE (and every readable file under each DIR) and write one "
                                   "table with a row per problem, plus a summary per issuer.")
    e.add_argument("inputs", nargs="+", metavar="FILE|DIR")
    e.add_argument("--to", dest="to_format", choices=["xlsx", "csv", "jsonl"], help="default: from -o")
    e.add_argument("-o", "--output", metavar="TABLE", required=True, help="output file (csv adds TABLE-summary.csv)")
    e.add_argument("--as-of", metavar="YYYY-MM-DD", help="date that decides what is overdue (default: today)")
    e.add_argument("-f", "--force", action="store_true", help="replace existing output files")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")

    v = sub.add_parser("validate", help="check notices against the schema and the semantic rules",
                       description="Read each FILE and report schema errors, semantic findings and reader findings.")
    v.add_argument("files", nargs="+", metavar="FILE")
    v.add_argument("--from", dest="from_format", metavar="F", help="input format (default: detected)")
    v.add_argument("--fail-on", choices=["warning", "error", "never"], default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    v.add_argument("--json", action="store_true", help="print findings as JSON")
    _limits_arg(v)

    i = sub.add_parser("inspect", help="summarise a notice: title, dates, sections, problems, statuses",
                       description="Read FILE and print its summary (the --json shape is stable for integrators).")
    i.add_argument("file", metavar="FILE")
    i.add_argument("--from", dest="from_format", metavar="F", help="input format (default: detected)")
    i.add_argument("--json", action="store_true", help="print the summary as JSON")
    _limits_arg(i)

    s = sub.add_parser("schema", help="print the JSON Schema (or the XSD) of a notice")
    s.add_argument("--xsd", action="store_true", help="print the XML Schema instead")

    f = sub.add_parser("formats", help="list the formats installed plugins can read and write")
    f.add_argument("--json", action="store_true", help="print as JSON, with plugin, distribution and version")
    return p


def _limits_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--limits", metavar="KEY=V[,…]", default=None,
                   help="work budget of each read, e.g. max_bytes=128M,max_pages=2000,timeout=60,max_memory=2G "
                        "(keys: max_bytes max_inflated max_pages max_elements max_depth max_numbering timeout "
                        "max_memory; see docs/security.md)")


def _read(args: argparse.Namespace, name: str, fmt: str | None, **kw: Any) -> Any:
    """api.read with the --limits of the command line, always in a worker process (a fork costs ~3 ms)."""
    from . import api
    from .budget import parse_pairs

    limits = parse_pairs(args.limits) if getattr(args, "limits", None) else None
    return api.read(name, fmt, limits=limits, isolate=True, **kw)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_INPUT
    from .errors import RectifyError

    try:
        handler = {"convert": cmd_convert, "validate": cmd_validate, "inspect": cmd_inspect, "export": cmd_export,
                   "schema": cmd_schema, "formats": cmd_formats}[args.command]
        return handler(args)
    except RectifyError as exc:
        _err(f"rectify: error: {exc}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err("rectify: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # a bug: say so plainly, traceback only on request
        if os.environ.get("RECTIFY_DEBUG"):
            raise
        _err(f"rectify: internal error: {type(exc).__name__}: {exc}\n"
             "This is a bug in rectify or a plugin; run with RECTIFY_DEBUG=1 for the traceback and report it.")
        return EXIT_INTERNAL


def _err(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def _out(text: str) -> None:
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()


def _options(pairs: list[str]) -> dict[str, Any]:
    from .errors import UsageError

    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--option expects KEY=VALUE, got {pair!r}")
        out[key.strip()] = value
    return out


def cmd_convert(args: argparse.Namespace) -> int:
    from pathlib import Path

    from . import api
    from .errors import UsageError
    from .plugins import get_registry

    reg = get_registry()
    options = _options(args.option)
    if args.reference_docx:
        options["reference_docx"] = args.reference_docx
    if args.front:
        options["front"] = args.front
    formats = [f.strip() for f in (args.to_format or "").split(",") if f.strip()]
    out = args.output
    if not formats:
        if out is None or out == "-":
            raise UsageError("name the output format with --to (or give -o a file name with an extension)")
        w = reg.writer_for_path(out)
        if w is None:
            raise UsageError(f"cannot tell the output format from {out!r}; name it with --to")
        formats = [w.name]
    writers = [reg.writer(f) for f in formats]  # fail on an unknown format before reading

    targets: list[tuple[Any, str]] = []
    if len(writers) == 1:
        if out is None:
            if writers[0].media_type.startswith(("text/", "application/json", "application/xml")):
                out = "-"
            else:
                raise UsageError(f"{writers[0].name} is a binary format: give an output file with -o")
        targets.append((writers[0], out))
    else:
        folder = Path(out or ".")
        if out == "-":
            raise UsageError("several formats cannot all go to standard output; give -o a folder")
        if not folder.is_dir():
            raise UsageError(f"with several --to formats, -o must be an existing folder: {folder}")
        stem = "stdin" if args.input == "-" else Path(args.input).stem
        targets += [(w, str(folder / f"{stem}.{w.extension}")) for w in writers]
    if not args.force:
        for _, target in targets:
            if target != "-" and os.path.exists(target):
                raise UsageError(f"{target} exists; use --force to replace it")

    result = _read(args, args.input, args.from_format, options=options, registry=reg)
    if not args.quiet:
        _report_read(result, args.input)
    # Render everything first, then write: one failing writer leaves no output at all.
    rendered = [(target, api.write_bytes(result.document, w.name, options=options, registry=reg))
                for w, target in targets]
    for target, data in rendered:
        if target == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            api.atomic_write(target, data, force=True)
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    """One table over many notices (the ledger plugin's ``export``); unreadable files are listed."""
    import datetime as _dt
    from pathlib import Path

    from . import api
    from .errors import UsageError
    from .plugins import get_registry

    try:
        from rectify_ledger import export  # the table writers live with the ledger formats
    except ImportError:
        raise UsageError("rectify export needs the rectify_ledger plugin") from None
    fmt = args.to_format or Path(args.output).suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "csv", "jsonl"):
        raise UsageError(f"cannot tell the table format from {args.output!r}; use --to xlsx|csv|jsonl")
    try:
        as_of = _dt.date.fromisoformat(args.as_of) if args.as_of else _dt.date.today()
    except ValueError:
        raise UsageError(f"--as-of must be a date YYYY-MM-DD, got {args.as_of!r}") from None
    reg = get_registry()
    files = export.input_files(args.inputs, {e for r in reg.readers.values() for e in r.extensions})
    if not files:
        raise UsageError("no input files")
    outputs = export.render(export.Table(), fmt, as_of)  # the names, to refuse clobbering before any work
    targets = {suffix: (args.output if not suffix else str(Path(args.output).with_suffix("")) + suffix)
               for suffix in outputs}
    if not args.force:
        for target in targets.values():
            if os.path.exists(target):
                raise UsageError(f"{target} exists; use --force to replace it")

    def progress(done: int, total: int, path: str) -> None:
        if not args.quiet:
            _err(f"[{done}/{total}] {path}")

    table = export.collect(files, lambda p: api.read(p, registry=reg).document, progress)
    for suffix, data in export.render(table, fmt, as_of).items():
        api.atomic_write(targets[suffix], data, force=True)
    for _source, message in table.failures:
        _err(f"rectify: not read: {message}")
    if not args.quiet:
        _err(f"{len(table.rows)} problems from {len(files) - len(table.failures)} of {len(files)} files → "
             f"{', '.join(targets.values())}")
    return EXIT_INPUT if table.failures else EXIT_OK


def _report_read(result: Any, name: str) -> None:
    for f in result.findings:
        if f.severity != "info":
            _err(f"{name}: {f}")
    if result.removed:
        _err(f"{name}: removed {len(result.removed)} furniture line(s) (page numbers, headers, navigation); "
             "see `rectify inspect --json`")


def cmd_validate(args: argparse.Namespace) -> int:
    import json

    from .errors import RectifyError
    from .findings import SEVERITY_RANK

    threshold = None if args.fail_on == "never" else SEVERITY_RANK[args.fail_on]
    worst_exit = EXIT_OK
    report = []
    for name in args.files:
        try:
            findings = _file_findings(args, name, args.from_format)
        except RectifyError as exc:
            worst_exit = max(worst_exit, exc.exit_code)
            report.append({"file": name, "error": str(exc), "findings": []})
            if not args.json:
                _err(f"rectify: error: {exc}")
            continue
        report.append({"file": name, "findings": [f.to_dict() for f in findings]})
        if not args.json:
            for f in findings:
                _out(_finding_line(name, f) + "\n")
            errors = sum(1 for f in findings if f.severity == "error")
            warnings = sum(1 for f in findings if f.severity == "warning")
            _out(f"{name}: {'ok' if not findings else f'{errors} error(s), {warnings} warning(s)'}\n")
        if threshold is not None and any(SEVERITY_RANK[f.severity] >= threshold for f in findings):
            worst_exit = max(worst_exit, EXIT_FINDINGS)
    if args.json:
        _out(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    return worst_exit


def _file_findings(args: argparse.Namespace, name: str, fmt: str | None) -> list[Any]:
    """Reader findings plus validation findings of one file; raises RectifyError if it cannot be read.

    A structured file that breaks the schema is not an error here: its schema findings are
    reported together with the semantic findings of the best-effort Document.
    """
    from . import api
    from .checks import run_checks
    from .errors import SchemaError
    from .plugins import get_registry

    try:
        result = _read(args, name, fmt)
    except SchemaError as exc:
        if not exc.findings:
            raise
        semantic = run_checks(exc.document, extra=get_registry().checks) if exc.document is not None else []
        return list(exc.findings) + semantic
    return list(result.findings) + [f for f in api.validate(result.document) if f not in result.findings]


def _finding_line(name: str, f: Any) -> str:
    """``file: place: severity: [rule] message`` — place is a line/page when known, else a JSON Pointer."""
    loc = f.location
    if loc is not None and (loc.line is not None or loc.page is not None):
        place = ", ".join(p for p in (f"page {loc.page}" if loc.page is not None else "",
                                      f"line {loc.line}" if loc.line is not None else "") if p)
    else:
        place = f.pointer or "/"
    return f"{name}: {place}: {f.severity}: [{f.rule}] {f.message}"


def cmd_inspect(args: argparse.Namespace) -> int:
    import json

    from . import api

    result = _read(args, args.file, args.from_format)
    summary = api.inspect(result)
    if args.json:
        _out(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    insp = summary["inspection"]
    lines = [
        f"title:       {summary['title'] or '—'}",
        f"issuer:      {summary['issuer'] or '—'}   date: {summary['date'] or '—'}",
        f"inspection:  {insp['level'] or '—'} by {insp['team'] or '—'}, "
        f"{insp['start'] or '?'} – {insp['end'] or '?'}, "
        f"feedback {insp['feedback'] or '?'}",
        f"structure:   {summary['sections']} top-level sections, {summary['problems']} problems",
        "statuses:    " + (", ".join(f"{k} {v}" for k, v in summary["statuses"].items() if v) or "—"),
    ]
    st = summary["statistics"]
    if any(v is not None for v in st.values()):
        lines.append(f"statistics:  total {st['total']}, completed {st['completed']}, in progress {st['in_progress']}, "
                     f"rate {st['rate']}")
    c = summary["contacts"]
    values = [v for vs in c.values() for v in vs]
    lines.append("contacts:    " + ("; ".join(values) if values else "—"))
    if result.removed:
        lines.append(f"removed:     {len(result.removed)} furniture line(s)")
    for f in summary["findings"]:
        lines.append(f"{f['severity']}: {f['where']}: [{f['rule']}] {f['message']}")
    _out("\n".join(lines) + "\n")
    return EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import SCHEMA_FILE, XSD_FILE, schema_text

    _out(schema_text(XSD_FILE if args.xsd else SCHEMA_FILE))
    return EXIT_OK


def cmd_formats(args: argparse.Namespace) -> int:
    import json

    from .plugins import describe_formats, get_registry

    reg = get_registry()
    rows = describe_formats(reg)
    if args.json:
        _out(json.dumps({"formats": rows, "errors": [str(e) for e in reg.errors]}, ensure_ascii=False, indent=2) + "\n")
    else:
        _out(f"{'format':<8} {'read':<5} {'write':<6} {'plugin':<10} description\n")
        for r in rows:
            write = ("yes" if r["lossless"] else "lossy") if r["write"] else "-"
            _out(f"{r['name']:<8} {'yes' if r['read'] else '-':<5} {write:<6} "
                 f"{(r['plugin'] or '?') + ' ' + (r['version'] or ''):<10} {r['description']}\n")
    for e in reg.errors:
        _err(f"rectify: warning: {e} (skipped)")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
