"""Annotation in the build: the ``article_generator_finalized`` (and page) signal handlers.

For every article: take the plain text of its HTML (:mod:`gloss.site.textmap`), annotate all
texts of the build in ONE batch through the engine (its cache answers for unchanged texts, the
curation files are applied), then rewrite ``article._content`` with the wrappers of the theme
contract (:mod:`gloss.site.render`) and set ``article.gloss`` for templates.

Pelican memoizes ``article.content`` and ``article.summary``, so neither is read here before
the rewrite; the summary shown in listings and feeds is made from the unannotated HTML first
(no annotation markup, no duplicate ids in index pages).

Problems (curation mistakes, an engine failure on one text, a record that does not match its
text) are logged as one warning line each, with file and line where known; they never stop
the build.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.contents import Content
from pelican.utils import (
    strip_toc_elements_from_html,
    truncate_html_paragraphs,
    truncate_html_words,
)

from gloss.errors import GlossError
from gloss.site import memory, urls
from gloss.site.article_store import ArticleStore
from gloss.site.exports import ArticleInfo, schema_org
from gloss.site.page_cache import code_digest
from gloss.site.render_cache import RenderCache, key_of
from gloss.site.settings import GlossSettings, gloss_settings
from gloss.site.views import (
    UNKNOWN_SPEAKER,
    ArticleGloss,
    ClaimView,
    EntityView,
    SpeakerView,
    claim_anchor,
    credit_line,
    entity_extras,
    label_name,
    speaker_key,
)

logger = logging.getLogger(__name__)

BUILD_KEY = "gloss_build"  # where the build's state lives in Pelican's shared context

# The settings Pelican makes a summary with (see set_plain_summary).
SUMMARY_SETTINGS = ("SUMMARY_MAX_PARAGRAPHS", "SUMMARY_MAX_LENGTH", "SUMMARY_END_SUFFIX")


@dataclass
class AnnotatedContent:
    """One article (or page) of the build with its annotations."""

    content: Content
    kind: str  # "article" or "page"
    info: ArticleInfo
    text: str
    record: dict[str, Any]
    gloss: ArticleGloss
    # Published (listed in the archive and exported); drafts and hidden articles are
    # annotated in their own pages but appear nowhere else.
    listed: bool = True


@dataclass
class BuildStats:
    texts: int = 0
    cache_hits: int | None = 0
    seconds: float = 0.0
    problems: int = 0


@dataclass
class GlossBuild:
    """The state of Gloss in one Pelican build, shared by the signal handlers and generators."""

    settings: GlossSettings
    site_settings: dict[str, Any]
    contents: list[AnnotatedContent] = field(default_factory=list)
    entity_paths: urls.PathRegistry = field(default_factory=urls.PathRegistry)
    speaker_paths: urls.PathRegistry = field(default_factory=urls.PathRegistry)
    data_paths: urls.PathRegistry = field(default_factory=urls.PathRegistry)
    entity_urls: dict[str, str] = field(default_factory=dict)
    speaker_urls: dict[str, str] = field(default_factory=dict)
    stats: BuildStats = field(default_factory=BuildStats)
    _engine: Any = None
    _curation_reported: bool = False
    _unmatched_reported: int = 0  # how many of the engine's unmatched corrections were warned
    _slugs_annotated: set[str] = field(default_factory=set)  # to find orphan corrections
    _cache: RenderCache | None = None
    _parsed: dict[str, Any] = field(default_factory=dict)  # HTML → its parse, until rewritten
    _store: ArticleStore | None = None
    # The page caches' descriptions of the build's articles (see gloss.site.page_cache), made
    # once and shared by the writer and the archive generator.
    content_descriptions: dict[int, str] = field(default_factory=dict)
    _store_key: str | None = None  # the part of every article's store key shared by all

    @classmethod
    def of(cls, context: dict[str, Any], settings: dict[str, Any]) -> GlossBuild:
        build = context.get(BUILD_KEY)
        if not isinstance(build, GlossBuild):
            build = cls(settings=gloss_settings(settings), site_settings=settings)
            context[BUILD_KEY] = build
        return build

    # -- engine ---------------------------------------------------------------------------

    def engine(self) -> Any:
        if self._engine is None:
            from gloss.site.engine import Engine

            self._engine = Engine(
                model=self.settings.model,
                workers=self.settings.workers,
                cache_dir=self.settings.cache_path / "annotations",
                curation_dir=self.settings.curation_path,
            )
        if not self._curation_reported:
            self._curation_reported = True
            for error in self._engine.curation_errors:
                self.warn(error)
        return self._engine

    def report_orphan_corrections(self) -> None:
        """A corrections file whose slug no article or page of the build has applies to
        nothing (a typo, a renamed post): one warning naming the file, like other mistakes."""
        curation = getattr(self._engine, "curation", None)
        folder = self.settings.curation_path / "annotations"
        for slug in sorted(set(getattr(curation, "articles", None) or {}) - self._slugs_annotated):
            path = folder / f"{slug}.yml"
            path = path if path.exists() else folder / f"{slug}.yaml"
            message = (
                f"no article or page has the slug '{slug}': these corrections apply to nothing"
            )
            self.warn(GlossError(message, path=path, line=1))

    def warn(self, problem: GlossError | str) -> None:
        self.stats.problems += 1
        logger.warning("gloss: %s", problem)

    # -- naming -----------------------------------------------------------------------------

    def name_entities(self, records: Iterable[dict[str, Any]]) -> None:
        ids = sorted({str(e["id"]) for r in records for e in r.get("entities", [])})
        for entity_id in ids:
            if entity_id not in self.entity_urls:
                self.entity_urls[entity_id] = self.entity_paths.claim(
                    urls.ENTITY_PAGE, urls.path_segment(entity_id), entity_id
                )

    def name_speakers(self, records: Iterable[dict[str, Any]]) -> None:
        """Speaker pages: entity speakers under their entity id first, then named speakers
        without an entity and unnamed sources (by noun); a clash gets a suffix."""
        named: set[str] = set()
        vague: set[str] = set()
        for record in records:
            for claim in record.get("claims", []):
                speaker = claim.get("speaker") or {}
                key = speaker_key(speaker)
                if key == UNKNOWN_SPEAKER:
                    continue
                (vague if speaker.get("kind") == "vague" else named).add(key)
        for key in sorted(named):
            if key not in self.speaker_urls:
                self.speaker_urls[key] = self.speaker_paths.claim(
                    urls.SPEAKER_PAGE, urls.path_segment(key), ("named", key)
                )
        for key in sorted(vague):
            if f"vague:{key}" not in self.speaker_urls:
                self.speaker_urls[f"vague:{key}"] = self.speaker_paths.claim(
                    urls.SPEAKER_PAGE, urls.path_segment(key), ("vague", key), suffix="-unnamed"
                )

    def speaker_url(self, speaker: dict[str, Any]) -> str | None:
        key = speaker_key(speaker)
        if key == UNKNOWN_SPEAKER:
            return None
        if speaker.get("kind") == "vague" and not speaker.get("entity"):
            return self.speaker_urls.get(f"vague:{key}")
        return self.speaker_urls.get(key)

    # -- the batch ----------------------------------------------------------------------------

    def annotate(self, contents: list[tuple[Content, bool]], kind: str) -> None:
        """Annotate ``contents`` (with whether each is published) in one batch and rewrite
        each one's HTML.

        An article whose inputs are those of an entry of the article store (see
        :mod:`gloss.site.article_store`) costs a look-up; the others go to the engine in one
        batch, and their results are stored for the next build.
        """
        started = time.perf_counter()
        listed = {id(content): is_listed for content, is_listed in contents}
        todo: list[tuple[Content, ArticleInfo, str]] = [
            (content, article_info(content, self.site_settings), content._content)
            for content, _ in contents
            if getattr(content, "_content", None)
        ]
        if not todo:
            return

        try:
            engine = self.engine()
            keys = [self.article_key(content, info, html) for content, info, html in todo]
        except GlossError as error:
            self.warn(error)
            return
        except ImportError as error:
            self.warn(f"the annotation engine is not available ({error}); articles left plain")
            return

        entries = [self.store.get(key) for key in keys]
        texts = [
            entry["text"] if entry else self.text_of(todo[i][2]) for i, entry in enumerate(entries)
        ]
        records: list[dict[str, Any] | None] = [
            entry["record"] if entry else None for entry in entries
        ]
        missing = [i for i, entry in enumerate(entries) if entry is None and texts[i].strip()]
        for i, entry in enumerate(entries):
            if entry is None and not texts[i].strip():  # nothing to annotate: remembered too
                self.store.put(keys[i], {"text": "", "record": None})
        annotated = [i for i, text in enumerate(texts) if text.strip()]
        self._slugs_annotated.update(todo[i][1].slug for i in annotated)
        if not annotated:
            return

        engine_hits: int | None = 0
        if missing:
            run = self.run_engine(
                engine, [todo[i] for i in missing], [texts[i] for i in missing], kind
            )
            engine_hits = run.cache_hits
            for i, record in zip(missing, run.records, strict=True):
                records[i] = record
        for entry in entries:
            for message, path, line in entry.get("unmatched", []) if entry else []:
                self.warn(GlossError(message, path=path, line=line))
        self.name_entities(r for i in annotated if (r := records[i]) is not None)
        self.name_speakers(r for i in annotated if (r := records[i]) is not None)

        for i in annotated:
            content, info, html = todo[i]
            record, entry = records[i], entries[i]
            if record is None:
                continue
            if entry is None:
                entry = self.rewrite(content, kind, info, texts[i], record, listed[id(content)])
                entry["unmatched"] = self.unmatched_of(engine, info.slug)
                self.store.put(keys[i], entry)
            else:
                apply_entry(content, entry)
                self.finish(content, kind, info, entry, listed[id(content)])
        self._parsed.clear()

        self.stats.texts += len(annotated)
        if engine_hits is None or self.stats.cache_hits is None:
            self.stats.cache_hits = None
        else:
            self.stats.cache_hits += engine_hits + len(annotated) - len(missing)
        self.stats.seconds += time.perf_counter() - started

    def run_engine(
        self, engine: Any, todo: list[tuple[Content, ArticleInfo, str]], texts: list[str], kind: str
    ) -> Any:
        """The engine's records for ``texts`` (in one batch), its problems warned."""
        with build_progress(f"Annotating {len(todo)} {kind}s") as progress:
            run = engine.annotate(
                texts,
                sources=[t[0].source_path for t in todo],
                slugs=[t[1].slug for t in todo],
                progress=progress,
            )
        for error in run.errors:
            self.warn(error)
        for warning in getattr(engine.curation, "unmatched", [])[self._unmatched_reported :]:
            self.warn(warning)  # a correction that applied to nothing in its article
            self._unmatched_reported += 1
        return run

    @staticmethod
    def unmatched_of(engine: Any, slug: str) -> list[tuple[str, str | None, int | None]]:
        """The corrections of article ``slug`` that applied to nothing (warned again on each
        build that takes the article from the store, as they would be if it were annotated)."""
        curation = engine.curation
        article = (getattr(curation, "articles", None) or {}).get(slug)
        path = getattr(article, "path", None)
        if not path:
            return []
        found = getattr(curation, "unmatched", None) or []
        return [(w.message, w.path, w.line) for w in found if w.path == str(Path(path))]

    def article_key(self, content: Content, info: ArticleInfo, html: str) -> str:
        """The article store's key of an article: a hash of every input of its entry."""
        if self._store_key is None:
            engine, settings = self.engine(), self.content_settings(content)
            self._store_key = key_of(
                "article",
                engine.identity(),
                code_digest("annotation", "article_store"),
                list(self.settings.labels),
                self.settings.show_claims,
                [settings.get(name) for name in SUMMARY_SETTINGS],
            )
        return key_of(
            self._store_key,
            content.source_path,
            info.slug,
            self.engine().curation_key(info.slug),
            "summary" in content.metadata,
            html,
        )

    @staticmethod
    def content_settings(content: Content) -> dict[str, Any]:
        return getattr(content, "settings", None) or {}

    @property
    def store(self) -> ArticleStore:
        if self._store is None:
            output = str(self.site_settings.get("OUTPUT_PATH") or "output")
            self._store = ArticleStore(self.settings.cache_path / "site", output)
            memory.freeze()  # the entries live until the build ends
        return self._store

    @property
    def cache(self) -> RenderCache:
        if self._cache is None:
            self._cache = RenderCache(self.settings.cache_path / "site")
        return self._cache

    def text_of(self, html: str) -> str:
        """The plain text of an article's HTML (cached: parsing is the slow part). A parse
        made here is kept for the rewrite, which then need not parse again."""
        key = key_of("text", html)
        text = self.cache.get("text", key)
        if not isinstance(text, str):
            from gloss.site.textmap import text_of_html  # BeautifulSoup: only on a cache miss

            parsed = text_of_html(html)
            self._parsed[html] = parsed
            text = parsed.text
            self.cache.put("text", key, text)
        return text

    def rewrite(
        self,
        content: Content,
        kind: str,
        info: ArticleInfo,
        text: str,
        record: dict[str, Any],
        listed: bool = True,
    ) -> dict[str, Any]:
        """Give ``content`` its plain summary, annotated HTML and ``gloss``; returns the
        article store's entry (text, record, HTML, problems, summary)."""
        entry = self.render(content, text, record)
        self.finish(content, kind, info, entry, listed)
        return entry

    def render(self, content: Content, text: str, record: dict[str, Any]) -> dict[str, Any]:
        """Give ``content`` its plain summary and annotated HTML (see :meth:`rewrite`)."""
        settings = self.settings
        original = content._content
        had_summary = "summary" in content.metadata
        set_plain_summary(content)
        key = key_of("html", original, record, settings.labels, settings.show_claims)
        cached = self.cache.get("html", key)
        if isinstance(cached, dict) and isinstance(cached.get("html"), str):
            html, problems = cached["html"], list(cached.get("problems", []))
        else:
            # Imported here: these modules use BeautifulSoup, which a build answered from the
            # caches never needs (its import is a noticeable part of a warm build).
            from gloss.site.render import render_annotated_html
            from gloss.site.textmap import text_of_html

            rendered, found = render_annotated_html(
                self._parsed.pop(original, None) or text_of_html(original),
                record,
                show_label=lambda label: label in settings.labels,
                show_claims=settings.show_claims,
            )
            html, problems = rendered, [p.message for p in found]
            self.cache.put("html", key, {"html": html, "problems": problems})
        content._content = html
        return {
            "text": text,
            "record": record,
            "html": html,
            "problems": problems,
            "summary": None if had_summary else content.metadata.get("summary"),
        }

    def finish(
        self,
        content: Content,
        kind: str,
        info: ArticleInfo,
        entry: dict[str, Any],
        listed: bool = True,
    ) -> None:
        """Warn the entry's problems, set ``content.gloss`` and count the article in the
        build's archive."""
        for problem in entry["problems"]:
            self.warn(GlossError(problem, path=content.source_path))
        text, record = entry["text"], entry["record"]
        gloss = self.article_gloss(content, info, record, listed)
        gloss.text = text
        content.gloss = gloss
        self.contents.append(AnnotatedContent(content, kind, info, text, record, gloss, listed))

    def article_gloss(
        self, content: Content, info: ArticleInfo, record: dict[str, Any], listed: bool = True
    ) -> ArticleGloss:
        engine = self.engine()
        entities: list[EntityView] = []
        wikidata: dict[str, str] = {}
        shown = [e for e in record.get("entities", []) if e.get("label") in self.settings.labels]
        for entity in record.get("entities", []):
            extras = entity_extras(entity, engine.describe(str(entity["id"])))
            if extras["wikidata"]:
                wikidata[str(entity["id"])] = extras["wikidata"]
        for entity in sorted(shown, key=lambda e: (-len(e.get("mentions", [])), e["name"])):
            extras = entity_extras(entity, engine.describe(str(entity["id"])))
            entities.append(
                EntityView(
                    id=str(entity["id"]),
                    name=str(entity["name"]),
                    label=str(entity["label"]),
                    label_name=label_name(str(entity["label"])),
                    count=len(entity.get("mentions", [])),
                    url=self.entity_urls.get(str(entity["id"])),
                    **extras,
                )
            )
        claims: list[ClaimView] = []
        if self.settings.show_claims:
            for claim in record.get("claims", []):
                speaker = claim.get("speaker") or {}
                claims.append(
                    ClaimView(
                        id=str(claim["id"]),
                        speaker=SpeakerView(
                            name=speaker.get("name"),
                            entity=speaker.get("entity"),
                            kind=speaker.get("kind") or UNKNOWN_SPEAKER,
                            text=speaker.get("text"),
                            key=speaker_key(speaker),
                            url=self.speaker_url(speaker),
                        ),
                        cue=(claim.get("cue") or {}).get("text"),
                        content=(claim.get("content") or {}).get("text") or "",
                        mode=claim.get("mode") or "indirect",
                        anchor=claim_anchor(str(claim["id"])),
                    )
                )
        order = {label: n for n, label in enumerate(self.settings.labels)}
        labels = sorted({e.label for e in entities}, key=lambda label: order.get(label, 99))
        siteurl = self.site_settings.get("SITEURL") or ""
        absolute = f"{siteurl}/{content.url}" if siteurl else None
        # Translations share their slug: the second one's exports get its language as suffix.
        lang = getattr(content, "lang", None) or "x"
        data_path = self.data_paths.claim(
            urls.ARTICLE_JSON.replace("{slug}", "{id}"), info.slug, content.source_path, f"-{lang}"
        )
        license = getattr(content, "license", None)
        source_url = getattr(content, "source_url", None)
        capture = getattr(content, "capture", None)
        return ArticleGloss(
            entities=entities,
            claims=claims,
            labels=labels,
            show_claims=self.settings.show_claims,
            provenance_url=urls.provenance_page(content.save_as) if capture else None,
            data_url=data_path if listed else None,
            jsonld_url=data_path.removesuffix(".json") + ".jsonld" if listed else None,
            capture_url=str(capture) if capture else None,
            schema_org=schema_org(info, record.get("entities", []), wikidata, absolute),
            source_url=source_url,
            license=license,
            credit=credit_line(info.title, info.date or "", source_url, license),
        )


