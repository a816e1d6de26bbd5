"""`rectify check FILE.docx`: a Word notice measured against GB/T 9704 (figures from rectify_core.gbt9704)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rectify_core import api
from rectify_core.cli_check import check_file

from ..corpus import seed

ROOT = Path(__file__).resolve().parents[2]


def _typed_in_word(path: Path, *, margins_mm: float = 25.4, body_font: str = "宋体",
                   heading_font: str = "黑体") -> None:
    """A notice as an office types it in Word: default margins and 宋体 body, or whatever is asked."""
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    def east_asian(run_or_style: object, name: str) -> None:
        rpr = run_or_style.element.get_or_add_rPr()  # type: ignore[attr-defined]
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = rpr.makeelement(qn("w:rFonts"), {})
            rpr.append(fonts)
        fonts.set(qn("w:eastAsia"), name)

    doc = Docx()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(margins_mm)
    section.left_margin = section.right_margin = Mm(margins_mm)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(16)
    east_asian(normal, body_font)
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    east_asian(title.add_run("示例镇党委关于巡察整改进展情况的通报"), "方正小标宋简体")
    body = "根据县委统一部署，县委第一巡察组对示例镇党委开展了巡察，现将整改进展情况予以公布，接受群众监督。"
    doc.add_paragraph(body).paragraph_format.first_line_indent = Pt(32)
    heading = doc.add_paragraph()
    east_asian(heading.add_run("一、整改工作基本情况"), heading_font)
    doc.add_paragraph(body * 2).paragraph_format.first_line_indent = Pt(32)
    date = doc.add_paragraph("2024年3月1日")
    date.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(buf.getvalue())


@pytest.mark.parametrize("number", ["000", "002"])
def test_our_own_docx_has_no_layout_findings(number: str, tmp_path: Path) -> None:
    target = tmp_path / "ours.docx"
    api.write(api.read(seed(number), "txt").document, target)
    assert [f for f in check_file(str(target)) if f.rule.startswith("layout.")] == []


def test_a_word_file_with_default_margins_and_song_body_is_measured(tmp_path: Path) -> None:
    target = tmp_path / "typed.docx"
    _typed_in_word(target)
    found = check_file(str(target))
    by_rule: dict[str, list[str]] = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f.message_en)
    margins = " ".join(by_rule["layout.margin"])
    for side, want in (("top", "37"), ("bottom", "35"), ("left", "28")):
        assert f"{side} margin should be {want} ± 1 mm, found 25.4 mm" in margins
    assert "right margin" not in margins  # 25.4 mm is within 26 ± 1 mm
    fonts = by_rule["layout.font"]
    assert len(fonts) == 1 and "body text" in fonts[0] and "fangsong" in fonts[0] and "宋体" in fonts[0]
    assert "paragraph 2" in fonts[0]  # where: the first body paragraph
    assert "layout.page-number" in by_rule  # no page numbers at all
    assert "layout.signature" not in by_rule  # the date stands right


def test_wrong_heading_face_names_the_paragraph(tmp_path: Path) -> None:
    target = tmp_path / "typed.docx"
    _typed_in_word(target, margins_mm=0, body_font="仿宋_GB2312", heading_font="宋体")
    fonts = [f for f in check_file(str(target)) if f.rule == "layout.font"]
    assert len(fonts) == 1
    assert "level-1 heading" in fonts[0].message_en and "paragraph 3 '一、整改工作基本情况'" in fonts[0].message_en
    assert fonts[0].location is not None and fonts[0].location.line == 3


def test_the_command_exits_1_on_findings_0_on_ours_2_on_a_format_without_pages(tmp_path: Path) -> None:
    typed, ours, text = tmp_path / "typed.docx", tmp_path / "ours.docx", tmp_path / "n.txt"
    _typed_in_word(typed)
    api.write(api.read(seed("000"), "txt").document, ours)
    text.write_text("关于整改情况的通报\n", "utf-8")

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "rectify_core", "check", *argv], capture_output=True,
                              text=True, cwd=ROOT)

    bad = run(str(typed))
    assert bad.returncode == 1 and "[layout.margin]" in bad.stdout and "[layout.font]" in bad.stdout
    assert run(str(ours)).returncode == 0
    as_json = json.loads(run("--json", str(typed)).stdout)
    assert {"rule", "severity"} <= set(as_json[0]) and as_json[0]["file"] == str(typed)
    refused = run(str(text))
    assert refused.returncode == 2 and "docx" in refused.stderr


@pytest.mark.client
def test_a_doc_is_checked_through_the_docx_libreoffice_makes_of_it(tmp_path: Path) -> None:
    """.doc (and .wps) go through the legacy reader's conversion, then the docx checker."""
    import os

    from ..clients import require_client

    soffice = require_client("soffice")
    typed = tmp_path / "typed.docx"
    _typed_in_word(typed)
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "doc",
                    "--outdir", str(tmp_path), str(typed)], check=True, capture_output=True, timeout=300,
                   env={**os.environ, "HOME": str(profile)})
    found = check_file(str(tmp_path / "typed.doc"))
    rules = {f.rule for f in found}
    assert {"layout.margin", "layout.font", "layout.page-number"} <= rules
    assert any("宋体" in f.message_en for f in found if f.rule == "layout.font")
