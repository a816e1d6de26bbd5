"""One fact, one finding, whatever the format: a seed read as txt and the same notice converted to
json, docx, html and xml validate to the same rule ids at the same places, each problem once.

What `rectify validate FILE` reports is the read's findings merged with the checks' own run
(``checks.merge_findings``, by rule id and JSON Pointer); both are computed here the same way.
"""

from __future__ import annotations

from collections import Counter

import pytest

from rectify_core import api
from rectify_core.checks import merge_findings
from tests.corpus import corpus_path, seed
from tests.txt.test_dev_corpus import DEV

FORMATS = ("json", "docx", "html", "xml")


def _validated(data: bytes | str, fmt: str | None = None) -> list[tuple[str, str]]:
    result = api.read(data, fmt)
    return [(f.rule, f.pointer) for f in merge_findings(result.findings, api.validate(result.document))]


@pytest.mark.parametrize("name", ["000", "002", *DEV])
def test_a_notice_and_its_conversions_validate_to_the_same_findings(name: str) -> None:
    path = seed(name) if name.isdigit() else corpus_path("dev", name)
    as_txt = _validated(str(path))
    document = api.read(path).document
    for fmt in FORMATS:
        converted = _validated(api.write_bytes(document, fmt), fmt)
        assert sorted(converted) == sorted(as_txt), fmt
    assert all(n == 1 for n in Counter(as_txt).values())  # no fact reported twice


def test_seed_002_validates_to_its_four_problems_each_once() -> None:
    """Counted by reading the seed: 成文时间 2023年11月23日 against the signature 2023年10月26日 (line 4),
    half-width punctuation (,) from the preamble on (line 10), half-width brackets from (一) on
    (line 15), and the 1. that stands where (1) was meant under 2.关于基层党组织建设存在短板弱项
    (line 66) — which is not also a level-order problem."""
    result = api.read(seed("002"))
    findings = merge_findings(result.findings, api.validate(result.document))
    assert sorted((f.rule, f.location.line if f.location else None) for f in findings) == [
        ("disclosure.date-mismatch", 4), ("numbering.halfwidth", 15), ("numbering.mixed-style", 66),
        ("punctuation.halfwidth", 10)]
