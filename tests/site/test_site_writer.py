"""The writer replaces a file only when its bytes change, and keeps Pelican's rules."""

from __future__ import annotations

import os

import pytest
from gloss.site.writer import UnchangedFilesWriter
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError


def write(writer: UnchangedFilesWriter, path, text: str, override: bool = False) -> None:
    with writer._open_w(str(path), "utf-8", override) as out:
        out.write(text)


def test_unchanged_files_are_left_alone_and_changed_ones_replaced(tmp_path) -> None:
    path = tmp_path / "page.html"
    write(UnchangedFilesWriter(str(tmp_path), dict(DEFAULT_CONFIG)), path, "<p>é</p>")
    os.utime(path, (1, 1))
    write(UnchangedFilesWriter(str(tmp_path), dict(DEFAULT_CONFIG)), path, "<p>é</p>")
    assert path.stat().st_mtime == 1  # same bytes: not written
    write(UnchangedFilesWriter(str(tmp_path), dict(DEFAULT_CONFIG)), path, "<p>e</p>")
    assert path.read_text(encoding="utf-8") == "<p>e</p>"


def test_a_path_written_twice_in_one_build_is_still_an_error(tmp_path) -> None:
    writer = UnchangedFilesWriter(str(tmp_path), dict(DEFAULT_CONFIG))
    write(writer, tmp_path / "a.html", "one")
    with pytest.raises(FileOverwriteFailedError):
        write(writer, tmp_path / "a.html", "two")
    write(writer, tmp_path / "a.html", "three", override=True)
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == "three"


def test_a_failed_render_leaves_the_old_file(tmp_path) -> None:
    path = tmp_path / "b.html"
    path.write_text("old", encoding="utf-8")
    writer = UnchangedFilesWriter(str(tmp_path), dict(DEFAULT_CONFIG))
    with pytest.raises(RuntimeError), writer._open_w(str(path), "utf-8") as out:
        out.write("half")
        raise RuntimeError("template error")
    assert path.read_text(encoding="utf-8") == "old"
