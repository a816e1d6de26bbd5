"""Write the canonical JSON form: schema member order, UTF-8 without escapes, 2-space indent."""

from __future__ import annotations

import json
from typing import Any, BinaryIO

from rectify_core.plugin_api import Document, SchemaError, Writer


def dumps(document: Document) -> str:
    """The canonical JSON text; NaN and Infinity (not JSON) are refused instead of written."""
    try:
        return json.dumps(document.to_dict(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    except ValueError:
        raise SchemaError("the document holds a NaN or Infinity number (e.g. statistics.rate), which JSON "
                          "cannot represent; give a finite number or leave it out") from None


class JsonWriter(Writer):
    name = "json"
    extension = "json"
    media_type = "application/json"
    description = "rectify's canonical JSON (lossless)"
    lossless = True

    def write(self, document: Document, sink: BinaryIO, options: dict[str, Any]) -> None:
        sink.write(dumps(document).encode("utf-8"))
