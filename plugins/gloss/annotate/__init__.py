"""The annotation engine: plain article text in, ``gloss.annotations/1`` records out.

>>> from gloss.annotate import Annotator, SCHEMA
>>> records = Annotator().annotate_texts(["Chinese President Xi Jinping said ..."])

No Pelican import: the site calls it, and so can anyone, in bulk. See docs/annotate.md.
"""

from gloss.annotate.curation import Curation, load_curation
from gloss.annotate.engine import Annotator
from gloss.annotate.model import SCHEMA, Entity, Mention

__all__ = ["SCHEMA", "Annotator", "Curation", "Entity", "Mention", "load_curation"]
