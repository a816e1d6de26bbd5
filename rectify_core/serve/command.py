"""The ``rectify serve`` subcommand: its arguments and what it runs (starlette loads only on start)."""

from __future__ import annotations

import argparse
import os
from typing import Any


def add_parser(sub: Any) -> None:
    s = sub.add_parser(
        "serve", help="run the HTTP service and upload page (needs the serve extra)",
        description="Serve the JSON API (/convert, /inspect, /validate, /formats, /schema, /healthz, /version, "
                    "/openapi.json) and the upload page at /. Every conversion runs in a worker process under "
                    "the work budget; see docs/serve.md.")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    s.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help="conversions at once, each in its own process (default: the number of cores)")
    s.add_argument("--queue", type=int, default=32,
                   help="requests that may wait for a worker; past that the answer is 503 (default: 32)")
    s.add_argument("--max-body", default="64M", help="largest request body, e.g. 64M (default: 64M)")
    s.add_argument("--limits", metavar="KEY=V[,…]", default=None,
                   help="work budget of each read, e.g. max_pages=200,timeout=20,max_memory=1G")
    s.add_argument("--token-file", metavar="FILE",
                   help="require 'Authorization: Bearer <token>' with the token in FILE (for anything beyond "
                        "localhost)")
    s.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="allow browser calls from ORIGIN (repeatable; off by default)")
    s.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])


def run(args: argparse.Namespace) -> int:
    from ..budget import Limits, parse_pairs
    from ..errors import UsageError
    from . import run as serve
    from .app import ServeConfig

    max_body = parse_pairs(f"max_bytes={args.max_body}")["max_bytes"]
    token = None
    if args.token_file:
        try:
            with open(args.token_file, encoding="utf-8") as fh:
                token = fh.read().strip()
        except OSError as exc:
            raise UsageError(f"cannot read the token file: {exc.strerror}", file=args.token_file) from None
        if len(token) < 16:
            raise UsageError("the token must be at least 16 characters", file=args.token_file)
    if args.host not in ("127.0.0.1", "localhost", "::1") and token is None:
        import sys

        print(f"rectify serve: warning: listening on {args.host} without --token-file: anyone who reaches it can "
              "use it", file=sys.stderr)
    cfg = ServeConfig(workers=max(1, args.workers), queue=max(0, args.queue), max_body=int(max_body),
                      limits=Limits.parse(args.limits) if args.limits else Limits(), token=token,
                      cors_origins=tuple(args.cors_origin))
    serve(args.host, args.port, cfg, args.log_level)
    return 0


__all__ = ["add_parser", "run"]
