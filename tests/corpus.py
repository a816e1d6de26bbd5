"""Where the real documents are: ../shared/corpus beside the repository, or $RECTIFY_CORPUS.

The corpus texts belong to their publishers; the tests read them in place and the project never
copies them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .clients import in_ci

_ROOT = Path(__file__).resolve().parent.parent


def corpus_root() -> Path:
    env = os.environ.get("RECTIFY_CORPUS")
    return Path(env) if env else _ROOT.parent / "shared" / "corpus"


def corpus_path(*parts: str) -> Path:
    """A corpus file or folder; skip (fail in CI) when the corpus is not beside the checkout."""
    path = corpus_root().joinpath(*parts)
    if not path.exists():
        message = f"corpus file {path} not found (set RECTIFY_CORPUS)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


def seed(number: str) -> Path:
    """A seed by its number, '000' or '002'."""
    folder = corpus_path("seeds")
    matches = sorted(folder.glob(f"{number}_*.txt"))
    if not matches:
        pytest.fail(f"no seed {number} in {folder}")
    return matches[0]
