"""docs/api.md is generated from the code's docstrings and signatures, and kept current."""

from __future__ import annotations

import subprocess
import sys

from .helpers import ROOT


def test_api_reference_is_current():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "api_doc.py"), "--check"], capture_output=True,
                          text=True)
    assert proc.returncode == 0, proc.stderr


def test_every_public_api_function_is_typed_and_documented():
    import inspect

    from rectify_core import api

    for name in ("read", "read_document", "write", "write_bytes", "convert", "validate", "inspect"):
        fn = inspect.unwrap(getattr(api, name))
        sig = inspect.signature(fn)
        assert fn.__doc__, f"api.{name} has no docstring"
        assert sig.return_annotation is not inspect.Signature.empty, f"api.{name} has no return type"
        for p in sig.parameters.values():
            assert p.annotation is not inspect.Parameter.empty, f"api.{name}({p.name}) has no type"
