"""How the tests and benchmarks start a browser: Debian's Chromium, headless and offline."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")  # Debian's Chromium (.ci/run installs it)
# No background traffic: this machine (and CI) has no network, and the browser tests check
# that no request leaves file://.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
