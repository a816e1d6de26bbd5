"""``rectify convert``'s planning: which writers, which output names, which options go where.

Everything that can be wrong with the command line (an unknown format, ``-O`` key or value, two
inputs that would write the same output, an output that is its own input) is found here, before
any file is read.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from .batch import Input, output_path
from .errors import UsageError
from .jobs import EXIT_INPUT, FileOutcome, Job
from .options import declared, resolve, split_for
from .plugins import Registry


def _formats(args: argparse.Namespace, reg: Registry, single: bool) -> list[str]:
    asked = [f.strip() for f in (args.to_format or "").split(",") if f.strip()]
    if asked:
        # any case, or an extension (md → markdown); an unknown format fails before reading
        return list(dict.fromkeys(reg.writer(n).name for n in asked))
    out = args.output
    if not single or out is None or out == "-" or out.endswith(("/", os.sep)) or os.path.isdir(out):
        raise UsageError("name the output format with --to (or give -o a file name with an extension)")
    w = reg.writer_for_path(out)
    if w is None:
        raise UsageError(f"cannot tell the output format from {out!r}; name it with --to")
    return [w.name]


def _writer_options(args: argparse.Namespace, reg: Registry, formats: list[str]) -> tuple[dict[str, dict[str, Any]],
                                                                                            dict[str, Any]]:
    """Writer options by format (checked now) and the keys left for the reader."""
    from .cli import _pairs

    raw = _pairs(args.option)
    writers = [reg.writer(f) for f in formats]
    if args.reference_docx:
        if "docx" not in formats:
            raise UsageError("--reference-docx applies to docx output only")
        raw["docx.reference_docx"] = args.reference_docx
    parts, rest = split_for(writers, raw)
    by_format = {w.name: resolve(w, parts.get(id(w))) for w in writers}
    if rest:
        readers = [reg.reader(args.from_format)] if args.from_format else list(reg.readers.values())
        for key in rest:
            scope, dot, bare = key.partition(".")
            name = bare if dot else key
            if not any(o.name == name for r in readers for o in declared(r)
                       if not dot or r.name == scope.lower()):
                takers = ", ".join(f"{w.name} writer" for w in writers)
                raise UsageError(f"unknown option {key!r}: neither the {takers} nor "
                                 + (f"the {args.from_format} reader" if args.from_format else "any reader")
                                 + " takes it (see `rectify formats --options`)")
    reader_opts = {(k.partition(".")[2] if "." in k else k): v for k, v in rest.items()}
    return by_format, reader_opts


def plan(args: argparse.Namespace, inputs: list[Input], reg: Registry,
         fail_on: str | None) -> tuple[list[Job], dict[int, FileOutcome]]:
    """One Job per input, and the outcomes of inputs refused before reading (by index)."""
    single_input = len(inputs) == 1 and len(args.inputs) == 1 and not _collective(args.inputs[0])
    formats = _formats(args, reg, single_input)
    by_format, reader_opts = _writer_options(args, reg, formats)
    out = args.output
    to_folder = (not single_input or len(formats) > 1
                 or (out is not None and out != "-" and (out.endswith(("/", os.sep)) or os.path.isdir(out))))
    if out == "-" and to_folder:
        raise UsageError("several files or formats cannot all go to standard output; give -o a folder")
    if to_folder:
        folder = out or "."
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create the output folder: {exc.strerror}", file=folder) from None
    jobs: list[Job] = []
    early: dict[int, FileOutcome] = {}
    claimed: dict[str, str] = {}
    for k, inp in enumerate(inputs):
        targets: list[tuple[str, str]] = []
        for fmt in formats:
            ext = reg.writer(fmt).extension
            if to_folder:
                target = output_path(inp, folder, ext)
            elif out is not None:
                target = out
            elif inp.path == "-":
                target = "-"
            else:
                target = output_path(inp, ".", ext)
            targets.append((fmt, target))
        job = Job("convert", inp.path, args.from_format, targets=targets, reader_options=reader_opts,
                  writer_options=by_format, force=args.force, fail_on=fail_on, limits=args.limits,
                  lang=args.lang or "en", normalize_punctuation=args.normalize_punctuation)
        jobs.append(job)
        problem = _clash(inp, targets, claimed)
        if problem:
            early[k] = FileOutcome(inp.path, exit=EXIT_INPUT, reason=problem)
    return jobs, early


def _collective(arg: str) -> bool:
    """Whether an argument names a set of files (a folder or a glob) rather than one file."""
    from .batch import _is_glob

    return os.path.isdir(arg) or (_is_glob(arg) and not os.path.exists(arg))


def _clash(inp: Input, targets: list[tuple[str, str]], claimed: dict[str, str]) -> str | None:
    for _, target in targets:
        if target == "-":
            continue
        key = os.path.normcase(os.path.abspath(target))
        if inp.path != "-" and key == os.path.normcase(os.path.abspath(inp.path)):
            return f"the output {target} would replace its own input; choose another -o"
        if key in claimed:
            return f"the output {target} is also the output of {claimed[key]}; give the inputs different names"
    for _, target in targets:
        if target != "-":
            claimed[os.path.normcase(os.path.abspath(target))] = inp.path
    return None
