"""Facts the text states: inspection (from the preamble), statistics, contacts (from the closing).

Placeholder: returns the document unchanged until the full recognizer lands.
"""

from __future__ import annotations

from ..model import Document


def derive_facts(doc: Document) -> Document:
    """Recompute ``inspection``, ``statistics`` and ``contacts`` from the visible text alone."""
    return doc


__all__ = ["derive_facts"]
