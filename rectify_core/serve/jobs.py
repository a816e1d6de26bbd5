"""The work of one request, as plain functions a worker process runs.

Every conversion, inspection and validation the service does runs in a worker process
(:mod:`rectify_core.workers`) under the request's work budget: a hostile upload costs one worker
its memory and time limits and nothing else.  The functions here take and return only picklable
values (bytes, strings, dicts), because a service has threads and its workers start from a
fork server.
"""

from __future__ import annotations

from typing import Any

from ..budget import Limits


def _read(data: bytes, name: str, from_format: str | None, options: dict[str, Any], limits: Limits) -> Any:
    from .. import api

    return api.read(data, from_format, name=name, options=options, limits=limits, isolate=False)


def _findings(result: Any) -> list[Any]:
    """Reader and validation findings of one read, each once (Finding objects pickle across processes)."""
    from .. import api
    from ..checks import merge_findings

    return merge_findings(result.findings, api.validate(result.document))


def convert(data: bytes, name: str, from_format: str | None, to_formats: list[str], reader_options: dict[str, Any],
            writer_options: dict[str, dict[str, Any]], limits: Limits) -> dict[str, Any]:
    """Read the upload and write it in every asked format: {"outputs": {fmt: bytes}, "findings": …}."""
    from .. import api

    result = _read(data, name, from_format, reader_options, limits)
    outputs = {fmt: api.write_bytes(result.document, fmt, options=writer_options.get(fmt)) for fmt in to_formats}
    return {"outputs": outputs, "findings": _findings(result), "info": _plain(result.info)}


def inspect(data: bytes, name: str, from_format: str | None, options: dict[str, Any],
            limits: Limits) -> dict[str, Any]:
    """The `rectify inspect --json` summary, plus the canonical JSON of the Document (for the page)."""
    from .. import api

    result = _read(data, name, from_format, options, limits)
    summary = api.inspect(result)
    return {"summary": summary, "document": result.document.to_dict(), "findings": _findings(result),
            "removed": [r.to_dict() for r in result.removed], "info": _plain(result.info)}


def validate(data: bytes, name: str, from_format: str | None, options: dict[str, Any],
             limits: Limits) -> dict[str, Any]:
    """Findings of the upload: schema and semantic rules, and what the reader found."""
    from ..errors import SchemaError

    try:
        result = _read(data, name, from_format, options, limits)
    except SchemaError as exc:
        from .. import api

        extra = api.validate(exc.document) if exc.document is not None else []
        return {"findings": [*exc.findings, *extra], "schema_valid": False}
    return {"findings": _findings(result), "schema_valid": True}


def _plain(info: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in info.items() if isinstance(v, (str, int, float, bool)) or v is None}


__all__ = ["convert", "inspect", "validate"]
