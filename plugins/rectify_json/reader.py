"""Read the canonical JSON form, refusing other schemas and incompatible major versions."""

from __future__ import annotations

import json
from typing import Any

from rectify_core.plugin_api import (
    Document,
    InputError,
    Reader,
    Report,
    SchemaError,
    Source,
    check_version,
    head_text,
    structured_kind,
    validate_dict,
)

MAX_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 200


class JsonReader(Reader):
    name = "json"
    max_bytes = 64 * 2**20
    extensions = ("json",)
    media_types = ("application/json",)
    description = "rectify's canonical JSON (lossless)"

    def sniff(self, head: bytes, filename: str | None) -> float:
        text = head_text(head)  # a UTF-16 file too: the reader then says JSON must be UTF-8
        if text.startswith("{") and '"rectify/tongbao"' in text:
            return 1.0
        return 0.3 if structured_kind(text) == "json" else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Document:
        if len(source.data) > MAX_BYTES:
            raise InputError(f"file is larger than {MAX_BYTES // 2**20} MiB", file=source.name)
        try:
            text = source.data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"not UTF-8 at byte {exc.start}", file=source.name) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file=source.name,
                             location=f"line {exc.lineno} col {exc.colno}") from None
        except RecursionError:
            raise InputError(f"JSON nested deeper than Python can read (limit {MAX_DEPTH})",
                             file=source.name) from None
        check_version(data, source.name)
        findings = validate_dict(data)
        if findings:
            first = findings[0]
            more = f" (and {len(findings) - 1} more)" if len(findings) > 1 else ""
            partial = None
            try:  # a wrong value inside a valid shape still gives a Document to check further
                partial = Document.from_dict(data, validate=False)
            except Exception:
                partial = None
            raise SchemaError(f"{first.pointer or '/'}: {first.message_en}{more}", file=source.name,
                              findings=findings, document=partial)
        return Document.from_dict(data, validate=False)
