"""Provenance pages: how each article got from its raw capture to the post.

For an article whose metadata names its ``Capture`` (a path relative to the content folder),
the page beside it (``<article folder>/provenance/index.html``) shows:

- the raw capture with line numbers, the lines ingest dropped (boilerplate) highlighted and
  each line's role (title, byline, body, dropped...) from ``ingest_path(...).line_roles``;
- the diff from the capture to the post's Markdown source, rendered with Pygments;
- a link to the capture file itself (copied into the output through ``STATIC_PATHS``).

Pygments' CSS is generated at build time into ``theme/css/gloss-pygments.css`` (no CDN).
The rendered pieces are cached by the hashes of the capture and the post, so a warm build
does not run ingest again.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from gloss import __version__
from gloss.errors import GlossError
from gloss.site.annotation import AnnotatedContent

logger = logging.getLogger(__name__)

PYGMENTS_CSS = "theme/css/gloss-pygments.css"
CODE_CLASS = "gl-code"


@dataclass
class Provenance:
    """What the provenance template shows (``provenance`` in its context).

    The rendered parts (the capture's and the diff's HTML, the line roles...) are read from
    the cache only when a page shows them: a warm build keeps every provenance page and never
    reads them. ``key`` is the hash of everything they are made from (see
    :class:`ProvenanceCache`), so it stands for them in the page's key.
    """

    capture_path: str  # relative to the content folder, as in the metadata
    capture_url: str | None  # relative to the site root; None when not copied to the output
    css_url: str
    key: str
    load: Callable[[], dict[str, Any]] = field(repr=False, compare=False)

    @cached_property
    def parts(self) -> dict[str, Any]:
        return self.load()

    @property
    def capture_html(self) -> str:  # Pygments HTML of the capture, dropped lines highlighted
        return self.parts["capture_html"]

    @property
    def diff_html(self) -> str:  # Pygments HTML of the unified diff capture → post
        return self.parts["diff_html"]

    @property
    def roles(self) -> list[tuple[int, str, str]]:  # (line number, role, line), non-body lines
        return self.parts["roles"]

    @property
    def role_counts(self) -> dict[str, int]:
        return self.parts["role_counts"]

    @property
    def dropped(self) -> list[str]:
        return self.parts["dropped"]

    @property
    def encoding(self) -> str | None:
        return self.parts["encoding"]

    @property
    def kind(self) -> str:  # "text" or "html"
        return self.parts["kind"]

    @property
    def sha256(self) -> str:
        return self.parts["sha256"]


def _decode(data: bytes, source: str) -> tuple[str, str | None]:
    try:
        from gloss.ingest.decode import decode_bytes

        text, encoding = decode_bytes(data, source)
        return text, encoding
    except ImportError:
        return data.decode("utf-8", errors="replace"), "utf-8"


def _ingest(path: Path) -> Any:
    try:
        from gloss.ingest import ingest_path
    except ImportError:
        from gloss.ingest.capture import ingest_path
    return ingest_path(path)


def render_provenance(capture: Path, post: Path, capture_path: str) -> dict[str, Any]:
    """The cacheable parts of a provenance page (plain data, JSON-serialisable)."""
    from pygments import highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import DiffLexer, TextLexer

    data = capture.read_bytes()
    text, encoding = _decode(data, str(capture))
    article = _ingest(capture)
    lines = text.splitlines()
    roles = list(getattr(article, "line_roles", []) or [])
    dropped_numbers = [n + 1 for n, role in enumerate(roles) if role == "dropped"]
    formatter = HtmlFormatter(
        linenos="table",
        hl_lines=dropped_numbers,
        cssclass=CODE_CLASS,
        lineanchors="line",
        anchorlinenos=True,
        wrapcode=True,
    )
    capture_html = highlight("\n".join(lines) + "\n", TextLexer(stripnl=False), formatter)
    post_lines = post.read_text("utf-8").splitlines()
    diff = difflib.unified_diff(
        lines, post_lines, fromfile=capture_path, tofile=post.name, lineterm="", n=2
    )
    diff_text = "\n".join(diff) + "\n"
    diff_html = highlight(diff_text, DiffLexer(stripnl=False), HtmlFormatter(cssclass=CODE_CLASS))
    counts: dict[str, int] = {}
    for role in roles:
        counts[role] = counts.get(role, 0) + 1
    return {
        "capture_html": capture_html,
        "diff_html": diff_html,
        "roles": [
            (n + 1, role, lines[n] if n < len(lines) else "")
            for n, role in enumerate(roles)
            if role not in ("body", "blank")
        ],
        "role_counts": dict(sorted(counts.items())),
        "dropped": list(getattr(article, "dropped", []) or []),
        "encoding": encoding,
        "kind": getattr(article, "kind", "text"),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


class ProvenanceCache:
    """Rendered provenance parts keyed by (capture bytes, post bytes, Gloss version)."""

    def __init__(self, directory: Path):
        self.directory = directory

    def key(self, capture: Path, post: Path, capture_path: str) -> str:
        digest = hashlib.sha256(__version__.encode())
        digest.update(capture.read_bytes())
        digest.update(b"\0")
        digest.update(post.read_bytes())
        digest.update(capture_path.encode())
        return digest.hexdigest()

    def prepare(
        self, capture: Path, post: Path, capture_path: str
    ) -> tuple[str, Callable[[], dict[str, Any]]]:
        """The parts' key, and how to read them: rendered now if the cache has no entry (so
        that a broken capture is known before any page links to it), else read when shown."""
        key = self.key(capture, post, capture_path)
        entry = self.directory / f"{key}.json"
        if not entry.is_file():
            self.store(entry, render_provenance(capture, post, capture_path))

        def load() -> dict[str, Any]:
            try:
                return json.loads(entry.read_text("utf-8"))
            except (OSError, ValueError):  # removed or broken since: render it again
                parts = render_provenance(capture, post, capture_path)
                self.store(entry, parts)
                return parts

        return key, load

    @staticmethod
    def store(entry: Path, parts: dict[str, Any]) -> None:
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            tmp = entry.with_suffix(".tmp")
            tmp.write_text(json.dumps(parts), encoding="utf-8")
            tmp.replace(entry)
        except OSError as error:
            logger.debug("provenance cache not written: %s", error)


def write_pygments_css(output_path: str | Path, pages: Any = None) -> None:
    """Pygments' CSS for the provenance pages; kept as it is when the page cache ``pages``
    says the last build wrote it with the same Pygments."""
    import pygments

    target = Path(output_path) / PYGMENTS_CSS
    if pages is not None and pages.unchanged(
        PYGMENTS_CSS, f"pygments {pygments.__version__}", str(target)
    ):
        return
    from pygments.formatters import HtmlFormatter

    css = HtmlFormatter(style="default").get_style_defs(f".{CODE_CLASS}")
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists() or target.read_text("utf-8") != css:
        target.write_text(css, encoding="utf-8")


# A capture is published for provenance, and a browser runs many kinds of file as a page
# (".html", ".xhtm", ".shtm", ".svg", ".rss", ...) with the page's own scripts, from the
# archive's origin or from disk. A list of dangerous suffixes always misses one, so it is the
# other way round: static files of the kinds below, which no browser runs as a page, are
# published as they are, and every other one gets ".txt" appended, which every browser and
# static host shows as plain text.
INERT_SUFFIXES = frozenset(
    {
        ".txt", ".md", ".pdf", ".csv", ".json", ".css", ".js",
        ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico",
        ".woff", ".woff2", ".ttf", ".otf", ".mp3", ".mp4", ".webm", ".ogg",
    }
)  # fmt: skip


def published_name(path: str) -> str:
    """Where a static file (a capture) is published: ``sources/page.html`` becomes
    ``sources/page.html.txt``; ``sources/page.txt`` stays as it is."""
    path = path.replace("\\", "/")
    return path if Path(path).suffix.lower() in INERT_SUFFIXES else path + ".txt"


def publish_captures_as_text(generator: Any) -> None:
    """``static_generator_finalized``: static files a browser would run are published under
    :func:`published_name` (even undated captures whose post Pelican skipped), and a copy
    that an older build published under the runnable name is removed."""
    for static in generator.staticfiles:
        save_as, url = static.save_as, static.url
        if published_name(save_as) == save_as:
            continue
        static.override_save_as = published_name(save_as)
        static.override_url = published_name(url)
        stale = Path(generator.output_path) / save_as
        if stale.is_file():
            stale.unlink()


def register() -> None:
    from pelican import signals

    signals.static_generator_finalized.connect(publish_captures_as_text)


def prepare_provenance(build: Any) -> list[tuple[AnnotatedContent, Provenance]]:
    """Render (or fetch from the cache) every provenance page of the build.

    Runs before any page is written, so an article whose capture is missing or broken loses
    its provenance link instead of pointing at a page that does not exist.
    """
    content_root = build.settings.content_path
    cache = ProvenanceCache(build.settings.cache_path / "site" / "provenance")
    # Pelican copies what STATIC_PATHS names to the same place under the output.
    static_roots = [
        (content_root / folder).resolve() for folder in build.site_settings.get("STATIC_PATHS", [])
    ]
    pages = []
    item: AnnotatedContent
    for item in build.contents:
        page = item.gloss.provenance_url
        capture_path = getattr(item.content, "capture", None)
        if not page or not capture_path:
            item.gloss.provenance_url = item.gloss.capture_url = None
            continue
        capture = (content_root / str(capture_path)).resolve()
        post = Path(item.content.source_path)
        try:
            # The page publishes the file: never anything outside the content folder.
            if not capture.is_relative_to(content_root.resolve()):
                raise GlossError(f"capture {capture_path} is outside the content folder", path=post)
            if not capture.is_file():
                raise GlossError(f"capture {capture_path} not found", path=post)
            key, load = cache.prepare(capture, post, str(capture_path))
        except GlossError as error:
            build.warn(error)
            item.gloss.provenance_url = item.gloss.capture_url = None
            continue
        except (OSError, ValueError) as error:
            build.warn(GlossError(f"provenance not built: {error}", path=post))
            item.gloss.provenance_url = item.gloss.capture_url = None
            continue
        provenance = Provenance(
            capture_path=str(capture_path),
            capture_url=published_name(str(capture_path))
            if any(capture.is_relative_to(root) for root in static_roots)
            else None,
            css_url=PYGMENTS_CSS,
            key=key,
            load=load,
        )
        item.gloss.capture_url = provenance.capture_url
        pages.append((item, provenance))
    return pages


def write_provenance(generator: Any, writer: Any, pages: list) -> None:
    """Write the prepared provenance pages and the Pygments CSS they use."""
    if pages:
        write_pygments_css(generator.output_path, getattr(generator, "pages", None))
    for item, provenance in pages:
        generator._write_page(
            writer,
            item.gloss.provenance_url,
            "provenance",
            article=item.content,
            provenance=provenance,
        )
