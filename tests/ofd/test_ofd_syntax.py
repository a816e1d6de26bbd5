"""The OFD value grammars shared by reader and writer (plugins/rectify_ofd/ofd.py)."""

from __future__ import annotations

import pytest
from rectify_ofd import ofd


def test_g_compression_expands_and_round_trips() -> None:
    assert ofd.parse_deltas("g 3 10.5 2", 10) == [10.5, 10.5, 10.5, 2.0]
    assert ofd.parse_deltas("g 4 1.5875  3.175 g 2 1.5875", 10) == [1.5875] * 4 + [3.175, 1.5875, 1.5875]
    values = [3.0, 3.0, 3.0, 1.5, 2.0, 2.0]
    assert ofd.parse_deltas(ofd.compress_deltas(values), 100) == values
    assert ofd.compress_deltas(values) == "g 3 3 1.5 2 2"


def test_g_compression_is_capped_by_the_caller() -> None:
    assert len(ofd.parse_deltas("g 999999999 1", 5)) == 5
    with pytest.raises(ValueError):
        ofd.parse_deltas("g 3", 10)


def test_box_ctm_and_paths() -> None:
    box = ofd.parse_box("31.7 25.4 40.5 5")
    assert box is not None and box.right == pytest.approx(72.2) and str(box) == "31.7 25.4 40.5 5"
    assert ofd.parse_box("1 2 3") is None
    m = ofd.multiply(ofd.parse_ctm("2 0 0 2 0 0"), ofd.parse_ctm("1 0 0 1 10 5"))
    assert ofd.apply(m, 1, 1) == (12.0, 7.0)
    assert ofd.resolve("Doc_0/Document.xml", "Pages/Page_0/Content.xml") == "Doc_0/Pages/Page_0/Content.xml"
    assert ofd.resolve("Doc_0/Document.xml", "/Doc_0/Res/a.png") == "Doc_0/Res/a.png"
    assert ofd.resolve("Doc_0/Document.xml", "..\\..\\..\\x.xml") == "x.xml"
    assert ofd.localname("{http://www.ofdspec.org}Page") == "Page"
