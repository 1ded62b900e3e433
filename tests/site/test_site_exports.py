"""Exports: per-article JSON (valid gloss.annotations/1), Web Annotation JSON-LD, CSV, schema.org."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
from gloss.site.exports import (
    CLAIM_COLUMNS,
    ArticleInfo,
    article_json,
    csv_text,
    schema_org,
    web_annotations,
)
from site_records import TEXT, record

INFO = ArticleInfo(
    slug="talks",
    title="Talks <b>&</b> more",
    url="2024/talks/index.html",
    date="2024-05-01",
    authors=["A. Writer"],
    source_url="https://example.org/talks",
    lang="en",
)


def test_article_json_is_a_valid_record_with_text_and_article(root) -> None:
    schema = json.loads((root / "plugins/gloss/data/schema/gloss.annotations-1.json").read_text())
    data = article_json(record(), TEXT, INFO)
    jsonschema.validate(data, schema)
    assert data["text"] == TEXT
    assert data["article"] == {
        "title": INFO.title,
        "url": INFO.url,
        "date": "2024-05-01",
        "authors": ["A. Writer"],
        "source_url": "https://example.org/talks",
    }


def test_web_annotation_selectors_point_at_the_text() -> None:
    urls = {"xi-jinping": "entity/xi-jinping/index.html"}
    collection = web_annotations(record(), TEXT, INFO, "data/articles/talks.jsonld", urls)
    assert collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == 4 + 2  # four mentions, two claims
    for item in items:
        quote, position = item["target"]["selector"]
        assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
        assert TEXT[position["start"] : position["end"]] == quote["exact"]
        assert TEXT[: position["start"]].endswith(quote["prefix"])
        assert TEXT[position["end"] :].startswith(quote["suffix"])
    xi = [i for i in items if i["id"].endswith("#mention-xi-jinping-1")][0]
    assert {
        "type": "SpecificResource",
        "source": urls["xi-jinping"],
        "purpose": "identifying",
    } in xi["body"]
    assert len({i["id"] for i in items}) == len(items)


def test_schema_org_is_a_news_article_safe_inside_a_script_tag() -> None:
    text = schema_org(INFO, record()["entities"], {"xi-jinping": "Q15031"})
    assert "<" not in text and ">" not in text
    data = json.loads(text)
    assert data["@type"] == "NewsArticle" and data["headline"] == INFO.title
    assert data["isBasedOn"] == INFO.source_url and data["datePublished"] == "2024-05-01"
    assert data["author"] == [{"@type": "Person", "name": "A. Writer"}]
    xi = [m for m in data["mentions"] if m["name"] == "Xi Jinping"][0]
    assert xi == {
        "@type": "Person",
        "name": "Xi Jinping",
        "sameAs": "https://www.wikidata.org/wiki/Q15031",
    }
    assert all("sameAs" not in m for m in data["mentions"] if m["name"] != "Xi Jinping")


def test_csv_quotes_commas_newlines_and_joins_lists() -> None:
    rows = [{c: None for c in CLAIM_COLUMNS} | {"content": 'a, "b"\nc', "speaker": "x"}]
    text = csv_text(CLAIM_COLUMNS, rows)
    parsed = list(csv.DictReader(io.StringIO(text)))
    assert parsed[0]["content"] == 'a, "b"\nc' and parsed[0]["start"] == ""
    assert csv_text(("aliases",), [{"aliases": ["A", "B"]}]).splitlines()[1] == "A | B"


def test_csv_defuses_cells_a_spreadsheet_would_run_as_formulas() -> None:
    rows = [
        {"content": '=HYPERLINK("http://x","y")', "speaker": "@sum", "start": -3, "cue": "say"},
        {"content": "+1 said so", "speaker": "-x", "start": 4, "cue": "\tsay"},
    ]
    parsed = list(
        csv.DictReader(io.StringIO(csv_text(("content", "speaker", "start", "cue"), rows)))
    )
    assert parsed[0] == {
        "content": '\'=HYPERLINK("http://x","y")',
        "speaker": "'@sum",
        "start": "-3",  # numbers are numbers, not formulas
        "cue": "say",
    }
    assert [parsed[1][k] for k in ("content", "speaker", "cue")] == ["'+1 said so", "'-x", "'\tsay"]
