"""Page and web-site furniture: text a person sees around a 通报 but that is not part of it.

Removed text is always reported (``formats.Removed``) with the reason given here, never dropped
silently.  Page numbers are recognised anywhere; site chrome (breadcrumbs, 无障碍版, 字号 大 中 小,
发布时间/浏览次数 lines, share and print buttons) only around the document — before the preamble or
after the signature — so a sentence that happens to mention 来源 is never taken for chrome.
"""

from __future__ import annotations

import re
from collections import Counter

PAGE_NUMBER = "page number"
RUNNING_HEADER = "running header"
SITE_CHROME = "web page furniture"
PUBLISH_INFO = "publication details line"
BULLET = "list bullet"
SEPARATOR = "label separator"  # the colon of 索引号: — the model keeps label and value apart
CONTROL_CHARACTER = "control character"  # NUL, bell, a stray BOM …: the schema's Text cannot hold them

_PAGE_NUMBER = re.compile(
    r"[-—–－_ ]*\d{1,4}[-—–－_ ]*"
    r"|第[ ]*\d{1,4}[ ]*页(?:[ ]*[,，/][ ]*|[ ]*)(?:共[ ]*\d{1,4}[ ]*页)?"
    r"|\d{1,4}[ ]*/[ ]*\d{1,4}"
    r"|[-—–－ ]*[一二三四五六七八九十]{1,3}[-—–－ ]+"
)
_URL = re.compile(r"(?:https?://|www\.)\S+")
_BREADCRUMB = re.compile(
    r"(?:当前位置|您的位置|您当前的位置|你的位置|你当前的位置|所在位置|当前页面)[ ]*[：:]|首页[ ]*[>＞»›/]"
)
_CHROME_TOKENS = set(
    "无障碍 无障碍版 无障碍浏览 无障碍阅读 长者助手 长者模式 关怀版 适老化 登录 注册 个人中心 English 繁体 简体 繁體 "
    "打印 打印本页 打印此页 关闭 关闭窗口 关闭本页 朗读 语音播报 分享 分享到 收藏 字号 字体 大 中 小 默认 【打印】 "
    "【关闭】 扫一扫 返回顶部 返回 纠错 我要纠错 分享： 分享: 字号： 字号: 字体： 字体: A A+ A- ｜ | 在手机打开当前页 "
    "扫一扫在手机打开当前页 微信 微博 QQ空间 保存 阅读".split()
)
_TOKEN_SPLIT = re.compile(r"[ \u3000|｜【】\[\]：:]+")
_PUBLISH_LABEL = re.compile(
    r"(?:发布时间|发布日期|更新时间|时间|日期|来源|信息来源|文章来源|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读|点击数|点击量|点击|"
    r"访问量|访问次数|作者|编辑|责任编辑|分享)[ ]*[：:]"
)
_TIMESTAMP = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ ]+\d{1,2}:\d{2}(?::\d{2})?)?")
_TAIL = re.compile(
    r"(?:上一篇|下一篇|相关链接|相关文章|相关阅读|责任编辑|主办单位|承办单位|网站标识码|ICP备)[ ]*[：:]?"
)
_BULLET = re.compile(r"([•●○◆◇■□▪▫·\-\*–—])[ \u3000]+")


def is_page_number(text: str) -> bool:
    """A line that is only a page number: 3, - 3 -, — 12 —, 第3页 共10页, 3/10."""
    return _PAGE_NUMBER.fullmatch(text) is not None


def is_site_chrome(text: str) -> bool:
    """A URL, a breadcrumb, or a line made only of toolbar words (无障碍版 长者助手 登录, 字号 大 中 小)."""
    if _URL.fullmatch(text) or _BREADCRUMB.search(text):
        return True
    if len(text) > 120 or "。" in text or "，" in text:
        return False  # prose: no toolbar has sentences (and this keeps long paragraphs cheap)
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    return bool(tokens) and all(t in _CHROME_TOKENS for t in tokens)


def is_publish_info(text: str) -> bool:
    """发布时间：… 来源：… 浏览次数：… — the line a web page prints under its title; or a bare timestamp."""
    if len(text) > 100:
        return False
    if _TIMESTAMP.fullmatch(text) and ":" in text:
        return True
    labels = _PUBLISH_LABEL.findall(text)
    if not labels:
        return False
    return len(labels) >= 2 or _PUBLISH_LABEL.match(text) is not None


def is_tail_furniture(text: str) -> bool:
    return is_site_chrome(text) or is_page_number(text) or _TAIL.match(text) is not None


def split_bullet(text: str) -> tuple[str, str] | None:
    """(bullet, rest) when a line starts with a list bullet followed by white space."""
    m = _BULLET.match(text)
    if m is None or not text[m.end():]:
        return None
    return m.group(1), text[m.end():]


def repeated_lines(texts: list[str], minimum: int = 3) -> set[str]:
    """Short lines that recur on several pages: running headers and footers of a PDF."""
    counts = Counter(t for t in texts if 2 <= len(t) <= 40)
    return {t for t, n in counts.items() if n >= minimum}


__all__ = [
    "BULLET",
    "CONTROL_CHARACTER",
    "PAGE_NUMBER",
    "PUBLISH_INFO",
    "RUNNING_HEADER",
    "SEPARATOR",
    "SITE_CHROME",
    "is_page_number",
    "is_publish_info",
    "is_site_chrome",
    "is_tail_furniture",
    "repeated_lines",
    "split_bullet",
]
