"""The two seeds as the txt reader reads them, and as a CMS would publish them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rectify_core.formats import ReadResult

from ..corpus import seed

SEEDS = ("000", "002")
_LIST_LINE = re.compile(r"^- (?P<label>[^:：]+)[:：](?P<value>.*)$")


def require_txt_reader() -> None:
    from rectify_core.plugins import get_registry

    if "txt" not in get_registry().readers:
        pytest.skip("the txt reader is not registered yet (issue 3); the corpus files are text")


def txt_reading(number: str) -> tuple[Path, ReadResult]:
    """The seed file and the txt reader's reading of it (skips while there is no txt reader)."""
    from rectify_core import api

    require_txt_reader()
    path = seed(number)
    return path, api.read(str(path), "txt")


def seed_lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]


def split_seed(path: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Seed 002's leading 政务公开 list as (label, value) pairs, and the lines after it."""
    pairs: list[tuple[str, str]] = []
    lines = seed_lines(path)
    while lines and (m := _LIST_LINE.match(lines[0])):
        pairs.append((m.group("label"), m.group("value")))
        lines.pop(0)
    return pairs, lines


def squeeze(text: str) -> str:
    return "".join(text.split())


def in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles not found in ``haystack`` in this order (white space ignored); [] when all are."""
    hay = squeeze(haystack)
    missing, pos = [], 0
    for needle in needles:
        found = hay.find(squeeze(needle), pos)
        if found < 0:
            missing.append(needle)
        else:
            pos = found + len(squeeze(needle))
    return missing
