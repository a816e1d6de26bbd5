"""rectify_ledger's entry point: the register hooks, apart from ``__init__`` (see docs/plugins.md)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rectify_core.plugin_api import hookimpl

from .read import CsvReader, OdsReader, XlsReader, XlsxReader
from .write import CsvWriter, XlsxWriter


@hookimpl
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    for reader in (XlsxReader(), XlsReader(), OdsReader(), CsvReader()):
        register(reader)
    register(XlsxWriter())
    register(CsvWriter())
