"""The annotation engine: texts in, ``gloss.annotations/1`` records out.

For each text: look up the model's output in the cache (by content hash); parse the misses in
one ``nlp.pipe`` batch; extract entities and claims; store; then apply the curation files.
One bad text gives a record with an ``error`` and empty lists; it never stops the batch.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from gloss.annotate.cache import AnnotationCache, cache_key
from gloss.annotate.curation import Curation, apply_curation
from gloss.annotate.entities import extract_entities, raw_entities
from gloss.annotate.model import SCHEMA, empty_record
from gloss.annotate.nlp import (
    DEFAULT_MODEL,
    MAX_TEXT_CHARS,
    installed_version,
    load_pipeline,
    parse_texts,
)

Progress = Callable[[int, int], None]
logger = logging.getLogger(__name__)

# Control characters that never occur in text (tabs, newlines and form feeds do).
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f]")


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_text(text: Any) -> str | None:
    """Why ``text`` cannot be annotated, in one line, or None if it can."""
    if not isinstance(text, str):
        return f"expected text, got {type(text).__name__}"
    if len(text) > MAX_TEXT_CHARS:
        return f"text too long: {len(text):,} characters (limit {MAX_TEXT_CHARS:,})"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "not valid Unicode text (lone surrogate code points)"
    if "\x00" in text:
        return "binary data, not text (contains NUL characters)"
    controls = len(_CONTROL_CHARS.findall(text, 0, 10000))
    if controls > 0.01 * min(len(text), 10000) + 5:
        return "binary data, not text (too many control characters)"
    return None


class Annotator:
    """Finds entities and attributed claims in texts; one instance serves many batches.

    ``model``: a spaCy pipeline name (default en_core_web_sm). ``workers``: processes for
    ``nlp.pipe`` (default: the machine's cores; small batches run in-process). ``cache_dir``:
    where model output is cached (None: no cache). ``curation``: from ``load_curation``.
    ``raw_entities``: report the model's entity spans as they come (to measure the engine).
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        workers: int | None = None,
        cache_dir: Path | str | None = None,
        curation: Curation | None = None,
        raw_entities: bool = False,
    ):
        self.model = model
        self.workers = workers
        self.cache = AnnotationCache(cache_dir)
        self.curation = curation
        self.raw_entities = raw_entities
        self._nlp: Any = None

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline(self.model)
        return self._nlp

    def annotate_text(
        self, text: str, source: str | None = None, slug: str | None = None
    ) -> dict[str, Any]:
        return self.annotate_texts([text], [source], [slug])[0]

    def annotate_texts(
        self,
        texts: Sequence[str],
        sources: Sequence[str | None] | None = None,
        slugs: Sequence[str | None] | None = None,
        progress: Progress | None = None,
    ) -> list[dict[str, Any]]:
        """One ``gloss.annotations/1`` record per text, in order.

        ``sources[i]`` is recorded as the record's ``source``; ``slugs[i]`` selects the
        ``content/annotations/<slug>.yml`` corrections for text i. ``progress(done, total)``
        is called as texts complete.
        """
        total = len(texts)
        sources = list(sources) if sources is not None else [None] * total
        slugs = list(slugs) if slugs is not None else [None] * total
        if len(sources) != total or len(slugs) != total:
            raise ValueError(
                f"{total} texts but {len(sources)} sources and {len(slugs)} slugs: one each"
            )
        results: list[dict[str, Any] | None] = [None] * total
        model_output: list[dict[str, Any] | None] = [None] * total
        keys: list[str | None] = [None] * total
        done = 0
        to_parse: list[int] = []
        for i, text in enumerate(texts):
            problem = check_text(text)
            digest = text_sha256(text) if isinstance(text, str) else ""
            if problem is not None:
                results[i] = {**empty_record(sources[i], digest), "error": problem}
            elif not text.strip():
                results[i] = empty_record(sources[i], digest)
            else:
                keys[i] = cache_key(digest, self._pipeline_name(), self._variant())
                model_output[i] = self.cache.get(keys[i])
                if model_output[i] is None:
                    to_parse.append(i)
                    continue
            done += 1
            if progress:
                progress(done, total)
        if to_parse:
            nlp = self.nlp  # a missing model is a GlossError for the whole batch
            for i, doc in zip(to_parse, self._parse(nlp, texts, to_parse), strict=True):
                try:
                    if isinstance(doc, Exception):
                        raise doc
                    model_output[i] = self._extract(doc)
                except Exception as exc:  # a bug on one text must not cost the batch
                    results[i] = {
                        **empty_record(sources[i], text_sha256(texts[i])),
                        "error": f"annotation failed: {type(exc).__name__}: {exc}",
                    }
                else:
                    self.cache.put(keys[i], model_output[i])
                done += 1
                if progress:
                    progress(done, total)
        for i, text in enumerate(texts):
            if results[i] is not None:
                continue
            output = model_output[i]
            assert output is not None
            record = {
                "schema": SCHEMA,
                "source": sources[i],
                "text_sha256": text_sha256(text),
                "entities": output["entities"],
                "claims": output["claims"],
            }
            if not self.raw_entities:
                try:
                    record = apply_curation(record, text, self.curation, slugs[i])
                except Exception as exc:  # a curation bug costs the corrections, not the text
                    logger.warning(
                        "%s: curation not applied: %s: %s",
                        sources[i] or slugs[i] or i,
                        type(exc).__name__,
                        exc,
                    )
            results[i] = record
        return [r for r in results if r is not None]

    def _parse(self, nlp: Any, texts: Sequence[str], indexes: list[int]) -> Iterator[Any]:
        """Docs for ``texts[i]`` for i in ``indexes``, streamed from one batch (memory stays
        flat for any number of texts); if the batch fails, the rest text by text, so that a
        text spaCy cannot parse gets its exception instead of a Doc."""
        batch = [texts[i] for i in indexes]
        produced = 0
        try:
            for doc in parse_texts(nlp, batch, workers=self.workers):
                produced += 1
                yield doc
            return
        except Exception:
            logger.warning("batch parse failed; parsing the rest text by text", exc_info=True)
        for text in batch[produced:]:
            try:
                yield next(iter(parse_texts(nlp, [text], workers=1)))
            except Exception as exc:
                yield exc

    def _pipeline_name(self) -> str:
        # Name and installed version identify the pipeline without loading it (a warm cache
        # never loads the model); which components run is fixed by the engine's code.
        return f"{self.model}:{_installed_version(self.model)}"

    def identity(self) -> str:
        """A hash of what the records depend on besides the text and the curation: the
        pipeline (name, version), the engine's code and data, the variant. Lets a caller key
        its own caches of records without loading the model."""
        return cache_key("", self._pipeline_name(), self._variant())

    def _variant(self) -> str:
        return "raw-entities" if self.raw_entities else ""

    def _extract(self, doc: Any) -> dict[str, Any]:
        if self.raw_entities:
            return {"entities": [e.to_dict() for e in raw_entities(doc)], "claims": []}
        # Imported here: a build whose texts are all cached never finds claims, and the
        # claims package (its lexicons and matchers) is a noticeable part of startup.
        from gloss.annotate.claims import find_claims

        entities = extract_entities(doc)
        claims = find_claims(doc, entities)
        return {"entities": [e.to_dict() for e in entities], "claims": claims}


@lru_cache(maxsize=8)
def _installed_version(model: str) -> str:
    try:
        return installed_version(model)
    except Exception:
        return "unknown"
