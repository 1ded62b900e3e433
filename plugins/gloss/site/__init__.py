"""Pelican glue: everything in Gloss that knows about Pelican lives in this package.

Each module connects its own signal handlers in a ``register()`` of its own; this
function calls them in order.
"""

from __future__ import annotations

import importlib

# Modules that take part in the build, in the order their handlers are connected.
SITE_MODULES: tuple[str, ...] = (
    "memory", "preload", "undated", "annotation", "archive", "feeds", "writer", "search",
    "provenance",
)  # fmt: skip


def register() -> None:
    for name in SITE_MODULES:
        importlib.import_module(f"gloss.site.{name}").register()
