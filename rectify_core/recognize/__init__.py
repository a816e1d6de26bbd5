"""The recognizer: blocks of Chinese text (with optional layout hints) → a 通报 Document.

Shared by every reader of unstructured input (txt, PDF, foreign docx and HTML), so it assumes no
one layout.  Modules, one concern each:

``blocks``      the input type              ``text``        white space, widths, sentences
``furniture``   page numbers, site chrome   ``unwrap``      hard-wrapped PDF text, one-line dumps
``head``        disclosure list, title      ``disclosure``  政务公开 labels and keys
``markers``     一、（一）1.（1）① 问题1：   ``numbering``   levels, skips, mistyped numbers
``labels``      整改情况： and status lines  ``problems``    heading nodes and problems
``status``      status phrases → category   ``dates``       dates as written → ISO
``tail``        closing and signature       ``contacts``    电话/信箱/邮箱
``inspection``  preamble facts              ``statistics``  the statistics sentence
``facts``       derive_facts()              ``genre``       not-a-通报, 巡视/巡察 mixture
``hints``       headings and titles marked by layout
``pipeline``    recognize()
"""

from __future__ import annotations

from .blocks import Block
from .pipeline import recognize

__all__ = ["Block", "recognize"]
