"""`gloss ingest` on a real archive's rough edges: --quiet for `make html`, a posts folder that
cannot be written, capture file names with control characters, a page of many paragraphs."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from gloss.cli import main
from ingest_helpers import BODY, capture

ROOT = Path(__file__).resolve().parents[2]
GLOSS = Path(sys.executable).parent / "gloss"


def _capture(title: str) -> str:
    """A capture whose body is its own (the same body twice would be a duplicate)."""
    return capture([title, "By Jane Doe", "16 June 2022"], [f"{title}, officials said.", *BODY])


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """content/ with two captures: one already ingested, one new, and one that fails."""
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    (sources / "a.txt").write_text(_capture("Council votes to close old bridge"), "utf-8")
    assert main(["ingest", "--output", str(tmp_path / "content" / "articles"), str(sources)]) == 0
    (sources / "b.txt").write_text(_capture("Mayor opens the new library"), "utf-8")
    (sources / "c.txt").write_bytes(b"")
    return tmp_path / "content"


def test_quiet_leaves_out_unchanged_captures_only(archive: Path, capsys):
    capsys.readouterr()
    articles, sources = archive / "articles", archive / "sources"
    status = main(["ingest", "--quiet", "--output", str(articles), str(sources)])
    out, err = capsys.readouterr()
    assert status == 1
    assert out.splitlines() == [
        f"{sources / 'b.txt'}: written: wrote {articles}/2022/mayor-opens-the-new-library.md",
        f"{sources / 'c.txt'}: failed: empty file",
    ]
    assert err.splitlines() == ["ingest: 3 input(s): 1 failed, 1 unchanged, 1 written"]
    # Without --quiet (`make ingest`) the unchanged capture still has its line.
    main(["ingest", "--output", str(articles), str(sources)])
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in out] == ["unchanged", "unchanged", "failed"]


def test_quiet_keeps_skipped_and_refused_lines(archive: Path, capsys):
    articles, sources = archive / "articles", archive / "sources"
    (sources / "c.txt").unlink()
    (sources / "copy.txt").write_bytes((sources / "a.txt").read_bytes())  # a duplicate
    post = next(articles.rglob("council-*.md"))
    post.write_text(post.read_text("utf-8") + "\nA note added by hand.\n", "utf-8")
    capsys.readouterr()
    assert main(["ingest", "--quiet", "--force", "--output", str(articles), str(sources)]) == 0
    statuses = [line.split(": ")[1] for line in capsys.readouterr().out.splitlines()]
    assert statuses == ["refused", "written", "skipped"]  # a.txt, b.txt, copy.txt


def test_quiet_and_json_do_not_go_together(archive: Path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["ingest", "--quiet", "--json", str(archive / "sources")])
    assert exc.value.code == 2
    assert "not allowed with" in capsys.readouterr().err


def test_quiet_run_from_a_log_has_no_progress_bar(tmp_path: Path):
    """50+ captures in a log (not a terminal) get a final progress count, except with --quiet:
    a build log of an unchanged archive then holds the summary line and nothing else."""
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    for number in range(55):
        (sources / f"{number:03}.txt").write_text(
            _capture(f"Council vote number {number}"), "utf-8"
        )
    articles = str(tmp_path / "content" / "articles")
    first = subprocess.run(
        [GLOSS, "ingest", "--quiet", "--output", articles, str(sources)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert first.returncode == 0 and len(first.stdout.splitlines()) == 55
    again = subprocess.run(
        [GLOSS, "ingest", "--quiet", "--output", articles, str(sources)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert again.returncode == 0 and again.stdout == ""
    assert again.stderr.splitlines() == ["ingest: 55 input(s): 55 unchanged"]


def test_make_html_ingests_quietly_and_make_ingest_does_not():
    """The Makefile's site targets run the quiet form; `make ingest` the full listing."""
    dry_runs = {
        target: subprocess.run(
            ["make", "-n", "-s", target], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout
        for target in ("html", "publish", "devserver", "ingest")
    }
    for target in ("html", "publish", "devserver"):
        (ingest,) = [line for line in dry_runs[target].splitlines() if "gloss ingest" in line]
        assert "gloss ingest --quiet " in ingest, target
    (ingest,) = [line for line in dry_runs["ingest"].splitlines() if "gloss ingest" in line]
    assert "--quiet" not in ingest


# A posts folder that cannot be written: the post is named, and the reason is in words.


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_post_that_cannot_be_written_is_named_with_the_reason(tmp_path: Path):
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    (sources / "a.txt").write_text(_capture("Council votes to close old bridge"), "utf-8")
    run = subprocess.run(
        [GLOSS, "ingest", "--output", "content/articles", "content/sources"],
        cwd=tmp_path, capture_output=True, text=True, check=False,
        preexec_fn=_limit_file_size(100),
    )  # fmt: skip
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "content/sources/a.txt: failed: cannot write "
        "content/articles/2022/council-votes-to-close-old-bridge.md: file too large"
    ]
    assert ".tmp" not in run.stdout and "Errno" not in run.stdout


