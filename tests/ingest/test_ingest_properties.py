"""Properties of text ingest on arbitrary input (Hypothesis): it never fails with anything but
a GlossError, every line gets a role, and no body text is lost, duplicated or reordered."""

from __future__ import annotations

import re

from gloss.errors import GlossError
from gloss.ingest import LINE_ROLES, ingest_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

_words = st.sampled_from(
    ["The", "council", "said.", "Mr.", "Smith", "voted", "on", "16", "June", "2022", "By", "and", "Jane", "Doe,",
     "well-", "known", "China-", "Russia", "https://example.org/x", "Share", "this:", "No", "hay", "comentarios:",
     '"We', 'agree,"', "she", "told", "reporters.", "Published:", "Jun", "16,", "1.", "#", "*", "-", "Wikinews:",
     "comments", "Reply", "é", "—", "…", "?", "!", "(SCO)", "it", "is", "going", "ahead", "so-called"]
)  # fmt: skip
_line = st.lists(_words, min_size=0, max_size=14).map(" ".join)
_capture = st.lists(_line, min_size=1, max_size=40).map("\n".join)


def _squash(text: str) -> str:
    """Text without whitespace and hyphens (dehyphenation may drop a line-end hyphen)."""
    return re.sub(r"[\s\-\u00ad]", "", text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_capture)
def test_ingest_never_loses_body_text(text):
    try:
        article = ingest_text(text, source="fuzz.txt")
    except GlossError:
        return
    lines = text.splitlines()
    assert len(article.line_roles) == len(lines) == len(article.line_paragraphs)
    assert set(article.line_roles) <= set(LINE_ROLES)
    body = [line for line, role in zip(lines, article.line_roles, strict=True) if role == "body"]
    assert _squash("".join(body)) == _squash("".join(article.paragraphs))
    for index, paragraph in enumerate(article.line_paragraphs):
        assert (paragraph is not None) == (article.line_roles[index] == "body")
    assert all(p == " ".join(p.split()) and p for p in article.paragraphs)
    dropped = [
        line.strip()
        for line, role in zip(lines, article.line_roles, strict=True)
        if role == "dropped"
    ]
    assert dropped == article.dropped
