"""Builds examples/shili-zhen.json: a fictional 通报 of the fictional 示例镇, written for rectify.

Kept as code so the example stays canonical: `python examples/shili.py` rewrites the JSON.
Everything in it — the town, people, numbers, addresses — is invented.
"""

from __future__ import annotations

import calendar
import json
from pathlib import Path

P = {"style": "arabic_paren"}


def problem(value: int, finding: str, measures: list[str], status: dict) -> dict:
    return {
        "marker": {**P, "value": value, "text": f"（{value}）"},
        "problem": {
            "finding": [finding],
            "rectification": {"label": "整改情况", "colon": "：", "paragraphs": measures},
            "status": status,
        },
    }


DONE = {"category": "completed", "text": "（已完成整改）"}
LONG = {"category": "long_term", "text": "（长期任务取得阶段性成效并长期坚持）"}


def in_progress(month: int) -> dict:
    last_day = calendar.monthrange(2026, month)[1]
    return {"category": "in_progress",
            "deadline": {"iso": f"2026-{month:02d}-{last_day}", "text": f"2026年{month}月底"},
            "text": f"（继续整改，2026年{month}月底前完成）"}


doc = {
    "schema": "rectify/tongbao",
    "version": "1.0.0",
    "disclosure": [
        {"key": "index_no", "label": "索引号", "value": "000000000/2026-00042"},
        {"key": "category", "label": "主题分类", "value": "党务公开"},
        {"key": "publisher", "label": "发布机构", "value": "中共示例镇委员会"},
        {"key": "written_date", "label": "成文日期", "value": "2026年6月18日",
         "date": {"iso": "2026-06-18", "text": "2026年6月18日"}},
        {"key": "doc_number", "label": "文号", "value": "无"},
        {"key": "validity", "label": "效力状态", "value": "有效"},
    ],
    "title": "中共示例镇委员会关于县委第三轮巡察整改进展情况的通报",
    "subtitle": "（社会公开稿）",
    "preamble": [
        "根据县委统一部署，2026年1月8日至3月6日，县委第一巡察组对示例镇党委开展了常规巡察。"
        "4月2日，县委巡察组向示例镇党委反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。"
    ],
    "inspection": {
        "level": "巡察", "team": "县委第一巡察组", "round": "县委第三轮", "kind": "常规巡察",
        "targets": ["示例镇党委"],
        "start": {"iso": "2026-01-08", "text": "2026年1月8日"},
        "end": {"iso": "2026-03-06", "text": "3月6日"},
        "feedback": {"iso": "2026-04-02", "text": "4月2日"},
    },
    "body": [
        {
            "marker": {"style": "chinese", "value": 1, "text": "一、"},
            "heading": "整改工作开展情况",
            "paragraphs": [
                "镇党委把巡察整改作为重大政治任务，成立由党委书记任组长的整改工作领导小组，"
                "制定《示例镇落实县委第一巡察组反馈意见整改方案》，建立问题、任务、责任“三张清单”，"
                "实行挂图作战、对账销号。"
            ],
        },
        {
            "marker": {"style": "chinese", "value": 2, "text": "二、"},
            "heading": "巡察反馈问题整改落实情况",
            "paragraphs": [
                "县委巡察组共反馈问题6个，已完成整改4个，其中长期任务取得阶段性成效并长期坚持1个，继续整改2个，完成率67%。"
            ],
            "children": [
                {
                    "marker": {"style": "chinese_paren", "value": 1, "text": "（一）"},
                    "heading": "贯彻落实上级决策部署方面",
                    "children": [
                        {
                            "marker": {"style": "arabic", "value": 1, "text": "1."},
                            "heading": "关于“乡村振兴项目推进不快”的问题",
                            "children": [
                                problem(1, "部分村级产业项目前期论证不充分，建成后运营效益不明显。",
                                        ["一是逐个项目开展效益评估，形成评估报告12份。"
                                         "二是对2个低效项目调整运营主体，引入专业合作社托管。"],
                                        DONE),
                                problem(2, "村集体经济增收渠道单一，6个村年经营性收入低于10万元。",
                                        ["一是制定“一村一策”增收计划。二是盘活闲置校舍、仓库等资产9处，年增收约36万元。"],
                                        LONG),
                            ],
                        },
                    ],
                },
                {
                    "marker": {"style": "chinese_paren", "value": 2, "text": "（二）"},
                    "heading": "落实全面从严治党责任方面",
                    "children": [
                        {
                            "marker": {"style": "arabic", "value": 1, "text": "1."},
                            "heading": "关于“村级财务管理不规范”的问题",
                            "children": [
                                problem(1, "个别村存在大额现金支付、报销凭证不全等问题。",
                                        ["一是开展村级财务专项检查，整改不规范凭证47张。二是推行村级非现金支付，大额支出全部经“四议两公开”程序。"],
                                        DONE),
                                problem(2, "村务公开不及时，部分公开栏内容更新滞后。",
                                        ["已统一规范全镇公开栏设置，明确每月10日前更新公开内容。"],
                                        DONE),
                            ],
                        },
                        {
                            "marker": {"style": "arabic", "value": 2, "text": "2."},
                            "heading": "关于“基层党组织建设有短板”的问题",
                            "children": [
                                problem(1, "2个村党支部“三会一课”记录不完整。",
                                        ["组织支部书记专题培训，逐月检查组织生活记录。"],
                                        DONE),
                                problem(2, "村级后备力量不足，35岁以下村干部占比偏低。",
                                        ["已建立村级后备人才库，储备后备力量24名，下一步结合换届选优配强。"],
                                        in_progress(12)),
                            ],
                        },
                    ],
                },
            ],
        },
        {
            "marker": {"style": "chinese", "value": 3, "text": "三、"},
            "heading": "下一步工作打算",
            "paragraphs": [
                "镇党委将继续压实整改主体责任，对尚未完成的问题紧盯不放、持续用力，确保件件有着落、事事有回音，"
                "并以巡察整改推动建章立制，巩固整改成果。"
            ],
        },
    ],
    "statistics": {"total": 6, "completed": 4, "long_term": 1, "in_progress": 2, "rate": 67,
                   "long_term_in_completed": True,
                   "text": "县委巡察组共反馈问题6个，已完成整改4个，其中长期任务取得阶段性成效并长期坚持1个，"
                           "继续整改2个，完成率67%。"},
    "closing": [
        "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。",
        "联系电话：0000-1234567",
        "邮政信箱：示例县示例镇人民路1号",
        "电子邮箱：zhenggai@shili.example",
    ],
    "contacts": [
        {"kind": "phone", "label": "联系电话", "value": "0000-1234567"},
        {"kind": "mailbox", "label": "邮政信箱", "value": "示例县示例镇人民路1号"},
        {"kind": "email", "label": "电子邮箱", "value": "zhenggai@shili.example"},
    ],
    "signature": {"issuer": "中共示例镇委员会", "date": {"iso": "2026-06-18", "text": "2026年6月18日"}},
}

if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from rectify_core.model import Document

    text = json.dumps(Document.from_dict(doc).to_dict(), ensure_ascii=False, indent=2) + "\n"
    Path(__file__).with_name("shili-zhen.json").write_text(text, encoding="utf-8")
