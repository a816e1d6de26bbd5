"""Line breaking rules shared with the reader: ``rectify_core.typeset.layout`` (the one typesetting
core of the PDF and OFD writers)."""

from rectify_core.plugin_api import typesetting

CLOSERS = typesetting.CLOSERS
OPENERS = typesetting.OPENERS
Line = typesetting.Line
look_for = typesetting.look_for
para_runs = typesetting.para_runs
typeset = typesetting.typeset

__all__ = ["CLOSERS", "OPENERS", "Line", "look_for", "para_runs", "typeset"]
