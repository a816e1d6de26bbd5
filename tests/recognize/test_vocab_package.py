"""The vocabulary package: each word list once, read and printed by the same module."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rectify_core.model import Date, Status
from rectify_core.vocab import disclosure, furniture, markers, status


def test_importing_the_package_loads_no_word_list() -> None:
    code = "import sys, rectify_core.vocab; print([m for m in sys.modules if m.startswith('rectify_core.vocab.')])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize(("text", "folio"), [
    ("— 3 —", (3, True)), ("3", (3, False)), ("第 12 页 共 17 页", (12, True)), ("3/17", (3, True)),
    ("Page 3 of 17", (3, True)), ("- 三 -", (3, True)), ("· 5 ·", (5, True)),
    ("2023年", None), ("（3）", None), ("0", None)])
def test_one_list_of_page_number_forms_for_the_recognizer_and_the_pdf_reader(
        text: str, folio: tuple[int, bool] | None) -> None:
    assert furniture.folio_number(text) == folio
    assert furniture.is_page_number(text) == (folio is not None or text == "0")


@pytest.mark.parametrize(("text", "reason"), [
    ("当前位置：首页 > 政务公开", "breadcrumb"), ("您现在的位置：首页", "breadcrumb"),
    ("字号：大 中 小", "font-size switch"), ("【打印本页】【关闭窗口】", "print/close"),
    ("分享到：", "share links"), ("发布时间：2023-11-23 来源：本网", "publication line"),
    ("上一篇：关于…的通知", "related links"), ("网站标识码：3704060001", "site header or footer"),
    ("镇党委召开专题会议研究整改。", None)])
def test_web_chrome_is_named_by_the_same_words_the_recognizer_uses(text: str, reason: str | None) -> None:
    assert furniture.web_furniture_reason(text) == reason


def test_toolbar_lines_are_chrome_and_prose_is_not() -> None:
    assert furniture.is_site_chrome("无障碍 | 长者模式 | 登录")
    assert furniture.is_site_chrome("【打印】 【关闭】")
    assert not furniture.is_site_chrome("打印材料已经归档，关闭了旧的台账。")


def test_disclosure_labels_read_to_keys_and_print_the_standard_label() -> None:
    assert disclosure.key_for_label("索 引 号：") == "index_no"
    assert disclosure.key_for_label("发布日期") == disclosure.key_for_label("发文时间") == "issued_date"
    assert disclosure.STANDARD_LABELS["issued_date"] == "发布日期"
    assert {"索引号", "发布机构", "成文日期"} <= disclosure.STRONG_LABELS
    assert "编号" in disclosure.GENERIC_LABELS and "编号" not in disclosure.WEAK_LABELS
    assert all(disclosure.key_for_label(label) == key for key, label in disclosure.STANDARD_LABELS.items())


@pytest.mark.parametrize(("words", "category"), [
    ("未完成5个", "in_progress"), ("尚未启动", "not_started"), ("其中长期坚持62个", "long_term"),
    ("已完成整改98个", "completed"), ("已全部销号", "completed"), ("尚未销号", "in_progress"),
    ("梳理分解整改任务106个", None)])
def test_one_status_vocabulary_for_phrases_and_statistics(words: str, category: str | None) -> None:
    assert status.category_of(words) == category


@pytest.mark.parametrize(("text", "stated"), [
    ("（已完成整改）", True), ("完成情况：已完成", True), ("整改进展：已完成", True), ("【已完成】", True),
    ("已完成整改。", False), ("确保2021年9月底前整改到位。", False)])
def test_a_status_is_stated_in_a_slot_or_inferred_from_a_sentence(text: str, stated: bool) -> None:
    assert status.is_stated(text) is stated


def test_status_phrase_and_text_print_what_parse_reads() -> None:
    s = Status(category="in_progress", deadline=Date(iso="2025-03-31"))
    assert status.status_phrase(s) == "继续整改，2025年3月31日前完成"
    assert status.status_text(s) == "（继续整改，2025年3月31日前完成）"
    assert status.parse_status_text(status.status_text(s) or "") == (
        "in_progress", Date(iso="2025-03-31", text="2025年3月31日"))
    assert status.status_text(Status(category="unknown")) is None


@pytest.mark.parametrize("style", markers.LEVEL_ORDER)
def test_levels_are_named_by_their_first_standard_marker(style: str) -> None:
    assert markers.parse_marker_text(markers.STYLE_SHOWN[style]) == (style, 1)
    assert markers.marker_text(style, 1) == markers.STYLE_SHOWN[style]


@pytest.mark.parametrize(("text", "parsed"), [
    ("年底办理完成。", ("in_progress", Date(iso=None, text="年底"))),  # this year's end: a plan
    ("（2023年底完成）", ("completed", None)),  # a year named without 前 may report a past completion
    ("（2023年底前完成）", ("in_progress", Date(iso="2023-12-31", text="2023年底"))),
])
def test_a_year_end_is_a_deadline_only_when_it_is_one(text: str, parsed: tuple[str, Date | None]) -> None:
    assert status.parse_status_text(text) == parsed
