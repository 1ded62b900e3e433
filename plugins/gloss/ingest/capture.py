"""A capture (file, bytes or text) → :class:`Article`: the steps in order.

Text: decode → head boilerplate → header → tail boilerplate → in-body debris → unwrap →
language.
HTML: decode → trafilatura (see :mod:`gloss.ingest.html`).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from gloss.errors import GlossError
from gloss.ingest.article import Article
from gloss.ingest.boilerplate import trim_head, trim_tail
from gloss.ingest.debris import find_debris, is_debris_line
from gloss.ingest.decode import MAX_BYTES, decode_bytes
from gloss.ingest.header import parse_header, publisher_of
from gloss.ingest.language import detect_language
from gloss.ingest.unwrap import is_deck_line, unwrap

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".mhtml"}
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def ingest_text(text: str, source: str = "<text>", source_sha256: str | None = None) -> Article:
    """Clean a plain-text capture already decoded to ``text``."""
    # str.splitlines(): line i here is line i of the capture as any Python reader (and the
    # site's provenance page) numbers it.
    lines = text.splitlines()
    roles = ["blank" if not line.strip() else "body" for line in lines]
    head = trim_head(lines)
    header = parse_header(lines, head.start)
    tail = trim_tail(lines, header.end, also=is_debris_line)
    for index, role in header.roles.items():
        roles[index] = role
    dropped_indices = sorted(set(head.dropped) | set(header.dropped) | set(tail.dropped))
    for index in dropped_indices:
        roles[index] = "dropped"
    # Unclaimed lines above the header's end (rare: a stray line between header fields)
    # are body lines that come first.
    body_indices = [
        i for i in range(head.start, tail.end) if roles[i] in ("body", "blank") and i >= header.end
    ]
    early = [i for i in range(head.start, header.end) if roles[i] == "body"]
    body_indices = early + body_indices
    # Debris inside the body ("Advertisement", "Page 2 of 5", image credits) is dropped;
    # blank lines next to it do not end a paragraph (the text decides across the gap).
    debris = find_debris(lines, body_indices)
    for index in debris.dropped:
        roles[index] = "dropped"
    body_indices = [
        i for i in body_indices if i not in debris.dropped and i not in debris.skipped_blanks
    ]
    dropped_indices = sorted(set(dropped_indices) | debris.dropped)
    result = unwrap([lines[i] for i in body_indices], body_indices, debris.breaks_after)
    line_paragraphs: list[int | None] = [result.line_paragraph.get(i) for i in range(len(lines))]
    for index in range(len(lines)):
        if roles[index] == "body" and line_paragraphs[index] is None:
            roles[index] = "blank"
    paragraphs = result.paragraphs
    subtitle = header.subtitle
    if subtitle is None and header.title and _is_deck(paragraphs, line_paragraphs):
        # A deck right under the title with no header field after it: the unwrapper kept it
        # apart as a short title-like line; it is the subtitle, not the first paragraph.
        subtitle = paragraphs[0]
        for index, paragraph in enumerate(line_paragraphs):
            if paragraph == 0:
                roles[index], line_paragraphs[index] = "subtitle", None
            elif paragraph is not None:
                line_paragraphs[index] = paragraph - 1
        paragraphs = paragraphs[1:]
    if not paragraphs and not header.title:
        raise GlossError("no article text found", path=source)
    return Article(
        source=source,
        title=header.title,
        subtitle=subtitle,
        authors=header.authors,
        date=header.date,
        url=header.url,
        publisher=publisher_of(header.url) or header.credit,
        lang=detect_language(" ".join(paragraphs)),
        paragraphs=paragraphs,
        dropped=[lines[i].strip() for i in dropped_indices],
        source_sha256=source_sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        license=head.licence or tail.licence,
        kind="text",
        line_roles=roles,
        line_paragraphs=line_paragraphs,
    )


def _is_deck(paragraphs: list[str], line_paragraphs: list[int | None]) -> bool:
    """Is the first paragraph a deck: one or two short lines, no sentence end, before a body
    of at least two paragraphs?"""
    if len(paragraphs) < 3:
        return False
    first = paragraphs[0]
    lines = sum(1 for p in line_paragraphs if p == 0)
    return lines <= 2 and is_deck_line(first, paragraphs[1], width=10**6)


def ingest_html(html: str, source: str = "<html>", source_sha256: str | None = None) -> Article:
    """Clean an HTML capture (a saved page) already decoded to ``html``."""
    from gloss.ingest.html import extract_article  # lazy: trafilatura is slow to import

    article = extract_article(html, source)
    article.source_sha256 = source_sha256 or hashlib.sha256(html.encode("utf-8")).hexdigest()
    return article


def ingest_bytes(data: bytes, source: str = "<bytes>", html: bool | None = None) -> Article:
    """Decode and clean a capture's bytes; ``html`` None means: tell from the content."""
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = decode_bytes(data, source)
    if html is None:
        html = looks_like_html(text)
    article = ingest_html(text, source, digest) if html else ingest_text(text, source, digest)
    article.encoding = encoding
    return article


def ingest_path(path: str | Path) -> Article:
    """Read and clean one capture file (``.txt``, or ``.html``/``.htm`` or HTML content).

    Raises GlossError (with the path) for a missing, empty, binary, oversized (> 5 MB) or
    undecodable file. ``source_sha256`` is the hash of the file's bytes.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise GlossError("not a file", path=path)
        if size > MAX_BYTES:
            raise GlossError(
                f"file too large ({size / 1048576:.1f} MB; the limit is 5 MB)", path=path
            )
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise GlossError("no such file", path=path) from exc
    except PermissionError as exc:
        raise GlossError("permission denied", path=path) from exc
    except IsADirectoryError as exc:
        raise GlossError("is a folder, not a capture file", path=path) from exc
    except OSError as exc:
        raise GlossError(f"cannot read: {exc.strerror or exc}", path=path) from exc
    html = True if path.suffix.lower() in HTML_SUFFIXES else None
    return ingest_bytes(data, str(path), html=html)
