"""Line breaking rules shared with the reader: ``rectify_core.typeset.layout`` (the one typesetting
core of the PDF and OFD writers)."""

from rectify_core.typeset.layout import CLOSERS, OPENERS, Line, look_for, para_runs, typeset

__all__ = ["CLOSERS", "OPENERS", "Line", "look_for", "para_runs", "typeset"]
