"""Writing posts under ``content/articles/<yyyy>/<slug>.md`` without ever losing an edit.

Rules (people edit posts by hand, and ``make html`` re-runs ingest every time):

* a capture that already has a post (matched by its path in the post's ``Capture`` field) is
  left alone: unchanged → nothing to do; changed → reported, rewritten only with ``force``;
* ``force`` rewrites a post only if nobody edited it (its ``Post_sha256`` still matches) and
  refuses the others with a message;
* a new capture of an article already in the archive (same source URL, same body text, or the
  same bytes under another name) is skipped with a message;
* slugs are ASCII file names made from the title, unique across the archive, and a post is
  always created with exclusive-create, so an existing file is never overwritten by accident;
* a capture whose file name holds a control character (a newline, an escape) gets no post: the
  post records the name on one header line, where it would be cut short and never found again;
* a post that cannot be written is named, with the reason in words ("read-only file system").
"""

from __future__ import annotations

import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from gloss.errors import GlossError
from gloss.ingest.article import Article
from gloss.ingest.markdown import is_hand_edited, read_metadata, render_post, text_sha256

MAX_SLUG = 80
HEADER_BYTES = 8192  # metadata headers are short; read only this much of each post


@dataclass
class Outcome:
    """What happened to one input: ``status`` is written, rewritten, unchanged, skipped,
    refused or failed; ``post`` is the post concerned (if any)."""

    source: str
    status: str
    message: str
    post: Path | None = None

    @property
    def failed(self) -> bool:
        return self.status == "failed"


def slugify(text: str | None, fallback: str = "article") -> str:
    """An ASCII file name from a title: lower case, words joined by '-', at most 80 chars."""
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or fallback


# Characters that must not reach a one-line report or a post's header line: control characters
# (newline, tab, escape; C1), line and paragraph separators (str.splitlines() splits on them)
# and lone surrogates (file-name bytes that are not UTF-8, which no UTF-8 output can print).
_UNPRINTABLE_CATEGORIES = {"Cc", "Zl", "Zp", "Cs"}


def printable_name(name: str) -> str:
    """``name`` with each unprintable character written as its Python escape
    (``bad\\nname.html``), so that it stays on one line and says what is there."""
    return "".join(
        char.encode("unicode_escape", "backslashreplace").decode("ascii")
        if unicodedata.category(char) in _UNPRINTABLE_CATEGORIES
        else char
        for char in name
    )


def _has_surrogates(name: str) -> bool:
    return any(unicodedata.category(char) == "Cs" for char in name)


def _cannot_write(path: Path, exc: OSError, source: str) -> GlossError:
    """A post that could not be written, named, with the system's reason in words (not the
    temporary file's name and the errno)."""
    reason = exc.strerror or type(exc).__name__
    return GlossError(
        f"cannot write {path.as_posix()}: {reason[:1].lower()}{reason[1:]}", path=source
    )


@dataclass
class _Post:
    path: Path
    meta: dict[str, str]


