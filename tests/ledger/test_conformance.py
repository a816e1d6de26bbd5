"""The ledger formats pass the conformance kit: read(write(d)) == writer.expected(d) on generated
Documents — expected being the reader's own reading of the writer's grids (rectify_ledger.table),
so this checks that rendering to xlsx/csv and reading back with calamine/csv loses nothing more."""

from __future__ import annotations

from rectify_core.testing.suite import FormatConformance


class TestXlsx(FormatConformance):
    format = "xlsx"


class TestCsv(FormatConformance):
    format = "csv"
