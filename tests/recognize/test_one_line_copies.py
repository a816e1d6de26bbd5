"""One-line copies (issue 11 item 10): a whole notice pasted as one line still ends in its signature."""

from __future__ import annotations

from pathlib import Path

import pytest

from rectify_core import api

NOTICES = Path(__file__).resolve().parent / "notices"


@pytest.mark.parametrize("date", ["2023 年 9 月 15日", "2023 年 9 月 15 日", "2023年 9月15日", "二〇二三年九月十五日",
                                  "2023-09-15"])
def test_a_date_written_with_spaces_ends_a_one_line_dump_as_the_signature_date(date):
    text = (NOTICES / "j_one_line_dump.txt").read_text("utf-8").replace("2023年9月15日", date)
    doc = api.read(text.encode("utf-8"), "txt", name="dump.txt").document
    assert doc.signature is not None and doc.signature.issuer == "中共示例县农业农村局党组"
    assert doc.signature.date is not None and (doc.signature.date.iso, doc.signature.date.text) == ("2023-09-15", date)
    assert doc.closing == ("欢迎广大干部群众对巡察整改落实情况进行监督。", "联系电话：0123-6543210")


def test_spaces_inside_a_date_in_the_middle_of_a_dump_stay():
    text = (NOTICES / "j_one_line_dump.txt").read_text("utf-8").replace("2023年3月13日", "2023 年 3 月 13 日")
    doc = api.read(text.encode("utf-8"), "txt", name="dump.txt").document
    assert any("2023 年 3 月 13 日至5月12日" in p for p in doc.preamble)


def test_toolbar_words_printed_without_their_spaces_are_still_a_toolbar():
    from rectify_core.vocab.furniture import is_site_chrome

    assert is_site_chrome("字号：大中小") and is_site_chrome("分享到：微信微博QQ空间")
    assert not is_site_chrome("中小学") and not is_site_chrome("大中型企业")
