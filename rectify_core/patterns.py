"""Regular expressions compiled once per installation instead of once per run.

The genre's vocabulary is ~140 patterns, many with CJK character classes; Python compiles a class
like ``[\\u4e00-\\u9fff]`` by visiting each of its 21 000 code points in Python code (~1.4 ms), so
compiling them cost ~27 ms of every ``rectify convert`` — more than reading and writing the notice
(issue 13: a conversion should cost no more than pandoc's).  A txt conversion uses nearly every
pattern, so compiling lazily would not help; compiling each pattern once does.

:func:`compiled` keeps what ``re`` compiles a pattern to (the engine's code, as ``re._compiler``
hands it to ``_sre.compile``) in a file beside the plugin index (``patterns-*.marshal`` in the
user's cache folder), keyed by the exact Python build and the engine's version, and on the next
run builds the pattern object from it without parsing or compiling.  Safety rests on three checks:

* an entry is written only after the pattern rebuilt from it compares equal to ``re.compile``'s
  (CPython's pattern equality compares the compiled code, flags and groups);
* ``_sre.compile`` validates code it is given and raises on anything malformed;
* any failure — another Python, an unknown private API, an unreadable or unwritable file — falls
  back to ``re.compile``: the cache can only make a run slower, never different.

The cache is written when the process exits, only when this run compiled something new.
"""

from __future__ import annotations

import re
import sys

from .run_cache import RunCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_VERSION = 2  # 2: code stored as bytes


def _key() -> str:
    import _sre

    return repr((_VERSION, sys.version, sys.hexversion, _sre.MAGIC, getattr(_sre, "CODESIZE", None)))


_CACHE = RunCache("patterns", _key, max_entries=4096)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache of compiled code when it has this pattern."""
    key = (pattern, int(flags))
    entry = _CACHE.get(key)
    if entry is not None:
        try:
            import _sre
            from array import array

            flags_out, code, groups, groupindex, indexgroup = entry
            built: re.Pattern[str] = _sre.compile(pattern, flags_out, array("I", code).tolist(), groups,
                                                  groupindex, indexgroup)
            return built
        except Exception:
            pass
    result = re.compile(pattern, flags)
    fresh = _code(pattern, key[1], result)
    if fresh is not None:
        _CACHE.add(key, fresh)
    return result


def _code(pattern: str, flags: int, expected: re.Pattern[str]) -> Any:
    """What ``re`` hands ``_sre.compile`` for ``pattern``, if rebuilding from it gives ``expected``."""
    try:
        import _sre
        from array import array
        from re import _compiler, _parser  # type: ignore[attr-defined]

        if array("I").itemsize != _sre.CODESIZE:
            return None

        parsed = _parser.parse(pattern, flags)
        code = _compiler._code(parsed, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup: list[str | None] = [None] * parsed.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry = (int(flags | parsed.state.flags), [int(c) for c in code], int(parsed.state.groups - 1), groupindex,
                 tuple(indexgroup))
        if _sre.compile(pattern, *entry) != expected:
            return None
        # the code as machine words: a list of 20 000 ints takes marshal ~4 ms to load, these bytes 0.3 ms
        return (entry[0], array("I", entry[1]).tobytes(), *entry[2:])
    except Exception:  # another Python's internals: this pattern is simply not cached
        return None


save = _CACHE.save

__all__ = ["compiled", "save"]
