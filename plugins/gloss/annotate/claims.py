"""Attributed claims: who said what (owned by the claims engineer).

Contract used by the engine (``gloss.annotate.engine``):

``find_claims(doc, entities) -> list[dict]``
    ``doc`` is the parsed spaCy ``Doc`` of the whole article text (``doc.text`` is exactly the
    text given; parser and NER have run). ``entities`` is the list of
    :class:`gloss.annotate.model.Entity` found in it, each with its ``mentions`` as character
    offsets into ``doc.text``. Returns claim dicts as in the ``gloss.annotations/1`` schema
    (``id`` "c1", "c2", ... in text order; ``speaker``, ``cue``, ``content``, ``mode``), with
    ``speaker.entity`` set to the id of the entity the speaker refers to, or None.

This first version finds nothing; the claim finder replaces it.
"""

from __future__ import annotations

from typing import Any


def find_claims(doc: Any, entities: list[Any]) -> list[dict[str, Any]]:
    """Return the attributed claims in ``doc`` (see the module docstring for the contract)."""
    return []
