"""Interrupted work leaves nothing half-done: a post write that fails part-way (disk full, here
a file-size limit on the ``gloss ingest`` process) leaves no truncated post, and the next run
writes the whole post."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from robust_helpers import BIN, gloss, long_capture

resource = pytest.importorskip("resource")
signal = pytest.importorskip("signal")

PARAGRAPHS = 30  # about 6 KB of post, twice the write limit below


def _disk_full_after(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_a_post_write_that_fails_part_way_leaves_no_partial_post(tmp_path: Path):
    capture = tmp_path / "report.txt"
    capture.write_text(long_capture("Council report on the old bridge", PARAGRAPHS), "utf-8")
    posts = tmp_path / "posts"
    failed = subprocess.run(
        [str(BIN / "gloss"), "ingest", "--output", str(posts), str(capture)],
        capture_output=True, text=True, check=False, preexec_fn=_disk_full_after(3000),
    )  # fmt: skip
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    (line,) = [x for x in failed.stdout.splitlines() if x.strip()]
    assert line.startswith(f"{capture}: failed: ")
    assert [p for p in posts.rglob("*") if p.is_file()] == []  # nothing half-written
    again = gloss("ingest", "--output", str(posts), str(capture))
    assert again.code == 0 and ": written: " in again.stdout
    (post,) = posts.rglob("*.md")
    text = post.read_text("utf-8")
    assert all(f"Paragraph {i} of" in text for i in range(1, PARAGRAPHS + 1))  # all of it
