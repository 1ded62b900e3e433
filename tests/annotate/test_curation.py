"""Curation files: validated with file and line, never fatal; human decisions win."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from gloss.annotate import Annotator, load_curation
from gloss.annotate.curation import apply_curation

TEXT = (
    "Chinese President Xi Jinping spoke with Vladimir Putin on Wednesday. "
    "The Kremlin said the call was warm.\n\n"
    'Xi said China would work with Russia. "We are partners," Putin said.'
)


def write(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    write(
        tmp_path,
        "entities.yml",
        """\
        entities:
          - name: Xi Jinping
            label: PERSON
            aliases: [President Xi]
            description: President of China.
            wikidata: Q15031
          - name: Russian Federation
            label: GPE
            aliases: [Russia]
          - name: Kremlin
            label: ORG
        ignore:
          - Wednesday
        """,
    )
    return tmp_path


def record_for(text: str, content: Path, slug: str | None = None) -> dict:
    curation = load_curation(content)
    assert curation.errors == []
    annotator = Annotator(workers=1, cache_dir=None, curation=curation)
    return annotator.annotate_texts([text], slugs=[slug])[0]


def by_name(record: dict, name: str) -> dict | None:
    return next((e for e in record["entities"] if e["name"] == name), None)


def test_archive_knowledge_renames_and_finds_aliases(content):
    record = record_for(TEXT, content)
    russia = by_name(record, "Russian Federation")
    assert russia is not None and russia["id"] == "russian-federation" and russia["label"] == "GPE"
    assert [m["text"] for m in russia["mentions"]] == ["Russia"]
    kremlin = by_name(record, "Kremlin")  # the model may miss it: the archive knows it
    assert kremlin is not None and kremlin["label"] == "ORG"
    assert by_name(record, "Xi Jinping")["id"] == "xi-jinping"


def test_article_corrections_win(content):
    write(
        content,
        "annotations/call.yml",
        """\
        mentions:
          add:
            - text: Kremlin
              entity: Vladimir Putin
          drop:
            - text: China
        relabel:
          - entity: Vladimir Putin
            label: ORG
        """,
    )
    record = record_for(TEXT, content, slug="call")
    putin = by_name(record, "Vladimir Putin")
    assert putin["label"] == "ORG"
    assert "Kremlin" in [m["text"] for m in putin["mentions"]]
    assert by_name(record, "Kremlin") is None
    assert by_name(record, "China") is None
    # The corrections apply only to their own article.
    other = record_for(TEXT, content, slug="another-article")
    assert by_name(other, "China") is not None


def test_claim_corrections():
    text = "Xi Jinping spoke on Monday. China will help, Xi said. The weather is fine."
    record = {
        "schema": "gloss.annotations/1",
        "source": None,
        "text_sha256": "0" * 64,
        "entities": [
            {
                "id": "xi-jinping",
                "name": "Xi Jinping",
                "label": "PERSON",
                "mentions": [{"start": 0, "end": 10, "text": "Xi Jinping"}],
            }
        ],
        "claims": [
            {
                "id": "c1",
                "speaker": {"name": "Xi Jinping", "entity": "xi-jinping", "kind": "named"},
                "cue": {"lemma": "say", "start": 48, "end": 52, "text": "said"},
                "content": {"start": 28, "end": 43, "text": "China will help"},
                "mode": "indirect",
            }
        ],
    }
    from gloss.annotate.curation import ArticleCuration, ClaimAddition, ClaimEdit, Curation

    curation = Curation(
        articles={
            "a": ArticleCuration(
                slug="a",
                claim_speakers=[ClaimEdit(quote="will help", speaker="officials", kind="vague")],
                add_claims=[ClaimAddition(speaker="Xi Jinping", content="The weather is fine")],
            )
        }
    )
    out = apply_curation(record, text, curation, "a")
    assert [c["id"] for c in out["claims"]] == ["c1", "c2"]
    assert out["claims"][0]["speaker"] == {"name": "officials", "entity": None, "kind": "vague"}
    added = out["claims"][1]
    assert added["speaker"]["entity"] == "xi-jinping"
    assert text[added["content"]["start"] : added["content"]["end"]] == "The weather is fine"
    curation.articles["a"].drop_claims = [ClaimEdit(id="c1")]
    assert len(apply_curation(record, text, curation, "a")["claims"]) == 1


def test_mistakes_are_reported_with_file_and_line_and_skipped(tmp_path):
    write(
        tmp_path,
        "entities.yml",
        """\
        entities:
          - name: Good One
            label: ORG
          - name: Bad Label
            label: COMPANY
          - label: PERSON
          - name: Odd Key
            label: ORG
            colour: blue
          - name: Good One
            label: ORG
          - name: Wrong Wikidata
            label: ORG
            wikidata: 12345
        """,
    )
    write(tmp_path, "annotations/broken.yml", "mentions: [unclosed\n")
    write(
        tmp_path,
        "annotations/partly.yml",
        """\
        claims:
          speaker:
            - quote: something
          add:
            - speaker: Someone
              content: text
              mode: sarcastic
        """,
    )
    curation = load_curation(tmp_path)
    found = {(Path(e.path).name, e.line) for e in curation.errors}
    assert ("entities.yml", 5) in found  # label COMPANY
    assert ("entities.yml", 6) in found  # no name
    assert ("entities.yml", 9) in found  # unknown key
    assert ("entities.yml", 10) in found  # defined twice
    assert ("entities.yml", 14) in found  # wikidata
    assert any(name == "broken.yml" for name, _ in found)
    assert ("partly.yml", 3) in found  # speaker missing
    assert ("partly.yml", 7) in found  # mode
    assert all(str(e).count("\n") == 0 for e in curation.errors)
    # What was right is kept.
    assert [k.name for k in curation.entities] == ["Good One", "Odd Key", "Wrong Wikidata"]


def test_no_content_folder_means_no_curation(tmp_path):
    curation = load_curation(tmp_path / "missing")
    assert curation.errors == [] and curation.entities == [] and curation.articles == {}


def test_the_sample_curation_files_are_valid(sample_content):
    curation = load_curation(sample_content)
    assert [str(e) for e in curation.errors] == []


def test_editing_curation_changes_the_record_without_a_new_parse(content, tmp_path):
    cache = tmp_path / "cache"
    first = Annotator(workers=1, cache_dir=cache, curation=load_curation(content))
    before = first.annotate_texts([TEXT])[0]
    entries = sorted(cache.rglob("*.json"))
    (content / "entities.yml").write_text(
        "entities:\n  - name: Moscow Kremlin\n    label: FAC\n    aliases: [Kremlin]\n",
        encoding="utf-8",
    )
    second = Annotator(workers=1, cache_dir=cache, curation=load_curation(content))
    after = second.annotate_texts([TEXT])[0]
    assert sorted(cache.rglob("*.json")) == entries  # served from the cache
    assert by_name(before, "Moscow Kremlin") is None
    assert by_name(after, "Moscow Kremlin")["label"] == "FAC"


def test_corrections_that_apply_to_nothing_are_reported_with_file_and_line(content):
    path = write(
        content,
        "annotations/call.yml",
        """\
        mentions:
          add:
            - text: Beijing
              entity: Beijing
          drop:
            - text: Putin
            - text: Shanghai
        relabel:
          - entity: Angela Merkel
            label: ORG
        claims:
          drop:
            - quote: no such words
          speaker:
            - quote: work with Russia
              speaker: Xi Jinping
          add:
            - speaker: Xi Jinping
              content: words nobody wrote
        """,
    )
    curation = load_curation(content)
    annotator = Annotator(workers=1, cache_dir=None, curation=curation)
    annotator.annotate_texts([TEXT], slugs=["call"])
    reported = {(w.line, w.message) for w in curation.unmatched}
    assert {w.path for w in curation.unmatched} == {str(path)}
    assert reported == {
        (3, "mentions.add: 'Beijing' is not in the text"),
        (7, "mentions.drop: no mention of 'Shanghai' to drop"),
        (9, "relabel: the article has no entity 'Angela Merkel'"),
        (13, "claims.drop: no claim with quote 'no such words'"),
        (18, "claims.add: the content 'words nobody wrote' is not in the text"),
    }
    # The edits that did apply are not reported, and a second pass does not repeat a warning.
    annotator.annotate_texts([TEXT], slugs=["call"])
    assert len(curation.unmatched) == 5
