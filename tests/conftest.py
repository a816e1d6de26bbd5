"""rectify's own test configuration.

- The hypothesis profile is chosen here (the installed pytest plugin only registers profiles):
  ``ci`` by default, ``RECTIFY_HYPOTHESIS_PROFILE=thorough`` for local bug hunting.
- Plugins load strictly, so a broken built-in plugin fails the suite instead of being skipped
  (tests of the lenient mode set the variable themselves).
"""

from __future__ import annotations

import os

from rectify_core.testing.pytest_plugin import load_profile

os.environ.setdefault("RECTIFY_STRICT_PLUGINS", "1")
load_profile()
