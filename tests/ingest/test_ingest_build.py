"""End to end (slow): `gloss ingest` on a fresh content folder, then a real Pelican build with
the project's settings, theme and plugin."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ingest_helpers import PAGE

pytestmark = pytest.mark.slow


def test_ingest_then_pelican_build(root, seed_path, tmp_path):
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    shutil.copy(seed_path, content / "sources" / seed_path.name)
    (content / "sources" / "bridge.html").write_text(PAGE, encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    ingest = subprocess.run(
        [str(bin_dir / "gloss"), "ingest", "--output", str(content / "articles"), str(content / "sources")],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert ingest.returncode == 0, ingest.stdout + ingest.stderr
    assert ingest.stdout.count(": written: ") == 2
    output = tmp_path / "output"
    build = subprocess.run(
        [str(bin_dir / "pelican"), str(content), "-o", str(output), "-s", str(root / "pelicanconf.py"),
         "-e", f'THEME="{root / "theme"}"', f'PLUGIN_PATHS=["{root / "plugins"}"]', f'CACHE_PATH="{tmp_path / "cache"}"'],
        capture_output=True, text=True, check=False, cwd=root,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout + build.stderr
    seed_page = (
        output
        / "2022"
        / "xi-putin-hold-phone-call-vow-mutual-support-amid-global-turbulence"
        / "index.html"
    )
    html_page = output / "2022" / "council-votes-to-close-old-bridge" / "index.html"
    assert seed_page.exists() and html_page.exists()
    text = seed_page.read_text(encoding="utf-8")
    assert "Xi, Putin hold phone call" in text
    assert "No hay comentarios" not in text
    assert "SECRET-SCRIPT" not in html_page.read_text(encoding="utf-8")
    # Re-running ingest before the next build changes nothing.
    again = subprocess.run(
        [str(bin_dir / "gloss"), "ingest", "--output", str(content / "articles"), str(content / "sources")],
        capture_output=True, text=True, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert again.returncode == 0 and again.stdout.count(": unchanged: ") == 2
