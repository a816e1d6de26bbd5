"""What the installed plugins provide, remembered between runs so listing it costs no imports.

``rectify formats`` needs each format's name, extensions, description, plugin, version and
options.  Finding them means reading entry-point metadata (importlib.metadata, ~15 ms), loading
pluggy and importing every plugin module (~60 ms more) — several times the start-up of Python.
This index keeps those declarations in a small file under the user's cache folder
(``$RECTIFY_CACHE_DIR``, else ``$XDG_CACHE_HOME/rectify``, else ``~/.cache/rectify``), valid while
nothing it was built from changed:

* the folders on ``sys.path`` but the first (installing or removing a distribution changes
  their mtime),
* every source file of the plugin packages (an editable plugin being edited),
* rectify's version and the RECTIFY_DISABLE_PLUGINS / RECTIFY_STRICT_PLUGINS settings.

Checking that takes a few ``stat`` calls.  The file is marshal, not JSON: the json module brings
``re`` and ``enum`` with it, which cost ``rectify formats`` more CPU than reading the index (the
values are JSON's: they pass through json once when the index is written).  A registry with
plugin errors is never remembered, so a broken plugin is reported on every run; an unwritable
cache folder only costs the speed.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:
    from typing import Any

INDEX_VERSION = 4  # 2: marshal; 3: declarations of each plugin's objects; 4: sniff_needs

#: per kind of registered object, the attributes a Deferred answers without importing the plugin
DECLARED_ATTRS = {
    "reader": ("name", "extensions", "media_types", "description", "sniff_needs"),
    "writer": ("name", "extension", "media_type", "description", "lossless"),
    "ocr_engine": ("name",),
}


def cache_dir() -> str:
    explicit = os.environ.get("RECTIFY_CACHE_DIR")
    if explicit:
        return explicit
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rectify")


def _mtime(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def _key() -> str:
    """What the index was built from, as text (stored in the index and compared on load)."""
    from . import __version__

    parts: list[Any] = [INDEX_VERSION, __version__, sys.executable, os.environ.get("RECTIFY_DISABLE_PLUGINS", ""),
                        os.environ.get("RECTIFY_STRICT_PLUGINS", "")]
    # sys.path[0] is the script's folder or the current one (python -m): not where plugins live
    parts += [(p, _mtime(p)) for p in sys.path[1:] if p]
    return repr(parts)


def cache_path(kind: str, key: str) -> str:
    """The cache file of ``kind`` (``formats``, ``patterns``) for ``key``, in :func:`cache_dir`.

    crc32 only names the file (hashlib loads OpenSSL, ~6 ms a start-up); a reader stores the whole
    key inside and compares it."""
    return os.path.join(cache_dir(), f"{kind}-{zlib.crc32(key.encode()):08x}.marshal")


def write_marshal(path: str, data: Any) -> None:
    """``data`` marshalled to ``path`` in one step (a temporary beside it, then a rename), so a
    concurrent run reads the old file or the new one; OSError and ValueError reach the caller."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.part"
    with open(tmp, "wb") as fh:
        marshal.dump(data, fh)
    os.replace(tmp, path)


def _path(key: str) -> str:
    return cache_path("formats", key)


def _package_files(modules: list[str]) -> dict[str, float]:
    """Source files of the plugin packages with their mtimes (for an editable install being edited)."""
    files: dict[str, float] = {}
    for name in modules:
        module = sys.modules.get(name)
        origin = getattr(module, "__file__", None)
        if not origin:
            continue
        folder = os.path.dirname(origin) if os.path.basename(origin) == "__init__.py" else None
        paths = [origin] if folder is None else [os.path.join(folder, f) for f in os.listdir(folder)
                                                 if f.endswith(".py")]
        for path in paths:
            mtime = _mtime(path)
            if mtime is not None:
                files[path] = mtime
    return files


def load() -> dict[str, Any] | None:
    """The remembered index, or None when there is none or anything it was built from changed."""
    key = _key()
    try:
        with open(_path(key), "rb") as fh:
            data: dict[str, Any] = marshal.loads(fh.read())  # load(fh) reads object by object: ~10× slower
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION or data.get("key") != key:
        return None
    if any(_mtime(path) != mtime for path, mtime in data.get("files", {}).items()):
        return None
    return data


def build() -> dict[str, Any]:
    """The index from the loaded registry (importing every plugin), remembered when it has no errors."""
    from .plugins import get_registry

    reg = get_registry()
    return load() or remember(reg)


