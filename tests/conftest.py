"""Shared fixtures. Paths are resolved from the project root so tests run from anywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eval.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "content" / "sources" / "000_8877f4eaf635df03.txt"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole session, shared by every test folder: Playwright's
    sync API cannot run two instances in one thread."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
