"""Helpers for the robustness tests: bad captures of every kind, and the ``gloss`` command run
as a user runs it (a subprocess, so exit codes and stderr are the real ones)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

GOOD_BODY = [
    "The city council voted on Tuesday to close the old bridge to cars from next spring, "
    "after engineers warned that its steel supports had corroded beyond repair.",
    "Mayor Ana Lopez said the decision was painful but necessary. Traffic will be diverted "
    "over the northern ring road while a new crossing is designed.",
    "Local shop owners fear the closure will cut their trade by a third, officials said.",
]


def text_capture(title: str, body: list[str] = GOOD_BODY, date: str = "March 3, 2021") -> str:
    """A plain-text capture: title, date line, URL, then the body hard-wrapped at 72."""
    page = hashlib.sha256(title.encode("utf-8")).hexdigest()[:12]
    lines = [title, f"Published: {date}", f"https://example.com/news/{page}"]
    for paragraph in body:
        lines.extend(textwrap.wrap(paragraph, 72))
    return "\n".join(lines) + "\n"


def long_capture(title: str, paragraphs: int = 30) -> str:
    """A capture of several KB: title, date, then distinct paragraphs separated by blank
    lines (so the paragraph count of the post is known exactly)."""
    body = [
        f"{GOOD_BODY[i % len(GOOD_BODY)]} Paragraph {i + 1} of the council's report."
        for i in range(paragraphs)
    ]
    return "\n\n".join([title, "Published: March 3, 2021", *body]) + "\n"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stdout.splitlines() if line.strip()]


def gloss(*args: str, cwd: Path | None = None, stdin: bytes | None = None) -> Run:
    """``gloss ARGS`` in a subprocess, as a user would run it."""
    done = subprocess.run(
        [str(BIN / "gloss"), *args],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        check=False,
    )
    return Run(
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


def assert_no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout, run.stderr
