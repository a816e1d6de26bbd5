"""A dictionary kept between runs in the user's cache folder: what start-up built once, reused.

Compiled patterns (:mod:`rectify_core.patterns`) and the code of dataclass methods
(:mod:`rectify_core.records`) cost every ``rectify`` process tens of milliseconds to build and
are the same every time for one Python build.  A :class:`RunCache` loads one marshal file on first
use (``<kind>-<crc32 of key>.marshal`` beside the plugin index), hands out its entries, collects
the entries this run had to build and writes all of them when the process exits.  The file holds
its whole key and is used only when the key matches; any failure — a damaged or foreign file, an
unwritable folder — leaves the cache empty, so it can make a run slower, never different.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any


class RunCache:
    """Entries of one kind, keyed by what built them; ``key()`` names the Python build they fit."""

    def __init__(self, kind: str, key: Callable[[], str], max_entries: int) -> None:
        self.kind = kind
        self._key = key
        self._max = max_entries  # entries of since-edited sources are dropped past this
        self._known: dict[Any, Any] | None = None
        self._new: dict[Any, Any] = {}

    def get(self, name: Any) -> Any:
        """The stored entry for ``name``, or None."""
        return self._entries().get(name)

    def add(self, name: Any, value: Any) -> None:
        """Remember an entry this run built; the file is written at exit."""
        if not self._new:
            import atexit

            atexit.register(self.save)
        self._new[name] = value

    def reset(self) -> None:
        """Forget what was loaded and built, as a new process would (tests)."""
        self._known = None
        self._new = {}

    def _path(self, key: str) -> str:
        from .plugin_index import cache_path

        return cache_path(self.kind, key)

    def _entries(self) -> dict[Any, Any]:
        if self._known is None:
            self._known = {}
            try:
                import marshal

                key = self._key()
                with open(self._path(key), "rb") as fh:
                    data = marshal.loads(fh.read())  # load(fh) reads object by object: 10× slower
                if isinstance(data, dict) and data.get("key") == key and isinstance(data.get("entries"), dict):
                    self._known = data["entries"]
            except Exception:
                pass
        return self._known

    def save(self) -> None:
        """Write the known entries and this run's new ones (a failure only costs speed)."""
        if not self._new:
            return
        try:
            from .plugin_index import write_marshal

            key = self._key()
            known = self._entries()
            entries = {**known, **self._new} if len(known) + len(self._new) <= self._max else dict(self._new)
            write_marshal(self._path(key), {"key": key, "entries": entries})
            self._known = entries
            self._new = {}
        except Exception:
            pass


__all__ = ["RunCache"]
