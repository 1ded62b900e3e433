"""Pelican settings for the Gloss archive. Gloss's own settings start with GLOSS_."""

AUTHOR = "Gloss"
SITENAME = "Gloss archive"
SITEURL = ""  # empty: relative URLs, so output/ works from file:// and any host
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["sources"]  # raw captures are copied into output/ for provenance
IGNORE_FILES = [".#*", "*.yml", "*.txt.md"]
TIMEZONE = "UTC"
DEFAULT_LANG = "en"

THEME = "theme"
PLUGIN_PATHS = ["plugins"]
PLUGINS = ["gloss"]

# Every internal link points at a file (…/index.html), so pages open from disk.
ARTICLE_URL = "{date:%Y}/{slug}/index.html"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"

# Offline: no feeds in development builds (publishconf.py turns them on).
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

DEFAULT_PAGINATION = 20

# Pelican's reader cache: unchanged posts are not re-read on the next build.
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
CACHE_PATH = ".cache/pelican"
