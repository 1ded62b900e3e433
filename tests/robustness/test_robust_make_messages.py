"""What `make html` tells the user, read as they read it (a log, not a terminal): every
curation mistake on one line with its file and line, and an output folder it cannot write
named before the build starts (slow: real builds through the Makefile)."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from robust_helpers import ROOT, long_capture

pytestmark = pytest.mark.slow

# A path long enough that an 80-column log would cut the message inside it.
DEEP = "a-folder-with-a-rather-long-name/and-another-one-below-it"


def make_html(content: Path, output: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        # -o: never reinstall the environment from a test (that would need the network).
        ["make", "-o", ".venv/.installed", "html", f"INPUTDIR={content}", f"OUTPUTDIR={output}"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


@pytest.fixture
def content(tmp_path: Path) -> Path:
    content = tmp_path / DEEP / "content"
    (content / "sources").mkdir(parents=True)
    (content / "sources" / "bridge.txt").write_text(long_capture("Old bridge to close"), "utf-8")
    return content


def test_each_curation_mistake_is_one_whole_line_naming_file_and_line(content: Path):
    (content / "entities.yml").write_text(
        "entities:\n  - name: Xi Jinping\n    label: PERSON\n  - name: BRICS\n    label: ORGANISATION\n",
        encoding="utf-8",
    )
    done = make_html(content, content.parent / "output")
    log = done.stdout + done.stderr
    assert done.returncode == 0, log[-3000:]
    expected = f"gloss: {content / 'entities.yml'}:5: label 'ORGANISATION' is not one of"
    assert any(line.startswith(expected) for line in log.splitlines()), log[-3000:]


@pytest.fixture
def read_only_output(content: Path) -> Iterator[Path]:
    """An output folder nobody may write: a read-only bind mount (root ignores file modes)."""
    output = content.parent / "output"
    output.mkdir()
    (output / "index.html").write_text("an earlier build\n", encoding="utf-8")
    mounted = subprocess.run(["mount", "--bind", str(output), str(output)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("cannot bind-mount here (needs root)")
    try:
        remount = ["mount", "-o", "remount,bind,ro", str(output)]
        if subprocess.run(remount, capture_output=True).returncode != 0:
            pytest.skip("cannot remount read-only here")
        yield output
    finally:
        subprocess.run(["umount", str(output)], capture_output=True, check=False)


def test_an_output_folder_that_cannot_be_written_is_named_up_front(
    content: Path, read_only_output: Path
):
    done = make_html(content, read_only_output)
    log = done.stdout + done.stderr
    assert done.returncode != 0
    assert f"make: {read_only_output}: not writable" in log, log[-3000:]
    assert "Traceback" not in log
    # The captures were still ingested: the posts are there for the next build.
    assert list((content / "articles").rglob("*.md"))
    assert (read_only_output / "index.html").read_text(encoding="utf-8") == "an earlier build\n"
