"""``dataclass`` with its generated methods compiled once per installation instead of once per run.

``dataclasses`` writes the source of every ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and
frozen ``__setattr__`` it adds and compiles it with ``exec``: the 43 records a txt → docx conversion
imports (the model, findings, reader and report records) cost ~220 compilations, ~10 ms of every
``rectify convert`` (issue 13: a conversion should cost no more than pandoc's).

:func:`dataclass` is ``dataclasses.dataclass``; while it runs, the ``exec`` that ``dataclasses``
calls is :func:`_exec`, which takes the code object for a source text from a cache file beside the
plugin index (``records-*.marshal``, keyed by the exact Python build and marshal version) and
compiles only a text it has not seen.  ``exec(text)`` in ``dataclasses`` is ``compile(text,
"<string>", "exec")`` with no ``__future__`` flags (that module has none) followed by executing the
code, so the methods have the same code either way; any failure — another Python, an unreadable
or unwritable file, a ``dataclasses`` that no longer calls ``exec`` — only means compiling again.
The cache is written when the process exits, only when this run compiled something new.

Third-party plugins may use it the same way (``from rectify_core.plugin_api import dataclass``);
mypy sees ``dataclasses.dataclass`` itself.
"""

from __future__ import annotations

import _thread
import sys

from .run_cache import RunCache

TYPE_CHECKING = False
if TYPE_CHECKING:
    from dataclasses import dataclass
    from typing import Any
else:
    def dataclass(cls=None, /, **options):
        """``dataclasses.dataclass(cls, **options)``, its methods' code from the cache."""
        def wrap(cls):
            import dataclasses

            with _LOCK:
                had = "exec" in vars(dataclasses)
                if not had:
                    dataclasses.exec = _exec
                try:
                    return dataclasses.dataclass(cls, **options)
                finally:
                    if not had:
                        del dataclasses.exec

        return wrap if cls is None else wrap(cls)


_VERSION = 1


def _key() -> str:
    import marshal

    return repr((_VERSION, sys.version, sys.hexversion, marshal.version, sys.implementation.cache_tag))


_CACHE = RunCache("records", _key, max_entries=2048)
_LOCK = _thread.RLock()


def _exec(source: str, globals: dict[str, Any], namespace: dict[str, Any]) -> None:
    """What ``exec(source, globals, namespace)`` does in ``dataclasses``, the compiling cached."""
    code = _CACHE.get(source)
    if not isinstance(code, _CODE):
        code = compile(source, "<string>", "exec", dont_inherit=True)
        _CACHE.add(source, code)
    exec(code, globals, namespace)


_CODE = type(_exec.__code__)
save = _CACHE.save

__all__ = ["dataclass", "save"]
