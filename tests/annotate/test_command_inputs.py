"""`gloss annotate` reads its files the way `gloss ingest` reads captures (any common encoding,
the same one-line errors), and refuses a folder option that names a file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import jsonschema
import pytest
from gloss.cli import main
from gloss.ingest.decode import MAX_BYTES

SCHEMA = json.loads(
    (
        Path(__file__).resolve().parents[2] / "plugins/gloss/data/schema/gloss.annotations-1.json"
    ).read_text(encoding="utf-8")
)

TEXT = "José García met Angela Merkel in Berlin on Tuesday.\n"


def annotate(capsys, *args: str) -> tuple[int, list[dict], list[str]]:
    status = main(["annotate", "--json", "--no-cache", "--no-curation", *args])
    out, err = capsys.readouterr()
    return status, [json.loads(line) for line in out.splitlines()], err.splitlines()


def _names(record: dict) -> set[str]:
    return {entity["name"] for entity in record["entities"]}


@pytest.mark.parametrize(
    "encoded",
    [
        pytest.param(TEXT.encode("utf-16"), id="utf-16 with BOM"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16 without BOM"),
        pytest.param(TEXT.encode("cp1252"), id="windows-1252"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8-sig"), id="utf-8 BOM, CRLF"),
    ],
)
def test_files_in_other_encodings_are_read_like_ingest_reads_them(tmp_path, capsys, encoded):
    path = tmp_path / "article.txt"
    path.write_bytes(encoded)
    status, (record,), err = annotate(capsys, str(path))
    assert status == 0 and err == []
    assert "error" not in record
    assert _names(record) >= {"José García", "Angela Merkel", "Berlin"}
    # Offsets count in the decoded text (line ends as \n): the text ingest would give.
    for mention in (m for entity in record["entities"] for m in entity["mentions"]):
        assert TEXT[mention["start"] : mention["end"]] == mention["text"]


def test_standard_input_is_decoded_too(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-16"))))
    status, (record,), _ = annotate(capsys, "-")
    assert status == 0 and _names(record) >= {"José García", "Berlin"}


def test_mojibake_is_repaired_as_ingest_repairs_it(tmp_path, capsys):
    path = tmp_path / "mojibake.txt"
    path.write_text(TEXT.encode("utf-8").decode("cp1252"), encoding="utf-8")  # "JosÃ© GarcÃ­a"
    status, (record,), _ = annotate(capsys, str(path))
    assert status == 0 and "José García" in _names(record)


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "empty file"),
        (b"  \n\n\t \n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary file, not a text or HTML capture"),
        (b"word " * (MAX_BYTES // 5 + 1000), "file too large (5.0 MB; the limit is 5 MB)"),
    ],
    ids=["empty", "whitespace", "binary", "huge"],
)
def test_unreadable_files_give_ingests_one_line_errors(tmp_path, capsys, content, error):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    status, records, err = annotate(capsys, str(bad), str(good))
    assert status == 1
    assert records[0]["source"] == str(bad) and records[0]["error"] == error
    assert records[0]["entities"] == [] and records[0]["claims"] == []
    jsonschema.validate(records[0], SCHEMA)  # a failed input is still a valid record
    assert "Berlin" in _names(records[1])  # the batch goes on
    assert err == [f"gloss annotate: {bad}: {error}"]


@pytest.mark.parametrize("option", ["--content", "--cache-dir"])
def test_a_folder_option_naming_a_file_is_bad_usage(tmp_path, capsys, option):
    not_a_folder = tmp_path / "README.md"
    not_a_folder.write_text("# readme\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    with pytest.raises(SystemExit) as exc:
        main(["annotate", option, str(not_a_folder), str(article)])
    assert exc.value.code == 2  # like every other bad argument (argparse)
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"gloss annotate: error: argument {option}: not a folder: '{not_a_folder}'"


def test_folder_options_that_do_not_exist_yet_are_fine(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    cache = tmp_path / "new-cache"
    args = ["--content", str(tmp_path / "no-content"), "--cache-dir", str(cache), str(article)]
    assert main(["annotate", "--json", *args]) == 0
    assert "Berlin" in _names(json.loads(capsys.readouterr().out))
    assert any(Path(cache).rglob("*.json"))  # the cache folder was created and used
