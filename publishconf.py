"""Settings for publishing to a web host: `make publish`. Builds on pelicanconf.py."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# Keep relative URLs unless the host is known, so the archive still works from disk.
SITEURL = os.environ.get("GLOSS_SITEURL", "")
RELATIVE_URLS = not SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml" if SITEURL else None
DELETE_OUTPUT_DIRECTORY = True
