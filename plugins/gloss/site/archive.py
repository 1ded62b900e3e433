"""The archive across articles: entities, speakers and claims, and the generator that writes
their pages, the data exports and the provenance pages.

:class:`Archive` is a plain model built from the annotated articles of the build (see
:mod:`gloss.site.annotation`); :class:`GlossArchiveGenerator` is a Pelican generator (added
through ``get_generators``) that owns every file Gloss writes besides the articles themselves.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator

from gloss.site import urls
from gloss.site.annotation import BUILD_KEY, AnnotatedContent, GlossBuild
from gloss.site.exports import (
    CLAIM_COLUMNS,
    ENTITY_COLUMNS,
    article_json,
    csv_text,
    dumps,
    web_annotations,
)
from gloss.site.page_cache import (
    WHOLE_ARCHIVE_NAMES,
    Digester,
    PageCache,
    TemplateTree,
    Unstable,
    code_digest,
    settings_digest,
    template_tree,
)
from gloss.site.views import ClaimView, entity_extras, label_name, label_plural
from gloss.site.writer import UnchangedFilesWriter

logger = logging.getLogger(__name__)

# The templates of the pages this generator writes (their inputs make the build's page key).
ARCHIVE_TEMPLATES = ("entity", "entities", "speaker", "speakers", "claims", "provenance")

CONTEXT_CHARS = 90  # characters of text shown on each side of a mention in context


@dataclass
class MentionInContext:
    before: str
    text: str
    after: str


@dataclass
class EntityInArticle:
    """An entity's mentions in one article, each with some words around it."""

    article: Any  # the Pelican content object
    text: str = field(repr=False)  # the article's annotated text
    spans: list[tuple[int, int]] = field(default_factory=list)  # the mentions, in order

    @cached_property
    def mentions(self) -> list[MentionInContext]:
        # Made when a page (or its key) needs them: a warm build keeps every entity page.
        return [_snippet(self.text, start, end) for start, end in self.spans]


@dataclass
class ArchiveClaim:
    article: Any
    claim: ClaimView

    @property
    def url(self) -> str:
        return f"{self.article.url}#{self.claim.anchor}"


@dataclass
class ArchiveEntity:
    id: str
    name: str
    label: str
    url: str
    description: str | None = None
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    forms: list[str] = field(default_factory=list)  # how the articles write it
    articles: list[EntityInArticle] = field(default_factory=list)
    mention_count: int = 0
    cooccurring: list[tuple[ArchiveEntity, int]] = field(default_factory=list)
    claims: list[ArchiveClaim] = field(default_factory=list)
    speaker_url: str | None = None

    @property
    def label_name(self) -> str:
        return label_name(self.label)

    @property
    def article_count(self) -> int:
        return len(self.articles)


@dataclass
class ArchiveSpeaker:
    key: str
    name: str
    kind: str  # "entity", "named" (no entity) or "vague" (an unnamed source, by its noun)
    url: str
    entity: ArchiveEntity | None = None
    claims: list[ArchiveClaim] = field(default_factory=list)

    @property
    def is_unnamed(self) -> bool:
        return self.kind == "vague"


@dataclass
class LabelGroup:
    label: str
    name: str
    plural: str
    entities: list[ArchiveEntity]


@dataclass
class Archive:
    entities: dict[str, ArchiveEntity] = field(default_factory=dict)
    speakers: dict[str, ArchiveSpeaker] = field(default_factory=dict)
    claims: list[ArchiveClaim] = field(default_factory=list)
    unattributed: list[ArchiveClaim] = field(default_factory=list)
    contents: list[AnnotatedContent] = field(default_factory=list)
    label_order: tuple[str, ...] = ()

    def by_label(self) -> list[LabelGroup]:
        groups: dict[str, list[ArchiveEntity]] = defaultdict(list)
        for entity in self.entities.values():
            groups[entity.label].append(entity)
        order = {label: n for n, label in enumerate(self.label_order)}
        return [
            LabelGroup(
                label,
                label_name(label),
                label_plural(label),
                sorted(groups[label], key=lambda e: (-e.mention_count, e.name.casefold(), e.id)),
            )
            for label in sorted(groups, key=lambda label: (order.get(label, 99), label))
        ]

    def speakers_sorted(self) -> list[ArchiveSpeaker]:
        return sorted(
            self.speakers.values(),
            key=lambda s: (s.is_unnamed, -len(s.claims), s.name.casefold(), s.key),
        )


