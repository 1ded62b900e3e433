"""Feeds carry the article as written: no annotation markup.

Pelican's Atom writer puts each article's full ``content`` in the feed, and that content is
the annotated HTML (popover buttons whose popovers are not in any feed reader). Listings get a
plain summary from :mod:`gloss.site.annotation`; here, just before a feed is written
(``feed_generated``), every wrapper is unwrapped from its items.
"""

from __future__ import annotations

from typing import Any

from pelican import signals


def unannotate_feed(context: Any, feed: Any) -> None:
    for item in getattr(feed, "items", []):
        for key in ("content", "description"):
            value = item.get(key)
            if isinstance(value, str) and "gl-" in value:
                from gloss.site.render import strip_annotations  # BeautifulSoup: only if needed

                item[key] = strip_annotations(value)


def register() -> None:
    signals.feed_generated.connect(unannotate_feed)
