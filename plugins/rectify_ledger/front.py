"""Front matter: what a ledger does not hold — title, preamble facts, closing, signature.

It comes from a small file given with ``--front FILE`` (``-O front=FILE``; TOML or JSON) or from a
sheet of the workbook named 封面 / 基本信息 / front (two columns: key, value; a key repeated adds a
paragraph).  Keys (English or Chinese), all optional:

    title 标题 · subtitle 副标题 · issuer 发文机关 · date 成文日期 · preamble 导语 · closing 结束语
    level 巡视巡察 · superior 部署机关 · team 巡察组 · round 轮次 · kind 巡察方式 · targets 被巡察对象
    start 进驻开始 · end 进驻结束 · feedback 反馈日期 · as_of 统计截至 · statistics 统计
    phone 联系电话 · email 电子邮箱 · mailbox 邮政信箱

In TOML the inspection keys may sit in an ``[inspection]`` table and the contact keys in
``[contacts]``.  What is not given is built in the genre's usual words: the title from issuer,
round and level; the preamble from the inspection facts; the stated-statistics sentence from the
rows (unless ``statistics = false`` or the preamble already states figures); a standard closing.
Facts (inspection, statistics, contacts) are then read back from that text by the recognizer, as
for every visible format, so what the Document says is what its text says.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from rectify_core.plugin_api import (
    Contact,
    Date,
    InputError,
    Node,
    Signature,
    contact_line,
    find_statistics,
    vocab,
)

from .sheets import Sheet

FRONT_SHEETS = ("封面", "基本信息", "front", "front matter", "通报信息")

FRONT_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "通报标题"), "subtitle": ("副标题",), "issuer": ("发文机关", "发文单位", "署名", "落款"),
    "date": ("成文日期", "日期", "发文日期"), "preamble": ("导语", "前言", "正文导语"), "closing": ("结束语", "结尾"),
    "level": ("巡视巡察", "级别"), "superior": ("部署机关",), "team": ("巡察组", "巡视组"),
    "round": ("轮次", "届次轮次"),
    "kind": ("巡察方式", "巡视方式"), "targets": ("被巡察对象", "被巡视对象", "被巡察单位"),
    "start": ("进驻开始", "开始日期"), "end": ("进驻结束", "结束日期"), "feedback": ("反馈日期", "反馈时间"),
    "as_of": ("统计截至", "截至日期"), "statistics": ("统计", "生成统计句"), "verbatim": ("原样",),
    "phone": ("联系电话", "电话"), "email": ("电子邮箱", "邮箱"), "mailbox": ("邮政信箱", "通信地址"),
}
LIST_KEYS = ("preamble", "closing", "targets")
FLAG_KEYS = ("statistics", "verbatim")
_BY_NAME = {name: key for key, names in FRONT_KEYS.items() for name in (key, *names)}

STANDARD_CLOSING = "欢迎广大干部群众对{level}整改落实情况进行监督。如有意见建议，请及时向我们反映。"


def is_front_sheet(name: str) -> bool:
    return name.strip().lower() in FRONT_SHEETS


def _flat(data: dict[str, Any], source: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict) and key in ("inspection", "contacts", "巡察", "联系方式"):
            out.update(_flat(value, source))
            continue
        canon = _BY_NAME.get(str(key).strip())
        if canon is None:
            raise InputError(f"unknown front-matter key {key!r} (known: {', '.join(FRONT_KEYS)})", file=source)
        if canon in LIST_KEYS:
            items = value if isinstance(value, list) else [value]
            out.setdefault(canon, []).extend(_str(v, source, key) for v in items if _str(v, source, key))
        else:
            out[canon] = _flag(value) if canon in FLAG_KEYS else _str(value, source, key)
    return out


def _str(value: Any, source: str, key: str) -> str:
    if isinstance(value, (_dt.date, str, int, float)) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, _dt.date) else str(value).strip()
    raise InputError(f"front-matter key {key!r} must be text or a date, not {type(value).__name__}", file=source)


def load_front_file(path: str) -> dict[str, Any]:
    """The front matter of a TOML or JSON file, keys made canonical."""
    try:
        with open(path, "rb") as f:
            raw = f.read()
    except OSError as exc:
        raise InputError(f"cannot read the front-matter file: {exc.strerror}", file=path) from None
    try:
        if path.lower().endswith(".json"):
            data = json.loads(raw.decode("utf-8-sig"))
        else:
            import tomllib

            data = tomllib.loads(raw.decode("utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid {'JSON' if path.endswith('.json') else 'TOML'}: {exc}", file=path) from None
    if not isinstance(data, dict):
        raise InputError("front matter must be a table of keys", file=path)
    return _flat(data, path)


def front_from_sheet(sheet: Sheet, source: str) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for r, row in enumerate(sheet.rows):
        cells = [v for v in row if v is not None]
        if len(cells) < 2 or not isinstance(cells[0], str):
            continue
        key = _BY_NAME.get(cells[0].strip().rstrip("：:"))
        if key is None:
            continue
        value = cells[1]
        text = value.isoformat() if isinstance(value, _dt.date) else value.strip()
        if key in LIST_KEYS:
            data.setdefault(key, []).extend(line.strip() for line in text.splitlines() if line.strip())
        elif key in FLAG_KEYS:
            data[key] = _flag(text)
        else:
            if key in data:
                raise InputError(f"front sheet {sheet.name!r} row {r + 1}: {cells[0]!r} given twice", file=source)
            data[key] = text
    return data


def _flag(value: Any) -> bool:
    return value not in (False, 0, "否", "false", "False", "no", "0", "")


def _date(value: str | None) -> Date | None:
    if not value:
        return None
    iso = vocab.dates.parse_date(value)
    if iso is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Date(iso=iso, text=vocab.dates.date_text(iso))
    return Date(iso=iso, text=value)


def _date_words(value: str | None) -> str | None:
    d = _date(value)
    return d.text if d is not None else None


def count_statuses(body: tuple[Node, ...]) -> dict[str, int]:
    counts = {"total": 0, "completed": 0, "long_term": 0, "in_progress": 0, "not_started": 0}

    def walk(nodes: tuple[Node, ...]) -> None:
        for n in nodes:
            if n.problem is not None:
                counts["total"] += 1
                if n.problem.status is not None and n.problem.status.category in counts:
                    counts[n.problem.status.category] += 1
            walk(n.children)

    walk(body)
    return counts


def statistics_sentence(counts: dict[str, int], level: str, as_of: str | None) -> str:
    """截至2026年6月18日，巡察反馈的12个问题，已完成整改8个，取得阶段性成效并长期坚持3个，正在整改1个。"""
    parts = [f"截至{as_of}" if as_of else "截至目前", f"{level}反馈的{counts['total']}个问题",
             f"已完成整改{counts['completed']}个"]
    if counts["long_term"]:
        parts.append(f"取得阶段性成效并长期坚持{counts['long_term']}个")
    if counts["in_progress"]:
        parts.append(f"正在整改{counts['in_progress']}个")
    if counts["not_started"]:
        parts.append(f"尚未启动整改{counts['not_started']}个")
    return "，".join(parts) + "。"


def _preamble(front: dict[str, Any], level: str) -> list[str]:
    team, targets = front.get("team"), front.get("targets") or []
    if not team:
        return []
    org = re.match(r"^(.*?委)", team)
    superior = front.get("superior") or (org.group(1) if org else None)
    when = ""
    start, end = _date_words(front.get("start")), _date_words(front.get("end"))
    if start and end:
        when = f"{start}至{end}，"
    elif start:
        when = f"{start}起，"
    whom = "、".join(targets) if targets else "我单位"
    kind = front.get("kind") or level
    sentence = (f"根据{superior}统一部署，" if superior else "") + f"{when}{team}对{whom}开展了{kind}"
    feedback = _date_words(front.get("feedback"))
    sentence += f"，{feedback}反馈了{level}意见。" if feedback else "。"
    return [sentence + f"按照{level}工作有关要求，现将{level}整改进展情况予以公布。"]


def compose(front: dict[str, Any], body: tuple[Node, ...]) -> dict[str, Any]:
    """Document members (title … signature) from front matter and the body read from the rows."""
    if front.get("verbatim"):  # the ledger writer's own front sheet: take the text as it is
        date = _date(front.get("date"))
        issuer = front.get("issuer")
        return {"title": front.get("title"), "subtitle": front.get("subtitle"),
                "preamble": tuple(front.get("preamble") or ()), "closing": tuple(front.get("closing") or ()),
                "signature": Signature(issuer=issuer, date=date) if issuer or date else None}
    level = front.get("level") or "巡察"
    if level not in ("巡视", "巡察"):
        raise InputError(f"front matter: level must be 巡视 or 巡察, not {level!r}")
    issuer = front.get("issuer")
    title = front.get("title")
    if not title and issuer:
        title = f"{issuer}关于{front.get('round') or ''}{level}整改进展情况的通报"
    preamble = list(front.get("preamble") or _preamble(front, level))
    if front.get("statistics", True) and find_statistics(preamble) is None and count_statuses(body)["total"]:
        as_of = _date_words(front.get("as_of")) or _date_words(front.get("date"))
        preamble.append(statistics_sentence(count_statuses(body), level, as_of))
    closing = list(front.get("closing") or [STANDARD_CLOSING.format(level=level)])
    for kind in ("phone", "mailbox", "email"):
        if front.get(kind):
            closing.append(contact_line(Contact(kind, front[kind])))
    date = _date(front.get("date"))
    signature = Signature(issuer=issuer, date=date) if issuer or date else None
    return {"title": title or None, "subtitle": front.get("subtitle") or None, "preamble": tuple(preamble),
            "closing": tuple(closing), "signature": signature}


__all__ = ["FRONT_KEYS", "FRONT_SHEETS", "compose", "count_statuses", "front_from_sheet",
           "is_front_sheet", "load_front_file", "statistics_sentence"]
