"""The work budget: limits parsed from the command line and the API, charged by readers."""

from __future__ import annotations

import pytest

from rectify_core.budget import Budget, Limits, active, current, parse_pairs, size_text
from rectify_core.errors import SecurityError, UsageError


def test_parse_limits_with_suffixes() -> None:
    lim = Limits.parse("max_bytes=8M, max_pages=20,timeout=1.5,max_memory=2G")
    assert (lim.max_bytes, lim.max_pages, lim.timeout, lim.max_memory) == (8 * 2**20, 20, 1.5, 2 * 2**30)
    assert lim.max_elements == Limits().max_elements


@pytest.mark.parametrize("text, word", [("max_pages=junk", "max_pages must be a number"),
                                        ("nope=1", "unknown limit 'nope'"),
                                        ("max_pages", "KEY=VALUE"),
                                        ("timeout=-1", "positive"),
                                        ("timeout=nan", "positive"),
                                        ("max_depth=0", "positive")])
def test_bad_limits_are_usage_errors(text: str, word: str) -> None:
    with pytest.raises(UsageError, match=word):
        parse_pairs(text)


def test_charge_names_the_limit_and_the_file() -> None:
    budget = Budget(Limits(max_elements=10), file="a.html")
    budget.charge("elements", 10)
    with pytest.raises(SecurityError) as err:
        budget.charge("elements")
    assert err.value.exit_code == 3
    assert "max_elements=10" in str(err.value) and str(err.value).startswith("a.html:")


def test_depth_is_a_level_not_a_sum() -> None:
    budget = Budget(Limits(max_depth=3))
    for _ in range(10):
        budget.level(3)
    with pytest.raises(SecurityError, match="max_depth=3"):
        budget.level(4)


def test_time_is_checked_while_charging() -> None:
    budget = Budget(Limits(timeout=0.01), file="t.txt")
    budget.started -= 1
    with pytest.raises(SecurityError, match=r"timeout=0\.01"):
        for _ in range(5000):
            budget.charge("elements")


def test_current_is_the_active_budget() -> None:
    mine = Budget(Limits(max_pages=2))
    with active(mine):
        assert current("x") is mine
    assert current("x") is not mine and current("x").limits == Limits()


def test_size_text() -> None:
    assert [size_text(n) for n in (10, 2048, 3 * 2**20, 1536 * 2**20)] == ["10 bytes", "2 KiB", "3 MiB", "1.5 GiB"]
