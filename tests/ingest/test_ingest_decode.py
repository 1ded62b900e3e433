"""Encodings: UTF-8 (with or without BOM), UTF-16, Windows-1252, Latin-1; mojibake; bad files."""

from __future__ import annotations

import pytest
from gloss.errors import GlossError
from gloss.ingest import ingest_bytes, ingest_path
from gloss.ingest.decode import decode_bytes
from ingest_helpers import capture

TEXT = capture(
    ["Café owners in São Paulo protest “unfair” taxes", "By José Núñez", "16 June 2022"],
    [
        "The café owners, who say the new levy is “unfair”, marched on Tuesday – some 2,000 of them.",
        "Mayor Renée Dubois said the city would review the tax before the end of the year.",
    ],
)


@pytest.mark.parametrize(
    "codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"]
)
def test_encodings(codec):
    article = ingest_bytes(TEXT.encode(codec), "x.txt")
    assert article.title == "Café owners in São Paulo protest “unfair” taxes"
    assert article.authors == ["José Núñez"]
    assert article.paragraphs[0].startswith(
        "The café owners, who say the new levy is “unfair”, marched"
    )


def test_latin1():
    text = "Économie: les prix à Montréal\n\nLes prix ont augmenté à Montréal, a dit le ministre. Les ménages paient plus cher.\n"
    assert decode_bytes(text.encode("latin-1"))[0] == text


def test_mojibake_is_repaired():
    # UTF-8 bytes read as Windows-1252 / Latin-1 somewhere upstream, then saved as UTF-8.
    broken = TEXT.encode("utf-8").decode("latin-1").encode("utf-8")
    article = ingest_bytes(broken, "x.txt")
    assert article.title == "Café owners in São Paulo protest “unfair” taxes"


def test_crlf_line_endings():
    article = ingest_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"), "x.txt")
    assert len(article.paragraphs) == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n\t", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_bad_files(tmp_path, data, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(GlossError, match=message) as error:
        ingest_path(path)
    assert error.value.path == str(path)
    assert "\n" not in str(error.value)


def test_oversized_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * (1_100_000))
    with pytest.raises(GlossError, match="too large"):
        ingest_path(path)


def test_missing_file(tmp_path):
    with pytest.raises(GlossError, match="no such file"):
        ingest_path(tmp_path / "nothing.txt")
