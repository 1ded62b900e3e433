"""Bad text through the annotation engine, as a library (``Annotator``) and as a command
(``gloss annotate``): an empty record or a one-line error per bad input, the batch goes on,
exit status 1 when some input failed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gloss.annotate import SCHEMA, Annotator
from robust_helpers import assert_no_traceback, gloss

GOOD = "Mayor Ana Lopez said the bridge in Springfield would close next spring."
SPACY_MAX_LENGTH = 1_000_000  # spaCy's default nlp.max_length


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    return Annotator(workers=1, cache_dir=None, curation=None)


def test_bad_texts_in_one_batch_never_stop_it(annotator: Annotator):
    texts = [
        "",
        "   \n\n \t ",
        "abc\x00def",
        "!!! ... ??? --- ***\n\n12 34 56",
        GOOD,
        "\x01\x02\x03\x04" * 100,
    ]
    records = annotator.annotate_texts(texts, sources=[f"t{i}" for i in range(len(texts))])
    assert [r["source"] for r in records] == [f"t{i}" for i in range(len(texts))]
    for record in records:
        assert record["schema"] == SCHEMA
        if "error" in record:
            assert record["error"] and "\n" not in record["error"]
            assert record["entities"] == [] and record["claims"] == []
    assert "error" not in records[0] and records[0]["entities"] == []  # empty: empty record
    assert "error" not in records[1] and records[1]["entities"] == []
    assert "error" in records[2] and "error" in records[5]  # binary
    assert "error" not in records[3] and records[3]["claims"] == []  # no sentences
    assert {e["name"] for e in records[4]["entities"]} >= {"Ana Lopez", "Springfield"}


def test_text_past_spacys_max_length_is_annotated_with_right_offsets(annotator: Annotator):
    # Long words keep the parse cheap; the real sentences sit past the model's max_length.
    filler = ("Lorem" * 12 + " ") * (SPACY_MAX_LENGTH // 61 + 10) + "\n\n"
    text = filler + GOOD + "\n\n" + GOOD
    assert len(text) > SPACY_MAX_LENGTH
    (record,) = annotator.annotate_texts([text])
    assert "error" not in record, record.get("error")
    mentions = [m for e in record["entities"] for m in e["mentions"]]
    assert any(m["text"] == "Ana Lopez" and m["start"] > SPACY_MAX_LENGTH for m in mentions)
    for mention in mentions:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for claim in record["claims"]:
        content = claim["content"]
        assert text[content["start"] : content["end"]] == content["text"]


def test_command_one_line_per_bad_input_batch_goes_on(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owner said it was fine.".encode("latin-1"))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    names = ["empty.txt", "binary.txt", "missing.txt", "latin1.txt", "folder", "good.txt"]
    (tmp_path / "folder").mkdir()
    run = gloss("annotate", "--json", "--no-cache", "--no-curation", *names, cwd=tmp_path)
    assert_no_traceback(run)
    assert run.code == 1
    records = [json.loads(line) for line in run.lines]
    assert [r["source"] for r in records] == names
    failed = {r["source"] for r in records if "error" in r}
    assert failed == {"empty.txt", "binary.txt", "missing.txt", "folder"}  # Latin-1 is decoded
    problems = [line for line in run.stderr.splitlines() if line.strip()]
    for name in failed:
        (line,) = [p for p in problems if f"{name}:" in p]
        assert len(line) < 300
    assert records[0]["error"] == "empty file"
    assert any(e["name"] == "Ana Lopez" for e in records[-1]["entities"])


def test_command_binary_on_standard_input(tmp_path: Path):
    run = gloss("annotate", "--json", "--no-cache", "-", stdin=b"abc\x00\x00def", cwd=tmp_path)
    assert_no_traceback(run)
    assert run.code == 1
    assert json.loads(run.stdout)["error"]
    assert run.stderr.strip().count("\n") == 0


def test_command_all_good_is_exit_0_and_bad_usage_exit_2(tmp_path: Path):
    run = gloss("annotate", "--json", "--no-cache", "-", stdin=GOOD.encode(), cwd=tmp_path)
    assert run.code == 0
    assert gloss("annotate", cwd=tmp_path).code == 2


def test_names_without_latin_letters_get_distinct_ids(tmp_path: Path):
    """Ids are ASCII slugs; a name whose letters have no ASCII form (Cyrillic, Han, "Ł") must
    still get an id of its own, or two entities merge into one."""
    from gloss.annotate import load_curation

    (tmp_path / "entities.yml").write_text(
        "entities:\n"
        "  - {name: Москва, label: GPE}\n  - {name: Киев, label: GPE}\n"
        "  - {name: Łódź, label: GPE}\n  - {name: Zürich, label: GPE}\n",
        encoding="utf-8",
    )
    curation = load_curation(tmp_path)
    assert curation.errors == []
    engine = Annotator(workers=1, cache_dir=None, curation=curation)
    text = "Officials from Москва met officials from Киев, Łódź and Zürich on Monday."
    (record,) = engine.annotate_texts([text])
    ids = {e["name"]: e["id"] for e in record["entities"]}
    assert {"Москва", "Киев", "Łódź", "Zürich"} <= set(ids)
    assert len(set(ids.values())) == len(ids)
    assert ids["Zürich"] == "zurich"  # names that do have an ASCII form keep their slug
    for entity_id in ids.values():
        assert entity_id.isascii() and entity_id == entity_id.lower() and "/" not in entity_id
    # The same name gets the same id in another run.
    (again,) = engine.annotate_texts([text])
    assert {e["name"]: e["id"] for e in again["entities"]} == ids
