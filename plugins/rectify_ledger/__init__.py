"""rectify's ledger formats: the rectification ledger (整改台账) as xlsx, xls, ods and csv.

Read: one row per problem under merged heading rows, plus front matter (``--front FILE`` or a
基本信息 sheet), into a Document that every other format writes.  Write: any Document as a ledger
(xlsx, csv).  ``rectify export`` (``rectify_ledger.export``) tabulates many notices in one.
See docs/ledger.md.
"""

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
