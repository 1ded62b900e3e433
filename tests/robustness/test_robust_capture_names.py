"""Captures whose file names carry quotes, `#`, `?`, spaces and accents (a saved page is often
named after its title): the article and provenance pages link the published capture, the
link opens that file, and no part of the name becomes markup (slow: a real build)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup
from robust_helpers import BIN, GOOD_BODY, ROOT, gloss, text_capture

pytestmark = pytest.mark.slow

NAMES = {
    'quote"onmouseover="alert(1)"x.txt': "Council closes the old bridge",
    "hash#and?query.txt": "Shop owners fear the bridge closure",
    "café & friends – notes.txt": "Engineers warn about corroded supports",
}


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("capture-names")
    content, output, cache = folder / "content", folder / "output", folder / "cache"
    sources = content / "sources"
    sources.mkdir(parents=True)
    for i, (name, title) in enumerate(NAMES.items()):
        body = [f"Report number {i} on the bridge, the council said.", *GOOD_BODY]
        (sources / name).write_text(text_capture(title, body), encoding="utf-8")
    ingest = gloss("ingest", "--output", str(content / "articles"), str(sources), cwd=folder)
    assert ingest.code == 0, ingest.stdout + ingest.stderr
    done = subprocess.run(
        [str(BIN / "pelican"), str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "-e", f'THEME="{ROOT / "theme"}"', f'PLUGIN_PATHS=["{ROOT / "plugins"}"]',
         f'CACHE_PATH="{cache / "pelican"}"', f'GLOSS_CACHE_PATH="{cache / "gloss"}"'],
        capture_output=True, text=True, check=False, cwd=folder,
        env={**os.environ, "COLUMNS": "400"},
    )  # fmt: skip
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return output


def _capture_links(page: Path) -> list[tuple[dict[str, str], Path]]:
    """Every link of ``page`` into ``sources/``: its attributes and the file it opens."""
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = []
    for anchor in soup.find_all("a", href=True):
        parts = urlsplit(anchor["href"])
        if "sources/" in anchor["href"]:
            assert not parts.query and not parts.fragment, anchor["href"]
            links.append((dict(anchor.attrs), (page.parent / unquote(parts.path)).resolve()))
    return links


def test_article_and_provenance_pages_link_the_capture_whatever_its_name(output: Path):
    articles = [p for p in output.glob("20*/*/index.html")]
    assert len(articles) == len(NAMES)
    published = {p.resolve() for p in (output / "sources").iterdir()}
    assert {p.name for p in published} == set(NAMES)
    for article in articles:
        for page in (article, article.parent / "provenance" / "index.html"):
            links = _capture_links(page)
            assert len(links) == 1, page
            ((attrs, target),) = links
            assert set(attrs) == {"href"}, attrs  # the name added no attribute
            assert target in published, (page, target)
