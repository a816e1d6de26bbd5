"""The upload page at ``/``: a plain form that works without script, and the result it shows.

Office staff upload a notice, see its outline (sections, problems with their status in words,
statistics, dates), its findings next to the places they point at, and download it in any format.
Downloads stay stateless: each button posts the canonical JSON of the Document back to
``/download``, so the server keeps nothing between the two requests.  Chinese by default, English
with ``?lang=en``; built for WCAG 2.1 AA (landmarks, labels, a skip link, text for every status,
visible focus, contrast ≥ 4.5:1), checked with axe-core in Chromium by the tests.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

CSS = """
:root { color: #1a1a1a; background: #fff; font: 16px/1.6 "Noto Sans CJK SC", "WenQuanYi Zen Hei", sans-serif; }
body { margin: 0 auto; max-width: 58rem; padding: 0 1rem 3rem; }
a { color: #0b4f9c; }
a:focus, button:focus, input:focus, select:focus { outline: 3px solid #b35900; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .25rem .5rem; }
header { border-bottom: 2px solid #8b0000; margin-bottom: 1.5rem; }
header p { margin: .25rem 0 1rem; }
nav.lang { float: right; margin-top: 1.2rem; }
form.upload { display: grid; gap: .75rem; max-width: 32rem; }
label { font-weight: bold; }
form.upload select { justify-self: start; min-width: 12rem; }
button { font: inherit; padding: .4rem 1rem; border: 2px solid #8b0000; background: #8b0000; color: #fff;
         border-radius: 4px; cursor: pointer; }
button.secondary { background: #fff; color: #8b0000; }
.error { border: 2px solid #a00000; padding: .5rem 1rem; color: #a00000; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dl.facts dt { font-weight: bold; }
ol.outline, ol.outline ol { list-style: none; padding-left: 1.25rem; }
ol.outline > li { margin: .5rem 0; }
.badge { display: inline-block; padding: 0 .4rem; border-radius: 3px; font-size: .875rem; border: 1px solid; }
.badge.completed { color: #0f5a1f; border-color: #0f5a1f; }
.badge.long_term { color: #0b4f9c; border-color: #0b4f9c; }
.badge.in_progress { color: #8a4b00; border-color: #8a4b00; }
.badge.not_started, .badge.unknown { color: #5c5c5c; border-color: #5c5c5c; }
table.findings { border-collapse: collapse; width: 100%; }
table.findings th, table.findings td { border: 1px solid #999; padding: .25rem .5rem; text-align: left;
                                       vertical-align: top; }
.downloads form { display: inline-block; margin: 0 .5rem .5rem 0; }
footer { margin-top: 2rem; color: #4a4a4a; font-size: .875rem; }
"""

_T: dict[str, dict[str, Any]] = {
    "zh": {
        "title": "整改通报转换与检查", "lead": "上传一份巡视巡察整改进展情况的通报，查看结构与问题，下载所需格式。",
        "skip": "跳到主要内容", "file": "通报文件", "file_hint": "支持 txt、PDF、Word、网页、XML、JSON 等格式",
        "from": "文件格式", "auto": "自动识别", "submit": "上传并检查", "other": "English",
        "result": "检查结果", "facts": "基本信息", "issuer": "发文单位", "date": "成文日期", "team": "巡察组",
        "feedback": "反馈日期", "stats": "统计", "problems": "问题", "outline": "结构", "findings": "检查发现",
        "none": "未发现问题。", "where": "位置", "severity": "级别", "rule": "规则", "message": "说明",
        "download": "下载", "format": "格式", "again": "检查另一份文件", "error": "无法处理该文件",
        "sections": "部分", "status": {"completed": "已完成", "long_term": "长期坚持", "in_progress": "正在推进",
                                     "not_started": "尚未开始", "unknown": "状态未写明"},
        "sev": {"error": "错误", "warning": "警告", "info": "提示"}, "file_label": "文件",
        "footer": "本页面不保存任何上传内容。",
    },
    "en": {
        "title": "Rectification notice converter and checker",
        "lead": "Upload an inspection rectification notice (通报) to see its structure and problems and download it.",
        "skip": "Skip to main content", "file": "Notice file",
        "file_hint": "txt, PDF, Word, web page, XML, JSON and more", "from": "File format", "auto": "detect",
        "submit": "Upload and check", "other": "中文", "result": "Result", "facts": "Facts", "issuer": "Issuer",
        "date": "Date", "team": "Inspection team", "feedback": "Feedback date", "stats": "Statistics",
        "problems": "Problems", "outline": "Outline", "findings": "Findings", "none": "No findings.",
        "where": "Where", "severity": "Severity", "rule": "Rule", "message": "Message",
        "download": "Download", "format": "Format",
        "again": "Check another file", "error": "The file could not be processed", "sections": "Sections",
        "status": {"completed": "completed", "long_term": "long-term", "in_progress": "in progress",
                   "not_started": "not started", "unknown": "status not stated"},
        "sev": {"error": "error", "warning": "warning", "info": "info"}, "file_label": "File",
        "footer": "This page keeps nothing you upload.",
    },
}


def _shell(lang: str, body: str) -> str:
    t = _T[lang]
    other = "en" if lang == "zh" else "zh"
    return (f'<!DOCTYPE html>\n<html lang="{"zh-CN" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<title>{escape(t["title"])} · rectify</title><link rel="stylesheet" href="/page.css"></head><body>'
            f'<a class="skip" href="#main">{escape(t["skip"])}</a>'
            f'<header><nav class="lang" aria-label="language"><a href="/?lang={other}" lang="{other}">'
            f'{escape(t["other"])}</a></nav><h1>{escape(t["title"])}</h1><p>{escape(t["lead"])}</p></header>'
            f'<main id="main">{body}</main><footer><p>{escape(t["footer"])} rectify</p></footer></body></html>')


def render_form(lang: str, readers: list[str], error: str | None = None) -> str:
    t = _T[lang]
    options = "".join(f'<option value="{escape(r)}">{escape(r)}</option>' for r in readers)
    problem = (f'<div class="error" role="alert"><h2>{escape(t["error"])}</h2><p>{escape(error)}</p></div>'
               if error else "")
    body = (f'{problem}<form class="upload" method="post" action="/?lang={lang}" enctype="multipart/form-data">'
            f'<label for="file">{escape(t["file"])}</label>'
            f'<input id="file" name="file" type="file" required aria-describedby="file-hint">'
            f'<span id="file-hint">{escape(t["file_hint"])}</span>'
            f'<label for="from">{escape(t["from"])}</label>'
            f'<select id="from" name="from"><option value="">{escape(t["auto"])}</option>{options}</select>'
            f'<div><button type="submit">{escape(t["submit"])}</button></div></form>')
    return _shell(lang, body)


def _anchor(pointer: str) -> str:
    return "n" + pointer.replace("/", "-")


def _node_items(nodes: list[dict[str, Any]], base: str, t: dict[str, Any], flagged: set[str]) -> str:
    items = []
    for i, node in enumerate(nodes):
        pointer = f"{base}/{i}"
        marker = (node.get("marker") or {}).get("text") or ""
        problem = node.get("problem")
        text = node.get("heading") or ""
        if not text and problem and problem.get("finding"):
            text = problem["finding"][0]
        elif not text and node.get("paragraphs"):
            text = node["paragraphs"][0]
        short = text if len(text) <= 80 else text[:80] + "…"
        badge = ""
        if problem is not None:
            status = problem.get("status") or {"category": "unknown"}
            category = status.get("category", "unknown")
            words = t["status"].get(category, category)
            deadline = (status.get("deadline") or {}).get("iso")
            badge = (f' <span class="badge {escape(category)}">{escape(words)}'
                     f'{" · " + escape(deadline) if deadline else ""}</span>')
        mark = " ⚑" if pointer in flagged else ""
        children = node.get("children") or []
        inner = f'<ol>{_node_items(children, pointer + "/children", t, flagged)}</ol>' if children else ""
        items.append(f'<li id="{_anchor(pointer)}">{escape(marker)}{escape(short)}{badge}{mark}{inner}</li>')
    return "".join(items)


def render_result(lang: str, name: str, out: dict[str, Any], writers: list[str]) -> str:
    t = _T[lang]
    summary, doc, findings = out["summary"], out["document"], out["findings"]
    facts = [(t["file_label"], name), (t["issuer"], summary.get("issuer")), (t["date"], summary.get("date")),
             (t["team"], (summary.get("inspection") or {}).get("team")),
             (t["feedback"], (summary.get("inspection") or {}).get("feedback")),
             (t["sections"], summary.get("sections")), (t["problems"], summary.get("problems"))]
    statuses = summary.get("statuses") or {}
    stats = "、".join(f"{t['status'][k]} {v}" for k, v in statuses.items() if v) or "—"
    facts.append((t["stats"], stats))
    dl = "".join(f"<dt>{escape(str(k))}</dt><dd>{escape(str(v))}</dd>" for k, v in facts if v not in (None, ""))
    flagged = {f.get("pointer") or "" for f in findings if (f.get("pointer") or "").startswith("/body/")}
    outline = _node_items(doc.get("body") or [], "/body", t, flagged)
    rows = []
    for f in findings:
        pointer = f.get("pointer") or ""
        node = pointer.split("/problem")[0].split("/marker")[0]
        where = escape(f.get("where") or pointer or "/")
        if node.startswith("/body/"):
            where = f'<a href="#{_anchor(node)}">{where}</a>'
        message = f.get("message_zh") if lang == "zh" else f.get("message_en")
        rows.append(f"<tr><td>{where}</td><td>{escape(t['sev'].get(f['severity'], f['severity']))}</td>"
                    f"<td><code>{escape(f['rule'])}</code></td><td>{escape(message or '')}</td></tr>")
    table = (f'<table class="findings"><caption class="skip">{escape(t["findings"])}</caption><thead><tr>'
             f'<th scope="col">{escape(t["where"])}</th><th scope="col">{escape(t["severity"])}</th>'
             f'<th scope="col">{escape(t["rule"])}</th><th scope="col">{escape(t["message"])}</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>') if rows else f'<p>{escape(t["none"])}</p>'
    payload = escape(json.dumps(doc, ensure_ascii=False, separators=(",", ":")))
    stem = escape(name.rsplit(".", 1)[0] or "notice")
    choices = "".join(f'<option value="{escape(w)}">{escape(w)}</option>' for w in writers)
    buttons = (f'<form method="post" action="/download"><input type="hidden" name="document" value="{payload}">'
               f'<input type="hidden" name="name" value="{stem}"><label for="to">{escape(t["format"])}</label> '
               f'<select id="to" name="to">{choices}</select> '
               f'<button type="submit" class="secondary">{escape(t["download"])}</button></form>')
    title = escape(summary.get("title") or name)
    body = (f'<h2>{escape(t["result"])}：{title}</h2>'
            f'<section aria-labelledby="facts"><h3 id="facts">{escape(t["facts"])}</h3>'
            f'<dl class="facts">{dl}</dl></section>'
            f'<section aria-labelledby="outline"><h3 id="outline">{escape(t["outline"])}</h3>'
            f'<ol class="outline">{outline}</ol></section>'
            f'<section aria-labelledby="findings"><h3 id="findings">{escape(t["findings"])}</h3>{table}</section>'
            f'<section aria-labelledby="downloads" class="downloads"><h3 id="downloads">{escape(t["download"])}</h3>'
            f'{buttons}</section><p><a href="/?lang={lang}">{escape(t["again"])}</a></p>')
    return _shell(lang, body)


__all__ = ["CSS", "render_form", "render_result"]
