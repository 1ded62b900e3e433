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


# A saved news page: metadata in the head, clutter, scripts and handlers around the text.
PAGE = """<!doctype html>
<html lang="en"><head>
<title>Council votes to close old bridge | City News</title>
<meta property="og:site_name" content="City News">
<meta name="author" content="Jane Doe, John Smith">
<meta property="article:published_time" content="2022-06-16T10:22:00+00:00">
<link rel="canonical" href="https://citynews.example/2022/06/bridge">
<style>p { color: red }</style>
<script>var tracker = "SECRET-SCRIPT";</script>
</head>
<body onload="stealCookies()">
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article>
<h1>Council votes to close old bridge</h1>
<p>The city council voted on Tuesday to close the old bridge to cars from next spring, after
engineers warned that its steel supports had corroded beyond repair.</p>
<p onclick="alert('HANDLER')">Mayor Ana Lopez said the decision was painful but necessary.
Traffic will be diverted over the northern ring road while a new crossing is designed.</p>
<p>"We cannot gamble with people's lives," she told reporters outside the town hall, where
a &lt;script&gt; tag would be only text.</p>
<script>document.write("INLINE-SCRIPT")</script>
<p>Local shop owners fear the closure will cut their trade by a third, and a petition
against it has gathered more than 4,000 signatures in a week.</p>
</article>
<section class="comments"><h3>3 comments</h3><p>COMMENT-TEXT: great article, thanks!</p></section>
<footer>Share this: Twitter Facebook</footer>
</body></html>
"""
