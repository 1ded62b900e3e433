"""`gloss ingest`: the design note's contract (JSON fields, lines per input, exit status)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from gloss.cli import main
from gloss.ingest import JSON_FIELDS
from ingest_helpers import capture

HEADER = ["Council votes to close old bridge", "By Jane Doe", "16 June 2022"]


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "content" / "sources"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text(capture(HEADER), encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    return folder


def test_json_mode_writes_nothing_and_keeps_input_order(sources, capsys):
    status = main(
        [
            "ingest",
            "--json",
            "--output",
            str(sources.parent / "articles"),
            str(sources / "b.txt"),
            str(sources / "a.txt"),
        ]
    )
    lines = capsys.readouterr().out.splitlines()
    assert status == 1
    assert [json.loads(line)["source"] for line in lines] == [
        str(sources / "b.txt"),
        str(sources / "a.txt"),
    ]
    failed, done = (json.loads(line) for line in lines)
    assert set(failed) == {"source", "error"} and "empty" in failed["error"]
    assert tuple(done) == JSON_FIELDS
    assert done["authors"] == ["Jane Doe"] and done["date"] == "2022-06-16" and done["url"] is None
    assert not (sources.parent / "articles").exists()


def test_write_mode_reports_each_input_and_goes_on_after_a_failure(sources, capsys):
    articles = sources.parent / "articles"
    status = main(["ingest", "--output", str(articles), str(sources)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert out[0].startswith(f"{sources / 'a.txt'}: written: wrote ")
    assert out[1] == f"{sources / 'b.txt'}: failed: empty file"
    assert len(list(articles.rglob("*.md"))) == 1
    (sources / "b.txt").unlink()
    assert main(["ingest", "--output", str(articles), str(sources)]) == 0
    assert ": unchanged: " in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["ingest"])
    assert exit_.value.code == 2
    with pytest.raises(SystemExit) as exit_:
        main(["ingest", "--no-such-flag", "x"])
    assert exit_.value.code == 2


def test_help_reads_like_documentation(capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    text = capsys.readouterr().out
    for word in ("--json", "--force", "--output", "exit status", "written, skipped"):
        assert word in text


def test_console_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bin.txt"
    bad.write_bytes(bytes(range(256)) * 10)
    gloss = Path(sys.executable).with_name("gloss")
    result = subprocess.run(
        [str(gloss), "ingest", "--json", str(bad)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert json.loads(result.stdout)["error"].startswith("binary")


CONTRACT = {
    "type": "object",
    "additionalProperties": False,
    "required": list(JSON_FIELDS),
    "properties": {
        "source": {"type": "string"},
        "title": {"type": ["string", "null"]},
        "subtitle": {"type": ["string", "null"]},
        "authors": {"type": "array", "items": {"type": "string"}},
        "date": {
            "type": ["string", "null"],
            "pattern": r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2})?)?$",
        },
        "url": {"type": ["string", "null"]},
        "publisher": {"type": ["string", "null"]},
        "lang": {"type": ["string", "null"]},
        "paragraphs": {"type": "array", "items": {"type": "string"}},
        "dropped": {"type": "array", "items": {"type": "string"}},
    },
}


def test_every_committed_capture_meets_the_json_contract(sample_content, capsys):
    import jsonschema

    sources = sample_content / "sources"
    assert main(["ingest", "--json", str(sources)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(sources.glob("*.txt")))
    for line in lines:
        jsonschema.validate(json.loads(line), CONTRACT)
