"""rectify's legacy word-processing formats: Word 97–2003 .doc and WPS/Works .wps (read), .doc (write).

Both go through LibreOffice to docx and the docx plugin; nothing heavy is imported here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import DocReader, DocWriter, WpsReader


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(DocReader())
    register(WpsReader())
    register(DocWriter())
