"""The genre's knowledge, once: every word list and written form of a 通报, each with its reading and
its printing side by side.  The recognizer, the checks, ``normalize`` and every plugin import it
from here; nothing else holds a list of these words.

``markers``     heading numbers 一、（一）1.（1）①: ``split_marker``/``parse_marker_text`` ↔ ``marker_text``
``status``      the one status vocabulary: phrases → category (and deadline) ↔ ``status_text``
``dates``       dates as written → ISO (``parse_date``, ``find_dates``) ↔ ``date_text`` (2023年10月26日)
``disclosure``  政务公开 labels → keys (``key_for_label``, ``parse_line``) ↔ ``STANDARD_LABELS``
``contacts``    联系电话/邮政信箱/电子邮箱 lines → contacts (``parse_contacts``) ↔ ``contact_line``
``furniture``   page numbers, running headers and web chrome, with the reasons removed text records
``titles``      the words a title and an issuing organ end with (read only)
``tables``      ledger tables (整改台账): column names and the row ↔ problem mapping

Submodules load on first use (``vocab.status`` imports only what it needs), so importing the
package costs nothing.
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["contacts", "dates", "disclosure", "furniture", "markers", "status", "tables", "titles"]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
