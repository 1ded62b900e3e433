"""The ``gloss`` command as a shell user drives it: output piped into a reader that stops
early (``| head``) ends quietly, never with a traceback."""

from __future__ import annotations

import subprocess
from pathlib import Path

from robust_helpers import BIN, GOOD_BODY, text_capture


def _captures(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        body = [f"Bridge number {i} will close, the council said.", *GOOD_BODY * 8]
        (folder / f"capture-{i:03d}.txt").write_text(
            text_capture(f"Bridge closure {i} angers shop owners", body), encoding="utf-8"
        )


def test_json_output_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path):
    sources = tmp_path / "sources"
    _captures(sources, 40)  # about 4 KB of JSON each: more than a pipe holds
    process = subprocess.Popen(
        [str(BIN / "gloss"), "ingest", "--json", str(sources)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # what `| head -1` does after its line
    stderr = process.stderr.read().decode("utf-8", "replace")
    code = process.wait(timeout=120)
    assert first.startswith(b'{"source": ')
    assert "Traceback" not in stderr and "BrokenPipeError" not in stderr, stderr
    assert code == 141  # as the shell reports a writer ended by SIGPIPE


def test_the_writes_before_the_reader_left_are_kept(tmp_path: Path):
    # Write mode prints one short line per capture; the posts written so far stay whole,
    # and the next run (with a reader) writes the rest.
    sources = tmp_path / "sources"
    _captures(sources, 5)
    posts = tmp_path / "articles"
    process = subprocess.Popen(
        [str(BIN / "gloss"), "ingest", "--output", str(posts), str(sources)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    process.stdout.close()
    process.wait(timeout=120)
    again = subprocess.run(
        [str(BIN / "gloss"), "ingest", "--output", str(posts), str(sources)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert again.returncode == 0, again.stdout + again.stderr
    written = sorted(posts.rglob("*.md"))
    assert len(written) == 5
    for post in written:
        assert post.read_text(encoding="utf-8").rstrip().endswith("officials said.")