def _read_only(folder: Path, *command: str | Path) -> subprocess.CompletedProcess[str]:
    """Run ``command`` with ``folder`` mounted read-only in a mount namespace of its own (root
    ignores file modes, so a chmod would not do); skip where that is not allowed."""
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here")
    script = 'mount --bind -o ro "$0" "$0" && exec "$@"'
    run = subprocess.run(
        ["unshare", "--mount", "sh", "-c", script, str(folder), *map(str, command)],
        cwd=folder.parent.parent, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if "mount" in run.stderr or "unshare" in run.stderr:
        pytest.skip(f"cannot mount read-only here: {run.stderr.strip()}")
    return run


@pytest.mark.parametrize("year_folder_exists", [False, True])
def test_a_read_only_posts_folder_names_the_post(tmp_path: Path, year_folder_exists: bool):
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    (sources / "a.txt").write_text(_capture("Council votes to close old bridge"), "utf-8")
    articles = tmp_path / "content" / "articles"
    (articles / "2022" if year_folder_exists else articles).mkdir(parents=True)
    run = _read_only(articles, GLOSS, "ingest", "--output", "content/articles", "content/sources")
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "content/sources/a.txt: failed: cannot write "
        "content/articles/2022/council-votes-to-close-old-bridge.md: read-only file system"
    ]
    assert not list(articles.rglob("*.md"))


def test_force_into_a_read_only_posts_folder_names_the_post(archive: Path):
    (archive / "sources" / "b.txt").unlink()
    (archive / "sources" / "c.txt").unlink()
    (archive / "sources" / "a.txt").write_text(_capture("Council votes to shut bridge"), "utf-8")
    articles = archive / "articles"
    run = _read_only(
        articles, GLOSS, "ingest", "--force", "--output", "content/articles", "content/sources"
    )
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "content/sources/a.txt: failed: cannot write "
        "content/articles/2022/council-votes-to-close-old-bridge.md: read-only file system"
    ]


# Capture file names with control characters.

NAMES = {
    "bad\nname.html.txt": "bad\\nname.html.txt",
    "red\x1b[31m.txt": "red\\x1b[31m.txt",
    "tab\there.txt": "tab\\there.txt",
}


@pytest.mark.parametrize("name", NAMES)
def test_a_capture_named_with_a_control_character_is_refused_on_one_line(
    tmp_path: Path, name: str, capsys
):
    sources = tmp_path / "content" / "sources"
    sources.mkdir(parents=True)
    (sources / name).write_text(_capture("Council votes to close old bridge"), "utf-8")
    (sources / "good.txt").write_text(_capture("Mayor opens the new library"), "utf-8")
    articles = tmp_path / "content" / "articles"
    status = main(["ingest", "--output", str(articles), str(sources)])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    bad, good = sorted(out, key=lambda line: "good.txt" in line)
    assert bad == (
        f"{sources}/{NAMES[name]}: failed: file name has a control character: rename the "
        "capture (its post could not record where it came from)"
    )
    assert good.startswith(f"{sources / 'good.txt'}: written: ")
    (post,) = articles.rglob("*.md")
    assert "Capture: sources/good.txt\n" in post.read_text("utf-8")


def test_json_mode_reads_such_a_capture_and_keeps_its_exact_name(tmp_path: Path, capsys):
    path = tmp_path / "bad\nname.txt"
    path.write_text(_capture("Council votes to close old bridge"), "utf-8")
    assert main(["ingest", "--json", str(path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["source"] == str(path)


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
def test_a_file_name_that_is_not_utf8_is_refused_not_a_traceback(tmp_path: Path):
    sources = tmp_path / "sources"
    sources.mkdir()
    name = os.fsencode(sources) + b"/caf\xe9.txt"  # Latin-1 bytes: not UTF-8
    with open(name, "wb") as handle:
        handle.write(_capture("Council votes to close old bridge").encode())
    run = subprocess.run(
        [GLOSS, "ingest", "--output", str(tmp_path / "articles"), str(sources)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stdout.splitlines() == [
        f"{sources}/caf\\udce9.txt: failed: file name has bytes that are not UTF-8: rename "
        "the capture (its post could not record where it came from)"
    ]
    listed = subprocess.run(
        [GLOSS, "ingest", "--json", str(sources)], capture_output=True, text=True, check=False
    )
    assert listed.returncode == 0
    assert json.loads(listed.stdout)["source"] == f"{sources}/caf\udce9.txt"


# A saved page with very many short blocks: trafilatura's fallbacks (jusText) take time that
# grows with the square of the page, so above a bound the main extractor works alone.

ARTICLE = [
    f"Paragraph {number} of the report: the council will close the old bridge in March, the "
    "mayor said on Tuesday, and traffic will go through the town centre for six months."
    for number in range(1, 9)
]


def _page(navigation_links: int) -> str:
    links = "<p>nav link</p>" * navigation_links
    body = "".join(f"<p>{paragraph}</p>" for paragraph in ARTICLE)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Council votes to close old bridge</title></head>"
        f"<body>{links}<article><h1>Council votes to close old bridge</h1>{body}</article>"
        "</body></html>"
    )


@pytest.fixture
def extraction_modes(monkeypatch) -> list[bool]:
    """The ``fast`` argument of each trafilatura.bare_extraction call (the real one runs)."""
    import trafilatura

    modes: list[bool] = []
    real = trafilatura.bare_extraction

    def recording(*args, **kwargs):
        modes.append(kwargs.get("fast", False))
        return real(*args, **kwargs)

    monkeypatch.setattr(trafilatura, "bare_extraction", recording)
    return modes


def test_a_page_of_20000_short_paragraphs_skips_the_fallbacks(tmp_path, capsys, extraction_modes):
    path = tmp_path / "huge.html"
    path.write_text(_page(20_000), encoding="utf-8")
    assert main(["ingest", "--json", str(path)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["title"] == "Council votes to close old bridge"
    assert record["paragraphs"] == ARTICLE  # no navigation line, nothing of the article lost
    assert extraction_modes == [True]


def test_a_normal_page_keeps_the_full_extraction(tmp_path, capsys, extraction_modes):
    path = tmp_path / "page.html"
    path.write_text(_page(200), encoding="utf-8")
    assert main(["ingest", "--json", str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["paragraphs"] == ARTICLE
    assert extraction_modes == [False]
