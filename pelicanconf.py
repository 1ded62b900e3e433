"""Pelican settings for the Gloss archive. Gloss's own settings start with GLOSS_."""

import os

from jinja2 import FileSystemBytecodeCache

# No AUTHOR setting: Pelican would credit every article without a byline to it (even to "",
# as an author with an empty name). Articles carry their own bylines.
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

# Gloss (defaults shown; docs/site.md describes each one).
GLOSS_LABELS = [  # entity labels marked in articles and given entity pages
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT",
    "LANGUAGE",
]  # fmt: skip
GLOSS_SHOW_CLAIMS = True  # mark claims, build speaker and claims pages
GLOSS_MODEL = "en_core_web_sm"  # spaCy pipeline the engine loads
GLOSS_WORKERS = None  # parsing processes; None: the engine decides (up to the cores)
GLOSS_CACHE_PATH = ".cache/gloss"  # annotation and provenance caches

# Every internal link points at a file (…/index.html), so pages open from disk.
ARTICLE_URL = "{date:%Y}/{slug}/index.html"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
# One folder per item, so that "page 2" of one item can never be the page of another: with
# Pelican's default "{name}{number}" pagination, page 2 of tag "g7" (tag/g72.html) would be
# the page of tag "g72". Here it is tag/g7/page/2/index.html.
CATEGORY_URL = CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = AUTHOR_SAVE_AS = "author/{slug}/index.html"
YEAR_ARCHIVE_URL = YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/index.html", "{base_name}/page/{number}/index.html"),
)

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

# Compiled templates are cached too (Pelican compiles every template on every build otherwise).
# Beside this file, like CACHE_PATH, whatever folder pelican is started from.
_JINJA_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), ".cache", "jinja")
os.makedirs(_JINJA_CACHE, exist_ok=True)
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "bytecode_cache": FileSystemBytecodeCache(_JINJA_CACHE),
}
