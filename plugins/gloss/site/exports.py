"""The archive's data exports (formats in ``docs/site.md``) and the schema.org JSON-LD.

- ``data/articles/<slug>.json``: the ``gloss.annotations/1`` record plus ``"text"`` (the text
  the offsets count in) and ``"article"``;
- ``data/articles/<slug>.jsonld``: the same as a W3C Web Annotation ``AnnotationCollection``;
- ``data/entities.csv`` and ``data/claims.csv``: the whole archive, one row each.

Everything here is a pure function of its inputs, sorted where order is not meaningful, so a
rebuild writes byte-identical files.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

WEB_ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
QUOTE_CONTEXT_CHARS = 32  # prefix and suffix length of a TextQuoteSelector


@dataclass(frozen=True)
class ArticleInfo:
    """The article fields the exports carry (``"article"`` in the JSON export)."""

    slug: str
    title: str
    url: str  # relative to the site root, or absolute when SITEURL is set
    date: str | None
    authors: list[str] = field(default_factory=list)
    source_url: str | None = None
    lang: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "date": self.date,
            "authors": list(self.authors),
            "source_url": self.source_url,
        }


def dumps(data: Any) -> str:
    # One line per file: json's fast C encoder only runs without indent, and these files are
    # read by programs (any JSON viewer pretty-prints them).
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def article_json(record: dict[str, Any], text: str, article: ArticleInfo) -> dict[str, Any]:
    """The per-article JSON export: the record, its text and the article's fields."""
    data = dict(record)
    data["text"] = text
    data["article"] = article.to_json()
    return data


def _selectors(text: str, start: int, end: int) -> list[dict[str, Any]]:
    return [
        {
            "type": "TextQuoteSelector",
            "exact": text[start:end],
            "prefix": text[max(0, start - QUOTE_CONTEXT_CHARS) : start],
            "suffix": text[end : end + QUOTE_CONTEXT_CHARS],
        },
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def _target(article: ArticleInfo, text: str, start: int, end: int) -> dict[str, Any]:
    return {
        "type": "SpecificResource",
        "source": article.url,
        "selector": _selectors(text, start, end),
    }


def web_annotations(
    record: dict[str, Any],
    text: str,
    article: ArticleInfo,
    collection_url: str,
    entity_url: dict[str, str],
) -> dict[str, Any]:
    """The record as a W3C Web Annotation AnnotationCollection (one page holding all items).

    Mentions are ``identifying`` annotations whose body is the entity page and a ``tagging``
    body with the label; claims are ``describing`` annotations on the claim content whose
    bodies name the speaker, the cue and the mode. Offsets count in the export's ``text``.
    """
    items: list[dict[str, Any]] = []
    for entity in record.get("entities", []):
        for n, mention in enumerate(entity.get("mentions", []), start=1):
            bodies: list[dict[str, Any]] = [
                {"type": "TextualBody", "value": entity["label"], "purpose": "tagging"},
                {"type": "TextualBody", "value": entity["name"], "purpose": "identifying"},
            ]
            if entity["id"] in entity_url:
                bodies.append(
                    {
                        "type": "SpecificResource",
                        "source": entity_url[entity["id"]],
                        "purpose": "identifying",
                    }
                )
            items.append(
                {
                    "id": f"{collection_url}#mention-{entity['id']}-{n}",
                    "type": "Annotation",
                    "motivation": "identifying",
                    "body": bodies,
                    "target": _target(article, text, mention["start"], mention["end"]),
                }
            )
    for claim in record.get("claims", []):
        content = claim.get("content") or {}
        if content.get("start") is None:
            continue
        speaker = claim.get("speaker") or {}
        who = speaker.get("name") or "unknown"
        cue = (claim.get("cue") or {}).get("text")
        bodies = [
            {
                "type": "TextualBody",
                "value": f"Claim by {who}" + (f" ({cue})" if cue else ""),
                "purpose": "describing",
            },
            {"type": "TextualBody", "value": claim.get("mode") or "indirect", "purpose": "tagging"},
        ]
        if speaker.get("entity") in entity_url:
            bodies.append(
                {
                    "type": "SpecificResource",
                    "source": entity_url[speaker["entity"]],
                    "purpose": "identifying",
                }
            )
        items.append(
            {
                "id": f"{collection_url}#claim-{claim['id']}",
                "type": "Annotation",
                "motivation": "describing",
                "body": bodies,
                "target": _target(article, text, content["start"], content["end"]),
            }
        )
    return {
        "@context": WEB_ANNOTATION_CONTEXT,
        "id": collection_url,
        "type": "AnnotationCollection",
        "label": f"Gloss annotations of “{article.title}”",
        "total": len(items),
        "first": {
            "id": f"{collection_url}#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def schema_org(
    article: ArticleInfo,
    entities: Iterable[dict[str, Any]],
    wikidata: dict[str, str],
    absolute_url: str | None = None,
) -> str:
    """schema.org ``NewsArticle`` JSON-LD for the article's ``<head>``.

    ``mentions`` lists the entities (``sameAs`` a Wikidata URL when curated). The string is
    safe inside ``<script>``: ``<``, ``>`` and ``&`` are escaped as JSON unicode escapes.
    """
    types = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place"}
    types |= {"FAC": "Place", "EVENT": "Event", "WORK_OF_ART": "CreativeWork"}
    types |= {"PRODUCT": "Product", "LANGUAGE": "Language"}
    mentions = []
    for entity in entities:
        thing: dict[str, Any] = {
            "@type": types.get(entity["label"], "Thing"),
            "name": entity["name"],
        }
        if entity["id"] in wikidata:
            thing["sameAs"] = f"https://www.wikidata.org/wiki/{wikidata[entity['id']]}"
        mentions.append(thing)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
    }
    if absolute_url:
        data["url"] = absolute_url
    if article.date:
        data["datePublished"] = article.date
    if article.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in article.authors]
    if article.source_url:
        data["isBasedOn"] = article.source_url
    if article.lang:
        data["inLanguage"] = article.lang
    if mentions:
        data["mentions"] = mentions
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


ENTITY_COLUMNS = (
    "id",
    "name",
    "label",
    "description",
    "aliases",
    "wikidata",
    "articles",
    "mentions",
    "url",
)
CLAIM_COLUMNS = (
    "article",
    "article_url",
    "claim",
    "speaker",
    "speaker_entity",
    "speaker_kind",
    "cue",
    "mode",
    "content",
    "start",
    "end",
)


# A spreadsheet opened on a CSV runs a cell that starts with one of these as a formula
# ("=HYPERLINK(...)" in a quoted claim would become a live link). A leading apostrophe makes
# the cell text again; it is the usual guard (OWASP, "CSV Injection"). Numbers are left alone.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """One CSV cell: lists joined with `` | ``, None empty, formula-like text defused."""
    if isinstance(value, list):
        value = " | ".join(value)
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(columns: tuple[str, ...], rows: Iterable[dict[str, Any]]) -> str:
    """CSV with a header row, each cell made by `csv_cell`."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return out.getvalue()
