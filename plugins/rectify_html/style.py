"""The page's only style sheet, inline, and the Content Security Policy that allows exactly it.

Why inline: the page must be one self-contained file an office can upload anywhere, so nothing is
fetched.  The CSP allows this one style sheet by its SHA-256 hash (not ``'unsafe-inline'``) and
nothing else — no scripts, images, fonts, frames or form targets.

Screen: relative units so browser zoom and large-font settings work (适老化), line height 1.8,
contrast of body text about 16:1.  Print: A4 with the GB/T 9704 margins (天头 37 mm, 订口 28 mm,
bottom 35 mm, right 26 mm), 16 pt (三号) text.  White space inside text is kept as written
(``pre-wrap``), because a reader of this page must get every space back.
"""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1a1a1a;
  font-family: "FangSong", "STFangsong", "仿宋", "仿宋_GB2312", "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 1.125rem; line-height: 1.8; }
main { max-width: 46em; margin: 0 auto; padding: 1.5em 1em 3em; }
a { color: #0b4f8a; text-decoration: underline; }
a:focus { outline: 0.15em solid #0b4f8a; outline-offset: 0.1em; }
.disclosure { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0 0 2em;
  padding: 0.8em 1em; border: 1px solid #767676; font-size: 0.95em; }
.disclosure-field { display: contents; }
.disclosure dt { font-weight: bold; }
.disclosure dd { margin: 0; }
.title { font-family: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "SimSun", "Noto Serif CJK SC", serif;
  font-size: 1.6em; font-weight: bold; text-align: center; margin: 0.5em 0; }
.subtitle { text-align: center; font-family: "KaiTi", "STKaiti", "楷体", serif; margin: 0 0 1.5em; }
p, h1, h2, h3, h4, h5, h6, dt, dd, .node { white-space: pre-wrap; overflow-wrap: anywhere; }
p { margin: 0.3em 0; text-indent: 2em; }
h2, h3, h4, h5, h6, .node { font-size: 1em; margin: 0.8em 0 0.3em; text-indent: 2em; }
h2 { font-family: "SimHei", "黑体", "Noto Sans CJK SC", sans-serif; font-weight: bold; }
h3 { font-family: "KaiTi", "STKaiti", "楷体", serif; font-weight: bold; }
h4, h5, h6 { font-weight: bold; }
.problem { margin: 0.6em 0 1em; padding-left: 0.8em; border-left: 0.25em solid #767676; }
.problem h2, .problem h3, .problem h4, .problem h5, .problem h6 { font-weight: normal; }
.run-in > h2, .run-in > h3, .run-in > h4, .run-in > h5, .run-in > h6, .run-in > p { display: inline; }
.run-in > p { text-indent: 0; }
.label { font-weight: bold; }
.status { font-weight: bold; padding: 0 0.2em; border-bottom: 0.15em solid #1a1a1a; }
.status-completed { border-bottom-style: solid; }
.status-long_term { border-bottom-style: double; }
.status-in_progress, .status-not_started { border-bottom-style: dashed; }
footer { margin-top: 2em; }
address { font-style: normal; }
.issuer, .date { text-align: right; text-indent: 0; margin-right: 2em; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { font-size: 16pt; line-height: 1.6; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .disclosure { break-inside: avoid; }
  h2, h3, h4, h5, h6 { break-after: avoid; }
  .problem { border-left: none; padding-left: 0; }
}
"""


def csp() -> str:
    """The policy for ``<meta http-equiv="Content-Security-Policy">``: only our style sheet."""
    digest = base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
            "base-uri 'none'; form-action 'none'")
