"""rectify's own test configuration.

- The hypothesis profile is chosen here (the installed pytest plugin only registers profiles):
  ``ci`` by default, ``RECTIFY_HYPOTHESIS_PROFILE=thorough`` for local bug hunting.
- Plugins load strictly, so a broken built-in plugin fails the suite instead of being skipped
  (tests of the lenient mode set the variable themselves).
- The plugin index and the compiled-pattern cache live in a folder of this run, so every run starts
  alike (the first registry loads every plugin, later ones find them declared by the index: both
  paths run) and the user's own cache is left alone.
"""

from __future__ import annotations

import os
import tempfile

from rectify_core.testing.pytest_plugin import load_profile

os.environ.setdefault("RECTIFY_STRICT_PLUGINS", "1")
if "RECTIFY_CACHE_DIR" not in os.environ:
    import atexit
    import shutil

    os.environ["RECTIFY_CACHE_DIR"] = tempfile.mkdtemp(prefix="rectify-test-cache-")
    atexit.register(shutil.rmtree, os.environ["RECTIFY_CACHE_DIR"], True)
load_profile()
