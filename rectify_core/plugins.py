"""Plugin loading and the format registry.

Every format, built-in ones included, arrives through an entry point of group ``rectify``, so the
built-ins prove the path a third-party plugin takes.  Loading is lazy and happens once; a plugin
that fails to import or register is recorded in :attr:`Registry.errors` and skipped — one broken
package must never take the whole tool down (the llm #1280 lesson).  Set ``RECTIFY_STRICT_PLUGINS=1``
to turn those errors into exceptions while developing a plugin.

A plugin need not even be imported: when the plugin index (:mod:`rectify_core.plugin_index`) is
valid, it declares what each plugin registered last time — for every reader, writer and OCR engine
whose class rebuilds it with no arguments, the class's module and name and the few attributes the
registry looks things up by (name, extensions, media types) — and the registry holds
:class:`Deferred` stand-ins that import the class on first real use.  So ``rectify convert
notice.txt -o notice.docx`` imports the modules that define the readers (to sniff the input), and of
the writers only the docx one; pluggy itself is not imported.  A plugin with anything the index
cannot declare (a check object, an engine built with arguments) is loaded the usual way.

Environment:
    RECTIFY_DISABLE_PLUGINS  comma-separated entry-point names not to load (``*`` for all third-party)
    RECTIFY_STRICT_PLUGINS   1 → raise PluginError on the first broken plugin
"""

from __future__ import annotations

import os
from dataclasses import field
from typing import Any

from . import PROJECT
from .errors import InputError, PluginError, UsageError
from .formats import Reader, Writer
from .records import dataclass

ENTRY_POINT_GROUP = PROJECT
SURE = 0.9  # a sniff score from which content overrides a file name that says otherwise
BUILTIN_DIST = PROJECT


@dataclass
class PluginInfo:
    """A loaded plugin as ``rectify formats`` names it: entry point, distribution, version, hooks."""

    name: str
    distribution: str | None
    version: str | None
    hooks: list[str] = field(default_factory=list)


