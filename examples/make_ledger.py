"""Builds examples/shili-zhen-ledger.xlsx: the fictional 示例镇's rectification ledger (整改台账).

Laid out the way offices keep one by hand — a title row, the header, heading rows merged across
(一、… and （一）…), a running 序号, 整改措施 beside 整改情况, time limits as dates or words — and
not by rectify's own writer, so the reader is shown a ledger it did not write.  Everything in it
(the town, units, people, problems) is invented.  `python examples/make_ledger.py` rewrites it; the
bytes are the same on every run.  With examples/shili-zhen-front.toml it becomes a notice:

    rectify convert examples/shili-zhen-ledger.xlsx --front examples/shili-zhen-front.toml -o 通报.docx
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

HEADER = ["序号", "反馈问题", "整改措施", "整改情况", "责任单位", "责任人", "整改时限", "完成情况"]

D = dt.date
ROWS: list[tuple[str, ...] | tuple[object, ...]] = [
    ("一、党的政治建设方面",),
    ("（一）贯彻落实上级决策部署不够到位",),
    ("乡村振兴产业项目推进缓慢，2个村的特色种植项目未按期投产。",
     "制定产业项目推进清单，逐项明确节点和责任人；镇党委每月听取一次进展汇报。",
     "2个特色种植项目已于5月投产，带动村民就业36人。", "镇经济发展办", "李某某", D(2026, 5, 31), "已完成"),
    ("理论学习中心组学习流于形式，研讨发言准备不充分。",
     "修订理论学习中心组学习制度，实行发言提纲预审。",
     "已修订学习制度，开展专题研讨4次。", "镇党政办", "王某某", "长期坚持", "长期坚持"),
    ("（二）意识形态工作责任制落实不够有力",),
    ("村级宣传阵地管理不规范，部分宣传栏内容陈旧。",
     "对全镇12个村的宣传栏开展排查，建立更新台账。",
     "已更新宣传栏内容28处，建立季度更新台账。", "镇宣传办", "赵某某", "2026年4月底前", "已完成"),
    ("二、全面从严治党方面",),
    ("（一）落实中央八项规定精神不够严格",),
    ("公务接待审批不规范，个别接待无公函。",
     "严格执行公务接待审批制度，开展专项检查。",
     "已完成2025年度公务接待专项检查，规范接待审批单据。", "镇财政所", "孙某某", D(2026, 4, 30), "已完成"),
    ("村级财务管理不规范，存在大额现金支付。",
     "推行村级非现金结算，每季度开展财务抽查。",
     "9个村已实现非现金结算，其余3个村正在推进。", "镇农经站\n各村党组织", "周某某", D(2026, 12, 31), "正在推进"),
    ("三、基层党组织建设方面",),
    ("村务公开不及时，部分村财务收支未按季度公开。",
     "统一规范村务公开栏，建立公开提醒和督查机制。",
     "已规范全镇村务公开栏，逐月督查公开情况。", "镇纪委", "吴某某", "立行立改", "已完成"),
    ("发展党员程序不规范，个别材料签字不全。",
     "对近三年发展党员档案全面复查，补齐材料。",
     "完成复查档案47份，补正材料5份；建立发展党员全程纪实制度。", "镇党建办", "郑某某", "长期坚持",
     "阶段性成效，长期坚持"),
]


def build(path: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    book.set_properties({"title": "示例镇巡察反馈问题整改台账", "created": dt.datetime(2026, 6, 18)})
    ws = book.add_worksheet("整改台账")
    bold = book.add_format({"bold": True, "border": 1})
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    wrap = book.add_format({"text_wrap": True, "valign": "top", "border": 1})
    date = book.add_format({"num_format": "yyyy年m月d日", "valign": "top", "border": 1})
    last = len(HEADER) - 1
    ws.merge_range(0, 0, 0, last, "示例镇巡察反馈问题整改台账", title)
    ws.write_row(1, 0, HEADER, bold)
    number = 0
    for r, row in enumerate(ROWS, start=2):
        if len(row) == 1:
            ws.merge_range(r, 0, r, last, str(row[0]), bold)
            continue
        number += 1
        ws.write_number(r, 0, number, wrap)  # the running count a hand-kept ledger has
        for c, value in enumerate(row, start=1):
            if isinstance(value, dt.date):
                ws.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date)
            else:
                ws.write_string(r, c, str(value), wrap)
    for c, width in enumerate((6, 40, 40, 40, 14, 10, 14, 14)):
        ws.set_column(c, c, width)
    ws.freeze_panes(2, 0)
    book.close()


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("shili-zhen-ledger.xlsx"))
