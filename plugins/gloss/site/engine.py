"""The one place the site talks to the annotation engine (``gloss.annotate``).

The plugin never re-implements annotation: it hands the engine all texts of the build in one
batch (the engine's cache answers for unchanged texts) and reads back ``gloss.annotations/1``
records with the curation files already applied.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gloss.errors import GlossError

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]


@dataclass
class EngineRun:
    """Records in input order (None where a text failed) and the problems met."""

    records: list[dict[str, Any] | None]
    errors: list[GlossError]
    cache_hits: int | None


class Engine:
    """Loads the curation and the annotator once per build; annotates batches."""

    def __init__(self, model: str, workers: int | None, cache_dir: Path, curation_dir: Path):
        from gloss.annotate.curation import load_curation

        self.curation = load_curation(curation_dir)
        self.model, self.workers, self.cache_dir = model, workers, cache_dir
        self._annotator: Any = None
        self._curation_keys: dict[str | None, str] = {}
        self._described: dict[str, dict[str, Any] | None] = {}

    @property
    def curation_errors(self) -> list[GlossError]:
        return list(getattr(self.curation, "errors", []) or [])

    def annotator(self) -> Any:
        if self._annotator is None:
            from gloss.annotate import Annotator

            self._annotator = Annotator(
                model=self.model,
                workers=self.workers,
                cache_dir=self.cache_dir,
                curation=self.curation,
            )
        return self._annotator

    def identity(self) -> str:
        """A hash of what the engine's records depend on besides the texts and the curation
        (pipeline, version, engine code); the model is not loaded for it."""
        return self.annotator().identity()

    def curation_key(self, slug: str | None) -> str:
        """A hash of the curation that applies to article ``slug``: the archive's knowledge
        and the article's own corrections file, if any."""
        articles = getattr(self.curation, "articles", None) or {}
        key = slug if slug in articles else None
        if key not in self._curation_keys:
            self._curation_keys[key] = self.curation.fingerprint(key)
        return self._curation_keys[key]

    def describe(self, entity_id: str) -> dict[str, Any] | None:
        """The curated facts about an entity (aliases, description, wikidata), if any."""
        if entity_id in self._described:
            return self._described[entity_id]
        describe = getattr(self.curation, "describe", None)
        known = describe(entity_id) if describe else None
        facts = None
        if known is not None:
            facts = {
                "aliases": list(getattr(known, "aliases", []) or []),
                "description": getattr(known, "description", None),
                "wikidata": getattr(known, "wikidata", None),
            }
        self._described[entity_id] = facts
        return facts

    def _cache_entries(self) -> int:
        """How many entries the engine's cache holds (new ones are the texts it parsed)."""
        if not self.cache_dir.is_dir():
            return 0
        return sum(1 for _ in self.cache_dir.glob("*/*.json"))

    def annotate(
        self,
        texts: Sequence[str],
        sources: Sequence[str],
        slugs: Sequence[str],
        progress: Progress | None = None,
    ) -> EngineRun:
        """All texts in one batch; if the batch fails, text by text so one bad input only
        costs its own annotations."""
        if not texts:
            return EngineRun([], [], 0)
        annotator = self.annotator()
        before = self._cache_entries()
        nonempty = sum(1 for text in texts if text.strip())
        self._parse_in_worker([text for text in texts if text.strip()])

        def hits() -> int:
            return max(0, nonempty - (self._cache_entries() - before))

        try:
            records = annotator.annotate_texts(
                list(texts), sources=list(sources), slugs=list(slugs), progress=progress
            )
            batch_errors: list[GlossError] = []
            checked = self._checked(records, sources, batch_errors)
            return EngineRun(checked, batch_errors, hits())
        except GlossError as error:
            logger.debug("batch annotation failed (%s); retrying text by text", error)
        except Exception as error:  # an engine bug must not stop the build
            logger.debug("batch annotation failed (%r); retrying text by text", error)

        out: list[dict[str, Any] | None] = []
        errors: list[GlossError] = []
        for index, (text, source, slug) in enumerate(zip(texts, sources, slugs, strict=True)):
            try:
                records = annotator.annotate_texts([text], sources=[source], slugs=[slug])
                out.extend(self._checked(records, [source], errors))
            except GlossError as error:
                errors.append(error if error.path else GlossError(error.message, path=source))
                out.append(None)
            except Exception as error:
                errors.append(GlossError(f"annotation failed: {error!r}", path=source))
                out.append(None)
            if progress:
                progress(index + 1, len(texts))
        return EngineRun(out, errors, hits())

    def _parse_in_worker(self, texts: list[str]) -> None:
        """Have the preload worker (:mod:`gloss.site.preload`), if one holds the model, parse
        ``texts`` into the engine's cache: the annotator then finds them there. If it fails,
        the annotator parses them in-process as usual."""
        from gloss.site.preload import worker

        preloaded = worker(self.model) if texts and self.cache_dir else None
        if preloaded is not None:
            preloaded.annotate(texts, self.cache_dir, self.workers)

    @staticmethod
    def _checked(
        records: Sequence[dict[str, Any]],
        sources: Sequence[str],
        errors: list[GlossError] | None = None,
    ) -> list[dict[str, Any] | None]:
        """Records as they are; one carrying an ``error`` becomes None and a problem."""
        out: list[dict[str, Any] | None] = []
        for record, source in zip(records, sources, strict=True):
            if record.get("error"):
                if errors is not None:
                    errors.append(GlossError(str(record["error"]), path=source))
                out.append(None)
            else:
                out.append(record)
        return out
