"""The annotation engine: plain article text in, ``gloss.annotations/1`` records out.

>>> from gloss.annotate import Annotator, SCHEMA
>>> records = Annotator().annotate_texts(["Chinese President Xi Jinping said ..."])

No Pelican import: the site calls it, and so can anyone, in bulk. See docs/annotate.md.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gloss.annotate.curation import Curation, load_curation
    from gloss.annotate.engine import Annotator
    from gloss.annotate.model import SCHEMA, Entity, Mention

__all__ = ["SCHEMA", "Annotator", "Curation", "Entity", "Mention", "load_curation"]

# Where each public name lives. They are imported on first use, so that importing one small
# module of the package (the site reads ``gloss.annotate.model`` on every build) does not load
# the engine, the curation reader and YAML (~30 ms a build).
_HOME = {
    "SCHEMA": "model",
    "Entity": "model",
    "Mention": "model",
    "Annotator": "engine",
    "Curation": "curation",
    "load_curation": "curation",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
