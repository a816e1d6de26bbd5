"""The ASGI application behind ``rectify serve``: the JSON API and the upload page.

Stateless by construction: a request's upload lives in memory (multipart files in Starlette's
spooled temporary files, closed — and so deleted — before the response is sent), the work runs in
a worker process that exits with the request, and nothing is kept afterwards; any number of
instances can stand behind a load balancer.  No request may name a file system path or a URL:
options that take one are refused, and a reference docx or front matter is uploaded instead.
"""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable
from dataclasses import field
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from ..budget import Limits
from ..findings_format import finding_dict
from ..records import dataclass
from . import jobs
from .gate import Gate
from .problems import MEDIA_TYPE, Problem, from_error

if TYPE_CHECKING:
    from ..findings_format import Lang

#: multipart fields that carry the content of a file-path option (declared with type "path")
UPLOAD_FIELDS = ("reference_docx", "front")


@dataclass
class ServeConfig:
    """How one service instance runs (``rectify serve --help`` sets these)."""

    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    queue: int = 32
    max_body: int = 64 * 2**20
    limits: Limits = field(default_factory=Limits)
    token: str | None = None
    cors_origins: tuple[str, ...] = ()
    retry_after: int = 2


@dataclass
class Upload:
    data: bytes
    name: str
    fields: dict[str, str]
    files: dict[str, bytes]


def _problem_response(problem: Problem) -> Response:
    return Response(problem.encoded(), status_code=problem.status, media_type=MEDIA_TYPE, headers=problem.headers)


