"""The ``rectify serve`` subcommand: its arguments and what it runs (starlette loads only on start)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable


def add_parser(command: Callable[..., argparse.ArgumentParser], tr: Callable[[str, str], str]) -> None:
    """Add `serve` through the CLI's ``command`` factory (bilingual help) and its ``tr``."""
    s = command(
        "serve", "run the HTTP service and upload page (needs the serve extra)",
        "运行 HTTP 服务和上传页面（需安装 serve 扩展）",
        "Serve the JSON API (/convert, /inspect, /validate, /formats, /schema, /healthz, /version, /openapi.json) "
        "and the upload page at /. Every conversion runs in a worker process under the work budget; see "
        "docs/serve.md.",
        "提供 JSON 接口（/convert、/inspect、/validate、/formats、/schema、/healthz、/version、/openapi.json）"
        "和位于 / 的上传页面。每次转换都在受工作预算限制的工作进程中运行，见 docs/serve.md。")
    s.add_argument("--host", default="127.0.0.1",
                   help=tr("address to listen on (default: 127.0.0.1, this machine only)",
                           "监听地址（默认 127.0.0.1，仅本机）"))
    s.add_argument("--port", type=int, default=8080, help=tr("port (default: 8080)", "端口（默认 8080）"))
    s.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                   help=tr("conversions at once, each in its own process (default: the number of cores)",
                           "同时进行的转换数，每个在独立进程中（默认：CPU 核数）"))
    s.add_argument("--queue", type=int, default=32,
                   help=tr("requests that may wait for a worker; past that the answer is 503 (default: 32)",
                           "可排队等待的请求数，超出则答复 503（默认 32）"))
    s.add_argument("--max-body", default="64M", help=tr("largest request body, e.g. 64M (default: 64M)",
                                                        "请求体上限，如 64M（默认 64M）"))
    s.add_argument("--limits", metavar="KEY=V[,…]", default=None,
                   help=tr("work budget of each read, e.g. max_pages=200,timeout=20,max_memory=1G",
                           "每次读取的工作预算，如 max_pages=200,timeout=20,max_memory=1G"))
    s.add_argument("--token-file", metavar="FILE",
                   help=tr("require 'Authorization: Bearer <token>' with the token in FILE (for anything beyond "
                           "localhost)", "要求请求携带 FILE 中的令牌（Authorization: Bearer），本机以外部署时使用"))
    s.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help=tr("allow browser calls from ORIGIN (repeatable; off by default)",
                           "允许来自 ORIGIN 的浏览器跨域调用（可重复；默认关闭）"))
    s.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                   help=tr("server log level (default: info)", "服务器日志级别（默认 info）"))


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
