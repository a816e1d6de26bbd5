"""The conformance kit every format passes: read(write(d)) == expected(d), byte-identical rewrites."""

from __future__ import annotations

from hypothesis import given

from rectify_core.testing import assert_roundtrip, documents


@given(documents())
def test_conformance_kit_round_trip(doc):
    assert_roundtrip("html", doc)
