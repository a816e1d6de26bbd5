"""Reader and writer options (``-O KEY=VALUE`` on the command line, ``options=`` in the API).

Each Reader and Writer declares the keys it understands in one class attribute::

    class MyWriter(Writer):
        options = (
            Option("encoding", "str", "utf-8", "text encoding of the output", "输出文本的编码"),
            Option("max_pages", "int", 500, "refuse documents longer than this", "超过此页数即拒绝"),
        )

so ``rectify formats --options`` can list them and a misspelt key or a value of the wrong type is
an error naming the format, instead of being silently ignored (``-O nonsense=1``) or failing deep
inside a plugin (``-O max_pages=abc``).  Values arrive as strings from the command line and as
Python values from the API; :meth:`Option.parse` accepts both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal

from .errors import UsageError
from .records import dataclass

OptionType = Literal["str", "int", "float", "bool", "path", "json"]

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@dataclass(frozen=True)
class Option:
    """One ``-O`` key: its name, value type, default (``None``: not set) and meaning."""

    name: str
    type: OptionType
    default: Any
    help: str
    help_zh: str = ""

    def parse(self, value: Any, owner: str) -> Any:
        """The value as this option's type; ``owner`` (e.g. "the docx writer") names it in errors."""
        def bad(expected: str) -> UsageError:
            return UsageError(f"option {self.name!r} of {owner} expects {expected}, got {value!r}")

        if self.type in ("str", "path"):
            if isinstance(value, str):
                return value
            if self.type == "path" and (hasattr(value, "__fspath__") or isinstance(value, bytes)):
                return value  # bytes: the file's content, from callers that hold it (the HTTP service)
            raise bad("a string" if self.type == "str" else "a file path")
        if self.type == "bool":
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
                return value.strip().lower() in _TRUE
            raise bad("true or false")
        if self.type == "int":
            if isinstance(value, int) and not isinstance(value, bool):
                return value
            if isinstance(value, str) and value.strip().lstrip("+-").isdigit() and len(value) < 20:
                return int(value)
            raise bad("a whole number")
        if self.type == "float":
            if isinstance(value, int | float) and not isinstance(value, bool):
                return float(value)
            if isinstance(value, str):
                try:
                    number = float(value)
                except ValueError:
                    raise bad("a number") from None
                if number == number and abs(number) != float("inf"):
                    return number
            raise bad("a number")
        # json: a structured value (a dict of font roles …), given as JSON text on the command line
        if isinstance(value, str):
            try:
                import json  # here: json (with its scanner) is needed only for a json-typed option

                return json.loads(value)
            except (ValueError, RecursionError):
                raise bad("JSON text") from None
        return value

    def describe(self, lang: str = "en") -> str:
        return (self.help_zh or self.help) if lang == "zh" else self.help


def declared(component: Any) -> tuple[Option, ...]:
    """The options a Reader or Writer declares (``()`` for a plugin that declares none)."""
    return tuple(getattr(component, "options", ()) or ())


def owner_name(component: Any) -> str:
    kind = "writer" if hasattr(component, "write") and not hasattr(component, "read") else "reader"
    return f"the {getattr(component, 'name', '?')} {kind}"


def resolve(component: Any, given: Mapping[str, Any] | None) -> dict[str, Any]:
    """``given`` checked against ``component``'s declared options and converted to their types.

    An unknown key is an error naming the format and listing the keys it takes.
    """
    if not given:
        return {}
    table = {o.name: o for o in declared(component)}
    out: dict[str, Any] = {}
    for key, value in given.items():
        option = table.get(key)
        if option is None:
            known = ", ".join(sorted(table)) or "none"
            raise UsageError(f"{owner_name(component)} has no option {key!r} (its options: {known})")
        out[key] = option.parse(value, owner_name(component))
    return out


def split_for(components: Iterable[Any], given: Mapping[str, Any]) -> tuple[dict[int, dict[str, Any]], dict[str, Any]]:
    """Share ``given`` out among ``components`` by the keys each declares.

    A key may be scoped to one format as ``FORMAT.key`` (``-O html.site_name=…``).  Returns the
    options of each component (by ``id``) and the keys none of them took.
    """
    parts: dict[int, dict[str, Any]] = {}
    rest: dict[str, Any] = {}
    comps = list(components)
    for key, value in given.items():
        scope, dot, bare = key.partition(".")
        name = bare if dot else key
        taken = False
        for comp in comps:
            if dot and scope.lower() != str(getattr(comp, "name", "")).lower():
                continue
            if any(o.name == name for o in declared(comp)):
                parts.setdefault(id(comp), {})[name] = value
                taken = True
        if not taken:
            rest[key] = value
    return parts, rest
