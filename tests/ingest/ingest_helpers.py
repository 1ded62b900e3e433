"""Helpers for the ingest tests: build captures the way raw captures look."""

from __future__ import annotations

import textwrap

BODY = [
    "The city council voted on Tuesday to close the old bridge to cars from next spring, "
    "after engineers warned that its steel supports had corroded beyond repair.",
    "Mayor Ana Lopez said the decision was painful but necessary. Traffic will be diverted "
    "over the northern ring road while a new crossing is designed.",
    '"We cannot gamble with people\'s lives," she told reporters outside the town hall.',
    "Local shop owners fear the closure will cut their trade by a third, and a petition "
    "against it has gathered more than 4,000 signatures in a week.",
]


def wrap(paragraphs: list[str], width: int) -> list[str]:
    """Hard-wrap each paragraph at ``width`` with no blank line between paragraphs."""
    lines: list[str] = []
    for paragraph in paragraphs:
        lines.extend(textwrap.wrap(paragraph, width=width, break_long_words=False))
    return lines


def capture(
    header: list[str], paragraphs: list[str] = BODY, width: int = 72, footer: list[str] = ()
) -> str:
    return "\n".join([*header, *wrap(paragraphs, width), *footer]) + "\n"
