"""rectify's XML format: tongbao.xsd-valid, lossless, read with a hardened parser.

The reader and writer modules import lxml only inside their functions, so registering this plugin
costs nothing when ``rectify --help`` runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .reader import XmlReader
from .writer import XmlWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    register(XmlReader())
    register(XmlWriter())
