"""Gloss: annotated news-article archives on Pelican.

``register()`` is the Pelican plugin entry point (``PLUGINS = ["gloss"]`` in pelicanconf.py).
The Pelican glue lives in :mod:`gloss.site`; :mod:`gloss.ingest` and :mod:`gloss.annotate`
are plain libraries that never import Pelican.
"""

__version__ = "0.1.0"


def register() -> None:
    # Imported here so that `gloss ingest` / `gloss annotate` never pay for Pelican.
    from gloss.site import register as register_site

    register_site()
