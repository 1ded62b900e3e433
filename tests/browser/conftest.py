"""Browser tests: a small archive built once per session with the real plugin and theme,
opened from disk (file://) in Debian's Chromium through Playwright."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.fixtures.paths import SEED, WIKINEWS_CAPTURES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
ARTIFACTS = ROOT / "tests" / "artifacts"
# Other captures taken along (shared test fixtures), so pages are shared across articles.
EXTRA_CAPTURES = 3


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the seed, a few Wikinews captures and two fixture posts into a
    temporary folder with ``pelicanconf.py`` (the real plugin and theme); returns output/."""
    base = tmp_path_factory.mktemp("site")
    content = base / "content"
    sources = content / "sources"
    articles = content / "articles"
    sources.mkdir(parents=True)
    articles.mkdir()
    captures = [SEED, *WIKINEWS_CAPTURES[:EXTRA_CAPTURES]]
    for capture in captures:
        shutil.copy(capture, sources / capture.name)
    for post in FIXTURES.glob("*.md"):
        shutil.copy(post, articles / post.name)
    subprocess.run(
        [_bin("gloss"), "ingest", "--output", str(articles), str(sources)],
        check=True,
        capture_output=True,
        cwd=base,
    )
    output = base / "output"
    subprocess.run(
        [
            _bin("pelican"),
            str(content),
            "-o",
            str(output),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-e",
            f'CACHE_PATH="{base / "cache" / "pelican"}"',
            f'GLOSS_CACHE_PATH="{base / "cache" / "gloss"}"',
        ],
        check=True,
        capture_output=True,
        cwd=base,
    )
    return output


@dataclass
class PageLog:
    """What a page did: every request, console errors, script errors and failed loads."""

    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        outside = [u for u in self.requests if not u.startswith(("file://", "data:", "about:"))]
        assert outside == [], f"requests left file://: {outside}"
        assert self.errors == [], f"console or script errors: {self.errors}"
        assert self.failed == [], f"missing files: {self.failed}"


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    log = PageLog()
    new_page.on("request", lambda r: log.requests.append(r.url))
    new_page.on("requestfailed", lambda r: log.failed.append(r.url))
    new_page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    new_page.on("pageerror", lambda e: log.errors.append(str(e)))
    new_page.log = log
    yield new_page
    context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def seed_article(site: Path) -> Path:
    """The seed's article page (the one whose title names Putin)."""
    for candidate in site.glob("*/*/index.html"):
        if "xi-putin" in candidate.parent.name:
            return candidate
    raise AssertionError("the seed article page was not built")