def _snippet(text: str, start: int, end: int) -> MentionInContext:
    """The mention with some words around it, never crossing a paragraph break."""
    left = text.rfind("\n\n", 0, start)
    left = 0 if left < 0 else left + 2
    right = text.find("\n\n", end)
    right = len(text) if right < 0 else right
    lo = max(left, start - CONTEXT_CHARS)
    hi = min(right, end + CONTEXT_CHARS)
    before, after = text[lo:start], text[end:hi]
    if lo > left:
        before = "…" + before.split(" ", 1)[-1] if " " in before else "…" + before
    if hi < right:
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after + "…"
    return MentionInContext(before, text[start:end], after)


def _sort_key(content: AnnotatedContent) -> tuple:
    # Newest first, then by title: stable across rebuilds.
    return (
        -(content.content.date.timestamp() if getattr(content.content, "date", None) else 0),
        content.info.title,
        content.info.slug,
    )


def build_archive(build: GlossBuild) -> Archive:
    """Gather the build's annotated articles into entities, speakers and claims."""
    shown = set(build.settings.labels)
    contents = sorted((c for c in build.contents if c.listed), key=_sort_key)
    archive = Archive(contents=contents, label_order=build.settings.labels)
    names: dict[str, Counter] = defaultdict(Counter)
    labels: dict[str, Counter] = defaultdict(Counter)
    forms: dict[str, Counter] = defaultdict(Counter)
    engine = build.engine() if contents else None

    for item in contents:
        for entity in item.record.get("entities", []):
            if entity.get("label") not in shown:
                continue
            entity_id = str(entity["id"])
            names[entity_id][entity["name"]] += 1
            labels[entity_id][entity["label"]] += 1
            ae = archive.entities.get(entity_id)
            if ae is None:
                extras = entity_extras(entity, engine.describe(entity_id) if engine else None)
                ae = archive.entities[entity_id] = ArchiveEntity(
                    id=entity_id,
                    name=entity["name"],
                    label=entity["label"],
                    url=build.entity_urls[entity_id],
                    **extras,
                )
            mentions = sorted(entity.get("mentions", []), key=lambda m: m["start"])
            for m in mentions:
                forms[entity_id][m["text"]] += 1
            ae.mention_count += len(mentions)
            spans = [(m["start"], m["end"]) for m in mentions]
            ae.articles.append(EntityInArticle(item.content, item.text, spans))

    for entity_id, ae in archive.entities.items():
        # The most frequent name and label win whatever the order of the articles (a tie
        # between names: the longer, the fuller name; then alphabetical).
        ae.name = min(names[entity_id].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0]
        ae.label = min(labels[entity_id].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        ae.forms = sorted(f for f in forms[entity_id] if f != ae.name)

    # Co-occurrence: entities named in the same articles, by number of shared articles.
    together: dict[str, Counter] = defaultdict(Counter)
    shown_ids = set(archive.entities)
    for item in contents:
        ids = {str(e["id"]) for e in item.record.get("entities", [])} & shown_ids
        for a in ids:
            together[a].update(ids)  # counted in C; the entity itself is dropped below
    for entity_id, ae in archive.entities.items():
        together[entity_id].pop(entity_id, None)
        # Most shared articles first, then by id: sorted by id, then (stably) by count, both
        # in C (an archive of 300 articles has ~200,000 pairs).
        by_id = sorted(together[entity_id].items())
        ranked = sorted(by_id, key=itemgetter(1), reverse=True)[:20]
        ae.cooccurring = [(archive.entities[other], n) for other, n in ranked]

    if build.settings.show_claims:
        for item in contents:
            for claim in item.gloss.claims:
                ac = ArchiveClaim(item.content, claim)
                archive.claims.append(ac)
                speaker = claim.speaker
                if speaker.url is None:
                    archive.unattributed.append(ac)
                    continue
                sp = archive.speakers.get(speaker.url)
                if sp is None:
                    entity = archive.entities.get(speaker.entity or "")
                    kind = "entity" if entity else ("vague" if speaker.kind == "vague" else "named")
                    name = entity.name if entity else (speaker.name or speaker.key)
                    sp = archive.speakers[speaker.url] = ArchiveSpeaker(
                        key=speaker.key, name=name, kind=kind, url=speaker.url, entity=entity
                    )
                    if entity:
                        entity.speaker_url = speaker.url
                sp.claims.append(ac)
                if sp.entity:
                    sp.entity.claims.append(ac)
    return archive


def drop_links_to_unwritten_pages(build: GlossBuild, archive: Archive) -> None:
    """Entity and speaker pages exist only for what published articles show. A draft's
    popover or claims panel must not link to a page no published article produced."""
    entity_pages = {e.url for e in archive.entities.values()}
    speaker_pages = set(archive.speakers)
    for item in build.contents:
        for entity in item.gloss.entities:
            if entity.url not in entity_pages:
                entity.url = None
        for claim in item.gloss.claims:
            if claim.speaker.url not in speaker_pages:
                claim.speaker.url = None


# Page-cache descriptions (see gloss.site.page_cache) of the archive's records: what a page
# can show of each: the words of its mentions, a claim's view, and of the article listed only
# the fields in ARTICLE_LINK_FIELDS; the rest field by field. A field added to these records,
# or an article field a template starts showing, must be added here too, or pages showing it
# would not change with it.
def _article_link(digester: Digester, article: Any) -> str:
    """What an archive page shows of an article it lists (its link, title and date), not
    its text or annotations: an edit to an article's body then re-renders only the pages
    whose snippets or claims it changes (computed once per article and build)."""
    known = digester.memo.get(("article", id(article)))
    if known is None:
        parts = [getattr(article, name, None) for name in ARTICLE_LINK_FIELDS]
        parts.append(article.metadata.get("undated"))
        known = digester.memo[("article", id(article))] = digester.describe(parts)
    return known


# The fields of an article that entity and speaker pages show (see _article_link).
ARTICLE_LINK_FIELDS = ("url", "save_as", "title", "date", "locale_date", "status", "lang")


def _describe_mentions(digester: Digester, ea: EntityInArticle) -> str:
    words = "\x1e".join(f"{m.before}\x1d{m.text}\x1d{m.after}" for m in ea.mentions)
    return f"ea:{_article_link(digester, ea.article)}:{len(ea.mentions)}:{words}"


def _describe_claim(digester: Digester, ac: ArchiveClaim) -> str:
    claim = ac.claim
    speaker = claim.speaker
    return "\x1e".join(
        [
            f"ac:{_article_link(digester, ac.article)}",
            claim.id,
            claim.anchor,
            claim.mode,
            claim.content,
            str(claim.cue),
            f"{speaker.name}\x1d{speaker.entity}\x1d{speaker.kind}\x1d{speaker.text}",
            f"{speaker.key}\x1d{speaker.url}",
        ]
    )


def _entity_link(digester: Digester, entity: ArchiveEntity) -> str:
    """What a page shows of an entity it links to (computed once per entity and build)."""
    known = digester.memo.get(("link", entity.id))
    if known is None:
        known = digester.memo[("link", entity.id)] = _entity_link_text(entity)
    return known


def _entity_link_text(entity: ArchiveEntity) -> str:
    return "\x1d".join(
        [entity.id, entity.name, entity.label, entity.url, str(entity.mention_count)]
        + [str(len(entity.articles)), str(len(entity.claims)), str(entity.speaker_url)]
        + [str(entity.description), str(entity.wikidata), "\x1c".join(entity.aliases)]
    )


def _describe_entity(digester: Digester, entity: ArchiveEntity) -> str:
    return "\x1e".join(
        [
            "entity:" + _entity_link(digester, entity),
            "\x1c".join(entity.forms),
            *(_describe_mentions(digester, ea) for ea in entity.articles),
            *(_describe_claim(digester, ac) for ac in entity.claims),
            *(f"{_entity_link(digester, other)}\x1c{n}" for other, n in entity.cooccurring),
        ]
    )


def _describe_speaker(digester: Digester, speaker: ArchiveSpeaker) -> str:
    return "\x1e".join(
        [
            f"speaker:{speaker.key}\x1d{speaker.name}\x1d{speaker.kind}\x1d{speaker.url}",
            _entity_link(digester, speaker.entity) if speaker.entity else "-",
            *(_describe_claim(digester, ac) for ac in speaker.claims),
        ]
    )


DESCRIBERS: dict[type, Any] = {
    EntityInArticle: _describe_mentions,
    ArchiveClaim: _describe_claim,
    ArchiveEntity: _describe_entity,
    ArchiveSpeaker: _describe_speaker,
}


class GlossArchiveGenerator(Generator):
    """Writes entity, speaker and claims pages, data exports and provenance pages."""

    def generate_context(self) -> None:
        build = self.context.get(BUILD_KEY)
        self.build = build if isinstance(build, GlossBuild) else None
        self.archive = build_archive(self.build) if self.build else Archive()
        if self.build:
            drop_links_to_unwritten_pages(self.build, self.archive)
        self.context["gloss_archive"] = self.archive
        self.pages: PageCache | None = None
        self.provenance: list = []
        if self.build:
            from gloss.site.provenance import prepare_provenance

            self.provenance = prepare_provenance(self.build)

    def _write_page(self, writer: Any, save_as: str, template: str, **kwargs: Any) -> None:
        page = {
            "template_name": template,
            "url": save_as,
            "page_name": posixpath.dirname(save_as),
            **kwargs,
        }
        if self._unchanged_page(writer, save_as, template, page):
            return
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            paginated={},
            **page,
        )

    def _unchanged_page(
        self, writer: Any, save_as: str, template: str, page: dict[str, Any]
    ) -> bool:
        """Whether the last build wrote this very page (then it is kept, not rendered)."""
        if self.pages is None or not isinstance(writer, UnchangedFilesWriter):
            return False
        if template not in self._trees:
            self._trees[template] = template_tree(
                self.env, self.get_template(template).name, self.pages.templates
            )
        tree = self._trees[template]
        if tree is None:
            return False
        key = self.pages.stored_key(save_as)
        if key is None and tree.names & WHOLE_ARCHIVE_NAMES:
            key = self.pages.archive_key(save_as, tree)
        elif key is None:
            key = self.pages.key(save_as, tree, page, self.context, self.digester)
        output_file = os.path.join(self.output_path, save_as)
        if not self.pages.unchanged(save_as, key, output_file):
            return False
        writer.keep(output_file)
        self.pages.skipped += 1
        return True

    def _open_page_cache(self) -> None:
        assert self.build is not None
        site_key = hashlib.sha256(
            f"{settings_digest(self.settings)}\0{self.settings['RELATIVE_URLS']}".encode()
        ).hexdigest()
        self.pages = PageCache(self.build.settings.cache_path / "site", self.output_path, site_key)
        self.digester = Digester(
            archive_nodes=(ArchiveEntity, ArchiveSpeaker),
            describers=DESCRIBERS,
            contents=self.build.content_descriptions,
        )
        self._trees: dict[str, TemplateTree | None] = {}
        self.pages.build = self._build_key()

    def _build_key(self) -> str | None:
        """A hash of everything the archive's pages and exports are made from: the settings,
        the templates and the site-wide values they read, the code of the exports, and each
        article (its description, record, text and fields) and provenance. None when
        something has no stable description: then every page gets its own key."""
        assert self.pages is not None and self.build is not None
        digest = hashlib.sha256(self.pages.site_key.encode())
        digest.update(code_digest("exports", "annotation").encode())
        names: set[str] = set()
        for template in ARCHIVE_TEMPLATES:
            tree = template_tree(self.env, self.get_template(template).name, self.pages.templates)
            if tree is None:
                return None
            self._trees[template] = tree
            digest.update(f"\0{template}\0{tree.digest}".encode())
            names |= tree.names
        try:
            for name in sorted(names - WHOLE_ARCHIVE_NAMES):
                value = self.digester.site_value(name, self.context.get(name))
                digest.update(f"\0{name}\0{value}".encode("utf-8", "surrogatepass"))
            for item in sorted(self.build.contents, key=lambda c: c.content.source_path):
                parts = [self.digester.content(item.content), item.kind, str(item.listed)]
                parts += [repr(item.info), item.text, json.dumps(item.record)]
                digest.update("\0".join(parts).encode("utf-8", "surrogatepass"))
            digest.update(json.dumps(self.build.entity_urls, sort_keys=True).encode())
            provenance = [page for _, page in self.provenance]
            digest.update(self.digester.describe(provenance).encode("utf-8", "surrogatepass"))
        except Unstable:
            return None
        return digest.hexdigest()

    def _write_data(self, path: str, text: str) -> None:
        target = Path(self.output_path) / path
        target.parent.mkdir(parents=True, exist_ok=True)
        # Skip identical files: a warm rebuild then leaves data files untouched.
        if target.exists() and target.read_text("utf-8") == text:
            return
        target.write_text(text, encoding="utf-8")

    def generate_output(self, writer: Any) -> None:
        if self.build is None:
            return
        self._open_page_cache()
        archive = self.archive
        for entity in archive.entities.values():
            self._write_page(writer, entity.url, "entity", entity=entity, archive=archive)
        self._write_page(writer, urls.ENTITIES_INDEX, "entities", archive=archive)
        for speaker in archive.speakers.values():  # none when claims are not shown
            self._write_page(writer, speaker.url, "speaker", speaker=speaker, archive=archive)
        # The indexes exist even with claims off: the theme's menu links to them.
        show = self.build.settings.show_claims
        self._write_page(writer, urls.SPEAKERS_INDEX, "speakers", archive=archive, show_claims=show)
        self._write_page(writer, urls.CLAIMS_INDEX, "claims", archive=archive, show_claims=show)
        self.write_exports()

        from gloss.site.provenance import write_provenance

        write_provenance(self, writer, self.provenance)
        if self.pages is not None:
            self.pages.save()
            logger.debug("%d archive pages unchanged, not rendered", self.pages.skipped)

    def write_exports(self) -> None:
        build, archive = self.build, self.archive
        assert build is not None
        siteurl = self.settings.get("SITEURL") or ""
        entity_urls = {
            entity_id: (f"{siteurl}/{url}" if siteurl else url)
            for entity_id, url in build.entity_urls.items()
        }
        # An article's exports are made from its record, text and fields and the entity URLs;
        # when none of these changed since the last build into this folder, they are kept.
        exports_code = code_digest("exports", "annotation")
        urls_key = self.pages.data_key(entity_urls) if self.pages else ""
        for item in sorted(archive.contents, key=lambda c: c.info.slug):
            data_url, jsonld_url = item.gloss.data_url, item.gloss.jsonld_url
            if not data_url or not jsonld_url:
                continue
            if self.pages is not None:
                key = self.pages.stored_key(data_url) or self.pages.data_key(
                    exports_code, urls_key, siteurl, item.record, item.text, repr(item.info)
                )
                kept = [
                    self.pages.unchanged(path, key, os.path.join(self.output_path, path))
                    for path in (data_url, jsonld_url)
                ]
                if all(kept):
                    continue
            self._write_data(data_url, dumps(article_json(item.record, item.text, item.info)))
            collection = f"{siteurl}/{jsonld_url}" if siteurl else jsonld_url
            annotations = web_annotations(
                item.record, item.text, item.info, collection, entity_urls
            )
            self._write_data(jsonld_url, dumps(annotations))

        if self.pages is not None and self.pages.same_build:
            # The CSV files are made from the archive alone: a warm build keeps them.
            kept = [
                self.pages.unchanged(path, "csv", os.path.join(self.output_path, path))
                for path in (urls.ENTITIES_CSV, urls.CLAIMS_CSV)
            ]
            if all(kept):
                return
        elif self.pages is not None:
            self.pages.current.update({urls.ENTITIES_CSV: "csv", urls.CLAIMS_CSV: "csv"})
        entity_rows = [
            {
                "id": e.id,
                "name": e.name,
                "label": e.label,
                "description": e.description,
                "aliases": e.aliases,
                "wikidata": e.wikidata,
                "articles": e.article_count,
                "mentions": e.mention_count,
                "url": e.url,
            }
            for e in sorted(archive.entities.values(), key=lambda e: e.id)
        ]
        self._write_data(urls.ENTITIES_CSV, csv_text(ENTITY_COLUMNS, entity_rows))
        claim_rows = []
        for item in sorted(archive.contents, key=lambda c: c.info.slug):
            for claim in item.record.get("claims", []):
                speaker = claim.get("speaker") or {}
                content = claim.get("content") or {}
                claim_rows.append(
                    {
                        "article": item.info.slug,
                        "article_url": item.content.url,
                        "claim": claim["id"],
                        "speaker": speaker.get("name"),
                        "speaker_entity": speaker.get("entity"),
                        "speaker_kind": speaker.get("kind") or "unknown",
                        "cue": (claim.get("cue") or {}).get("text"),
                        "mode": claim.get("mode"),
                        "content": content.get("text"),
                        "start": content.get("start"),
                        "end": content.get("end"),
                    }
                )
        self._write_data(urls.CLAIMS_CSV, csv_text(CLAIM_COLUMNS, claim_rows))


def get_generators(pelican: Any) -> type[Generator]:
    return GlossArchiveGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
