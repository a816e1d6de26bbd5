"""Loading the shipped schemas and turning jsonschema errors into Findings."""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .errors import SchemaError
from .findings import Finding
from .model import SCHEMA_NAME, SCHEMA_VERSION

SCHEMA_FILE = "tongbao.schema.json"
XSD_FILE = "tongbao.xsd"


def schema_text(name: str = SCHEMA_FILE) -> str:
    """The text of a shipped schema file (``tongbao.schema.json`` or ``tongbao.xsd``)."""
    from importlib import resources  # here: importlib.resources brings tempfile, random, hashlib (~2 ms a start)

    return resources.files("rectify_core").joinpath("schemas", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(schema_text())
    return data


@lru_cache(maxsize=1)
def _validator() -> Any:
    import re

    import jsonschema  # heavy (≈50 ms): only when something is validated
    from jsonschema import validators

    base = jsonschema.Draft202012Validator

    def pattern(validator: Any, patrn: str, instance: Any, schema: dict[str, Any]) -> Any:
        # JSON Schema patterns are ECMA-262, where "$" is the very end of the string; Python's "$"
        # also matches before a final "\n", which would let "标题\n" pass as a one-line Text.
        if not validator.is_type(instance, "string"):
            return
        match = re.search(patrn, instance)
        if match is None or (patrn.endswith("$") and match.end() != len(instance)):
            yield jsonschema.ValidationError(f"{instance!r} does not match {patrn!r}")

    cls = validators.extend(base, {"pattern": pattern})  # type: ignore[no-untyped-call]
    return cls(json_schema(), format_checker=base.FORMAT_CHECKER)


def check_version(data: Any, source: str | None = None) -> None:
    """Refuse a document written for another schema or an incompatible major version."""
    if not isinstance(data, dict):
        raise SchemaError("a 通报 document must be a JSON object", file=source)
    name, version = data.get("schema"), data.get("version")
    if name != SCHEMA_NAME:
        raise SchemaError(f"not a rectify document: \"schema\" is {name!r}, expected {SCHEMA_NAME!r}", file=source)
    if not isinstance(version, str) or not version.split(".")[0].isdigit():
        raise SchemaError(f"\"version\" must be a version string like {SCHEMA_VERSION!r}, got {version!r}", file=source)
    major = int(version.split(".")[0])
    ours = int(SCHEMA_VERSION.split(".")[0])
    if major != ours:
        raise SchemaError(
            f"schema version {version} is not compatible with this rectify (reads {ours}.x); "
            f"use a rectify release for schema {major}.x",
            file=source,
        )


def _pointer(path: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in path)


def validate_dict(data: Any) -> list[Finding]:
    """Schema findings for a plain dict (rule ids ``schema.<keyword>``), sorted by pointer."""
    findings = []
    for err in _validator().iter_errors(data):
        pointer = _pointer(err.absolute_path)
        findings.append(Finding(
            rule=f"schema.{err.validator}",
            severity="error",
            pointer=pointer,
            message_zh=f"不符合模式（{err.validator}）：{_short(err.message)}",
            message_en=f"does not follow the schema ({err.validator}): {_short(err.message)}",
        ))
    return sorted(findings, key=lambda f: (f.pointer, f.rule))


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"
