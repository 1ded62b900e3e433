"""A Pelican writer that leaves unchanged files alone.

A Gloss build writes several pages per article (entity, speaker, provenance pages) and most of
them are byte-identical from one build to the next. Writing a file costs far more than reading
and comparing it, so this writer renders as usual but only replaces a file whose bytes change.
Unchanged files also keep their modification times, which makes uploading the output cheaper.

Pelican's bookkeeping is kept exactly: a path written twice in one build is still an error
(unless ``override`` says otherwise), so collisions are caught as before.
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from gloss.site.annotation import BUILD_KEY, GlossBuild
from gloss.site.page_cache import (
    Digester,
    PageCache,
    TemplateTree,
    settings_digest,
    template_tree,
)
from gloss.site.settings import gloss_settings

logger = logging.getLogger(__name__)


class _WriteIfChanged(io.StringIO):
    """Collects the text; on close, writes it to ``path`` only if it differs."""

    def __init__(self, path: str, encoding: str):
        super().__init__()
        self.path, self.target_encoding = path, encoding

    def close(self) -> None:
        if not self.closed:
            data = self.getvalue().encode(self.target_encoding)
            target = Path(self.path)
            try:
                unchanged = target.stat().st_size == len(data) and target.read_bytes() == data
            except OSError:
                unchanged = False
            if not unchanged:
                target.write_bytes(data)
        super().close()

    def __exit__(self, *exc: Any) -> None:
        if exc[0] is None:
            self.close()
        else:  # rendering failed: leave the old file as it was
            super().close()


# Pelican's own pages made one per article or page: the writer keeps those whose inputs are
# unchanged (see gloss.site.page_cache). Listings are paginated and show many articles: they
# are always rendered.
CACHED_TEMPLATES = frozenset({"article.html", "page.html"})

_OPEN_CACHES: list[PageCache] = []  # saved when the build ends (``finalized``)


class UnchangedFilesWriter(Writer):
    def __init__(self, output_path: str, settings: dict[str, Any] | None = None):
        super().__init__(output_path, settings=settings)
        self._page_cache: PageCache | None = None
        self._digester = Digester()
        self._trees: dict[str, TemplateTree | None] = {}

    def page_cache(self) -> PageCache:
        if self._page_cache is None:
            settings = self.settings or {}
            directory = gloss_settings(settings).cache_path / "site"
            self._page_cache = PageCache(
                directory, self.output_path, settings_digest(settings), "articles"
            )
            _OPEN_CACHES.append(self._page_cache)
        return self._page_cache

    def write_file(  # type: ignore[override]
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: Any = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> Any:
        if (
            name
            and getattr(template, "name", None) in CACHED_TEMPLATES
            and not paginated
            and not override_output
            and self._unchanged(name, template, context, relative_urls, url, kwargs)
        ):
            return None
        return super().write_file(
            name,
            template,
            context,
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            override_output=override_output,
            url=url,
            **kwargs,
        )

    def _unchanged(
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool,
        url: str | None,
        kwargs: dict[str, Any],
    ) -> bool:
        """Whether the last build wrote this very page; then it is kept, not rendered."""
        cache = self.page_cache()
        build = context.get(BUILD_KEY)
        if isinstance(build, GlossBuild):  # the archive generator describes the same articles
            self._digester._contents = build.content_descriptions
        if template.name not in self._trees:
            self._trees[template.name] = template_tree(
                template.environment, template.name, cache.templates
            )
        tree = self._trees[template.name]
        if tree is None:
            return False
        page = {"url": url, "output_file": name, **kwargs}
        save_as = f"{name}\0{relative_urls}"
        key = cache.key(save_as, tree, page, context, self._digester)
        output_file = sanitised_join(self.output_path, name)
        if not cache.unchanged(save_as, key, output_file):
            return False
        self.keep(output_file)
        cache.skipped += 1
        return True

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        # The same rules as Pelican's writer: a second write of a path is an error unless
        # one write (and only one) overrides the other.
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(
                    f'Failed to overwrite "{filename}" a second time (was previously overwritten)'
                )
            logger.info('Skipping "%s", not overwriting', filename)
            return open(os.devnull, "w", encoding=encoding)
        if filename in self._written_files and not override:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)
        return _WriteIfChanged(filename, encoding)

    def keep(self, filename: str) -> None:
        """Count ``filename`` as written by this build without rendering it (the page cache
        knows it is unchanged): writing it again in this build is still a collision."""
        if filename in self._written_files:
            raise FileOverwriteFailedError(
                f'Failed to overwrite "{filename}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
        self._written_files.add(filename)


def get_writer(pelican: Any) -> type[Writer]:
    return UnchangedFilesWriter


def save_page_caches(pelican: Any) -> None:
    while _OPEN_CACHES:
        cache = _OPEN_CACHES.pop()
        cache.save()
        logger.debug("%d article pages unchanged, not rendered", cache.skipped)


def register() -> None:
    signals.get_writer.connect(get_writer)
    signals.finalized.connect(save_page_caches)
