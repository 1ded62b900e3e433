"""What templates see of an article's annotations: ``article.gloss`` (an :class:`ArticleGloss`).

Built from one ``gloss.annotations/1`` record (after curation) and the article's metadata.
All URLs are relative to the site root (templates write ``{{ SITEURL }}/{{ x.url }}``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from gloss.site import urls

UNKNOWN_SPEAKER = "unknown"


@cache
def label_names() -> dict[str, dict[str, str]]:
    """Display names of the entity labels (``data/site/labels.yml``)."""
    text = resources.files("gloss").joinpath("data/site/labels.yml").read_text("utf-8")
    return yaml.safe_load(text)


def label_name(label: str) -> str:
    return label_names().get(label, {}).get("name", label.replace("_", " ").lower())


def label_plural(label: str) -> str:
    return label_names().get(label, {}).get("plural", label.replace("_", " ").title())


@dataclass
class EntityView:
    id: str
    name: str
    label: str
    label_name: str
    description: str | None
    aliases: list[str]
    wikidata: str | None
    count: int
    url: str | None  # the entity page, or None when its label is not shown


@dataclass
class SpeakerView:
    name: str | None
    entity: str | None
    kind: str  # named | pronoun | vague | unknown
    text: str | None  # the words in the article (a name, "he", "experts")
    key: str  # data-speaker: the entity id, the vague noun, or "unknown"
    url: str | None  # the speaker page, or None for an unknown speaker

    @property
    def is_unnamed(self) -> bool:
        return self.kind in ("vague", UNKNOWN_SPEAKER)


@dataclass
class ClaimView:
    id: str
    speaker: SpeakerView
    cue: str | None
    content: str
    mode: str
    anchor: str  # the id of the claim's first wrapper in the article page


@dataclass
class ArticleGloss:
    """``article.gloss``: everything the theme needs to show an article's annotations."""

    entities: list[EntityView] = field(default_factory=list)
    claims: list[ClaimView] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    show_claims: bool = True
    provenance_url: str | None = None
    data_url: str | None = None
    jsonld_url: str | None = None
    capture_url: str | None = None
    schema_org: str = ""
    source_url: str | None = None
    license: str | None = None
    credit: str | None = None  # the per-article credit line for licensed sources
    # The plain text the engine annotated (blocks joined by a blank line): what the exports'
    # offsets count in, and what a search index can use without parsing the HTML again.
    text: str = ""


def entity_extras(entity: dict[str, Any], curated: dict[str, Any] | None) -> dict[str, Any]:
    """Description, aliases and Wikidata id: the record's own, else the curated entity's."""
    curated = curated or {}

    def pick(key: str, default: Any) -> Any:
        value = entity.get(key)
        if value in (None, [], ""):
            value = curated.get(key)
        return default if value in (None, "") else value

    wikidata = pick("wikidata", None) or pick("wikidata_id", None)
    return {
        "description": pick("description", None),
        "aliases": [str(a) for a in pick("aliases", [])],
        "wikidata": str(wikidata) if wikidata else None,
    }


def speaker_key(speaker: dict[str, Any] | None) -> str:
    """The value of ``data-speaker``: entity id, vague noun, or ``unknown``."""
    if not speaker:
        return UNKNOWN_SPEAKER
    if speaker.get("entity"):
        return str(speaker["entity"])
    kind = speaker.get("kind") or UNKNOWN_SPEAKER
    if kind == UNKNOWN_SPEAKER or not speaker.get("name"):
        return UNKNOWN_SPEAKER
    return str(speaker["name"]).lower() if kind == "vague" else str(speaker["name"])


def credit_line(title: str, date: str, source_url: str | None, license: str | None) -> str | None:
    """``Source: "{title}", Wikinews, {date}, {url}. CC BY 2.5. Reformatted.`` for sources
    published under a licence; None when the article carries no licence."""
    if not license:
        return None
    publisher = ", Wikinews" if source_url and "wikinews.org" in source_url else ""
    where = f", {source_url}" if source_url else ""
    return f'Source: "{title}"{publisher}, {date}{where}. {license}. Reformatted.'


def claim_anchor(claim_id: str) -> str:
    return f"gl-claim-{claim_id}"


def popover_id(entity_id: str) -> str:
    return f"gl-pop-{entity_id}"


def entity_url(entity_id: str) -> str:
    return urls.ENTITY_PAGE.format(id=urls.path_segment(entity_id))
