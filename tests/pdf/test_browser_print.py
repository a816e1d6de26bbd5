"""A web page printed to PDF from a browser (issue 11 item 10): the site's banner and menus stand above
the title and the 政务公开 table is printed as two columns of label and value.  The title and the
metadata must still be read.  The page is one of our CMS fixtures; Chromium prints it."""

from __future__ import annotations

import subprocess

import pytest

from rectify_core import api
from tests.clients import require_client
from tests.html import cms
from tests.html.test_foreign import PAIRS, PARAS, TITLE

BANNER = '<div class="banner" style="font-size:28px;font-weight:bold">某某区人民政府门户网站</div>'


@pytest.mark.client
def test_a_cms_page_printed_by_chromium_keeps_its_title_and_metadata(tmp_path):
    chromium = require_client("chromium")
    page = tmp_path / "page.html"
    page.write_text(cms.table_layout(PAIRS, TITLE, PARAS).replace("<body>", "<body>" + BANNER, 1), encoding="utf-8")
    pdf = tmp_path / "page.pdf"
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--user-data-dir={tmp_path / 'profile'}", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    result = api.read(pdf.read_bytes(), "pdf", name="page.pdf")
    doc = result.document
    assert doc.title == TITLE
    assert [("".join((f.label or "").split()), f.value) for f in doc.disclosure] == \
        [("".join(label.split()), value) for label, value in PAIRS]
    removed = {r.text for r in result.removed}
    assert "某某区人民政府门户网站" in removed  # the banner: furniture, recorded
    assert "相关链接" in removed
    assert doc.preamble == (PARAS[0],)  # 字号：大中小 printed without its spaces is still a toolbar
    assert doc.signature is not None and doc.signature.issuer == "中共徐庄镇委员会"
    assert doc.signature.date is not None and doc.signature.date.iso == "2023-10-26"
