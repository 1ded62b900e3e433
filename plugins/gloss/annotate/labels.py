"""Label corrections from the words around a name, for one-word names the model mislabels.

The small model often tags a one-word place or service as a person ("in Goa", "posted on
Twitter", "the Kilauea volcano"). A person named in news is nearly always introduced by a
full name and is the subject of some verb; a place stands after "in"/"at"/"near" or modifies
a place noun; a medium stands after "on"/"via" a verb of posting. These rules look only at
the mentions of entities that are one word throughout and carry no evidence of being a person
(a title, an apposition), so that they cost one parse lookup per such mention.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class ContextWords:
    """The word lists in ``data/entities/context_words.yml``."""

    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    posting_verbs: frozenset[str]
    medium_prepositions: frozenset[str]


@lru_cache(maxsize=1)
def context_words() -> ContextWords:
    path = resources.files("gloss").joinpath("data/entities/context_words.yml")
    data = yaml.safe_load(path.read_text("utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return ContextWords(
        place_prepositions=words("place_prepositions"),
        place_nouns=words("place_nouns"),
        posting_verbs=words("posting_verbs"),
        medium_prepositions=words("medium_prepositions"),
    )


def _first_conjunct(tok: Any) -> Any:
    """ "in Saqqara and Tuna": the preposition governs the first of coordinated names."""
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def _mention_context(root: Any) -> str | None:
    """What one mention's syntax says it is: "named place", "place", "medium", "subject" or
    None."""
    words = context_words()
    if root.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if root.dep_ == "compound" and root.head.lemma_.lower() in words.place_nouns:
        return "named place"  # "the X volcano": holds even where X is a subject elsewhere
    first = _first_conjunct(root)
    if first.dep_ != "pobj":
        return None
    preposition = first.head
    if preposition.lower_ in words.place_prepositions:
        return "place"
    # "posted on X", "noted his thanks on X" (the preposition hangs on the object)
    governors = (preposition.head, preposition.head.head)
    if preposition.lower_ in words.medium_prepositions and any(
        g.lemma_.lower() in words.posting_verbs for g in governors
    ):
        return "medium"
    return None


def context_label(doc: Any, spans: list[tuple[int, int]], label: str) -> str | None:
    """A better label for a one-word name with these mention ``spans`` (character offsets)
    than the model's ``label``, or None to keep it.

    A "person" that modifies a place noun ("the X volcano") is a place (LOC); one seen in
    place positions ("in X") and never as a subject is a place (GPE); a "person" or "place" seen after "posted on" is an
    organisation (the service that runs the medium).
    """
    if label not in ("PERSON", "ORG", "GPE"):
        return None
    seen: set[str | None] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        seen.add(_mention_context(span.root))
    if "named place" in seen and label == "PERSON":
        return "LOC"
    if "subject" in seen:
        return None
    # Organisations stand after "in"/"at" too ("at Google", "in Congress"): only "persons".
    if "place" in seen and "medium" not in seen and label == "PERSON":
        return "GPE"
    if "medium" in seen and "place" not in seen and label in ("PERSON", "GPE"):
        return "ORG"
    return None
