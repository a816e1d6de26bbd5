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
``facts``       derive_facts()              ``locate``      source lines for the checks' findings
``hints``       headings and titles marked by layout
``pipeline``    recognize()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .blocks import Block

if TYPE_CHECKING:
    from .pipeline import recognize


def __getattr__(name: str) -> Any:
    # The pipeline (and every pattern it compiles) loads on first use, not when a plugin module
    # merely names Block: listing formats must not pay for the recognizer.
    if name == "recognize":
        from .pipeline import recognize

        return recognize
    raise AttributeError(name)


__all__ = ["Block", "recognize"]
