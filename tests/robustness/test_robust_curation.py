"""Broken curation files: every mistake is one ``path:line: message``, loading never raises,
and the good entries around a bad one still apply."""

from __future__ import annotations

from pathlib import Path

from gloss.annotate import load_curation
from gloss.annotate.curation import apply_curation

ENTITIES = """\
entities:
  - name: Acme Corporation
    label: ORG
  - name: Bad Label
    label: NOTALABEL
  - name: Extra Key
    label: ORG
    colour: red
  - name: Wrong Wikidata
    label: ORG
    wikidata: 12345
  - just a string
  - name: [a, list]
    label: ORG
ignore: not-a-list
surprise: 1
"""


def _errors(content: Path) -> list[str]:
    return [str(e) for e in load_curation(content).errors]


def test_entities_file_mistakes_have_file_and_line(tmp_path: Path):
    (tmp_path / "entities.yml").write_text(ENTITIES, encoding="utf-8")
    errors = _errors(tmp_path)
    where = str(tmp_path / "entities.yml")
    for line in (5, 8, 11, 12, 13, 15, 16):
        assert any(e.startswith(f"{where}:{line}: ") for e in errors), (line, errors)
    assert all("\n" not in e for e in errors)


def test_good_entries_survive_a_bad_neighbour(tmp_path: Path):
    (tmp_path / "entities.yml").write_text(ENTITIES, encoding="utf-8")
    curation = load_curation(tmp_path)
    text = "Shares of Acme Corporation rose."
    record = {"schema": "gloss.annotations/1", "entities": [], "claims": []}
    curated = apply_curation(record, text, curation, None)
    assert [e["name"] for e in curated["entities"]] == ["Acme Corporation"]


def test_yaml_syntax_errors_and_unreadable_files(tmp_path: Path):
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    (tmp_path / "entities.yml").write_text("entities:\n  - name: [unclosed\n", "utf-8")
    (annotations / "syntax.yml").write_text("mentions:\n  add: [\n    - text: x\n", "utf-8")
    (annotations / "binary.yml").write_bytes(b"\xff\xfe\x00\x01binary")
    (annotations / "tabs.yml").write_text("mentions:\n\tdrop: []\n", "utf-8")
    errors = _errors(tmp_path)
    for name in ("entities.yml", "annotations/syntax.yml", "annotations/binary.yml",
                 "annotations/tabs.yml"):  # fmt: skip
        assert any(e.startswith(str(tmp_path / name)) for e in errors), (name, errors)
    assert all("\n" not in e for e in errors)


def test_wrong_types_and_unknown_keys_in_an_article_file(tmp_path: Path):
    annotations = tmp_path / "annotations"
    annotations.mkdir()
    (annotations / "story.yml").write_text(
        "mentions: 5\nrelabel:\n  - entity: X\n    label: NOPE\nclaims:\n  speaker:\n"
        "    - quote: x\n      speaker: Someone\n      kind: weird\nwhatever: 1\n",
        encoding="utf-8",
    )
    errors = _errors(tmp_path)
    where = str(annotations / "story.yml")
    for line in (1, 4, 9, 10):
        assert any(e.startswith(f"{where}:{line}: ") for e in errors), (line, errors)


def test_empty_and_comment_only_files_are_fine(tmp_path: Path):
    (tmp_path / "annotations").mkdir()
    (tmp_path / "entities.yml").write_text("# nothing yet\n", encoding="utf-8")
    (tmp_path / "annotations" / "story.yml").write_text("", encoding="utf-8")
    assert _errors(tmp_path) == []
