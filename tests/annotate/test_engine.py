"""The public API: one valid gloss.annotations/1 record per text, whatever the input."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from gloss.annotate import SCHEMA, Annotator

from tests.fixtures.paths import SEED_CURATION


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    text = resources.files("gloss").joinpath("data/schema/gloss.annotations-1.json").read_text()
    return jsonschema.Draft202012Validator(json.loads(text))


def test_seed_record_is_valid_and_offsets_match(seed_record, seed_text, validator):
    validator.validate(seed_record)
    assert seed_record["schema"] == SCHEMA
    assert seed_record["source"] == "seed"
    for entity in seed_record["entities"]:
        for m in entity["mentions"]:
            assert seed_text[m["start"] : m["end"]] == m["text"]


def test_one_record_per_text_in_order_even_for_bad_input(annotator, validator):
    texts = ["", "   \n\n ", "bin\x00ary", "..., ;;; !!!", "Angela Merkel visited Paris."]
    records = annotator.annotate_texts(texts, sources=[f"t{i}" for i in range(len(texts))])
    assert [r["source"] for r in records] == ["t0", "t1", "t2", "t3", "t4"]
    for r in records:
        validator.validate(r)
    assert records[0]["entities"] == [] and "error" not in records[0]
    assert "error" in records[2]
    assert {e["name"] for e in records[4]["entities"]} >= {"Angela Merkel", "Paris"}


def test_progress_reports_every_text(annotator):
    calls = []
    annotator.annotate_texts(
        ["One.", "Two."], progress=lambda done, total: calls.append((done, total))
    )
    assert calls[-1] == (2, 2)


def test_cache_returns_the_same_record_and_survives_corruption(tmp_path):
    text = "Prime Minister Justin Trudeau spoke in Ottawa. Trudeau left on Friday."
    first = Annotator(workers=1, cache_dir=tmp_path).annotate_texts([text])[0]
    entries = list(tmp_path.rglob("*.json"))
    assert len(entries) == 1
    again = Annotator(workers=1, cache_dir=tmp_path).annotate_texts([text])[0]
    assert again == first
    entries[0].write_text("{not json")
    repaired = Annotator(workers=1, cache_dir=tmp_path).annotate_texts([text])[0]
    assert repaired == first
    assert json.loads(entries[0].read_text())["entities"] == first["entities"]


def test_long_text_is_chunked_with_exact_offsets(annotator, monkeypatch):
    import gloss.annotate.nlp as nlp

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 200)
    paragraph = "Barack Obama met Angela Merkel in Berlin on Monday."
    text = "\n\n".join([paragraph] * 12)
    record = annotator.annotate_texts([text])[0]
    obama = next(e for e in record["entities"] if e["name"] == "Barack Obama")
    assert len(obama["mentions"]) == 12
    for m in obama["mentions"]:
        assert text[m["start"] : m["end"]] == "Barack Obama"


def test_split_chunks_concatenate_to_the_text():
    from gloss.annotate.nlp import split_chunks

    text = ("A paragraph of words here.\n\n" * 50) + ("x" * 500) + " tail"
    chunks = split_chunks(text, limit=120)
    assert "".join(chunks) == text
    assert all(len(c) <= 120 for c in chunks)
    assert len(chunks) > 10


@pytest.mark.parametrize(
    "text",
    [
        "x " * 2_600_000,  # enormous: refused before parsing
        "bad \ud800 surrogate",
        "\x01\x02\x03\x04\x05\x06\x07\x08" * 10,
    ],
)
def test_unusable_text_gives_a_one_line_error(annotator, validator, text):
    record = annotator.annotate_texts([text, "Angela Merkel spoke."])[0]
    validator.validate(record)
    assert record["entities"] == [] and record["claims"] == []
    assert record["error"] and "\n" not in record["error"]


@pytest.mark.parametrize(
    "text", ["...", "\n\n\n", "!!! ??? ;;;", "1234 5678", "🙂🙂🙂", "a\n\n\n\nb\n\n"]
)
def test_text_without_sentences_or_names_is_an_empty_record(annotator, validator, text):
    record = annotator.annotate_texts([text])[0]
    validator.validate(record)
    assert "error" not in record
    assert record["entities"] == []


def test_a_giant_paragraph_is_chunked_too(annotator, monkeypatch):
    import gloss.annotate.nlp as nlp

    monkeypatch.setattr(nlp, "CHUNK_CHARS", 300)
    text = " ".join(["Barack Obama met Angela Merkel in Berlin on Monday."] * 20)
    record = annotator.annotate_texts([text])[0]
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert any(e["name"] == "Angela Merkel" for e in record["entities"])


def test_claim_speakers_point_at_entities_of_the_record(seed_record, seed_text):
    from gloss.annotate import load_curation

    curated = Annotator(workers=1, curation=load_curation(SEED_CURATION)).annotate_texts(
        [seed_text]
    )[0]
    for record in (seed_record, curated):
        ids = {e["id"] for e in record["entities"]}
        for claim in record["claims"]:
            entity = (claim.get("speaker") or {}).get("entity")
            assert entity is None or entity in ids, claim


def test_ids_are_stable_across_runs_and_articles(annotator):
    a = "Angela Merkel met Emmanuel Macron in Berlin on Monday."
    b = "In Paris, Emmanuel Macron said that Merkel had left. Angela Merkel did not reply."
    first = annotator.annotate_texts([a, b])
    again = Annotator(workers=1).annotate_texts([a, b])
    assert first == again
    ids_a = {e["name"]: e["id"] for e in first[0]["entities"]}
    ids_b = {e["name"]: e["id"] for e in first[1]["entities"]}
    assert ids_a["Angela Merkel"] == ids_b["Angela Merkel"] == "angela-merkel"
    assert ids_a["Emmanuel Macron"] == ids_b["Emmanuel Macron"]