def title_text(title: str) -> str:
    """The text of a Pelican title (HTML). A title with no tag and no entity is its own text,
    so BeautifulSoup is imported only for the few that have one."""
    if "<" not in title and "&" not in title:
        return title
    from bs4 import BeautifulSoup

    return BeautifulSoup(title, "html.parser").get_text()


def article_info(content: Content, settings: dict[str, Any]) -> ArticleInfo:
    # An undated post has a placeholder date (gloss.site.undated): exports say null.
    date = None if content.metadata.get("undated") else getattr(content, "date", None)
    iso = None
    if date is not None:
        has_time = (date.hour, date.minute, date.second) != (0, 0, 0)
        iso = date.isoformat(timespec="seconds") if has_time else date.date().isoformat()
    authors = [str(a) for a in getattr(content, "authors", []) or []]
    siteurl = settings.get("SITEURL") or ""
    return ArticleInfo(
        slug=urls.path_segment(getattr(content, "slug", None) or content.source_path),
        # Pelican's title is HTML ("AT&amp;T"); exports and the credit line want its text.
        title=title_text(str(getattr(content, "title", ""))),
        url=f"{siteurl}/{content.url}" if siteurl else content.url,
        date=iso,
        authors=authors,
        source_url=getattr(content, "source_url", None),
        lang=getattr(content, "lang", None),
    )


