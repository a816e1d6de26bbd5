"""Titles and issuing organs: the words by which a 通报's title and its signature are known.

Read only (a writer prints titles and issuers as written): the recognizer finds the title at the
head of the text and the issuer above the signature date with these, and the unwrapper knows a
wrapped title's last line by them.
"""

from __future__ import annotations

from ..patterns import compiled

TITLE_WORDS = ("通报", "情况", "报告", "公告", "公示", "通知", "公布", "整改")
"""A title names its genre with one of these (…关于巡察整改进展情况的通报)."""
TITLE_ENDINGS = ("通报", "情况", "报告", "公告", "公示", "通知", "说明")
"""A title ends with one of these, perhaps followed by a bracketed aside (（社会公开稿）)."""
ORGAN_SUFFIXES = ("委员会", "党委", "党组", "党工委", "纪委", "纪工委", "监委", "总支", "支部", "委", "局", "办公室",
                  "政府", "院", "中心", "公司", "集团", "大学", "学院", "学校", "厅", "部", "处", "所", "站", "社",
                  "协会", "镇", "街道")
"""An issuing organ's name ends with one of these (中共某某镇委员会, 某某县水利局党组)."""

TITLE_END = compiled(rf"(?:{'|'.join(TITLE_ENDINGS)})(?:[（(][^（）()]{{1,12}}[）)])?$")
ORGAN_END = compiled(rf"(?:{'|'.join(ORGAN_SUFFIXES)})$")


def ends_like_title(text: str) -> bool:
    return TITLE_END.search(text) is not None


__all__ = ["ORGAN_END", "ORGAN_SUFFIXES", "TITLE_END", "TITLE_ENDINGS", "TITLE_WORDS", "ends_like_title"]
