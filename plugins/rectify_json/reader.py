"""Read the canonical JSON form, refusing other schemas and incompatible major versions.

Hostile JSON is refused before the schema sees it (jsonschema is slow and recursive): NaN and
Infinity (not JSON, and never written back), integers of more than 30 digits (Python refuses
more than 4300 anyway, with an error that is not about the file), a top-level value that is not
an object, lone surrogate escapes, and — counted in one iterative walk against the read's
budget — nesting (``max_depth``), values (``max_elements``) and characters (``max_chars``).
"""

from __future__ import annotations

from typing import Any

from rectify_core.plugin_api import (
    Budget,
    Document,
    InputError,
    Reader,
    Report,
    SchemaError,
    SecurityError,
    Source,
    compiled,
    head_text,
    size_text,
    structured_kind,
)

MAX_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 200
MAX_INT_DIGITS = 30
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")


class JsonReader(Reader):
    name = "json"
    max_bytes = MAX_BYTES  # a notice's JSON is about 100 KB
    # jsonschema spends ~50 µs a value: 20 000 values (ten times a long notice) stay under a second
    limits = {"max_elements": 20_000}  # noqa: RUF012 (a class-level declaration, never mutated)
    extensions = ("json",)
    sniff_needs = (b"{", b"[")
    media_types = ("application/json",)
    description = "rectify's canonical JSON (lossless)"

    def sniff(self, head: bytes, filename: str | None) -> float:
        text = head_text(head)  # a UTF-16 file too: the reader then says JSON must be UTF-8
        if text.startswith("{") and '"rectify/tongbao"' in text:
            return 1.0
        return 0.3 if structured_kind(text) == "json" else 0.0

    def read(self, source: Source, options: dict[str, Any], report: Report) -> Document:
        budget = report.budget
        if len(source.data) > budget.limits.max_bytes:
            raise SecurityError(f"file is larger than {size_text(budget.limits.max_bytes)} "
                                f"(limit max_bytes={budget.limits.max_bytes})", file=source.name)
        data = load(source.data, source.name)
        if not isinstance(data, dict):
            raise InputError(f"the top-level JSON value is {_KIND.get(type(data), type(data).__name__)}; "
                             'a notice is one JSON object {"schema": "rectify/tongbao", …}', file=source.name)
        walk(data, budget, source.name)
        from rectify_core.plugin_api import check_version, validate_dict  # the schema: jsonschema, json

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


_KIND = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "true or false",
         type(None): "null"}


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM allowed); UTF-16/32 is refused with the fix, as RFC 8259 requires UTF-8."""
    import json  # here and in load(): this module is imported to sniff every input, few are JSON

    encoding = json.detect_encoding(data)
    if encoding not in ("utf-8", "utf-8-sig"):
        raise InputError(f"JSON must be UTF-8 (RFC 8259) and this file is {encoding.upper()}; save it as UTF-8",
                         file=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 at byte {exc.start}", file=name, location=f"byte {exc.start}") from None


def load(raw: bytes, name: str) -> Any:
    """``json.loads`` that refuses what is not JSON or not safe to hold: NaN, huge integers, deep nests."""
    import json

    def constant(word: str) -> Any:
        raise InputError(f"{word} is not a JSON number (RFC 8259); write null or a finite number", file=name)

    def integer(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_INT_DIGITS:
            raise InputError(f"an integer of {len(digits.lstrip('-')):,} digits; a notice's numbers have at most "
                             f"{MAX_INT_DIGITS} digits", file=name)
        return int(digits)

    def number(text: str) -> float:
        value = float(text)
        if value in (float("inf"), float("-inf")):
            raise InputError(f"the number {text[:40]} is too large: it would be Infinity", file=name)
        return value

    text = _decode(raw, name)
    try:
        return json.loads(text, parse_constant=constant, parse_int=integer, parse_float=number)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}", file=name, location=f"line {exc.lineno} col {exc.colno}") from None
    except RecursionError:
        raise SecurityError(f"JSON nested deeper than Python can read; limit max_depth={MAX_DEPTH}",
                            file=name) from None


def walk(data: Any, budget: Budget, name: str) -> None:
    """Count values, depth and characters without recursion; refuse lone surrogates."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    values = chars = 0
    while stack:
        value, depth, pointer = stack.pop()
        values += 1
        if isinstance(value, dict):
            budget.level(depth)
            for key, item in value.items():
                chars += len(key)
                stack.append((item, depth + 1, f"{pointer}/{key}"))
        elif isinstance(value, list):
            budget.level(depth)
            stack.extend((item, depth + 1, f"{pointer}/{i}") for i, item in enumerate(value))
        elif isinstance(value, str):
            chars += len(value)
            if _SURROGATE.search(value):
                raise InputError("a string holds a lone surrogate escape (\\ud800–\\udfff without its pair): "
                                 "not a character", file=name, location=pointer or "/")
        if values & 0xFFF == 0:
            budget.expect("elements", values)
    budget.charge("elements", values)
    budget.charge("chars", chars)


_SURROGATE = compiled("[\ud800-\udfff]")