@dataclass
class Registry:
    """Readers, writers and checks contributed by loaded plugins, keyed by format name."""

    #: the pluggy PluginManager of the plugins that were imported (None when every plugin was declared by the index)
    pm: Any = None
    readers: dict[str, Reader] = field(default_factory=dict)
    writers: dict[str, Writer] = field(default_factory=dict)
    checks: list[Any] = field(default_factory=list)
    ocr_engines: dict[str, Any] = field(default_factory=dict)
    plugins: dict[str, PluginInfo] = field(default_factory=dict)
    owner: dict[int, str] = field(default_factory=dict)  # id(reader/writer/check) -> plugin name
    errors: list[PluginError] = field(default_factory=list)
    #: (entry-point name, value, distribution, version) of each loaded entry point, for the plugin index
    sources: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)
    #: whether the entry points came from a valid plugin index (nothing to remember then)
    from_index: bool = False

    # -- lookup -------------------------------------------------------------------------------
    def reader(self, name: str) -> Reader:
        """The reader of format ``name``, case-insensitive, or of the one format with that extension (``md``)."""
        key = name.lower()
        found = self.readers.get(key) or _only([r for r in self.readers.values() if _has_extension(r.extensions, key)])
        if found is None:
            raise UsageError(f"no reader for format {name!r}; known: {', '.join(sorted(self.readers))}")
        return found

    def writer(self, name: str) -> Writer:
        """The writer of format ``name``, case-insensitive, or of the one format with that extension."""
        key = name.lower()
        found = self.writers.get(key) or _only([w for w in self.writers.values() if w.extension.lower() == key])
        if found is None:
            raise UsageError(f"no writer for format {name!r}; known: {', '.join(sorted(self.writers))}")
        return found

    def writer_for_path(self, path: str) -> Writer | None:
        ext = _ext(path)
        for w in self.writers.values():
            if w.extension.lower() == ext:
                return w
        return None

    def reader_for(self, head: bytes, filename: str | None) -> Reader | None:
        """Pick a reader: the best sniff score, ties broken by a matching file extension.

        Content wins over the name only when it is sure (a score of at least ``SURE``: a PDF
        named .txt is read as PDF).  A file whose extension names a format its content does not
        sniff as, and which only a hesitant reader would take (plain text, a guess at JSON), is an
        InputError saying so: a notice.json that is not JSON is never read as a notice's text.
        """
        ext = _ext(filename) if filename else ""
        best: tuple[float, int, str] | None = None
        named: str | None = None
        for name, r in self.readers.items():
            try:
                score = float(r.sniff(head, filename))
            except Exception as exc:  # a plugin's sniff must not break detection
                self._fail(self.owner.get(id(r), name), exc)
                continue
            ext_match = 1 if _has_extension(r.extensions, ext) else 0
            if ext_match and score <= 0:
                named = named or name
            key = (score, ext_match, name)
            if (score > 0 or ext_match) and (best is None or key[:2] > best[:2]):
                best = key
        if named is not None and best is not None and best[1] == 0 and best[0] < SURE:
            raise InputError(f"the file is named .{ext} but its content is not {named}"
                             f" (it looks more like {best[2]}); rename it, or name the format with --from",
                             file=filename)
        return self.readers[best[2]] if best else None

    def add(self, kind: str, obj: Any, plugin: str) -> None:
        """Record ``obj`` (a reader, writer, check or OCR engine) as registered by ``plugin``."""
        if kind == "check":
            self.checks.append(obj)
        else:
            tables: dict[str, dict[str, Any]] = {"reader": self.readers, "writer": self.writers,
                                                 "ocr_engine": self.ocr_engines}
            table = tables[kind]
            if obj.name in table:
                what = "an OCR engine" if kind == "ocr_engine" else f"a {kind} for format"
                raise PluginError(f"plugin {plugin!r}: {what} {obj.name!r} is already registered"
                                  + (f" by {self.owner.get(id(table[obj.name]))!r}" if kind != "ocr_engine" else ""))
            table[obj.name] = obj
        self.owner[id(obj)] = plugin

    def plugin_of(self, obj: Any) -> PluginInfo | None:
        name = self.owner.get(id(obj))
        return self.plugins.get(name) if name else None

    def _fail(self, plugin: str, exc: BaseException) -> None:
        err = PluginError(f"plugin {plugin!r} failed: {type(exc).__name__}: {exc}")
        if _strict():
            raise err from exc
        self.errors.append(err)


def _only(found: list[Any]) -> Any:
    return found[0] if len(found) == 1 else None


def _ext(path: str | None) -> str:
    if not path or "." not in os.path.basename(path):
        return ""
    return os.path.basename(path).rsplit(".", 1)[1].lower()


def _has_extension(extensions: tuple[str, ...], ext: str) -> bool:
    """Whether ``ext`` (lower case, "" for none) is one of a reader's ``extensions``, in any case."""
    return bool(ext) and ext in (e.lower() for e in extensions)


def _strict() -> bool:
    return os.environ.get("RECTIFY_STRICT_PLUGINS", "") not in ("", "0")


def _disabled() -> set[str]:
    raw = os.environ.get("RECTIFY_DISABLE_PLUGINS", "")
    return {p.strip() for p in raw.split(",") if p.strip()}


_registry: Registry | None = None


def get_registry() -> Registry:
    """The process-wide registry, loading plugins on first use."""
    global _registry
    if _registry is None:
        _registry = build_registry()
        if not _registry.from_index:
            from .plugin_index import remember

            remember(_registry)  # the next run finds its entry points without importlib.metadata
    return _registry


def reset_registry() -> None:
    """Forget loaded plugins (tests use this after changing the environment)."""
    global _registry
    _registry = None


