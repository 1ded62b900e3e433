"""Attributed claims: who said what, found in a parsed article.

``find_claims(doc, entities) -> list[dict]`` is the contract with the annotation engine
(``gloss.annotate``): ``doc`` is the spaCy Doc of the whole article text, ``entities`` its
final entity list (:class:`gloss.annotate.model.Entity`); the result is the ``claims`` list
of a ``gloss.annotations/1`` record. What counts as a claim: docs/claims.md.
"""

from __future__ import annotations

from .finder import find_claims
from .lexicon import Lexicon, load_lexicon
from .quotes import QuoteSegment, find_quotes, paragraph_spans

__all__ = [
    "Lexicon",
    "QuoteSegment",
    "find_claims",
    "find_quotes",
    "load_lexicon",
    "paragraph_spans",
]
