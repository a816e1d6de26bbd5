"""The GB/T 9704 page in PDF points: ``rectify_core.typeset.page``, the one conversion of the
standard's figures shared by the PDF and OFD writers and the PDF reader."""

from rectify_core.plugin_api import page_points as _points

globals().update({name: getattr(_points, name) for name in _points.__all__})
__all__ = list(_points.__all__)