class Deferred:
    """A plugin's reader, writer or OCR engine as the plugin index declared it, made on first use.

    The attributes the registry looks things up by (``name``, ``extensions``, ``extension``,
    ``media_types``…) answer from the declaration; anything else (``sniff``, ``read``, ``write``,
    ``options``…) imports the class's module, builds the object with no arguments — as the index
    checked it could — and answers from it.
    """

    __slots__ = ("_attrs", "_module", "_plugin", "_qualname", "_target")

    def __init__(self, plugin: str, module: str, qualname: str, attrs: dict[str, Any]) -> None:
        self._plugin = plugin
        self._module = module
        self._qualname = qualname
        # the index keeps JSON's values: lists were tuples, and sniff_needs bytes (as latin-1 text)
        self._attrs = {k: tuple(v) if isinstance(v, list) else v for k, v in attrs.items()}
        if "sniff_needs" in self._attrs:
            self._attrs["sniff_needs"] = tuple(n.encode("latin-1") if isinstance(n, str) else n
                                               for n in self._attrs["sniff_needs"])
        self._target: Any = None

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and the like ask for these: not the plugin's business
            raise AttributeError(name)
        attrs = self._attrs
        if name in attrs:
            return attrs[name]
        return getattr(self.target(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        """A worker started by forkserver gets the declaration and imports the class itself."""
        return (Deferred, (self._plugin, self._module, self._qualname, self._attrs))

    def sniff(self, head: bytes, filename: str | None) -> float:
        """A reader's ``sniff``, answered without importing it when the head lacks what it needs
        (``Reader.sniff_needs``) and the file name is not one of its extensions."""
        needs = self._attrs.get("sniff_needs")
        if (self._target is None and needs and not any(n in head for n in needs)
                and not _has_extension(self._attrs.get("extensions", ()), _ext(filename))):
            return 0.0
        return float(self.target().sniff(head, filename))

    def target(self) -> Any:
        """The real object (imported and built now if it was not yet)."""
        if self._target is None:
            from .plugin_index import resolve

            try:
                self._target = resolve(self._module, self._qualname)()
            except Exception as exc:
                raise PluginError(f"plugin {self._plugin!r} failed: {type(exc).__name__}: {exc}") from exc
        return self._target

    def __repr__(self) -> str:
        state = "loaded" if self._target is not None else "not loaded"
        return f"<{self._module}.{self._qualname} of plugin {self._plugin!r}, declared by the plugin index, {state}>"


def loaded(obj: Any) -> Any:
    """The real reader, writer or engine behind a registry entry (a Deferred is imported and built now)."""
    return obj.target() if isinstance(obj, Deferred) else obj


def build_registry(extra_plugins: list[tuple[str, Any]] | None = None, load_entry_points: bool = True) -> Registry:
    reg = Registry()
    disabled = _disabled()
    candidates: list[tuple[str, Any, PluginInfo]] = []
    if load_entry_points:
        from .plugin_index import load

        index = load()  # checked once (a few hundred stat calls): it gives both lists below
        eps = _entry_points(index)
        reg.from_index = index is not None and "entry_points" in index
        declarations = dict(index.get("declarations") or {}) if reg.from_index and index is not None else {}
        for ep in eps:
            dist = getattr(ep, "dist", None)
            dist_name = dist.metadata["Name"] if dist is not None else None
            if ep.name in disabled or ("*" in disabled and dist_name != BUILTIN_DIST):
                continue
            info = PluginInfo(ep.name, dist_name, dist.version if dist is not None else None)
            reg.sources.append((ep.name, ep.value, dist_name, info.version))
            declared = declarations.get(ep.name)
            if declared is not None:  # nothing to import until one of its objects is used
                info.hooks = list(declared["hooks"])
                reg.plugins[ep.name] = info
                for d in declared["objects"]:
                    reg.add(d["kind"], Deferred(ep.name, d["module"], d["qualname"], d["attrs"]), ep.name)
                continue
            try:
                module = ep.load()
            except Exception as exc:  # broken plugin: record and go on
                reg._fail(ep.name, exc)
                continue
            candidates.append((ep.name, module, info))
    for name, obj in extra_plugins or []:
        candidates.append((name, obj, PluginInfo(name, None, None)))
    if candidates:
        _load_plugins(reg, candidates)
    return reg


def _load_plugins(reg: Registry, candidates: list[tuple[str, Any, PluginInfo]]) -> None:
    """Register imported plugin modules with pluggy and call their register hooks."""
    import pluggy

    from . import hookspecs

    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    reg.pm = pm
    for name, module, info in candidates:
        try:
            pm.register(module, name=name)
        except Exception as exc:
            reg._fail(name, exc)
            continue
        try:
            _check_hooks(pm, name)
        except PluginError as exc:
            pm.unregister(name=name)
            reg._fail(name, exc)
            continue
        info.hooks = sorted(h.name for h in (pm.get_hookcallers(module) or []))
        reg.plugins[name] = info
        _collect(reg, pm, name, module)


def _entry_points(index: dict[str, Any] | None) -> list[Any]:
    """The ``rectify`` entry points: remembered by the plugin index when nothing changed since it was
    written (``index``, valid or None: importlib.metadata costs ~15 ms a run), else from the
    installed distributions."""
    if index is not None and "entry_points" in index:
        from .plugin_index import RememberedEntryPoint

        return [RememberedEntryPoint(*ep) for ep in index["entry_points"]]
    from importlib import metadata

    eps = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
    # Built-ins first so a third-party plugin cannot shadow a built-in format by load order.
    eps.sort(key=lambda ep: (0 if getattr(getattr(ep, "dist", None), "name", None) == BUILTIN_DIST else 1, ep.name))
    seen: set[str] = set()
    unique = []
    for ep in eps:
        if ep.name not in seen:  # an editable install can list an entry point twice
            seen.add(ep.name)
            unique.append(ep)
    return unique


def _check_hooks(pm: Any, name: str) -> None:
    """Unknown hook names fail at start-up, per plugin (pluggy's check_pending sees hookimpls,
    whatever their function is called, ``specname=`` included)."""
    import pluggy

    try:
        pm.check_pending()
    except pluggy.PluginValidationError as exc:
        raise PluginError(str(exc)) from exc


def _collect(reg: Registry, pm: Any, name: str, module: Any) -> None:
    """Call this plugin's implementations of the register hooks through pluggy.

    Each plugin's hookimpls are called one plugin at a time (``get_hookimpls`` filtered by plugin),
    so a failing plugin is attributed and skipped without taking the others down.
    """
    def register_format(obj: Any) -> None:
        kind = "reader" if hasattr(obj, "read") else "writer" if hasattr(obj, "write") else None
        if kind is None or not getattr(obj, "name", ""):
            raise PluginError(f"plugin {name!r} registered {obj!r}, which is neither a Reader nor a Writer")
        reg.add(kind, obj, name)

    def register_check(obj: Any) -> None:
        if not (hasattr(obj, "rule") and hasattr(obj, "run")):
            raise PluginError(f"plugin {name!r} registered {obj!r}, which is not a Check")
        reg.add("check", obj, name)

    def register_ocr_engine(obj: Any) -> None:
        if not (getattr(obj, "name", "") and hasattr(obj, "recognize")):
            raise PluginError(f"plugin {name!r} registered {obj!r}, which is not an OCR engine")
        reg.add("ocr_engine", obj, name)

    for caller, register in ((pm.hook.rectify_register_formats, register_format),
                             (pm.hook.rectify_register_checks, register_check),
                             (pm.hook.rectify_register_ocr_engines, register_ocr_engine)):
        for impl in caller.get_hookimpls():
            if impl.plugin is not module:
                continue
            try:
                impl.function(register=register)
            except Exception as exc:
                reg._fail(name, exc)


def describe_formats(reg: Registry) -> list[dict[str, Any]]:
    """What ``rectify formats --json`` prints: one entry per format name."""
    names = sorted(set(reg.readers) | set(reg.writers))
    out = []
    for n in names:
        r, w = reg.readers.get(n), reg.writers.get(n)
        either: Reader | Writer = r if r is not None else w  # type: ignore[assignment]
        plugin = reg.plugin_of(either)
        out.append({
            "name": n,
            "read": r is not None,
            "write": w is not None,
            "lossless": bool(w.lossless) if w is not None else None,
            "extensions": sorted({*(r.extensions if r else ()), *((w.extension,) if w else ())}),
            "media_types": sorted({*(r.media_types if r else ()), *((w.media_type,) if w else ())}),
            "description": either.description,
            "plugin": plugin.name if plugin else None,
            "distribution": plugin.distribution if plugin else None,
            "version": plugin.version if plugin else None,
        })
    return out


