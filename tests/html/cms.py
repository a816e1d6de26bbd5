"""Pages that imitate real government CMS article pages, written here so no scraped page is committed.

Each layout copies the furniture of a family of real sites: a 政务公开 metadata table (or list)
before the title, breadcrumbs, a publication line with 浏览次数, 字号 大 中 小, 打印/关闭, share
links, related links and a footer with the 网站标识码 and ICP number.  The notice itself is given
as its disclosure pairs, title and paragraphs, so a test can compare the page with the clean text.
"""

from __future__ import annotations

from html import escape

NAV = """
<div class="top"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/hdjl/">互动交流</a>
<a href="/wza/" class="wza">无障碍</a> <a href="/lzms/">长者模式</a></div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/xxgk/">信息公开</a></li>
<li><a href="/zcwj/">政策文件</a></li><li><a href="/xcgz/">巡察工作</a></li></ul></div>
"""
FOOTER = """
<div class="footer"><p>主办单位：某某区人民政府办公室　承办单位：某某区大数据中心</p>
<p>网站标识码：3704060001　鲁ICP备12345678号-1　鲁公网安备 37040602000001号</p>
<p><a href="/map/">网站地图</a> | <a href="/lxwm/">联系我们</a></p></div>
"""
SHARE = """<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>"""
TOOLS = """<div class="tools">【<a href="javascript:window.print()">打印本页</a>】\
【<a href="javascript:window.close()">关闭窗口</a>】</div>"""
FONT = """<div class="font">字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>"""
SCRIPT = """<script>var _hmt = _hmt || []; document.write("<p>统计代码</p>");</script>"""


def _paragraphs(paragraphs: list[str], *, indent: str) -> str:
    return "\n".join(f'<p style="text-indent:2em">{indent}{escape(p)}</p>' for p in paragraphs)


def table_layout(disclosure: list[tuple[str, str]], title: str, paragraphs: list[str]) -> str:
    """山东-style: a four-column metadata table before the title, content in ``div#zoom``."""
    rows = []
    for i in range(0, len(disclosure), 2):
        cells = "".join(f'<td class="t1">{escape(label)}：</td><td class="t2">{escape(value)}</td>'
                        for label, value in disclosure[i:i + 2])
        rows.append(f"<tr>{cells}</tr>")
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="SiteName" content="某某区人民政府"><meta name="SiteIDCode" content="3704060001">
<meta name="ArticleTitle" content="{escape(title)}"><meta name="PubDate" content="2023-11-23 16:20">
<title>{escape(title)}_某某区人民政府</title>{SCRIPT}</head>
<body>{NAV}
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; 公示公告</div>
<div class="xxgk_table"><table class="table_xxgk" border="1">
{"".join(rows)}
</table></div>
<div class="article">
<h1 class="article-title">{escape(title)}</h1>
<div class="info">发布时间：2023-11-23 16:20　来源：中共徐庄镇委员会　浏览次数：<span id="hits">1024</span></div>
{FONT}
<div id="zoom" class="article-content">
{_paragraphs(paragraphs, indent="&nbsp;&nbsp;&nbsp;&nbsp;")}
</div>
<div class="hidden-qr" style="display: none">扫一扫在手机打开当前页</div>
{TOOLS}
{SHARE}
<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">某某镇关于巡察整改进展情况的通报</a></li></ul></div>
</div>
{FOOTER}
</body></html>
"""


def list_layout(disclosure: list[tuple[str, str]], title: str, paragraphs: list[str]) -> str:
    """浙江-style: the metadata as a list of bold labels, content in ``div.TRS_Editor`` with ``<br>`` lines."""
    items = "".join(f"<li><b>{escape(label)}：</b><span>{escape(value)}</span></li>" for label, value in disclosure)
    body = "<br>\n".join(f"\u3000\u3000{escape(p)}" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(title)}</title></head>
<body>{NAV}
<div class="crumb">您现在的位置：首页 › 政务公开 › 巡察整改</div>
<div class="main"><div class="xxgk_info"><ul>{items}</ul></div>
<div class="title"><h2>{escape(title)}</h2></div>
<div class="laiyuan">信息来源：本站　发布日期：2023-05-04　点击数：88　{FONT}</div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">{body}</div></div>
{TOOLS}
</div>
{FOOTER}
</body></html>
"""


def bare_layout(title: str, paragraphs: list[str]) -> str:
    """武汉-style (dev corpus 007): breadcrumb, title, publication line, paragraphs; no metadata at all."""
    return f"""<html><head><meta charset="utf-8"><title>{escape(title)}</title></head><body>
<table width="100%"><tr><td>{NAV}</td></tr>
<tr><td><div class="dqwz">当前位置:首页 &gt; 巡察工作 &gt; 巡察反馈 &gt;</div></td></tr>
<tr><td class="content-cell">
<h2 class="bt">{escape(title)}</h2>
<p class="fbsj">发布时间:2024-06-24 17:44  来源:武汉市纪委监委</p>
<div class="TRS_Editor">{_paragraphs(paragraphs, indent="")}</div>
</td></tr></table>
{FOOTER}
</body></html>
"""
