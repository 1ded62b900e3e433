"""One tiny archive built for real (``gloss ingest`` then ``pelican`` with the project's
settings, theme and plugin), from hostile captures and broken curation files; then rebuilt
after a hand edit, a corrupted cache and a half-written output. Checked: the build completes,
every problem is one line naming its file, no script from a capture reaches a page, and no
human edit is lost."""

from __future__ import annotations

import json
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from robust_helpers import BIN, GOOD_BODY, ROOT, gloss, text_capture

pytestmark = pytest.mark.slow

EVIL_PAGE = """<!doctype html><html lang="en"><head>
<title></script><script>alert("title")</script></title>
<meta property="article:published_time" content="2021-03-04">
<script>alert("head")</script></head><body onload="alert('body')"><article>
<h1>Council &lt;script&gt;alert("h1")&lt;/script&gt; closes the bridge</h1>
<p>The city council voted on Tuesday to close the old bridge to cars from next spring, after
engineers warned <a href="javascript:alert('link')">that its supports</a> had corroded
<img src="x" onerror="alert('img')"> beyond repair, Acme Corporation said on Tuesday.</p>
<iframe src="http://evil.example/" onload="alert('iframe')"></iframe>
<p>Mayor Ana Lopez said the decision was painful but necessary, and that traffic would be
diverted over the northern ring road while a new crossing is designed.</p>
<p>&lt;img src=x onerror=alert("text")&gt; [a link](javascript:alert("md")) # not a heading</p>
</article></body></html>
"""

ENTITIES_YML = """\
entities:
  - name: Acme <Sons> & "Co"
    label: ORG
    aliases: [Acme Corporation]
    description: 'Maker of <b>things</b> & </script><script>alert("desc")</script>'
  - name: Springfield
    label: GPE
    wikidata: Q1"><script>
  - name: Nobody
    label: [ORG]
"""

ODD_POSTS = {
    "no-date.md": "Title: A post with no date\nSlug: no-date-post\n\n"
    "Mayor Ana Lopez said Springfield was calm.\n",
    "no-title.md": "Date: 2020-02-02\n\nMayor Ana Lopez said nothing about Springfield.\n",
    "unicode.md": "Title: Ünïcödé Ärticle\nSlug: ünïcödé-ärticle\nDate: 2020-01-02\n\n"
    "Mayor Ana Lopez said the Springfield budget was fine.\n",
}

HAND_EDIT = "A paragraph a person added by hand, which no build may remove."


@dataclass
class Build:
    code: int
    log: str  # stdout and stderr together


@dataclass
class Site:
    content: Path
    output: Path
    cache: Path
    ingest_lines: list[str]
    first: Build
    second: Build
    edited_post: Path
    edited_text: str

    def pages(self) -> list[Path]:
        return sorted(p for p in self.output.rglob("*") if p.suffix in {".html", ".htm"})


def _pelican(site: Path, content: Path, output: Path, cache: Path) -> Build:
    done = subprocess.run(
        [str(BIN / "pelican"), str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "-e", f'THEME="{ROOT / "theme"}"', f'PLUGIN_PATHS=["{ROOT / "plugins"}"]',
         f'CACHE_PATH="{cache / "pelican"}"', f'GLOSS_CACHE_PATH="{cache / "gloss"}"'],
        capture_output=True, text=True, check=False, cwd=site,
        env={**os.environ, "COLUMNS": "400"},  # one log record per line
    )  # fmt: skip
    return Build(done.returncode, done.stdout + done.stderr)


