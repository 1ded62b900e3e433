"""`make html` with one bad capture among good ones: the bad one is reported in one line and
the site is still built from the rest (slow: a real Pelican build through the Makefile)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from robust_helpers import ROOT, long_capture

pytestmark = pytest.mark.slow


def test_make_html_builds_the_good_captures_when_one_is_bad(tmp_path: Path):
    content = tmp_path / "content"
    (content / "sources").mkdir(parents=True)
    (content / "sources" / "bridge.txt").write_text(long_capture("Old bridge to close"), "utf-8")
    (content / "sources" / "broken.txt").write_bytes(b"")
    output = tmp_path / "output"
    done = subprocess.run(
        # -o: never reinstall the environment from a test (that would need the network).
        ["make", "-o", ".venv/.installed", "html", f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    assert f"{content / 'sources' / 'broken.txt'}: failed: empty file" in log
    assert "Traceback" not in log
    (post,) = (content / "articles").rglob("*.md")  # written beside its capture
    assert list(output.glob(f"2021/{post.stem}/index.html"))
