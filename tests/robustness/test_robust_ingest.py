"""Bad captures through ``gloss ingest``: one clear line naming each bad file, the good ones
written, exit status 1, and never a hand-edited post overwritten."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from robust_helpers import GOOD_BODY, assert_no_traceback, gloss, text_capture

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"

EVIL_PAGE = """<html><head><title></script><script>alert(1)</script></title>
<script>alert("head")</script></head><body><article>
<h1>Council &lt;b&gt;closes&lt;/b&gt; the old bridge</h1>
<p>The city council voted on Tuesday to close the old bridge to cars from next spring, after
engineers warned <a href="javascript:alert(3)">that its supports</a> had corroded
<img src="x" onerror="alert(4)"> beyond repair, officials said on Tuesday evening.</p>
<iframe src="http://evil.example/"></iframe>
<p>Mayor Ana Lopez said the decision was painful but necessary, and that traffic would be
diverted over the northern ring road while a new crossing is designed.</p>
<p># not a heading *not bold* [not a link](javascript:alert(5)) &lt;script&gt;alert(6)&lt;/script&gt;</p>
</article></body></html>
"""

BAD_CAPTURES: dict[str, bytes] = {
    "empty.txt": b"",
    "blank.txt": b"   \n\t\n   \n",
    "nul-bytes.txt": b"Title\n\nSome text\x00 with NUL\x00 bytes\x00 inside.\n",
    "picture.txt": PNG,
    "boilerplate-only.txt": b"Post a Comment\nShare this:\nLike this:\nLeave a Reply\n",
}


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    captures = tmp_path / "captures"
    captures.mkdir()
    for name, data in BAD_CAPTURES.items():
        (captures / name).write_bytes(data)
    (captures / "huge.txt").write_text(("a word or two " * 8 + "\n") * 50_000, encoding="utf-8")
    (captures / "good.txt").write_text(text_capture("Council closes the old bridge"), "utf-8")
    (captures / "evil.html").write_text(EVIL_PAGE, encoding="utf-8")
    return captures


def test_mixed_folder_good_written_one_line_per_bad_exit_1(mixed_folder: Path, tmp_path: Path):
    posts = tmp_path / "posts"
    run = gloss("ingest", "--output", str(posts), str(mixed_folder))
    assert_no_traceback(run)
    assert run.code == 1
    by_source = {line.split(": ", 1)[0]: line for line in run.lines}
    bad = [*BAD_CAPTURES, "huge.txt"]
    for name in bad:
        line = by_source[str(mixed_folder / name)]
        assert ": failed: " in line, line
        assert "\n" not in line
    assert "too large" in by_source[str(mixed_folder / "huge.txt")]
    assert "empty" in by_source[str(mixed_folder / "empty.txt")]
    assert "binary" in by_source[str(mixed_folder / "picture.txt")]
    for name in ("good.txt", "evil.html"):
        assert ": written: " in by_source[str(mixed_folder / name)]
    written = sorted(posts.rglob("*.md"))
    assert len(written) == 2


def test_json_mode_one_object_per_input_in_order(mixed_folder: Path):
    files = sorted(mixed_folder.iterdir())
    run = gloss("ingest", "--json", *map(str, files))
    assert_no_traceback(run)
    assert run.code == 1
    records = [json.loads(line) for line in run.lines]
    assert [r["source"] for r in records] == [str(f) for f in files]
    for record in records:
        assert ("error" in record) == (Path(record["source"]).name not in {"good.txt", "evil.html"})
        if "error" in record:
            assert record["error"] and "\n" not in record["error"]


def test_missing_path_is_one_line_and_exit_1(tmp_path: Path):
    run = gloss("ingest", "--json", str(tmp_path / "nothing-here.txt"))
    assert_no_traceback(run)
    assert run.code == 1
    assert json.loads(run.stdout)["error"]


def test_bad_usage_is_exit_2():
    assert gloss("ingest").code == 2
    assert gloss("ingest", "--no-such-option", "x").code == 2


def _paragraphs(path: Path, data: bytes) -> list[str]:
    path.write_bytes(data)
    run = gloss("ingest", "--json", str(path))
    assert_no_traceback(run)
    record = json.loads(run.stdout)
    assert "error" not in record, record
    return record["paragraphs"]


@pytest.mark.parametrize(
    "encoding", ["utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252"], ids=str
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str):
    """UTF-16 without a BOM (``utf-16-le``/``-be``) must not be mistaken for binary."""
    body = [*GOOD_BODY[:2], "The café’s owner called it “a sad day” for the town, she said."]
    capture = text_capture("Council closes the old bridge", body)
    paragraphs = _paragraphs(tmp_path / "capture.txt", capture.encode(encoding))
    assert paragraphs == body


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_ascii_utf16_without_bom_is_text_not_binary(tmp_path: Path, encoding: str):
    """All-ASCII UTF-16 is also valid UTF-8 (NUL is a valid code point), so it must not be
    taken for UTF-8 and then refused as binary for its NULs."""
    capture = text_capture("Council closes the old bridge")
    assert capture.isascii()
    assert _paragraphs(tmp_path / "capture.txt", capture.encode(encoding)) == GOOD_BODY


def test_mojibake_is_repaired(tmp_path: Path):
    body = [*GOOD_BODY[:2], "He said it’s a sad day for the café’s owner."]
    capture = text_capture("Council closes the old bridge", body)
    broken = capture.replace("’", "â€™").replace("é", "Ã©")  # UTF-8 read as cp1252 upstream
    paragraphs = _paragraphs(tmp_path / "capture.txt", broken.encode("utf-8"))
    assert paragraphs[-1] == body[-1]


def test_invalid_utf8_loses_no_line(tmp_path: Path):
    capture = text_capture("Council closes the old bridge").encode("utf-8")
    capture = capture.replace(b"the old bridge to cars", b"the old \xff\xfe bridge to cars")
    paragraphs = _paragraphs(tmp_path / "capture.txt", capture)
    assert len(paragraphs) == len(GOOD_BODY)
    assert "bridge to cars" in paragraphs[0]


def test_very_long_lines_are_ingested(tmp_path: Path):
    sentence = "The council said the bridge would close next spring. "
    capture = "Council closes the old bridge\n\n" + sentence * 20_000 + "\n"
    paragraphs = _paragraphs(tmp_path / "capture.txt", capture.encode("utf-8"))
    assert "".join(paragraphs).count("bridge would close") == 20_000


def test_html_capture_carries_no_markup_into_the_post(mixed_folder: Path, tmp_path: Path):
    posts = tmp_path / "posts"
    gloss("ingest", "--output", str(posts), str(mixed_folder / "evil.html"))
    (post,) = posts.rglob("*.md")
    source = post.read_text("utf-8")
    for active in ("<script", "<iframe", "onerror", "<img", "<a ", "<b>"):
        assert active not in source, active
    assert "# not a heading" not in source.replace("\\", "")  # a heading marker is escaped


@pytest.mark.parametrize(
    "title",
    [
        "</script><script>alert(1)</script>",
        'Acme & <Sons> "Ltd" <img src=x onerror=alert(2)> opens plant',
    ],
)
def test_title_is_written_as_text_not_html(tmp_path: Path, title: str):
    """Pelican reads ``Title:`` as HTML and the theme prints it as such (a hand-written
    ``&amp;`` must work), so a title taken from a capture must be escaped in the post."""
    from markdown import Markdown
    from pelican.readers import MarkdownReader
    from pelican.settings import DEFAULT_CONFIG

    capture = tmp_path / "capture.txt"
    capture.write_text(text_capture(title), encoding="utf-8")
    posts = tmp_path / "posts"
    assert gloss("ingest", "--output", str(posts), str(capture)).code == 0
    (post,) = posts.rglob("*.md")
    settings = {**DEFAULT_CONFIG, "MARKDOWN": {"extension_configs": {}}}
    reader = MarkdownReader(settings)
    reader._md = Markdown(extensions=["markdown.extensions.meta"])
    _, metadata = reader.read(str(post))
    html_title = str(metadata["title"])
    assert "<" not in html_title and ">" not in html_title
    import html

    assert html.unescape(html_title) == title


@pytest.mark.parametrize("title", ["../../etc/passwd", "..", "/etc/passwd", "a/../../b", "~"])
def test_path_like_titles_give_safe_slugs(tmp_path: Path, title: str):
    capture = tmp_path / "capture.txt"
    capture.write_text(text_capture(title), encoding="utf-8")
    posts = tmp_path / "posts"
    run = gloss("ingest", "--output", str(posts), str(capture))
    assert run.code == 0, run.stdout + run.stderr
    (post,) = list(posts.rglob("*.md"))
    assert post.resolve().is_relative_to(posts.resolve())
    assert ".." not in post.relative_to(posts).as_posix()


def test_path_like_file_names_stay_inside_the_output(tmp_path: Path):
    captures = tmp_path / "captures"
    (captures / "sub").mkdir(parents=True)
    odd = captures / "sub" / "..%2f..%2fetc%2fpasswd .txt"
    odd.write_text(text_capture("Council closes the old bridge"), encoding="utf-8")
    posts = tmp_path / "posts"
    run = gloss("ingest", "--output", str(posts), str(captures))
    assert run.code == 0, run.stdout
    assert all(p.resolve().is_relative_to(posts.resolve()) for p in posts.rglob("*"))


def test_hand_edits_survive_ingest_and_force(tmp_path: Path):
    captures = tmp_path / "captures"
    captures.mkdir()
    (captures / "a.txt").write_text(text_capture("Council closes the old bridge"), "utf-8")
    library = [
        "The mayor opened the new library on Monday, officials said, after two years "
        "of work that cost less than the council had planned."
    ]
    (captures / "b.txt").write_text(text_capture("Mayor opens new library", library), "utf-8")
    posts = tmp_path / "posts"
    assert gloss("ingest", "--output", str(posts), str(captures)).code == 0
    edited, untouched = sorted(posts.rglob("*.md"))
    edit = edited.read_text("utf-8") + "\nA paragraph a person added by hand.\n"
    edited.write_text(edit, encoding="utf-8")
    again = gloss("ingest", "--output", str(posts), str(captures))
    assert_no_traceback(again)
    assert again.code == 0
    assert edited.read_text("utf-8") == edit
    forced = gloss("ingest", "--force", "--output", str(posts), str(captures))
    assert_no_traceback(forced)
    assert edited.read_text("utf-8") == edit
    refused = [line for line in forced.lines if ": refused" in line]
    # Unchanged captures are a no-op even with --force; a changed capture's edited post is
    # refused. Change both captures to make --force try to rewrite them.
    for name in ("a.txt", "b.txt"):
        path = captures / name
        path.write_text(path.read_text("utf-8").replace(" on ", " early on "), "utf-8")
    forced = gloss("ingest", "--force", "--output", str(posts), str(captures))
    assert_no_traceback(forced)
    assert edited.read_text("utf-8") == edit
    refused = [line for line in forced.lines if ": refused" in line]
    assert len(refused) == 1 and "a.txt" in refused[0]
    assert "early on" in untouched.read_text("utf-8")