def apply_entry(content: Content, entry: dict[str, Any]) -> None:
    """Give ``content`` the summary and annotated HTML of its article store entry."""
    summary = entry.get("summary")
    if summary is not None and "summary" not in content.metadata:
        content.metadata["summary"] = summary
        content._summary = summary
    content._content = entry["html"]


def set_plain_summary(content: Content) -> None:
    """Give listings a summary made from the unannotated HTML, the way Pelican makes one.

    Must run before ``_content`` is rewritten and without touching ``content.summary``
    (memoized): Pelican then uses ``metadata["summary"]`` as is.
    """
    if "summary" in content.metadata:
        return
    settings = content.settings
    html = content._content
    if settings.get("SUMMARY_MAX_PARAGRAPHS") is not None:
        html = truncate_html_paragraphs(html, settings["SUMMARY_MAX_PARAGRAPHS"])
    if settings.get("SUMMARY_MAX_LENGTH") is not None:
        html = truncate_html_words(
            html, settings["SUMMARY_MAX_LENGTH"], settings.get("SUMMARY_END_SUFFIX", "…")
        )
    html = strip_toc_elements_from_html(html)
    content.metadata["summary"] = html
    content._summary = html


class build_progress:
    """A rich progress bar on Pelican's console while the engine works (a callable
    ``progress(done, total)`` for the engine)."""

    def __init__(self, description: str):
        self.description = description
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> build_progress:
        from pelican.log import console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

        self._progress = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(self.description, total=None)
        return self

    def __call__(self, done: int, total: int) -> None:
        self._progress.update(self._task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()


def _contents(generator: Any, published: tuple[str, ...], unlisted: tuple[str, ...]):
    return [(c, True) for name in published for c in getattr(generator, name, [])] + [
        (c, False) for name in unlisted for c in getattr(generator, name, [])
    ]


def _article_contents(generator: Any) -> list[tuple[Content, bool]]:
    return _contents(
        generator,
        ("articles", "translations"),
        ("hidden_articles", "hidden_translations", "drafts", "drafts_translations"),
    )


def _page_contents(generator: Any) -> list[tuple[Content, bool]]:
    return _contents(
        generator,
        ("pages", "translations"),
        ("hidden_pages", "hidden_translations", "draft_pages", "draft_translations"),
    )


def on_articles(generator: Any) -> None:
    build = GlossBuild.of(generator.context, generator.settings)
    build.annotate(_article_contents(generator), "article")


def on_pages(generator: Any) -> None:
    build = GlossBuild.of(generator.context, generator.settings)
    if build.settings.annotate_pages:
        build.annotate(_page_contents(generator), "page")


def on_finalized(pelican: Any) -> None:
    """One summary line: articles, entities, claims, cache hits, time."""
    from pelican.log import console

    # Pelican keeps no handle on the context after the run; the generators shared it.
    build = _LAST_BUILD.get("build")
    if build is None:
        return
    entities = {e["id"] for c in build.contents for e in c.record.get("entities", [])}
    claims = sum(len(c.record.get("claims", [])) for c in build.contents)
    hits = "?" if build.stats.cache_hits is None else build.stats.cache_hits
    console.print(
        f"Gloss: annotated {len(build.contents)} texts: {len(entities)} entities, "
        f"{claims} claims, {hits} cache hits, {build.stats.problems} problems, "
        f"in {build.stats.seconds:.2f} s."
    )
    _LAST_BUILD.clear()


_LAST_BUILD: dict[str, GlossBuild] = {}


def remember_build(generators: list[Any]) -> None:
    for generator in generators:
        build = getattr(generator, "context", {}).get(BUILD_KEY)
        if isinstance(build, GlossBuild):
            _LAST_BUILD["build"] = build
            build.report_orphan_corrections()
            if build._store is not None:
                build._store.save()
            return


def register() -> None:
    signals.article_generator_finalized.connect(on_articles)
    signals.page_generator_finalized.connect(on_pages)
    signals.all_generators_finalized.connect(remember_build)
    signals.finalized.connect(on_finalized)
