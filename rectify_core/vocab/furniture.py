"""Page and web-site furniture: text a person sees around a 通报 but that is not part of it.

One word list for every reader: the recognizer (plain text, one-line dumps, the lines of any
reader), the PDF reader (page numbers at the edge of a page, ``folio_number``) and the HTML reader
of CMS pages (``web_furniture_reason``, which names the kind of furniture).

Removed text is always reported (``formats.Removed``) with one of the reasons named here, never
dropped silently.  Page numbers are recognised anywhere; site chrome (breadcrumbs, 无障碍版, 字号 大 中
小, 发布时间/浏览次数 lines, share and print buttons) only around the document — before the preamble
or after the signature — so a sentence that happens to mention 来源 is never taken for chrome.
"""

from __future__ import annotations

import re
from collections import Counter

from ..numerals import from_chinese
from ..patterns import compiled

PAGE_NUMBER = "page number"
RUNNING_HEADER = "running header"
RUNNING_FOOTER = "running footer"
SITE_CHROME = "web page furniture"
PUBLISH_INFO = "publication details line"
BULLET = "list bullet"
SEPARATOR = "label separator"  # the colon of 索引号: — the model keeps label and value apart
CONTROL_CHARACTER = "control character"  # NUL, bell, a stray BOM …: the schema's Text cannot hold them

# -- page numbers ------------------------------------------------------------------------------------

_DASH = r"[-－—–―~～·•_ \t\u3000]*"
_FOLIO_FORMS = (
    compiled(rf"{_DASH}(\d{{1,4}}){_DASH}"),                                       # 3  - 3 -  — 12 —
    compiled(r"第[ ]*(\d{1,4})[ ]*页(?:[ ]*[,，/、]?[ ]*共[ ]*\d{1,4}[ ]*页)?"),    # 第3页  第3页 共10页
    compiled(r"(\d{1,4})[ ]*/[ ]*\d{1,4}"),                                        # 3/10
    compiled(r"(?:page|Page|PAGE)[ ]*(\d{1,4})(?:[ ]*(?:of|/)[ ]*\d{1,4})?"),       # Page 3 of 10
    compiled(r"[-—–－ ]*([一二三四五六七八九十]{1,3})[-—–－ ]+"),                    # - 三 -
)


def folio_number(text: str) -> tuple[int, bool] | None:
    """(page number, strong) when the whole line is a page number in a usual form, else None.

    ``strong`` forms (``— 3 —``, ``第3页``, ``3/17``) say they are page numbers; a bare ``3`` is only
    a number, which a reader that sees pages counts as a page number when other pages agree.
    """
    stripped = text.strip()
    m = _folio(stripped)
    if m is None:
        return None
    number = int(m.group(1)) if m.group(1).isdigit() else from_chinese(m.group(1))
    return (number, not stripped.isdigit()) if number else None


def _folio(text: str) -> re.Match[str] | None:
    for form in _FOLIO_FORMS:
        m = form.fullmatch(text)
        if m is not None:
            return m
    return None


def is_page_number(text: str) -> bool:
    """A line that is only a page number: 3, - 3 -, — 12 —, 第3页 共10页, 3/10 (0 included: a
    reader without pages cannot tell a lone 0 from a page number either)."""
    return _folio(text.strip()) is not None


def repeated_lines(texts: list[str], minimum: int = 3) -> set[str]:
    """Short lines that recur on several pages: running headers and footers of a PDF."""
    counts = Counter(t for t in texts if 2 <= len(t) <= 40)
    return {t for t, n in counts.items() if n >= minimum}


# -- web chrome: the words ---------------------------------------------------------------------------

BREADCRUMB_WORDS = ("当前位置 您的位置 您当前的位置 您现在的位置 你的位置 你当前的位置 现在位置 所在位置 "
                    "当前页面").split()
TOOL_WORDS = "打印本页 打印此页 打印文章 打印 关闭窗口 关闭本页 关闭 返回顶部 收藏本页 收藏 我要纠错 纠错".split()
SHARE_WORDS = "分享到 分享 微信 微博 QQ空间 QQ 扫一扫 在手机打开当前页 扫一扫在手机打开当前页".split()
FONT_WORDS = "字号 字体 字体大小 大 中 小 默认 A A+ A-".split()
ACCESS_WORDS = ("无障碍 无障碍版 无障碍浏览 无障碍阅读 长者助手 长者模式 关怀版 适老化 登录 注册 个人中心 English "
                "繁体 简体 繁體 朗读 语音播报 保存 阅读 返回").split()
PUBLISH_LABELS = ("发布时间 发布日期 发表时间 更新时间 来源 信息来源 文章来源 作者 编辑 责任编辑 浏览次数 浏览量 浏览 "
                  "阅读次数 阅读量 阅读 点击数 点击量 点击 访问量 访问次数").split()
RELATED_WORDS = "上一篇 下一篇 相关链接 相关文章 相关阅读".split()
FOOTER_LABELS = "主办单位 承办单位 网站标识码".split()
FOOTER_WORDS = "版权所有 网站标识码 公网安备".split()
SITE_WORDS = "网站地图 联系我们 无障碍 适老化 长者模式 主办 承办".split()  # name furniture already outside an article


