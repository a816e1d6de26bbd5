"""rectify_core.patterns: compiled code remembered between runs, never a different pattern."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys

import pytest

from rectify_core import patterns

CJK = r"(?P<label>[\u4e00-\u9fff][\u4e00-\u9fff \u3000]{0,10}?)[ \u3000]*(?P<sep>[：:])"


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no entries loaded or pending in this process."""
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    patterns._CACHE.reset()
    return tmp_path


def _in_child(tmp_path, code: str) -> str:
    env = {"RECTIFY_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


def test_a_pattern_is_the_one_re_compiles_whether_cached_or_not(fresh):
    first = patterns.compiled(CJK)
    assert first == re.compile(CJK)
    patterns.save()
    (cache,) = fresh.glob("patterns-*.marshal")
    assert CJK in {p for p, _ in marshal.loads(cache.read_bytes())["entries"]}
    patterns._CACHE.reset()  # as a new process would
    again = patterns.compiled(CJK)
    assert again == re.compile(CJK) and again is not first
    assert again.groupindex == {"label": 1, "sep": 2}
    assert again.search("联系电话：0571").group("label") == "联系电话"


def test_a_new_process_builds_from_the_cache_without_compiling(fresh):
    code = ("import re, re._compiler as c\n"
            "calls = []\n"
            "real = c.compile\n"
            "c.compile = lambda *a, **k: calls.append(a) or real(*a, **k)\n"
            "from rectify_core.patterns import compiled\n"
            f"p = compiled({CJK!r})\n"
            f"print(len(calls), p == re.compile({CJK!r}))")
    assert _in_child(fresh, code) == "1 True"  # compiled once, and written at exit
    assert _in_child(fresh, code) == "0 True"  # built from the cache: re compiled nothing


def test_a_damaged_or_foreign_cache_only_costs_a_compile(fresh):
    patterns.compiled(CJK)
    patterns.save()
    (cache,) = fresh.glob("patterns-*.marshal")
    for damage in (cache.read_bytes()[:100], b"not marshal at all",
                   marshal.dumps({"key": "another Python", "entries": {(CJK, 0): (0, b"\0\0\0\0", 0, {}, ())}})):
        cache.write_bytes(damage)
        patterns._CACHE.reset()
        assert patterns.compiled(CJK) == re.compile(CJK)


def test_an_entry_whose_code_is_wrong_falls_back_to_re(fresh):
    patterns.compiled(CJK)
    patterns.save()
    (cache,) = fresh.glob("patterns-*.marshal")
    data = marshal.loads(cache.read_bytes())
    flags, code, groups, groupindex, indexgroup = data["entries"][(CJK, 0)]
    data["entries"][(CJK, 0)] = (flags, code[: len(code) // 2], groups, groupindex, indexgroup)  # truncated code
    cache.write_bytes(marshal.dumps(data))
    patterns._CACHE.reset()
    assert patterns.compiled(CJK) == re.compile(CJK)  # _sre refused the code; re compiled it again


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(blocked))
    patterns._CACHE.reset()
    assert patterns.compiled(CJK) == re.compile(CJK)
    patterns.save()  # nothing to raise
