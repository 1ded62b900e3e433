"""Article → Pelican Markdown post, with text escaped so that it renders as itself.

A post is a metadata header (``Key: value`` lines, Pelican's Markdown reader), a blank line,
then one paragraph per line separated by blank lines. Paragraph text is escaped so that
nothing in it is read as Markdown or HTML: a paragraph that starts with ``#``, ``1.``, ``-``
or ``>``, or contains ``*``, ``_``, backticks, brackets, ``<script>`` or ``&copy;``, renders as
exactly those characters (tests/ingest/test_ingest_markdown.py checks the round trip with Hypothesis).

The last header line, ``Post_sha256``, is the hash of everything else in the file as Gloss
wrote it; if the file no longer matches it, someone edited the post by hand and Gloss will
not overwrite it.
"""

from __future__ import annotations

import hashlib
import re

from gloss.ingest.article import Article

HASH_KEY = "Post_sha256"

# Characters python-markdown reads as markup anywhere in a line; each is backslash-escaped.
_INLINE = re.compile(r"([\\`*_\[\]{}])")
# At the start of a paragraph: headings, block quotes, list markers, rules, fences, tables,
# definition lists, and "Key: value" lines that the meta extension might take for metadata.
_LEADING_DIGITS_DOT = re.compile(r"^(\d+)([.)])(\s|$)")
_HTML_SPECIAL = {"<": "&lt;", ">": "&gt;", "&": "&amp;"}
_LEADING_ENTITY = set("#>+-=~|:!%")


def escape_paragraph(text: str) -> str:
    """Markdown source that renders as exactly ``text`` (one line, no markup)."""
    text = " ".join(text.split())
    text = re.sub(r"[<>&]", lambda m: _HTML_SPECIAL[m.group(0)], text)
    text = _INLINE.sub(r"\\\1", text)
    match = _LEADING_DIGITS_DOT.match(text)
    if match:
        text = f"{match.group(1)}\\{match.group(2)}{text[match.end(2) :]}"
    elif text[:1] in _LEADING_ENTITY:
        # A numeric character reference is never markup, whichever extension looks at it.
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def _html_text(text: str) -> str:
    """Text as HTML that shows exactly that text: ``<``, ``>``, ``&`` as entities."""
    return re.sub(r"[<>&]", lambda m: _HTML_SPECIAL[m.group(0)], text)


def _meta_value(value: str) -> str:
    """One-line metadata value (Pelican reads up to the end of the line)."""
    return " ".join(str(value).split())


def post_metadata(
    article: Article, capture: str, slug: str, extra: dict[str, str] | None = None
) -> list[tuple[str, str]]:
    """The header fields, in order; empty fields are left out."""
    fields: list[tuple[str, str | None]] = [
        # Pelican reads Title as HTML (the theme prints it unescaped, so a hand-written
        # "&amp;" works); a title taken from a capture is text and must stay text.
        ("Title", _html_text(article.title or slug)),
        ("Subtitle", article.subtitle),
        ("Authors", ", ".join(a.replace(",", " ") for a in article.authors) or None),
        ("Date", article.date.replace("T", " ", 1) if article.date else None),
        ("Slug", slug),
        ("Lang", article.lang),
        ("Publisher", article.publisher),
        ("Source_url", article.url),
        ("License", article.license),
        ("Capture", capture),
        ("Capture_sha256", article.source_sha256),
        ("Text_sha256", text_sha256(article.paragraphs)),
    ]
    for key, value in (extra or {}).items():
        fields.append((key, value))
    return [(key, _meta_value(value)) for key, value in fields if value]


def text_sha256(paragraphs: list[str]) -> str:
    """Hash of the body as ingested (to find the same article captured twice)."""
    return hashlib.sha256("\n\n".join(paragraphs).encode("utf-8")).hexdigest()


def render_post(
    article: Article, capture: str, slug: str, extra: dict[str, str] | None = None
) -> str:
    """The post's full text, ending with the ``Post_sha256`` line and the body."""
    header = "".join(
        f"{key}: {value}\n" for key, value in post_metadata(article, capture, slug, extra)
    )
    body = "\n\n".join(escape_paragraph(p) for p in article.paragraphs)
    unsigned = f"{header}\n{body}\n"
    digest = hashlib.sha256(unsigned.encode("utf-8")).hexdigest()
    return f"{header}{HASH_KEY}: {digest}\n\n{body}\n"


def read_metadata(text: str) -> dict[str, str]:
    """The ``Key: value`` header of a post (keys lower case), up to the first blank line."""
    meta: dict[str, str] = {}
    for line in text.split("\n"):
        if not line.strip():
            break
        key, sep, value = line.partition(":")
        if sep and re.fullmatch(r"[A-Za-z][\w-]*", key.strip()):
            meta[key.strip().lower()] = value.strip()
    return meta


def is_hand_edited(text: str) -> bool:
    """True unless the post is byte for byte what Gloss wrote (its Post_sha256 matches)."""
    match = re.search(rf"^{HASH_KEY}: ([0-9a-f]{{64}})\n", text, re.MULTILINE)
    if not match:
        return True
    unsigned = text[: match.start()] + text[match.end() :]
    return hashlib.sha256(unsigned.encode("utf-8")).hexdigest() != match.group(1)
