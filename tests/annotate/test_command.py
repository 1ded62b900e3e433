"""`gloss annotate`: the contract in the design note (JSON lines in input order, exit codes)."""

from __future__ import annotations

import io
import json
import sys

import pytest
from gloss.cli import main


def run(capsys, *args: str) -> tuple[int, list[dict], str]:
    status = main(["annotate", "--no-cache", *args])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    return status, lines, err


def test_json_lines_in_input_order_and_exit_1_when_one_fails(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Angela Merkel met Emmanuel Macron in Berlin.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Caf\xe9 de Fran\xe7ois".encode("latin-1"))
    paths = [good, tmp_path / "missing.txt", empty, binary, latin1, good]
    status, lines, err = run(capsys, "--json", *map(str, paths))
    assert status == 1
    assert [line["source"] for line in lines] == [str(p) for p in paths]
    assert all(line["schema"] == "gloss.annotations/1" for line in lines)
    assert {e["name"] for e in lines[0]["entities"]} >= {"Angela Merkel", "Berlin"}
    assert lines[0] == lines[5]
    # Files are decoded like ingest's captures: empty is an error, Latin-1 text is read.
    assert "error" in lines[1] and "error" in lines[2] and "error" in lines[3]
    assert "error" not in lines[4]
    assert all("Traceback" not in line for line in err.splitlines())
    assert len([line for line in err.splitlines() if line]) == 3  # one line per failure


def test_standard_input(capsys, monkeypatch):
    text = "Prime Minister Justin Trudeau visited Ottawa."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    status, lines, _ = run(capsys, "--json", "-")
    assert status == 0
    assert lines[0]["source"] == "-"
    trudeau = next(e for e in lines[0]["entities"] if e["label"] == "PERSON")
    assert trudeau["name"] == "Justin Trudeau"


def test_summary_without_json(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Angela Merkel met Emmanuel Macron in Berlin.", encoding="utf-8")
    assert main(["annotate", "--no-cache", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Angela Merkel" in out and "entities" in out


@pytest.mark.parametrize("args", [[], ["--workers", "0", "x.txt"], ["--bogus", "x.txt"]])
def test_bad_usage_exits_2(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["annotate", *args])
    assert exc.value.code == 2


def test_unknown_model_is_one_line(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Some text.", encoding="utf-8")
    status = main(["annotate", "--no-cache", "--model", "xx_no_such_model", str(path)])
    err = capsys.readouterr().err
    assert status == 1
    assert len(err.strip().splitlines()) == 1 and "xx_no_such_model" in err


def test_curation_mistakes_are_reported_not_fatal(tmp_path, capsys):
    (tmp_path / "entities.yml").write_text("entities:\n  - name: X\n    label: NOPE\n")
    path = tmp_path / "a.txt"
    path.write_text("Angela Merkel spoke.", encoding="utf-8")
    status, lines, err = run(capsys, "--json", "--content", str(tmp_path), str(path))
    assert status == 0 and lines[0]["entities"]
    assert f"{tmp_path / 'entities.yml'}:3:" in err