def _create_whole(path: Path, text: str) -> None:
    """Create ``path`` holding ``text``, all or nothing: written to a temporary file beside it,
    then hard-linked into place (which fails if ``path`` exists, like exclusive create). A write
    that fails part-way (disk full) leaves no truncated post, which later runs would take for a
    hand-edited one and never replace."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".gloss-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: exclusive create instead
            with open(path, "x", encoding="utf-8") as handle:
                handle.write(text)
    finally:
        os.unlink(tmp)


class PostStore:
    """The posts under ``articles_dir``; ``content_dir`` is what ``Capture`` paths are relative to."""

    def __init__(self, articles_dir: str | Path, content_dir: str | Path | None = None):
        self.articles_dir = Path(articles_dir)
        self.content_dir = Path(content_dir) if content_dir else self.articles_dir.parent
        self._posts: list[_Post] = []
        if self.articles_dir.is_dir():
            for path in sorted(self.articles_dir.rglob("*.md")):
                self._posts.append(_Post(path, self._read_meta(path)))

    @staticmethod
    def _read_meta(path: Path) -> dict[str, str]:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return read_metadata(handle.read(HEADER_BYTES))

    def capture_name(self, capture: str | Path) -> str:
        """The capture's path as recorded in posts: relative to content/, with '/'."""
        capture = Path(capture).resolve()
        try:
            return capture.relative_to(self.content_dir.resolve()).as_posix()
        except ValueError:
            return Path(os.path.relpath(capture, self.content_dir.resolve())).as_posix()

    def _find(self, key: str, value: str | None, exclude: Path | None = None) -> _Post | None:
        if not value:
            return None
        for post in self._posts:
            if post.meta.get(key) == value and post.path != exclude:
                return post
        return None

    def _slug_taken(self, slug: str) -> bool:
        return any(
            post.meta.get("slug", post.path.stem) == slug or post.path.stem == slug
            for post in self._posts
        )

    def _new_path(self, article: Article) -> tuple[Path, str]:
        year = article.date[:4] if article.date else "undated"
        base = slugify(article.title, fallback=f"article-{(article.source_sha256 or '')[:8]}")
        slug, number = base, 1
        while self._slug_taken(slug) or (self.articles_dir / year / f"{slug}.md").exists():
            number += 1
            slug = f"{base}-{number}"
        return self.articles_dir / year / f"{slug}.md", slug

    @staticmethod
    def _relative(path: Path) -> str:
        """A post's path as shown in messages (as given, e.g. content/articles/2022/x.md)."""
        return path.as_posix()

    def save(
        self,
        article: Article,
        capture: str | Path,
        force: bool = False,
        extra: dict[str, str] | None = None,
    ) -> Outcome:
        """Write the post for ``article`` (from file ``capture``) if the rules allow it."""
        source = str(capture)
        name = self.capture_name(capture)
        if printable_name(name) != name:
            what = "bytes that are not UTF-8" if _has_surrogates(name) else "a control character"
            raise GlossError(
                f"file name has {what}: rename the capture (its post could not record where "
                "it came from)",
                path=source,
            )
        existing = self._find("capture", name)
        if existing is not None:
            return self._update(article, name, existing, force, extra, source)
        same_bytes = self._find("capture_sha256", article.source_sha256)
        if same_bytes is not None:
            return Outcome(
                source,
                "skipped",
                f"same capture as {same_bytes.meta.get('capture')} (post {self._relative(same_bytes.path)})",
                same_bytes.path,
            )
        same_url = self._find("source_url", article.url)
        if same_url is not None:
            return Outcome(
                source,
                "skipped",
                f"duplicate: same URL as {self._relative(same_url.path)}",
                same_url.path,
            )
        same_text = (
            self._find("text_sha256", text_sha256(article.paragraphs))
            if article.paragraphs
            else None
        )
        if same_text is not None:
            return Outcome(
                source,
                "skipped",
                f"duplicate: same text as {self._relative(same_text.path)}",
                same_text.path,
            )
        if not article.paragraphs:
            return Outcome(source, "failed", "no body text found")
        path, slug = self._new_path(article)
        text = render_post(article, name, slug, extra)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot_write(path, exc, source) from exc
        try:
            _create_whole(path, text)  # never replaces a file, never leaves half a post
        except FileExistsError as exc:  # created by someone else meanwhile
            raise GlossError(f"post {path} appeared while writing; run again", path=source) from exc
        except OSError as exc:  # read-only, full or forbidden folder
            raise _cannot_write(path, exc, source) from exc
        self._posts.append(_Post(path, read_metadata(text)))
        return Outcome(source, "written", f"wrote {self._relative(path)}", path)

    def _update(
        self,
        article: Article,
        name: str,
        post: _Post,
        force: bool,
        extra: dict[str, str] | None,
        source: str,
    ) -> Outcome:
        where = self._relative(post.path)
        changed = post.meta.get("capture_sha256") != article.source_sha256
        if not force:
            if changed:
                return Outcome(
                    source,
                    "skipped",
                    f"capture changed since {where} was written; --force rewrites the post if nobody edited it",
                    post.path,
                )
            return Outcome(source, "unchanged", f"post {where} is up to date", post.path)
        current = post.path.read_text(encoding="utf-8")
        if is_hand_edited(current):
            return Outcome(
                source,
                "refused",
                f"not rewriting {where}: it was edited by hand (move your edits or delete the post to regenerate it)",
                post.path,
            )
        slug = post.meta.get("slug") or post.path.stem
        text = render_post(article, name, slug, extra)
        if text == current:
            return Outcome(source, "unchanged", f"post {where} is up to date", post.path)
        # Replace atomically: a reader never sees half a post.
        try:
            fd, tmp = tempfile.mkstemp(dir=post.path.parent, prefix=".gloss-", suffix=".tmp")
        except OSError as exc:
            raise _cannot_write(post.path, exc, source) from exc
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, post.path)
        except BaseException as exc:
            os.unlink(tmp)
            if isinstance(exc, OSError):
                raise _cannot_write(post.path, exc, source) from exc
            raise
        post.meta = read_metadata(text)
        return Outcome(source, "rewritten", f"rewrote {where}", post.path)