def _any(words: list[str]) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # longest first


_TOOLBAR_TOKENS = frozenset(ACCESS_WORDS + TOOL_WORDS + SHARE_WORDS + FONT_WORDS
                            + [f"【{w}】" for w in TOOL_WORDS] + ["｜", "|"])
_TOKEN_SPLIT = compiled(r"[ \u3000|｜【】\[\]：:]+")
_URL = compiled(r"(?:https?://|www\.)\S+")
_BREADCRUMB = compiled(rf"(?:{_any(BREADCRUMB_WORDS)})[ ]*[：:]|首页[ ]*[>＞»›/]")
_PUBLISH_LABEL = compiled(rf"(?:{_any([*PUBLISH_LABELS, '时间', '日期', '分享'])})[ ]*[：:]")
_TIMESTAMP = compiled(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:[ ]+\d{1,2}:\d{2}(?::\d{2})?)?")
_TAIL = compiled(rf"(?:{_any([*RELATED_WORDS, *FOOTER_LABELS, '责任编辑'])}|ICP备)[ ]*[：:]?")
_BULLET = compiled(r"([•●○◆◇■□▪▫·\-\*–—])[ \u3000]+")


def is_site_chrome(text: str) -> bool:
    """A URL, a breadcrumb, or a line made only of toolbar words (无障碍版 长者助手 登录, 字号 大 中 小)."""
    if _URL.fullmatch(text) or _BREADCRUMB.search(text):
        return True
    if len(text) > 120 or "。" in text or "，" in text:
        return False  # prose: no toolbar has sentences (and this keeps long paragraphs cheap)
    tokens = [t for t in _TOKEN_SPLIT.split(text) if t]
    return bool(tokens) and all(t in _TOOLBAR_TOKENS or _run_together(t) for t in tokens)


_RUN_MAX = 24  # characters: a few toolbar words printed without the spaces between them


def _run_together(token: str) -> bool:
    """Toolbar words printed with no space between them (a PDF printed from a browser drops the gaps
    between links: 微信微博QQ空间, 大中小): the token splits wholly into toolbar words."""
    if len(token) > _RUN_MAX:
        return False
    ends = {0}
    for i in range(1, len(token) + 1):
        if any(token[j:i] in _TOOLBAR_TOKENS for j in ends if j < i):
            ends.add(i)
    return len(token) in ends


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


# -- web chrome by kind, for a reader that knows where the article is ---------------------------------

_OPEN = r"^[【\[]?\s*"
WEB_FURNITURE: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Anchored, whole-line forms only: these also run on lines *inside* the article, where a
    # sentence may well mention 字号 (a shop name), 位置 or 无障碍 and must stay content.
    ("breadcrumb", compiled(rf"^(?:{_any(BREADCRUMB_WORDS)})\s*[:：]|^首页\s*[>›»]")),
    ("font-size switch", compiled(rf"{_OPEN}(字号|字体|字体大小)\s*[:：]?\s*[【\[]?\s*[大特]"
                                    r"|^[【\[]?\s*大\s*[】\]]?\s*[【\[]?\s*中\s*[】\]]?\s*[【\[]?\s*小\s*[】\]]?$")),
    ("print/close", compiled(rf"^([【\[]?\s*(?:{_any(TOOL_WORDS)})\s*[】\]]?\s*)+$")),
    ("share links", compiled(rf"{_OPEN}分享到?\s*[:：]|^(微信|微博|QQ空间|QQ)$")),
    ("publication line", compiled(rf"{_OPEN}(?:{_any(PUBLISH_LABELS)})\s*[:：]|{_OPEN}(时间|日期)\s*[:：]\s*\d")),
    ("related links", compiled(rf"^(?:{_any(RELATED_WORDS)})\s*[:：]?|^扫一扫")),
    ("site header or footer", compiled(rf"{_any(FOOTER_WORDS)}|ICP备\s*\d|^(?:{_any(FOOTER_LABELS[:2])})\s*[:：]")),
)
OUTSIDE_ONLY: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Broad forms, used only to *name the reason* for text already outside the article.
    ("site header or footer", compiled(_any(SITE_WORDS))),
    ("font-size switch", compiled(r"字号")),
)
OUTSIDE_REASON = "site navigation or page furniture outside the article"


def web_furniture_reason(text: str, *, outside: bool = False) -> str | None:
    """Why a short line of a web page is site furniture, or None when it may be content.

    ``outside``: the line is already known to lie outside the article, and only its reason is
    wanted, so broader patterns may name it.
    """
    if len(text) > 120:
        return None
    for reason, pattern in WEB_FURNITURE + (OUTSIDE_ONLY if outside else ()):
        if pattern.search(text):
            return reason
    return None


__all__ = [
    "BULLET",
    "CONTROL_CHARACTER",
    "OUTSIDE_REASON",
    "PAGE_NUMBER",
    "PUBLISH_INFO",
    "RUNNING_FOOTER",
    "RUNNING_HEADER",
    "SEPARATOR",
    "SITE_CHROME",
    "folio_number",
    "is_page_number",
    "is_publish_info",
    "is_site_chrome",
    "is_tail_furniture",
    "repeated_lines",
    "split_bullet",
    "web_furniture_reason",
]
