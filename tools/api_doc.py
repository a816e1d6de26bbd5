"""Write docs/api.md from the docstrings and signatures of the public API.

    python tools/api_doc.py            # rewrite docs/api.md
    python tools/api_doc.py --check    # exit 1 when docs/api.md is not what the code says

tests/cli/test_api_doc.py runs the check, so the reference never drifts from the code.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "api.md"

HEADER = """# Python API reference

Generated from the docstrings by `python tools/api_doc.py` (the test suite checks it is current).
Everything a program needs is in `rectify_core.api` (reading, writing, converting, validating,
inspecting), `rectify_core.model` (the Document) and `rectify_core.errors` (one exception family).
Plugin authors import `rectify_core.plugin_api` instead: see [plugins.md](plugins.md).

```python
from rectify_core import api
from rectify_core.errors import RectifyError

try:
    result = api.read("notice.pdf")                   # ReadResult: document, findings, removed, info
    api.write(result.document, "out/notice.docx")     # refuses to replace a file unless force=True
except RectifyError as exc:                           # bad input, usage, refusal, or (exit_code 70) a bug
    print(exc, exc.exit_code)
```
"""


def _doc(obj: Any) -> str:
    return inspect.cleandoc(obj.__doc__ or "").strip()


def _signature(name: str, fn: Any) -> str:
    sig = str(inspect.signature(fn)).replace("'", "")
    return f"{name}{sig}"


def _section(title: str, module: Any, names: list[str]) -> list[str]:
    out = [f"## `{module.__name__}`", "", _doc(module).split("\n\n")[0], ""] if title else []
    for name in names:
        obj = getattr(module, name)
        if inspect.isclass(obj):
            out += [f"### class `{name}`", "", _doc(obj), ""]
            for meth_name, meth in inspect.getmembers(obj):
                if meth_name.startswith("_") or not callable(meth) or meth_name not in vars(obj):
                    continue
                summary = f" — {_doc(meth).splitlines()[0]}" if _doc(meth) else ""
                out += [f"- `{_signature(meth_name, meth)}`{summary}"]
            out.append("")
        else:
            target = getattr(obj, "__wrapped__", obj)
            out += [f"### `{_signature(name, target)}`", "", _doc(target), ""]
    return out


def render() -> str:
    from rectify_core import api, errors, model

    lines = [HEADER]
    lines += _section("api", api, ["read", "read_document", "write", "write_bytes", "convert", "validate", "inspect"])
    lines += _section("model", model, ["Document"])
    lines += _section("errors", errors, ["RectifyError", "InputError", "UsageError", "SchemaError", "SecurityError",
                                         "OutputError", "PluginError", "InternalError"])
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.rstrip() + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if not TARGET.exists() or TARGET.read_text("utf-8") != text:
            print(f"{TARGET} is out of date: run python tools/api_doc.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