def remember(reg: Any) -> dict[str, Any]:
    """Write the index of ``reg`` (a registry built from every entry point) unless it has errors."""
    from .options import declared
    from .plugins import describe_formats

    rows = describe_formats(reg)
    for r in rows:
        for kind, table in (("reader", reg.readers), ("writer", reg.writers)):
            comp = table.get(r["name"])
            r[f"{kind}_options"] = None if comp is None else [
                {"name": o.name, "type": o.type, "default": o.default, "help": o.help, "help_zh": o.help_zh or o.help}
                for o in declared(comp)]
    modules = sorted({type(c).__module__.split(".")[0] for c in [*reg.readers.values(), *reg.writers.values()]}
                     | {"rectify_core"})
    data = {"version": INDEX_VERSION, "key": _key(), "formats": rows, "errors": [str(e) for e in reg.errors],
            "entry_points": [list(src) for src in reg.sources], "files": _package_files(modules),
            "declarations": declarations(reg)}
    if not reg.errors:
        _save(data)
    return data


def declarations(reg: Any) -> dict[str, Any]:
    """For each plugin whose every registered object can be rebuilt from its class: the hooks it
    implements and each object's kind, class and looked-up attributes (see plugins.Deferred).

    An object counts as rebuildable when its class is a module-level name and calling it with no
    arguments gives an object with the same instance attributes; a check (a function wrapped in a
    Check) or an engine configured at registration is not, and its plugin is imported as before.
    """
    objects: dict[str, list[dict[str, Any]]] = {name: [] for name in reg.plugins}
    plain: dict[str, bool] = dict.fromkeys(reg.plugins, True)
    tables = (("reader", reg.readers.values()), ("writer", reg.writers.values()),
              ("ocr_engine", reg.ocr_engines.values()), ("check", reg.checks))
    for kind, table in tables:
        for obj in table:
            plugin = reg.owner.get(id(obj))
            if plugin not in objects:
                continue
            declared = _declare(kind, obj)
            if declared is None:
                plain[plugin] = False
            else:
                objects[plugin].append(declared)
    return {name: {"hooks": list(reg.plugins[name].hooks), "objects": objects[name]}
            for name in reg.plugins if plain[name]}


def _declare(kind: str, obj: Any) -> dict[str, Any] | None:
    cls = type(obj)
    if kind not in DECLARED_ATTRS or "<" in cls.__qualname__:
        return None
    try:
        found = resolve(cls.__module__, cls.__qualname__) is cls
        if not found or getattr(cls(), "__dict__", None) != getattr(obj, "__dict__", None):
            return None
        attrs = {a: getattr(obj, a) for a in DECLARED_ATTRS[kind] if hasattr(obj, a)}
        if "sniff_needs" in attrs:  # bytes through the index's JSON values: latin-1 keeps every byte
            attrs["sniff_needs"] = [bytes(n).decode("latin-1") for n in attrs["sniff_needs"]]
    except Exception:  # a class that cannot be rebuilt so simply: its plugin loads as before
        return None
    return {"kind": kind, "module": cls.__module__, "qualname": cls.__qualname__, "attrs": attrs}


def _save(data: dict[str, Any]) -> None:
    path = _path(data["key"])
    try:
        import json

        write_marshal(path, json.loads(json.dumps(data, default=str)))  # JSON's values, as the listing prints them
        _prune(os.path.dirname(path), keep=path)
    except (OSError, TypeError, ValueError):
        pass  # no cache: only slower next time


def _prune(folder: str, keep: str, most: int = 16) -> None:
    """Indexes of other environments stay (a user may switch venvs), but not without bound."""
    indexes = sorted((e for e in os.scandir(folder) if e.name.startswith("formats-") and e.path != keep),
                     key=lambda e: e.stat().st_mtime, reverse=True)
    for entry in indexes[most - 1:]:
        os.unlink(entry.path)


def formats_index() -> dict[str, Any]:
    """The formats the installed plugins provide (``rectify formats``), from the cache when valid."""
    return load() or build()


class _Dist:
    def __init__(self, name: str | None, version: str | None) -> None:
        self.name = name
        self.version = version
        self.metadata = {"Name": name}


class RememberedEntryPoint:
    """An entry point as the index remembers it: what plugins.build_registry needs of one."""

    def __init__(self, name: str, value: str, dist: str | None, version: str | None) -> None:
        self.name = name
        self.value = value
        self.dist = _Dist(dist, version)

    def load(self) -> Any:
        module, _, attr = self.value.partition(":")
        return resolve(module.strip(), attr.strip())


def resolve(module: str, dotted: str) -> Any:
    """``module`` imported, then the attributes of ``dotted`` (``Cls`` or ``Outer.Inner``; empty:
    the module itself) — how an entry point's value and a declared class are found."""
    from importlib import import_module

    obj: Any = import_module(module)
    for part in filter(None, dotted.split(".")):
        obj = getattr(obj, part)
    return obj
