"""The 政务公开 metadata list at the head of a web page: 索引号, 主题分类, 发布机构, 成文日期 …

Read: labels are matched with their internal spaces removed (``索 引 号`` is 索引号) and kept as
written; every reader (the recognizer, the HTML, docx and PDF table readers) asks ``key_for_label``.
Printed: a bare value gets the standard label of its field (``STANDARD_LABELS``).
``field_facts`` gives a field's normalised key and date from its label and value alone, which is
what ``derive_facts`` recomputes for readers of visible formats.
"""

from __future__ import annotations

from ..model import Date, DisclosureField, DisclosureKey
from ..patterns import compiled
from .dates import find_dates, parse_date

# Each field's labels, the standard one first (the one a writer prints for a bare value).  A label
# ending in "!" proves on its own that a table or list is a 政务公开 list (a CMS metadata table
# is found by two of them); one ending in "?" is too common a word to mark a label cell.
_FIELDS: tuple[tuple[DisclosureKey, str], ...] = (
    ("index_no", "索引号! 信息索引号! 索引? 编号?"),
    ("category", "主题分类! 信息分类 分类? 主题? 体裁分类 组配分类 文种分类"),
    ("publisher", "发布机构! 发文机关! 发布单位! 发文单位 公开责任部门 发布机关 成文单位"),
    ("written_date", "成文日期! 成文时间! 生成日期 形成日期 印发日期"),
    ("doc_number", "文号! 发文字号! 文件编号 发文文号"),
    ("issued_date", "发布日期 发布时间 发文日期! 发文时间! 公开日期 公开时间"),
    ("title", "标题 名称 文件名称! 信息名称 文件标题"),
    ("validity", "效力状态! 有效性! 时效性 是否有效"),
    ("disclosure_mode", "公开方式! 公开形式"),
    ("keywords", "主题词! 关键词 关键字"),
    ("source", "信息来源 来源"),
    ("other", "公开范围! 公开时限! 公开时间范围 服务对象 内容概述 摘要 有效期 生效日期 废止日期"),
)
KEYS: dict[str, DisclosureKey] = {}
STANDARD_LABELS: dict[DisclosureKey, str] = {}
"""The label a writer prints for a field the source showed as a bare value (dev corpus 017)."""
STRONG_LABELS: set[str] = set()
"""Labels that on their own mark a list as the 政务公开 list."""
GENERIC_LABELS: set[str] = set()
"""Labels that are also everyday words (编号, 主题): a key when read after a colon, no evidence alone."""
for _key, _labels in _FIELDS:
    for _i, _word in enumerate(_labels.split()):
        _label = _word.rstrip("!?")
        KEYS[_label] = _key
        if _i == 0 and _key != "other":
            STANDARD_LABELS[_key] = _label
        if _word.endswith("!"):
            STRONG_LABELS.add(_label)
        elif _word.endswith("?"):
            GENERIC_LABELS.add(_label)
WEAK_LABELS = frozenset(KEYS) - STRONG_LABELS - GENERIC_LABELS
"""Labels that name a field but also head other tables (标题, 来源, 发布日期)."""

_DATE_KEYS = ("written_date", "issued_date")
_LINE = compiled(
    r"(?P<label>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}?)[ \u3000]*(?P<sep>[：:])[ \u3000]*(?P<value>.*)"
)
INDEX_NUMBER = compiled(r"[0-9A-Za-z]{6,}(?:[-/][0-9A-Za-z]+)*/\d{4}-\d+")
DISCLOSURE_MODES = ("主动公开", "依申请公开", "不予公开", "部分公开")


def normal_label(text: str) -> str:
    """A label as looked up: internal white space and a trailing colon removed (``索 引 号：`` → 索引号)."""
    return "".join(text.split()).rstrip(":：")


def key_for_label(label: str) -> DisclosureKey | None:
    return KEYS.get(normal_label(label))


def parse_line(text: str) -> tuple[str, str, str] | None:
    """(label, separator, value) for ``索 引 号:3704…`` or ``成文日期:`` (value may be ""), known labels only."""
    m = _LINE.fullmatch(text)
    if m is None or key_for_label(m.group("label")) is None:
        return None
    return m.group("label").strip(), m.group("sep"), m.group("value").strip()


def cell_pair(cells: tuple[str, ...] | None) -> tuple[str, str, str] | None:
    """(label, separator, value) of a two-cell table row whose first cell is a known label.

    The cell border separates label and value; a separator is returned only when the label cell
    itself ends with one (``索引号：``), so the reader's record of removed text stays truthful.
    """
    if cells is None or len(cells) != 2:
        return None
    label, value = cells[0].strip(), cells[1].strip()
    bare = label.rstrip("：:").strip()
    if not bare or key_for_label(bare) is None:
        return None
    return bare, label[len(bare):].strip(), value


def field_date(value: str) -> Date | None:
    """The date a date field states: its first full date, with the value as written."""
    iso = parse_date(value)
    if iso is None:
        for mention in find_dates(value):
            if mention.iso is not None and mention.year_stated:
                iso = mention.iso
                break
    return Date(iso=iso, text=value) if iso is not None else None


def field_facts(field: DisclosureField) -> DisclosureField:
    """The field with ``key`` and ``date`` recomputed from its visible label and value.

    A bare value (no label) keeps the key the recognizer gave it from its shape and position.
    """
    key = key_for_label(field.label) if field.label is not None else field.key
    date = field_date(field.value) if (key in _DATE_KEYS and field.value) else None
    return DisclosureField(label=field.label, key=key, value=field.value, date=date)


__all__ = ["DISCLOSURE_MODES", "GENERIC_LABELS", "INDEX_NUMBER", "KEYS", "STANDARD_LABELS", "STRONG_LABELS",
           "WEAK_LABELS", "cell_pair", "field_date", "field_facts", "key_for_label", "normal_label", "parse_line"]
