"""Issue 14 acceptance on real files: the 51 OFD test files of the ofdrw library
(../shared/corpus/external/ofd: text, pages, templates, signatures, attachments, non-standard
namespaces and paths).  Each is read or refused with a clear input error (exit 2/3, never a bug),
and the characters of what is read — the notice's text plus everything recorded as removed
(template text, page numbers) — are those an independent extractor finds (ofdkit, Apache-2.0),
up to text drawn off the page, which we list as removed.  Times are measured by bench/bench_ofd.py, not asserted here.
"""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.errors import RectifyError

from ..clients import in_ci
from ..corpus import corpus_path

# Files whose text is drawn as outlines or images only: refused as "no text" (ofdkit finds none either).
NO_TEXT = {"ofdrw-converter-V4RideRight.ofd", "ofdrw-converter-containsJPEG.ofd", "ofdrw-converter-h.ofd",
           "ofdrw-layout-Page5.ofd", "ofdrw-sign-VPage7.ofd"}
# Files that show nothing but a page number: the core refuses them ("no text to read"), listing the number.
ONLY_FURNITURE = {"ofdrw-tool-page1.ofd", "ofdrw-tool-page2.ofd", "ofdrw-tool-page3.ofd"}


def _files() -> list[Path]:
    return sorted(corpus_path("external", "ofd").glob("*.ofd"))


def _chars(text: str) -> Counter[str]:
    return Counter(ch for ch in text if not ch.isspace())


def _ofdkit() -> object:
    if importlib.util.find_spec("ofdkit") is None:
        message = "ofdkit is not installed (pip install -e '.[test]')"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    import ofdkit

    return ofdkit


def test_the_corpus_is_there() -> None:
    assert len(_files()) == 51  # the manifest lists 51 (the issue says 52)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_every_file_is_read_or_refused_clearly(path: Path) -> None:
    if path.name in NO_TEXT | ONLY_FURNITURE:
        with pytest.raises(RectifyError) as caught:
            api.read(path)
        assert caught.value.exit_code == 2 and "no text" in caught.value.reason, caught.value
        return
    result = api.read(path)
    assert result.info["pages"] >= 1
    ofdkit = _ofdkit()
    with ofdkit.open(str(path)) as doc:  # type: ignore[attr-defined]
        theirs = doc.text()
    inside = "".join(r.text for r in result.removed if r.reason != "outside the page")
    outside = "".join(r.text for r in result.removed if r.reason == "outside the page")
    ours = _chars(api.write_bytes(result.document, "txt").decode("utf-8") + inside)
    # everything we read, ofdkit finds; what it finds beyond that, we listed as drawn off the page
    # (ofdkit keeps some of that text, e.g. vertical text running past the page's bottom edge)
    assert ours - _chars(theirs) == Counter()
    assert _chars(theirs) - ours <= _chars(outside)
