"""The conformance kit: the same hypothesis strategies and round-trip assertions for every format.

A third-party plugin gets it through the ``pytest11`` entry point ``rectify`` (fixtures
``rectify_registry`` and hypothesis profiles), and by importing::

    from rectify_core.testing import documents, assert_roundtrip

    @given(documents())
    def test_my_format_roundtrips(doc):
        assert_roundtrip("myformat", doc)

Importing this package pulls in hypothesis, so it is never imported by the tool itself.
"""

from __future__ import annotations

from .roundtrip import assert_roundtrip, roundtrip
from .strategies import cjk_text, documents, nodes, texts

__all__ = ["assert_roundtrip", "cjk_text", "documents", "nodes", "roundtrip", "texts"]
