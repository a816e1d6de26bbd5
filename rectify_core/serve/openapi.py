"""The OpenAPI 3.1 description of the service, served at ``/openapi.json``.

Written out by hand (it is small) rather than generated, so it says what the API promises —
including the problem-details errors — and ``tests/serve`` checks every route against it.
"""

from __future__ import annotations

from typing import Any

from .. import __version__

_PROBLEM = {"$ref": "#/components/schemas/Problem"}


def _errors(*codes: int) -> dict[str, Any]:
    text = {400: "bad query (usage)", 401: "bearer token missing or wrong", 413: "body too large",
            422: "input unreadable, or refused as hostile (see `reason` and `kind`)",
            500: "a bug in rectify: quote the `id`", 503: "busy: retry after the Retry-After seconds"}
    return {str(c): {"description": text[c], "content": {"application/problem+json": {"schema": _PROBLEM}}}
            for c in codes}


def _upload_body() -> dict[str, Any]:
    return {"required": True, "description": "The notice: the raw file as the body (name it with ?filename=), "
                                             "or a multipart form with a `file` field.",
            "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
                        "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {
                            "file": {"type": "string", "format": "binary"},
                            "reference_docx": {"type": "string", "format": "binary",
                                               "description": "a docx whose styles replace rectify's"},
                            "front": {"type": "string", "format": "binary",
                                      "description": "front matter (TOML/JSON) for a ledger"}}}}}}


def _params(*names: str, formats: tuple[list[str], list[str]]) -> list[dict[str, Any]]:
    readers = formats[0]
    known: dict[str, dict[str, Any]] = {
        "from": {"description": "input format (default: detected from the content)",
                 "schema": {"type": "string", "enum": readers}},
        "to": {"description": "output format(s), comma-separated; several give a zip", "required": True,
               "schema": {"type": "string"}, "example": "docx,html"},
        "filename": {"description": "the upload's name (used in messages and output names)",
                     "schema": {"type": "string"}},
        "option": {"description": "a reader/writer option KEY=VALUE (repeatable); options naming server files "
                                  "are refused", "schema": {"type": "array", "items": {"type": "string"}},
                   "style": "form", "explode": True},
        "limits": {"description": "lower the work budget, e.g. max_pages=20,timeout=5 (never above the server's)",
                   "schema": {"type": "string"}},
        "format": {"description": "`sarif` for SARIF 2.1.0", "schema": {"type": "string", "enum": ["json", "sarif"]}},
    }
    return [{"name": n, "in": "query", **known[n]} for n in names]


def document(readers: list[str], writers: list[str]) -> dict[str, Any]:
    fm = (readers, writers)
    nullable_int = {"type": ["integer", "null"]}
    finding = {"type": "object", "description": "the CLI's `--format json` shape of one finding",
               "required": ["rule", "severity", "message", "message_zh", "message_en", "pointer", "line", "column",
                            "page"],
               "properties": {"rule": {"type": "string"}, "severity": {"enum": ["error", "warning", "info"]},
                              "message": {"type": "string", "description": "in the asked language (?lang=zh|en)"},
                              "message_zh": {"type": "string"}, "message_en": {"type": "string"},
                              "pointer": {"type": ["string", "null"]}, "line": nullable_int,
                              "column": nullable_int, "page": nullable_int}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "rectify", "version": __version__,
                 "description": "Read, validate and write 巡视/巡察整改进展情况的通报. Errors are RFC 9457 problem "
                                "details whose `reason` is the CLI's exit reason."},
        "paths": {
            "/convert": {"post": {"summary": "Convert a notice", "operationId": "convert",
                                  "parameters": _params("to", "from", "filename", "option", "limits", formats=fm),
                                  "requestBody": _upload_body(),
                                  "responses": {"200": {"description": "the converted file (a zip for several "
                                                                       "formats, with findings.json)",
                                                        "content": {"*/*": {"schema": {"type": "string",
                                                                                       "format": "binary"}}}},
                                                **_errors(400, 401, 413, 422, 500, 503)}}},
            "/inspect": {"post": {"summary": "Summarise a notice (the `rectify inspect --json` shape)",
                                  "operationId": "inspect",
                                  "parameters": _params("from", "filename", "option", "limits", formats=fm),
                                  "requestBody": _upload_body(),
                                  "responses": {"200": {"description": "summary", "content": {
                                      "application/json": {"schema": {"type": "object"}}}},
                                      **_errors(400, 401, 413, 422, 500, 503)}}},
            "/validate": {"post": {"summary": "Findings of a notice", "operationId": "validate",
                                   "parameters": _params("from", "filename", "format", "limits", formats=fm),
                                   "requestBody": _upload_body(),
                                   "responses": {"200": {"description": "findings", "content": {
                                       "application/json": {"schema": {"type": "object", "properties": {
                                           "file": {"type": "string"},
                                           "findings": {"type": "array", "items": finding}}}},
                                       "application/sarif+json": {"schema": {"type": "object"}}}},
                                       **_errors(400, 401, 413, 422, 500, 503)}}},
            "/formats": {"get": {"summary": "Installed formats", "operationId": "formats",
                                 "responses": {"200": {"description": "formats", "content": {
                                     "application/json": {"schema": {"type": "object"}}}}}}},
            "/schema": {"get": {"summary": "The JSON Schema (or the XSD with ?xsd=1)", "operationId": "schema",
                                "responses": {"200": {"description": "schema", "content": {
                                    "application/schema+json": {"schema": {"type": "object"}},
                                    "application/xml": {"schema": {"type": "string"}}}}}}},
            "/healthz": {"get": {"summary": "Liveness and load", "operationId": "healthz",
                                 "responses": {"200": {"description": "ok", "content": {
                                     "application/json": {"schema": {"type": "object"}}}}}}},
            "/version": {"get": {"summary": "rectify's version", "operationId": "version",
                                 "responses": {"200": {"description": "version", "content": {
                                     "application/json": {"schema": {"type": "object"}}}}}}},
        },
        "components": {
            "schemas": {"Problem": {"type": "object", "required": ["type", "title", "status", "detail", "reason"],
                                    "properties": {"type": {"type": "string"}, "title": {"type": "string"},
                                                   "status": {"type": "integer"}, "detail": {"type": "string"},
                                                   "reason": {"enum": ["input", "usage", "hostile", "too_large",
                                                                       "busy", "unauthorized", "not_found",
                                                                       "method", "bug"]},
                                                   "kind": {"type": "string"}, "id": {"type": "string"},
                                                   "exit_code": {"type": "integer"}}}},
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer",
                                           "description": "only when the server runs with --token-file"}},
        },
    }


__all__ = ["document"]
