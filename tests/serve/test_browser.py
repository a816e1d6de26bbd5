"""The upload page in a real browser: axe-core finds 0 WCAG 2.1 A/AA violations on the form and on
the result, the form works by keyboard, the outline shows every problem with its status, and the
docx downloaded from the page is the one the CLI writes.  Screenshots go to test-artifacts/serve/
(docs/serve.md shows them).  Needs chromium, node and tests/html's node modules: skipped without
them, failed in CI."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from rectify_core import api
from tests.corpus import seed
from tests.html.test_browser import require_axe

from .helpers import ROOT, live_server, require_serve_extra

ARTIFACTS = ROOT / "test-artifacts" / "serve"


@pytest.mark.client
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_upload_page_in_chromium(lang):
    require_serve_extra()
    node, _axe, chromium = require_axe()
    notice = seed("002")
    out = ARTIFACTS / lang
    with live_server("--workers", "1") as (base, _proc):
        proc = subprocess.run([node, str(Path(__file__).with_name("page_run.js")), chromium, f"{base}/?lang={lang}",
                               str(notice), str(out)], capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["formViolations"] == [] and report["resultViolations"] == []
    assert report["focused"] in ("上传并检查", "Upload and check")  # Tab from the last field reaches the button
    outline = report["outline"]
    assert outline["lang"] == ("zh-CN" if lang == "zh" else "en")
    assert len(outline["badges"]) == 26
    assert outline["badges"].count("completed") == 5 and outline["badges"].count("in_progress") == 1
    downloaded = Path(report["download"]).read_bytes()
    assert downloaded == api.write_bytes(api.read(notice).document, "docx")
