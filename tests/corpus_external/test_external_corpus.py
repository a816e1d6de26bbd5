"""Every file of the external corpus (../shared/corpus/external: docx, PDF, HTML from other projects'
test suites, manifest.tsv names each source) is read without a crash, within 10 s, and — unless
listed with its reason in coverage.py — keeps at least 95 % of the text an independent extractor
finds (pandoc, pdftotext, lxml; the measure is documented in coverage.py and docs/corpus.md).

The reads run in-process, once per file (bench/bench_corpus.py prints the table with times); the
independent extractors run as clients, which skip locally when missing and fail under CI=true.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ..clients import require_client
from ..corpus import corpus_path
from .coverage import (
    LOW_COVERAGE,
    MIN_COVERAGE,
    NO_REFERENCE,
    OVER_TIME,
    REFUSED,
    TIME_LIMIT,
    Outcome,
    coverage,
    files,
    read,
    reference,
)


@cache
def _root() -> Path:
    return corpus_path("external")


def _names() -> list[str]:
    from ..corpus import corpus_root

    root = corpus_root() / "external"
    return [p.relative_to(root).as_posix() for p in files(root)] if root.exists() else ["(corpus missing)"]


@cache
def _outcome(name: str) -> Outcome:
    return read(_root() / name, _root())


def _listed(names: list[str]) -> list[object]:
    """Files over the time limit today run as strict xfails: the test fails when they are fixed
    until OVER_TIME forgets them."""
    return [pytest.param(n, marks=pytest.mark.xfail(reason=OVER_TIME[n], strict=True)) if n in OVER_TIME else n
            for n in names]


@pytest.mark.parametrize("name", _listed(_names()))
def test_read_without_a_crash_in_time_and_refused_only_when_listed(name: str) -> None:
    out = _outcome(name)
    assert out.status != "bug", f"{name} crashed:\n{out.message}"
    assert out.status != "timeout" and out.seconds <= TIME_LIMIT, f"{name} took {out.seconds:.1f} s"
    if name in REFUSED:
        assert out.status == "refused", f"{name} should be refused ({REFUSED[name]})"
    else:
        assert out.status == "ok", f"{name} was refused: {out.message}"


@pytest.mark.parametrize("name", _listed([n for n in _names() if n not in REFUSED]))
def test_text_coverage_against_an_independent_extractor(name: str) -> None:
    require_client({".docx": "pandoc", ".pdf": "pdftotext"}.get(Path(name).suffix, "python3"))
    out = _outcome(name)
    if out.status != "ok":
        pytest.fail(f"{name} was not read: {out.message.splitlines()[-1] if out.message else out.status}")
    ref = reference(_root() / name)
    assert ref is not None
    share, chars = coverage(ref, out.text)
    if chars == 0:
        assert name in NO_REFERENCE, f"{name}: the independent extractor finds no text; list it with the reason"
        assert out.text.strip(), f"{name}: neither rectify nor the independent extractor finds text"
        return
    if name in LOW_COVERAGE:
        assert share < MIN_COVERAGE, f"{name} now reads at {share:.3f}: take it off LOW_COVERAGE"
    else:
        assert share >= MIN_COVERAGE, f"{name}: coverage {share:.3f} < {MIN_COVERAGE}"


def test_the_lists_name_files_that_exist() -> None:
    names = set(_names())
    assert set(REFUSED) <= names and set(LOW_COVERAGE) <= names and set(OVER_TIME) <= names
    assert set(NO_REFERENCE) <= names
