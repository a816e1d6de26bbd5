"""``rectify formats``: the table of formats and their ``-O`` options, from the plugin index.

Imports nothing (json only for ``--json``): the index (:mod:`rectify_core.plugin_index`) answers without loading a
plugin, so listing formats costs little more than starting Python.
"""

from __future__ import annotations

TYPE_CHECKING = False  # importing typing (with re, enum) costs `rectify formats` ~8 ms CPU; mypy takes it as True
if TYPE_CHECKING:
    from typing import Any


def formats_text(index: dict[str, Any], name: str | None, with_options: bool, as_json: bool, lang: str) -> str:
    """The listing (with NAME or ``with_options``: every -O key with type, default and meaning)."""
    rows = [dict(r) for r in index["formats"]]
    if name is not None:
        from .errors import UsageError

        wanted = name.lower()
        chosen = [r for r in rows if r["name"] == wanted] or [r for r in rows if wanted in r["extensions"]]
        if not chosen:
            raise UsageError(f"no format {name!r}; known: {', '.join(r['name'] for r in rows)}")
        rows = chosen[:1]
    for r in rows:
        for kind in ("reader", "writer"):
            opts = r.get(f"{kind}_options")
            if opts is not None:
                r[f"{kind}_options"] = [{"name": o["name"], "type": o["type"], "default": o["default"],
                                         "help": o["help_zh"] if lang == "zh" else o["help"]} for o in opts]
    if as_json:
        import json

        return json.dumps({"formats": rows, "errors": index["errors"]}, ensure_ascii=False, indent=2) + "\n"
    out = [f"{'format':<8} {'read':<5} {'write':<6} {'plugin':<10} description"]
    for r in rows:
        write = ("yes" if r["lossless"] else "lossy") if r["write"] else "-"
        out.append(f"{r['name']:<8} {'yes' if r['read'] else '-':<5} {write:<6} "
                   f"{(r['plugin'] or '?') + ' ' + (r['version'] or ''):<10} {r['description']}")
        if not with_options:
            continue
        for kind in ("reader", "writer"):
            opts = r.get(f"{kind}_options")
            if opts is None:
                continue
            if not opts:
                out.append(f"    {kind}: " + ("无选项" if lang == "zh" else "no options"))
            for o in opts:
                default = "" if o["default"] is None else f" = {o['default']!r}"
                out.append(f"    {kind} -O {o['name']} ({o['type']}{default}): {o['help']}")
    return "\n".join(out) + "\n"