def _corrupt_caches(cache: Path) -> None:
    """What an interrupted build can leave: half-written cache entries of every kind."""
    for entry in (cache / "gloss").rglob("*"):
        if entry.is_file():
            data = entry.read_bytes()
            entry.write_bytes(data[: len(data) // 2])
    for entry in (cache / "pelican").rglob("*"):
        if entry.is_file():
            entry.write_bytes(b"\x80\x04 truncated pickle")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    folder = tmp_path_factory.mktemp("robust-site")
    content, output, cache = folder / "content", folder / "output", folder / "cache"
    sources = content / "sources"
    sources.mkdir(parents=True)
    (sources / "evil.html").write_text(EVIL_PAGE, encoding="utf-8")
    (sources / "script-title.txt").write_text(
        text_capture("</script><script>alert('title')</script> & <b>more</b>"), encoding="utf-8"
    )
    (sources / "good.txt").write_text(
        text_capture("Council closes the old bridge", GOOD_BODY + ["Acme Corporation agreed."]),
        encoding="utf-8",
    )
    (sources / "empty.txt").write_bytes(b"")
    ingest = gloss("ingest", "--output", str(content / "articles"), str(sources), cwd=folder)
    (content / "entities.yml").write_text(ENTITIES_YML, encoding="utf-8")
    annotations = content / "annotations"
    annotations.mkdir()
    (annotations / "no-such-article.yml").write_text(
        "relabel:\n  - entity: Springfield\n    label: LOC\n", encoding="utf-8"
    )
    (annotations / "council-closes-the-old-bridge.yml").write_text(
        "mentions:\n  drop:\n    - text: [unclosed\n", encoding="utf-8"
    )
    odd = content / "articles" / "odd"
    odd.mkdir(parents=True)
    for name, text in ODD_POSTS.items():
        (odd / name).write_text(text, encoding="utf-8")
    first = _pelican(folder, content, output, cache)

    # A person edits a post; ingest runs again (as `make html` does); an interrupted build
    # left corrupt caches and a half-written page and export.
    (edited_post,) = (content / "articles").rglob("council-closes-the-old-bridge.md")
    edited_text = edited_post.read_text("utf-8") + f"\n{HAND_EDIT}\n"
    edited_post.write_text(edited_text, encoding="utf-8")
    again = gloss("ingest", "--output", str(content / "articles"), str(sources), cwd=folder)
    assert again.code == 1  # empty.txt still fails, and says so
    _corrupt_caches(cache)
    for half_written in [*output.rglob("council-closes-the-old-bridge.json"),
                         *output.glob("20*/council-closes-the-old-bridge/index.html")]:  # fmt: skip
        half_written.write_text(half_written.read_text("utf-8")[:100], encoding="utf-8")
    # An older Gloss published the HTML capture under its own name: a runnable page.
    (output / "sources" / "evil.html").write_text(EVIL_PAGE, encoding="utf-8")
    second = _pelican(folder, content, output, cache)
    return Site(content, output, cache, ingest.lines, first, second, edited_post, edited_text)


def test_builds_complete(site: Site):
    for build in (site.first, site.second):
        assert build.code == 0, build.log[-3000:]
        assert "Traceback" not in build.log


def test_ingest_reports_the_bad_capture_and_writes_the_rest(site: Site):
    failed = [line for line in site.ingest_lines if ": failed: " in line]
    assert len(failed) == 1 and "empty.txt" in failed[0]
    assert sum(": written: " in line for line in site.ingest_lines) == 3


def _gloss_warnings(log: str) -> list[str]:
    return [line for line in log.splitlines() if "gloss: " in line]


def test_curation_mistakes_are_one_line_each_with_file_and_line(site: Site):
    warnings = _gloss_warnings(site.first.log)
    entities = str(site.content / "entities.yml")
    assert any(f"{entities}:8:" in w and "wikidata" in w for w in warnings), warnings
    assert any(f"{entities}:10:" in w for w in warnings), warnings
    bridge = site.content / "annotations" / "council-closes-the-old-bridge.yml"
    assert any(re.search(rf"{re.escape(str(bridge))}:\d+: not valid YAML", w) for w in warnings)


def test_an_annotation_file_for_no_article_is_reported(site: Site):
    orphan = str(site.content / "annotations" / "no-such-article.yml")
    assert any(orphan in w and "no-such-article" in w for w in _gloss_warnings(site.first.log))


def test_odd_metadata_is_built_or_reported(site: Site):
    """Pelican needs a title: a post without one is skipped with one line naming it (and the
    build goes on). A post without a date is built and shown as undated, and its export says
    so (null), rather than passing the file's time off as a publication date. A non-ASCII
    slug is built."""
    post = site.content / "articles" / "odd" / "no-title.md"
    (line,) = [line for line in site.first.log.splitlines() if str(post) in line]
    assert "could not find information about 'title'" in line
    assert (site.output / "undated" / "no-date-post" / "index.html").is_file()
    soups = [BeautifulSoup(p.read_text("utf-8"), "html.parser") for p in site.pages()]
    (undated,) = [s for s in soups if (h1 := s.select_one("h1.gl-article__title"))
                  and h1.get_text() == "A post with no date"]  # fmt: skip
    header = undated.select_one(".gl-article__meta")
    assert header is not None and "Undated" in header.get_text()
    (export,) = [p for p in (site.output / "data" / "articles").glob("*.json")
                 if json.loads(p.read_text("utf-8"))["article"]["title"] == "A post with no date"]  # fmt: skip
    assert json.loads(export.read_text("utf-8"))["article"]["date"] is None
    (page,) = site.output.glob("2020/ünïcödé-ärticle/index.html")
    assert "Springfield budget was fine" in page.read_text("utf-8")


def test_articles_without_a_byline_are_credited_to_nobody(site: Site):
    """Captures without authors must not be filed under a made-up (or empty) author."""
    assert not (site.output / "author" / "index.html").exists()
    authors = BeautifulSoup((site.output / "authors.html").read_text("utf-8"), "html.parser")
    names = [a.get_text().strip() for a in authors.select(".gl-term-list a")]
    assert all(names), names


def test_no_capture_is_published_as_an_executable_page(site: Site):
    published = list((site.output / "sources").rglob("*"))
    assert published, "captures are published for provenance"
    for path in published:
        assert path.suffix not in {".html", ".htm", ".xhtml", ".svg", ".xml"}, path
    # The provenance page of the post made from the HTML capture (it names the capture).
    (provenance,) = [
        p for p in site.output.rglob("provenance/index.html") if "evil.html" in p.read_text()
    ]
    links = BeautifulSoup(provenance.read_text("utf-8"), "html.parser").find_all("a", href=True)
    capture_links = [a["href"] for a in links if "sources/" in a["href"]]
    assert capture_links
    for href in capture_links:
        target = (provenance.parent / href).resolve()
        assert target.is_file() and target.suffix == ".txt", href
        assert "<script>" in target.read_text("utf-8")  # the capture itself, verbatim


def _scripts_and_handlers(page: Path) -> list[str]:
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    found = []
    for tag in soup.find_all(True):
        if tag.name in {"iframe", "object", "embed"}:
            found.append(str(tag)[:80])
        for attr, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if attr.lower().startswith("on") or text.strip().lower().startswith("javascript:"):
                found.append(f"{tag.name} {attr}={text[:60]}")
        if (
            tag.name == "script"
            and tag.get("type") != "application/ld+json"
            and "alert" in tag.get_text()
        ):
            found.append(tag.get_text()[:80])
    return found


def test_no_page_runs_script_from_a_capture_or_curation(site: Site):
    pages = site.pages()
    assert len(pages) > 10
    offenders = {str(p.relative_to(site.output)): _scripts_and_handlers(p) for p in pages}
    assert not {k: v for k, v in offenders.items() if v}
    for page in pages:
        assert "<script>alert" not in page.read_text("utf-8"), page


def test_title_from_a_capture_shows_as_text(site: Site):
    pages = [p for p in site.pages() if "alert(&#39;title&#39;)" in p.read_text("utf-8")
             or "alert('title')" in p.read_text("utf-8")]  # fmt: skip
    assert pages
    for page in pages:
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        assert "</script><script>alert('title')</script> & <b>more</b>" in soup.get_text()


def test_json_ld_in_pages_is_valid_and_cannot_close_its_script(site: Site):
    blocks = 0
    for page in site.pages():
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for script in soup.find_all("script", type="application/ld+json"):
            raw = script.string or ""
            assert "</" not in raw and "<!--" not in raw, page
            json.loads(raw)
            blocks += 1
    assert blocks >= 2


def test_entity_name_and_description_are_escaped(site: Site):
    (entity_page,) = [p for p in site.output.glob("entity/*/index.html") if "acme" in p.parent.name]
    soup = BeautifulSoup(entity_page.read_text("utf-8"), "html.parser")
    text = soup.get_text()
    assert 'Acme <Sons> & "Co"' in text
    assert '</script><script>alert("desc")</script>' in text
    exports = list(site.output.glob("data/articles/*.json"))
    names = {e["name"] for f in exports for e in json.loads(f.read_text("utf-8"))["entities"]}
    assert 'Acme <Sons> & "Co"' in names


def test_hand_edit_survives_ingest_and_rebuild(site: Site):
    assert site.edited_post.read_text("utf-8") == site.edited_text
    (page,) = site.output.glob("20*/council-closes-the-old-bridge/index.html")
    assert HAND_EDIT in page.read_text("utf-8")


def test_rebuild_recovers_from_corrupt_caches_and_half_written_output(site: Site):
    (page,) = site.output.glob("20*/council-closes-the-old-bridge/index.html")
    html = page.read_text("utf-8")
    assert html.rstrip().endswith("</html>")
    assert "data-entity=" in html  # annotated again, not left plain
    (export,) = site.output.glob("data/articles/council-closes-the-old-bridge.json")
    record = json.loads(export.read_text("utf-8"))
    assert HAND_EDIT in record["text"]
    assert "Traceback" not in site.second.log


def test_in_a_browser_no_capture_script_runs(site: Site, browser):
    """Open every page that carries capture text, and the capture behind the provenance link,
    from disk in Chromium: no dialog opens, and the capture shows as text."""
    pages = [p for p in site.pages() if "alert" in p.read_text("utf-8")]
    captures = [p for p in (site.output / "sources").iterdir()]
    dialogs: list[str] = []
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in [*pages, *captures]:
            tab.goto(path.as_uri())
            tab.wait_for_load_state("load")
        # Search results are drawn by script from the index: titles must stay text there.
        tab.goto((site.output / "search.html").as_uri() + "?q=alert")
        tab.get_by_text("</script><script>alert('title')</script> & <b>more</b>").wait_for()
        tab.goto((site.output / "sources" / "evil.html.txt").as_uri())
        assert tab.locator("pre").count() == 1
        assert "<script>" in tab.locator("pre").inner_text()
    finally:
        context.close()
    assert dialogs == []


def test_exports_carry_the_title_as_text(site: Site):
    """Pelican's Title is HTML; the JSON export, the JSON-LD and schema.org's headline are
    data, so they carry the title as the text a reader sees, not its HTML source."""
    title = "</script><script>alert('title')</script> & <b>more</b>"
    (export,) = site.output.glob("data/articles/script-script-alert-title-*.json")
    assert json.loads(export.read_text("utf-8"))["article"]["title"] == title
    (page,) = site.output.glob("20*/script-script-alert-title-*/index.html")
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    (schema,) = [
        json.loads(s.string)
        for s in soup.find_all("script", type="application/ld+json")
        if "headline" in (s.string or "")
    ]
    assert schema["headline"] == title