async def _body(request: Request, cfg: ServeConfig) -> bytes:
    """The request body, refused with 413 as soon as it passes ``max_body`` (checked while streaming)."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > cfg.max_body:
        raise Problem("too_large", f"the body is {int(declared)} bytes; this service accepts at most {cfg.max_body}")
    chunks: list[bytes] = []
    total = 0
    async for chunk in request.stream():
        total += len(chunk)
        if total > cfg.max_body:
            raise Problem("too_large", f"the body passes {cfg.max_body} bytes, the most this service accepts")
        chunks.append(chunk)
    return b"".join(chunks)


async def upload(request: Request, cfg: ServeConfig, *, file_field: str = "file") -> Upload:
    """The uploaded notice: a raw body (name from ``?filename=``) or the ``file`` field of a form."""
    body = await _body(request, cfg)
    ctype = request.headers.get("content-type", "")
    name = request.query_params.get("filename") or "upload"
    if not ctype.startswith(("multipart/form-data", "application/x-www-form-urlencoded")):
        return Upload(body, os.path.basename(name) or "upload", {}, {})

    async def replay() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    form = await Request(request.scope, replay).form(max_files=4, max_fields=32, max_part_size=cfg.max_body)
    try:
        fields: dict[str, str] = {}
        files: dict[str, bytes] = {}
        data: bytes | None = None
        for key, value in form.multi_items():
            if isinstance(value, UploadFile):
                content = await value.read()
                if key == file_field:
                    data, name = content, os.path.basename(value.filename or name) or "upload"
                elif key in UPLOAD_FIELDS:
                    files[key] = content
            else:
                fields[key] = value
        if data is None and file_field in fields:
            data = fields.pop(file_field).encode("utf-8")
        if data is None:
            raise Problem("usage", f"the form has no {file_field!r} field")
        return Upload(data, name, fields, files)
    finally:
        await form.close()


def _formats(request: Request, key: str, fields: dict[str, str]) -> list[str]:
    raw = request.query_params.getlist(key) + ([fields[key]] if key in fields else [])
    return [f.strip().lower() for part in raw for f in part.split(",") if f.strip()]


def _source_format(request: Request, fields: dict[str, str]) -> str | None:
    names = _formats(request, "from", fields)
    return names[0] if names else None


def _raw_options(request: Request, up: Upload) -> dict[str, Any]:
    raw: dict[str, Any] = {}
    for pair in request.query_params.getlist("option") + ([up.fields["option"]] if "option" in up.fields else []):
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise Problem("usage", f"option must be KEY=VALUE, got {pair!r}")
        raw[key] = value
    raw.update(up.files)  # uploaded reference docx / front matter: bytes, never a path
    return raw


def _check_no_paths(components: list[Any], options: dict[str, Any]) -> None:
    """An option declared as a file path may come only as uploaded bytes, never as a server path."""
    from ..options import declared

    for comp in components:
        for option in declared(comp):
            if option.type == "path" and isinstance(options.get(option.name), str):
                raise Problem("usage", f"option {option.name!r} names a file on the server, which a request may not "
                                       f"do; upload it as the multipart field {option.name!r} instead")


def _limits(request: Request, cfg: ServeConfig) -> Limits:
    """The configured work budget; a client may lower it, never raise it."""
    raw = request.query_params.get("limits")
    if not raw:
        return cfg.limits
    from ..budget import parse_pairs

    try:
        asked = parse_pairs(raw)
    except Exception as exc:
        raise from_error(exc) from None
    return cfg.limits.merged({k: min(v, getattr(cfg.limits, k)) for k, v in asked.items()})


def create_app(cfg: ServeConfig | None = None) -> Starlette:
    """The service as an ASGI app (uvicorn runs it; tests drive it in-process)."""
    from ..plugins import get_registry

    cfg = cfg or ServeConfig()
    gate = Gate(cfg.workers, cfg.queue, cfg.retry_after)
    registry = get_registry()

    def split_options(to: list[str], frm: str | None, raw: dict[str, Any]) -> tuple[dict[str, Any],
                                                                                    dict[str, dict[str, Any]]]:
        """Options shared out as the CLI does: writer keys by format (checked), the rest for the reader."""
        from ..options import resolve, split_for

        writers = [registry.writer(f) for f in to]
        readers = [registry.reader(frm)] if frm else list(registry.readers.values())
        _check_no_paths([*writers, *readers], {k.partition(".")[2] or k: v for k, v in raw.items()})
        try:
            parts, rest = split_for(writers, raw)
            by_format = {w.name: resolve(w, parts.get(id(w))) for w in writers}
            if frm:
                rest = resolve(registry.reader(frm), {k.partition(".")[2] or k: v for k, v in rest.items()})
        except Exception as exc:
            raise from_error(exc) from None
        return {k.partition(".")[2] or k: v for k, v in rest.items()}, by_format

    def check_formats(names: list[str], kind: str) -> None:
        table = registry.writers if kind == "to" else registry.readers
        unknown = [n for n in names if n not in table]
        if unknown:
            raise Problem("usage", f"unknown {kind} format {', '.join(unknown)}; known: {', '.join(sorted(table))}")

    async def convert(request: Request) -> Response:
        up = await upload(request, cfg)
        to = _formats(request, "to", up.fields)
        if not to:
            raise Problem("usage", "name the output format(s) with ?to=docx (several: ?to=docx,html)")
        check_formats(to, "to")
        frm = _source_format(request, up.fields)
        reader_options, writer_options = split_options(to, frm, _raw_options(request, up))
        out = await gate.run(_work, jobs.convert, up.data, up.name, frm, to, reader_options, writer_options,
                             _limits(request, cfg), name=up.name)
        stem = os.path.splitext(up.name)[0] or "notice"
        headers = {"X-Rectify-Findings": str(len(out["findings"]))}
        lang = _lang(request)
        if len(to) == 1:
            writer = registry.writer(to[0])
            headers["Content-Disposition"] = _disposition(f"{stem}.{writer.extension}")
            return Response(out["outputs"][to[0]], media_type=writer.media_type, headers=headers)
        from ..zip_write import zip_bytes

        members = [(f"{stem}.{registry.writer(fmt).extension}", out["outputs"][fmt]) for fmt in to]
        # an upload named findings.* converted to json would clash with the findings member
        members = [(f"{stem}.notice.json" if name == "findings.json" else name, data) for name, data in members]
        findings = json.dumps([finding_dict(f, lang) for f in out["findings"]], ensure_ascii=False, indent=1)
        bundle = zip_bytes([*members, ("findings.json", findings)])
        headers["Content-Disposition"] = _disposition(f"{stem}.zip")
        return Response(bundle, media_type="application/zip", headers=headers)

    async def read_job(request: Request, job: Callable[..., dict[str, Any]]) -> tuple[Upload, dict[str, Any]]:
        """The upload read by ``job`` (jobs.inspect or jobs.validate) in a worker, with its reader options."""
        up = await upload(request, cfg)
        frm = _source_format(request, up.fields)
        reader_options, _ = split_options([], frm, _raw_options(request, up))
        out = await gate.run(_work, job, up.data, up.name, frm, reader_options, _limits(request, cfg), name=up.name)
        return up, out

    async def inspect(request: Request) -> Response:
        _, out = await read_job(request, jobs.inspect)
        return JSONResponse(out["summary"])

    async def validate(request: Request) -> Response:
        up, out = await read_job(request, jobs.validate)
        lang = _lang(request)
        if request.query_params.get("format") == "sarif":
            from ..sarif import sarif_log

            return JSONResponse(sarif_log([(up.name, out["findings"])], lang=lang),
                                media_type="application/sarif+json")
        return JSONResponse({"file": up.name, "findings": [finding_dict(f, lang) for f in out["findings"]]})

    async def formats(request: Request) -> Response:
        from ..plugins import describe_formats

        return JSONResponse({"formats": describe_formats(registry)})

    async def schema(request: Request) -> Response:
        from ..schema import XSD_FILE, schema_text

        if request.query_params.get("xsd"):
            return Response(schema_text(XSD_FILE), media_type="application/xml")
        return Response(schema_text(), media_type="application/schema+json")

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "busy": gate.admitted, "workers": gate.workers, "queue": gate.queue})

    async def version(request: Request) -> Response:
        return JSONResponse({"name": "rectify", "version": __version__})

    async def openapi(request: Request) -> Response:
        from .openapi import document

        return JSONResponse(document(sorted(registry.readers), sorted(registry.writers)))

    async def page(request: Request) -> Response:
        from .page import render_form, render_result

        lang = _lang(request)
        if request.method == "GET":
            return HTMLResponse(render_form(lang, sorted(registry.readers)), headers=_PAGE_HEADERS)
        up = await upload(request, cfg)
        frm = _source_format(request, up.fields)
        try:
            out = await gate.run(_work, jobs.inspect, up.data, up.name, frm, {}, _limits(request, cfg), name=up.name)
        except Exception as exc:  # shown on the page, in the page's language, as any other outcome
            problem = from_error(exc)
            return HTMLResponse(render_form(lang, sorted(registry.readers), error=problem.detail),
                                status_code=problem.status, headers=_PAGE_HEADERS)
        out["findings"] = [finding_dict(f, lang) | {"where": f.where} for f in out["findings"]]
        return HTMLResponse(render_result(lang, up.name, out, sorted(registry.writers)), headers=_PAGE_HEADERS)

    async def download(request: Request) -> Response:
        """The page's download buttons: the canonical JSON of the Document posted back, written as ?to=."""
        up = await upload(request, cfg, file_field="document")
        to = _formats(request, "to", up.fields)[:1]
        if not to:
            raise Problem("usage", "name the output format with ?to=")
        check_formats(to, "to")
        up.name = os.path.basename(up.fields.get("name", "notice")) or "notice"
        out = await gate.run(_work, jobs.convert, up.data, up.name + ".json", "json", to, {}, {},
                             _limits(request, cfg), name=up.name)
        writer = registry.writer(to[0])
        stem = os.path.splitext(up.name)[0] or "notice"
        return Response(out["outputs"][to[0]], media_type=writer.media_type,
                        headers={"Content-Disposition": _disposition(f"{stem}.{writer.extension}")})

    async def stylesheet(request: Request) -> Response:
        from .page import CSS

        return Response(CSS, media_type="text/css", headers={"Cache-Control": "max-age=3600"})

    routes = [
        Route("/", page, methods=["GET", "POST"]),
        Route("/page.css", stylesheet),
        Route("/download", download, methods=["POST"]),
        Route("/convert", convert, methods=["POST"]),
        Route("/inspect", inspect, methods=["POST"]),
        Route("/validate", validate, methods=["POST"]),
        Route("/formats", formats),
        Route("/schema", schema),
        Route("/healthz", healthz),
        Route("/version", version),
        Route("/openapi.json", openapi),
    ]
    from ..errors import RectifyError
    from ..workers import WorkerBug

    app = Starlette(routes=routes, exception_handlers={
        Problem: _on_error, RectifyError: _on_error, WorkerBug: _on_error, Exception: _on_error,
        404: _on_status, 405: _on_status})
    app.add_middleware(_Guard, cfg=cfg)
    if cfg.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cfg.cors_origins), allow_methods=["GET", "POST"],
                           allow_headers=["Authorization", "Content-Type"])
    return app


