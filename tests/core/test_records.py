"""rectify_core.records: dataclasses whose generated methods come from a cache, never different ones."""

from __future__ import annotations

import dataclasses
import marshal
import subprocess
import sys

import pytest

from rectify_core import records


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and no entries loaded or pending in this process."""
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(tmp_path))
    records._CACHE.reset()
    yield tmp_path
    records._CACHE.reset()


def _point(decorator, **options):
    @decorator(**options)
    class Point:
        x: int
        y: str = "示例镇"
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    return Point


@pytest.mark.parametrize("options", [{}, {"frozen": True}, {"frozen": True, "slots": True}, {"order": True}])
def test_a_record_behaves_as_the_dataclass(fresh, options):
    mine, theirs = _point(records.dataclass, **options), _point(dataclasses.dataclass, **options)
    for cls in (mine, theirs):
        assert repr(cls(1)) == "_point.<locals>.Point(x=1, y='示例镇', tags=())"
        assert cls(1) == cls(1, "示例镇") and cls(1) != cls(2)
        assert [f.name for f in dataclasses.fields(cls)] == ["x", "y", "tags"]
    for method in ("__init__", "__repr__", "__eq__"):
        assert getattr(mine, method).__code__ == getattr(theirs, method).__code__  # the same compiled code
    if options.get("frozen"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            mine(1).x = 2  # type: ignore[misc]
        assert hash(mine(1)) == hash(theirs(1))
    if options.get("order"):
        assert mine(1) < mine(2)
    assert "exec" not in vars(dataclasses)  # dataclasses is left as it was


def test_the_code_comes_from_the_cache_the_second_time(fresh):
    _point(records.dataclass, frozen=True)
    records.save()
    (cache,) = fresh.glob("records-*.marshal")
    entries = marshal.loads(cache.read_bytes())["entries"]
    assert any("def __init__(self,x:_type_x,y:_type_y" in source for source in entries)
    records._CACHE.reset()  # as a new process would
    again = _point(records.dataclass, frozen=True)
    assert records._CACHE._new == {}  # nothing compiled
    assert again(3, "乙") == again(3, "乙") and again(3).y == "示例镇"


def test_a_new_process_imports_the_model_without_compiling(tmp_path):
    code = ("from rectify_core import model, records\n"
            "doc = model.Document.from_dict(model.Document(title='示例').to_dict())\n"
            "print(len(records._CACHE._new) > 0, doc.title)")
    env = {"RECTIFY_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-c", code]
    assert subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout.split() == ["True", "示例"]
    assert subprocess.run(run, env=env, check=True, capture_output=True, text=True).stdout.split() == ["False", "示例"]


def test_a_damaged_foreign_or_wrong_cache_only_costs_a_compile(fresh):
    _point(records.dataclass)
    records.save()
    (cache,) = fresh.glob("records-*.marshal")
    source = next(iter(marshal.loads(cache.read_bytes())["entries"]))
    for damage in (cache.read_bytes()[:50], b"not marshal",
                   marshal.dumps({"key": "another Python", "entries": {}}),
                   marshal.dumps({"key": records._key(), "entries": {source: "not code"}})):
        cache.write_bytes(damage)
        records._CACHE.reset()
        point = _point(records.dataclass)
        assert point(1) == point(1) and repr(point(2)).endswith("Point(x=2, y='示例镇', tags=())")


def test_an_unwritable_cache_folder_is_no_error(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("RECTIFY_CACHE_DIR", str(blocked))
    records._CACHE.reset()
    assert _point(records.dataclass)(1).x == 1
    records.save()  # nothing to raise
    records._CACHE.reset()
