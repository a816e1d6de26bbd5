"""The hooks a rectify plugin may implement.

A plugin is any module or object with functions decorated ``@rectify_core.hookimpl`` whose names
match the specs below, announced through an entry point of group ``rectify``::

    [project.entry-points.rectify]
    myformat = "my_package.plugin"

Hooks use the *register callback* style (as llm and datasette do): the plugin calls
``register(obj)`` for each thing it provides, so one hook can contribute several and the core can
report exactly which plugin contributed what.  Implementations must be cheap: construct objects,
do not import heavy libraries here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pluggy

from . import PROJECT

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def rectify_register_formats(register: Callable[[Any], None]) -> None:
    """Register Reader and/or Writer objects.

    ``register(obj)`` accepts an instance of :class:`rectify_core.formats.Reader` or
    :class:`rectify_core.formats.Writer` (or any object with the same attributes).  A format name
    may have one reader and one writer; registering a second reader for a name that is taken is
    reported as a plugin error and the first one stays.

    Use in plugins::

        @hookimpl
        def rectify_register_formats(register):
            register(MyReader())
            register(MyWriter())
    """


@hookspec
def rectify_register_checks(register: Callable[[Any], None]) -> None:
    """Register extra semantic validation rules.

    ``register(check)`` accepts a :class:`rectify_core.checks.Check`: an object with ``rule``
    (a stable id such as ``"zj.contact-required"``), ``severity`` and
    ``run(document) -> Iterable[Finding]``.  Registered checks run after the built-in ones in
    ``rectify validate`` and :func:`rectify_core.api.validate`.

    Use in plugins::

        @hookimpl
        def rectify_register_checks(register):
            register(Check("zj.contact-required", "warning", my_function))
    """


@hookspec
def rectify_register_ocr_engines(register: Callable[[Any], None]) -> None:
    """Register OCR engines for scanned pages (PDF pages without a text layer, PNG/JPEG/TIFF).

    ``register(engine)`` accepts an object with ``name`` and ``recognize(image) -> list[OcrLine]``
    (:class:`rectify_core.ocr.OcrEngine`): ``image`` is a cleaned grey page (a numpy array), and each
    :class:`rectify_core.ocr.OcrLine` gives a line's text, its box in pixels and a confidence 0..1.
    The core turns the lines into the same glyphs a PDF page gives, so everything after is shared.
    The first registered engine is used unless a reader is told otherwise (``-O ocr_engine=NAME``).
    rectify's own is RapidOCR (the ``ocr`` extra); a Tesseract or GPU engine can be another plugin.

    Use in plugins::

        @hookimpl
        def rectify_register_ocr_engines(register):
            register(MyEngine())
    """