_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def _lang(request: Request) -> Lang:
    asked = request.query_params.get("lang")
    if asked == "zh":
        return "zh"
    if asked == "en":
        return "en"
    accept = request.headers.get("accept-language", "")
    return "en" if accept.lower().startswith("en") else "zh"


def _disposition(filename: str) -> str:
    from urllib.parse import quote

    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def _work(fn: Callable[..., Any], *args: Any, name: str) -> Any:
    """Run one job in a worker process under the request's limits (the last positional argument)."""
    from .. import workers

    limits: Limits = args[-1]
    return workers.run(fn, *args, limits=limits, name=name)


async def _on_error(request: Request, exc: Exception) -> Response:
    problem = from_error(exc)
    if problem.reason == "bug":
        import logging
        import traceback

        logging.getLogger("rectify.serve").error("incident %s: %s", problem.extra.get("id"),
                                                 "".join(traceback.format_exception(exc)))
    return _problem_response(problem)


async def _on_status(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    reason = "method" if status == 405 else "not_found"
    return _problem_response(Problem(reason, f"{request.method} {request.url.path} is not part of this API"))


class _Guard:
    """Bearer-token check (when configured) and problem answers for errors raised before routing."""

    def __init__(self, app: Any, cfg: ServeConfig) -> None:
        self.app = app
        self.cfg = cfg

    async def __call__(self, scope: Any, receive: Callable[[], Awaitable[Any]], send: Any) -> None:
        if scope["type"] != "http" or self.cfg.token is None or scope["path"] == "/healthz":
            await self.app(scope, receive, send)
            return
        import hmac

        auth = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        if not hmac.compare_digest(auth, f"Bearer {self.cfg.token}"):
            response = _problem_response(Problem("unauthorized", "send Authorization: Bearer <token>",
                                                 headers={"WWW-Authenticate": "Bearer"}))
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


__all__ = ["ServeConfig", "create_app"]
