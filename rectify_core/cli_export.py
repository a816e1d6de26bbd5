"""``rectify export``: many notices → one table, on the batch machinery (``--jobs``, progress, ``--log``).

The table itself is the ledger plugin's (``rectify_ledger.export``): a row per problem and a
summary per issuer.  Here: expand the inputs, read each in a worker (``batch.run_batch``), collect
the rows in input order, write the outputs atomically.  An unreadable input is listed (stderr, the
table's 未读入 sheet or failure lines, ``--log``) and makes the exit code 2; the rest is written.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import UsageError

EXIT_OK, EXIT_INPUT = 0, 2


def run(args: argparse.Namespace, err: Callable[[str], None]) -> int:
    from .batch import Progress, default_jobs, expand, run_batch
    from .output import atomic_write
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
    if args.from_format:
        reg.reader(args.from_format)
    inputs = expand(args.inputs, args.pattern, {e for r in reg.readers.values() for e in r.extensions})
    if not inputs:
        raise UsageError(f"no input files found in {', '.join(args.inputs)}")
    outputs = export.render(export.Table(), fmt, as_of)  # the names, to refuse clobbering before any work
    targets = {suffix: args.output if not suffix else str(Path(args.output).with_suffix("")) + suffix
               for suffix in outputs}
    if not args.force:
        for target in targets.values():
            if os.path.exists(target):
                raise UsageError(f"{target} exists; use --force to replace it")
    limits = None
    if args.limits:
        from .budget import parse_pairs

        limits = parse_pairs(args.limits)
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 1:
        raise UsageError("--jobs must be at least 1")

    paths = [i.path for i in inputs]
    read: Callable[[str], Any] = _Reader(args.from_format, limits)
    results: dict[int, tuple[str, Any]] = {}
    progress = Progress(len(paths), enabled=None if not args.quiet else False)
    for index, value, error in run_batch(paths, read, jobs, limits=limits, names=lambda p: p):
        results[index] = ("ok", value) if error is None else ("failed", error)
        progress.step(paths[index])
        if error is not None and args.fail_fast:
            break
    progress.clear()
    table = export.Table()
    log: list[dict[str, Any]] = []
    for index, path in enumerate(paths):
        status, value = results.get(index, ("skipped", None))
        if status == "ok":
            export.add(table, path, value)
            log.append({"input": path, "status": "ok", "problems": len(export.export_rows(path, value))})
        elif status == "failed":
            table.failures.append((path, str(value)))
            log.append({"input": path, "status": "failed", "reason": str(value)})
    for suffix, data in export.render(table, fmt, as_of).items():
        atomic_write(targets[suffix], data, force=True)
    if args.log:
        atomic_write(args.log, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in log).encode(), force=True)
    for _source, message in table.failures:
        err(f"rectify: not read: {message}")
    if not args.quiet:
        err(f"{len(table.rows)} problems from {len(paths) - len(table.failures)} of {len(paths)} files → "
            f"{', '.join(targets.values())}")
    return EXIT_INPUT if table.failures or len(results) < len(paths) else EXIT_OK


class _Reader:
    """Reads one file to its Document in a batch worker (a class, so it pickles for the pool)."""

    def __init__(self, from_format: str | None, limits: dict[str, Any] | None) -> None:
        self.from_format, self.limits = from_format, limits

    def __call__(self, path: str) -> Any:
        from . import api

        return api.read(path, self.from_format, limits=self.limits, isolate=True).document


__all__ = ["run"]
