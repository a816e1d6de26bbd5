"""The shipped XSD, compiled once, and the hardened lxml parser every XML byte goes through.

Both live here so the reader (untrusted input) and the writer (self-check of its output) use
the very same schema object and parser settings.  lxml is imported inside the functions: this
module is imported when the plugin registers, and ``rectify --help`` must not pay for lxml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rectify_core.plugin_api import compiled

from .mapping import NAMESPACE

# Limits the reader enforces; the writer refuses to produce what the reader could not read back.
# 16 MiB is ~100 times a real notice and keeps the worst accepted file under about 1 s and 150 MB
# (bench/bench_xml_hostile.py).  Sections nest at most 100 deep (real notices: 5): the model's
# from_dict/to_dict recurse per level, and the JSON reader's 200 JSON levels are ~100 node levels.
# The text limit is libxml2's own without XML_PARSE_HUGE (whose 256-element depth limit the
# section limit keeps well clear of).
MAX_BYTES = 16 * 1024 * 1024
MAX_NODE_DEPTH = 100
MAX_TEXT_BYTES = 10_000_000


def safe_parser() -> Any:
    """An lxml parser that never resolves entities, loads a DTD or touches the network."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,  # keeps libxml2's depth (256) and text-node (10 MB) limits
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


@lru_cache(maxsize=1)
def xml_schema() -> Any:
    """The compiled ``tongbao.xsd`` (≈ 5 ms to build; cached for the process)."""
    from lxml import etree

    from rectify_core.plugin_api import XSD_FILE, schema_text  # the schema module: json, jsonschema helpers

    doc = etree.fromstring(schema_text(XSD_FILE).encode("utf-8"), safe_parser())
    return etree.XMLSchema(doc)


def first_error(schema: Any) -> tuple[int | None, str]:
    """Line and message of the first validation error, for a one-line RectifyError."""
    log = schema.error_log
    if not log:
        return None, "does not follow tongbao.xsd"
    err = log[0]
    more = f" (and {len(log) - 1} more)" if len(log) > 1 else ""
    return (err.line or None), f"does not follow tongbao.xsd: {_readable(err.message)}{more}"


_PATTERN = compiled(r"The value '(.*)' is not accepted by the pattern '[^']*'", re.DOTALL)


def _readable(message: str) -> str:
    """libxml2's message without the namespace braces and the long Text pattern."""
    message = message.replace(f"{{{NAMESPACE}}}", "")
    return _PATTERN.sub(lambda m: f"the value {m.group(1)[:80]!r} is not allowed here (text must be one "
                        "line, non-empty, without white space at either end)", message)
