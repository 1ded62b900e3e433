"""The records the annotation engine produces: mentions and entities.

These dataclasses are the stable interface between the entity stage and the claim finder
(``gloss.annotate.claims``): offsets are Unicode code points into exactly the text given,
end exclusive, like Python slices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = "gloss.annotations/1"

# OntoNotes name labels: the only labels that make an entity here (numbers and dates do not),
# in the order legends and indexes list them.
LABELS_IN_ORDER: tuple[str, ...] = (
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "NORP",
    "EVENT",
    "LAW",
    "WORK_OF_ART",
    "PRODUCT",
    "LANGUAGE",
)
NAME_LABELS: frozenset[str] = frozenset(LABELS_IN_ORDER)


@dataclass(frozen=True, order=True)
class Mention:
    """One occurrence of an entity in the text: ``text == full_text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass
class Entity:
    """One real-world thing named in an article, with every place it is mentioned.

    ``id`` is a stable slug of the canonical ``name`` (the same thing gets the same id in every
    article and every run); ``mentions`` are sorted by position.
    """

    id: str
    name: str
    label: str
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "label": self.label,
            "mentions": [m.to_dict() for m in sorted(self.mentions)],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entity:
        return cls(
            id=data["id"],
            name=data["name"],
            label=data["label"],
            mentions=[Mention(m["start"], m["end"], m["text"]) for m in data.get("mentions", [])],
        )


def empty_record(source: str | None, text_sha256: str) -> dict[str, Any]:
    """A ``gloss.annotations/1`` record with nothing found (bad or empty input)."""
    return {
        "schema": SCHEMA,
        "source": source,
        "text_sha256": text_sha256,
        "entities": [],
        "claims": [],
    }
