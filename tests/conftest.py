"""Shared fixtures. Paths are resolved from the project root so tests run from anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eval.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.fixtures.paths import SEED

ROOT = Path(__file__).resolve().parent.parent
# The user's archive: read only by the tests that check the shipped sample content.
SAMPLE_CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed capture (a copy in tests/fixtures/, so it is there whatever content/ holds)."""
    return SEED


@pytest.fixture(scope="session")
def sample_content() -> Path:
    """content/ as shipped, for the tests whose purpose is to check the sample archive itself.
    Skipped once README's "Start an archive of your own" has removed the samples, so that an
    archive of one's own passes `make test`."""
    if not (SAMPLE_CONTENT / "sources" / SEED.name).is_file():
        pytest.skip(
            "the sample content is not in content/ (removed to start an archive of one's own)"
        )
    return SAMPLE_CONTENT


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole session, shared by every test folder: Playwright's
    sync API cannot run two instances in one thread."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (.ci/run installs it)")
    from gloss.site.preload import stop_worker as stop_preload_worker
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # An in-process build (tests/site) may have forked the preload worker after Playwright
        # started; the worker holds a copy of the pipe to Playwright's driver, which then never
        # sees it close and leaving this block waits forever. Stop the worker first.
        stop_preload_worker()
