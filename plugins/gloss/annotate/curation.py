"""Human decisions that win over the model: ``content/entities.yml`` and
``content/annotations/<slug>.yml`` (formats in docs/annotate.md).

Loading never raises for a bad file: each mistake becomes a :class:`GlossError` with the file
and line in ``Curation.errors`` and only the broken entry is skipped. Curation is applied to a
record after the model (and the cache), so editing these files never forces a new parse.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from gloss.annotate.entities import name_key, slugify
from gloss.annotate.model import NAME_LABELS, Entity, Mention
from gloss.errors import GlossError

CLAIM_MODES = ("direct", "indirect", "mixed")
SPEAKER_KINDS = ("named", "pronoun", "vague", "unknown")


@dataclass
class KnownEntity:
    """An entry of entities.yml: the archive's canonical name for a thing."""

    name: str
    label: str
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    wikidata: str | None = None

    @property
    def id(self) -> str:
        return slugify(self.name)

    def name_keys(self) -> set[str]:
        return {name_key(self.name), *(name_key(a) for a in self.aliases)}


@dataclass
class MentionEdit:
    """Add or drop mentions: every whole-word occurrence of ``text``, or only the Nth."""

    text: str
    occurrence: int | None = None
    entity: str | None = None  # add: name or id of the entity the mentions belong to
    label: str | None = None  # add: label when the entity is new to the article
    line: int | None = field(default=None, compare=False)  # where the entry is, for warnings


@dataclass
class Relabel:
    entity: str  # name or id
    label: str
    line: int | None = field(default=None, compare=False)


@dataclass
class ClaimEdit:
    """Select a claim by ``id`` or by a ``quote`` inside its content; set its speaker or drop."""

    id: str | None = None
    quote: str | None = None
    speaker: str | None = None
    kind: str | None = None
    line: int | None = field(default=None, compare=False)


@dataclass
class ClaimAddition:
    speaker: str
    content: str
    cue: str | None = None
    mode: str = "indirect"
    kind: str | None = None
    occurrence: int | None = None
    line: int | None = field(default=None, compare=False)


@dataclass
class ArticleCuration:
    """The corrections in one ``content/annotations/<slug>.yml``."""

    slug: str
    path: str = ""  # the file, for warnings
    add_mentions: list[MentionEdit] = field(default_factory=list)
    drop_mentions: list[MentionEdit] = field(default_factory=list)
    relabel: list[Relabel] = field(default_factory=list)
    drop_claims: list[ClaimEdit] = field(default_factory=list)
    claim_speakers: list[ClaimEdit] = field(default_factory=list)
    add_claims: list[ClaimAddition] = field(default_factory=list)


@dataclass
class Curation:
    """Archive knowledge plus per-article corrections, and the mistakes found loading them."""

    entities: list[KnownEntity] = field(default_factory=list)
    ignore: set[str] = field(default_factory=set)  # name keys never to annotate
    articles: dict[str, ArticleCuration] = field(default_factory=dict)
    errors: list[GlossError] = field(default_factory=list)
    # Corrections that applied to nothing when a text was annotated (a typo, an edited
    # article): reported like loading mistakes, once each, so a human edit never silently
    # stops working.
    unmatched: list[GlossError] = field(default_factory=list)

    def note_unmatched(self, article: ArticleCuration, line: int | None, message: str) -> None:
        warning = GlossError(message, Path(article.path) if article.path else None, line)
        if str(warning) not in {str(w) for w in self.unmatched}:
            self.unmatched.append(warning)

    def fingerprint(self, slug: str | None) -> str:
        """A hash of everything that applies to article ``slug`` (changes when they change)."""
        data = {
            "entities": [asdict(e) for e in self.entities],
            "ignore": sorted(self.ignore),
            "article": asdict(self.articles[slug]) if slug in self.articles else None,
        }
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()

    def known_by_key(self) -> dict[str, KnownEntity]:
        out: dict[str, KnownEntity] = {}
        for known in self.entities:
            for key in known.name_keys():
                out.setdefault(key, known)
        return out

    def known_forms_pattern(self) -> tuple[re.Pattern[str] | None, dict[str, int]]:
        """One whole-word regex for every name and alias, and which entry each form is."""
        cached = self.__dict__.get("_forms_pattern")
        if cached is None:
            owner_of: dict[str, int] = {}
            for index, known in enumerate(self.entities):
                for form in (known.name, *known.aliases):
                    owner_of.setdefault(form, index)
            pattern = None
            if owner_of:
                alternatives = "|".join(
                    re.escape(f) for f in sorted(owner_of, key=len, reverse=True)
                )
                pattern = re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")
            cached = self.__dict__["_forms_pattern"] = (pattern, owner_of)
        return cached

    def describe(self, entity_id: str) -> KnownEntity | None:
        """The entities.yml entry (description, Wikidata id) of an entity id, if any."""
        return next((k for k in self.entities if k.id == entity_id), None)


# --- loading with file and line ----------------------------------------------------------------


class _Reader:
    """Walks a composed YAML node tree, collecting errors with line numbers."""

    def __init__(self, path: Path, errors: list[GlossError]):
        self.path = path
        self.errors = errors

    def error(self, node: yaml.Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.errors.append(GlossError(message, self.path, line))

    def compose(self) -> yaml.Node | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            self.errors.append(GlossError(f"cannot read: {exc}", self.path))
            return None
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            problem = getattr(exc, "problem", None) or str(exc)
            self.errors.append(GlossError(f"not valid YAML: {problem}", self.path, line))
            return None

    def mapping(self, node: yaml.Node, what: str, keys: set[str]) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"{what} must be a mapping")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key not in keys:
                self.error(
                    key_node, f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(keys))})"
                )
                continue
            out[key] = value_node
        return out

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if isinstance(node, yaml.ScalarNode) and node.value in ("", "~", "null"):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"{what} must be a list")
            return []
        return list(node.value)

    def text(self, node: yaml.Node | None, what: str, required: bool = True) -> str | None:
        if node is None:
            return None
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            if required:
                self.error(node, f"{what} must be a non-empty string")
            return None
        return str(node.value).strip()

    def integer(self, node: yaml.Node | None, what: str) -> int | None:
        value = self.text(node, what)
        if value is None:
            return None
        if not value.isdigit() or int(value) < 1:
            self.error(node, f"{what} must be a positive whole number, not {value!r}")
            return None
        return int(value)

    def choice(
        self, node: yaml.Node | None, what: str, allowed: tuple[str, ...] | frozenset[str]
    ) -> str | None:
        value = self.text(node, what)
        if value is None:
            return None
        if value not in allowed:
            self.error(node, f"{what} {value!r} is not one of {', '.join(sorted(allowed))}")
            return None
        return value


def _load_entities_file(path: Path, curation: Curation) -> None:
    r = _Reader(path, curation.errors)
    root = r.compose()
    if root is None:
        return
    top = r.mapping(root, "entities.yml", {"entities", "ignore"})
    if top is None:
        return
    seen: dict[str, int] = {}
    for item in r.sequence(top["entities"], "entities") if "entities" in top else []:
        fields = r.mapping(
            item, "an entity", {"name", "label", "aliases", "description", "wikidata"}
        )
        if fields is None:
            continue
        name = r.text(fields.get("name"), "name") if "name" in fields else None
        if "name" not in fields:
            r.error(item, "an entity needs a name")
        label = r.choice(fields.get("label"), "label", NAME_LABELS) if "label" in fields else None
        if "label" not in fields:
            r.error(item, "an entity needs a label")
        aliases: list[str] = []
        if "aliases" in fields:
            for alias_node in r.sequence(fields["aliases"], "aliases"):
                alias = r.text(alias_node, "an alias")
                if alias:
                    aliases.append(alias)
        wikidata = r.text(fields.get("wikidata"), "wikidata") if "wikidata" in fields else None
        if wikidata and not re.fullmatch(r"Q[1-9][0-9]*", wikidata):
            r.error(fields["wikidata"], f"wikidata id {wikidata!r} is not like Q12345")
            wikidata = None
        description = (
            r.text(fields.get("description"), "description") if "description" in fields else None
        )
        if not name or not label:
            continue
        key = name_key(name)
        if key in seen:
            r.error(item, f"entity {name!r} is already defined at line {seen[key]}")
            continue
        seen[key] = item.start_mark.line + 1
        curation.entities.append(KnownEntity(name, label, aliases, description, wikidata))
    for node in r.sequence(top["ignore"], "ignore") if "ignore" in top else []:
        name = r.text(node, "a name to ignore")
        if name:
            curation.ignore.add(name_key(name))


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _mention_edits(r: _Reader, node: yaml.Node, what: str, adding: bool) -> list[MentionEdit]:
    edits: list[MentionEdit] = []
    allowed = {"text", "occurrence", "entity", "label"} if adding else {"text", "occurrence"}
    for item in r.sequence(node, what):
        fields = r.mapping(item, f"an entry of {what}", allowed)
        if fields is None:
            continue
        text = r.text(fields.get("text"), "text") if "text" in fields else None
        if "text" not in fields:
            r.error(item, f"an entry of {what} needs a text")
        occurrence = (
            r.integer(fields.get("occurrence"), "occurrence") if "occurrence" in fields else None
        )
        entity = r.text(fields.get("entity"), "entity") if "entity" in fields else None
        label = r.choice(fields.get("label"), "label", NAME_LABELS) if "label" in fields else None
        if text:
            edits.append(MentionEdit(text, occurrence, entity, label, _line(item)))
    return edits


def _claim_edits(r: _Reader, node: yaml.Node, what: str, setting: bool) -> list[ClaimEdit]:
    edits: list[ClaimEdit] = []
    allowed = {"id", "quote", "speaker", "kind"} if setting else {"id", "quote"}
    for item in r.sequence(node, what):
        fields = r.mapping(item, f"an entry of {what}", allowed)
        if fields is None:
            continue
        claim_id = r.text(fields.get("id"), "id") if "id" in fields else None
        quote = r.text(fields.get("quote"), "quote") if "quote" in fields else None
        if not claim_id and not quote:
            r.error(item, f"an entry of {what} needs an id or a quote")
            continue
        speaker = r.text(fields.get("speaker"), "speaker") if "speaker" in fields else None
        kind = r.choice(fields.get("kind"), "kind", SPEAKER_KINDS) if "kind" in fields else None
        if setting and not speaker:
            r.error(item, f"an entry of {what} needs a speaker")
            continue
        edits.append(ClaimEdit(claim_id, quote, speaker, kind, _line(item)))
    return edits


def _load_article_file(path: Path, curation: Curation) -> None:
    r = _Reader(path, curation.errors)
    article = ArticleCuration(slug=path.stem, path=str(path))
    root = r.compose()
    if root is None:
        return
    if isinstance(root, yaml.ScalarNode) and not root.value:
        return
    top = r.mapping(root, path.name, {"mentions", "relabel", "claims"})
    if top is None:
        return
    if "mentions" in top:
        m = r.mapping(top["mentions"], "mentions", {"add", "drop"}) or {}
        if "add" in m:
            article.add_mentions = _mention_edits(r, m["add"], "mentions.add", adding=True)
            for edit, node in zip(article.add_mentions, m["add"].value, strict=False):
                if not edit.entity:
                    r.error(node, "mentions.add needs the entity the text names")
            article.add_mentions = [e for e in article.add_mentions if e.entity]
        if "drop" in m:
            article.drop_mentions = _mention_edits(r, m["drop"], "mentions.drop", adding=False)
    for item in r.sequence(top["relabel"], "relabel") if "relabel" in top else []:
        fields = r.mapping(item, "an entry of relabel", {"entity", "label"})
        if fields is None:
            continue
        entity = r.text(fields.get("entity"), "entity") if "entity" in fields else None
        label = r.choice(fields.get("label"), "label", NAME_LABELS) if "label" in fields else None
        if entity and label:
            article.relabel.append(Relabel(entity, label, _line(item)))
        elif "entity" not in fields or "label" not in fields:
            r.error(item, "relabel needs an entity and a label")
    if "claims" in top:
        c = r.mapping(top["claims"], "claims", {"drop", "speaker", "add"}) or {}
        if "drop" in c:
            article.drop_claims = _claim_edits(r, c["drop"], "claims.drop", setting=False)
        if "speaker" in c:
            article.claim_speakers = _claim_edits(r, c["speaker"], "claims.speaker", setting=True)
        for item in r.sequence(c["add"], "claims.add") if "add" in c else []:
            fields = r.mapping(
                item,
                "an entry of claims.add",
                {"speaker", "content", "cue", "mode", "kind", "occurrence"},
            )
            if fields is None:
                continue
            speaker = r.text(fields.get("speaker"), "speaker") if "speaker" in fields else None
            content = r.text(fields.get("content"), "content") if "content" in fields else None
            if not speaker or not content:
                r.error(item, "claims.add needs a speaker and a content")
                continue
            article.add_claims.append(
                ClaimAddition(
                    speaker=speaker,
                    content=content,
                    cue=r.text(fields.get("cue"), "cue") if "cue" in fields else None,
                    mode=(
                        r.choice(fields.get("mode"), "mode", CLAIM_MODES)
                        if "mode" in fields
                        else None
                    )
                    or "indirect",
                    kind=r.choice(fields.get("kind"), "kind", SPEAKER_KINDS)
                    if "kind" in fields
                    else None,
                    occurrence=r.integer(fields.get("occurrence"), "occurrence")
                    if "occurrence" in fields
                    else None,
                    line=_line(item),
                )
            )
    curation.articles[article.slug] = article


def load_curation(content_dir: Path | str) -> Curation:
    """Read ``content/entities.yml`` and ``content/annotations/*.yml`` (both optional).

    Never raises for a bad file: mistakes are in ``Curation.errors`` with file and line.
    """
    content_dir = Path(content_dir)
    curation = Curation()
    entities_file = content_dir / "entities.yml"
    if entities_file.is_file():
        _load_entities_file(entities_file, curation)
    annotations_dir = content_dir / "annotations"
    if annotations_dir.is_dir():
        for path in sorted(annotations_dir.glob("*.yml")) + sorted(annotations_dir.glob("*.yaml")):
            _load_article_file(path, curation)
    return curation


# --- applying ----------------------------------------------------------------------------------


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    pattern = re.compile(r"(?<![\w-])" + re.escape(needle) + r"(?![\w-])")
    return [m.span() for m in pattern.finditer(text)]


def _pick(spans: list[tuple[int, int]], occurrence: int | None) -> list[tuple[int, int]]:
    if occurrence is None:
        return spans
    return spans[occurrence - 1 : occurrence]


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


class _EntityTable:
    """The article's entities during curation, addressable by id and by any name."""

    def __init__(self, entities: list[Entity]):
        self.entities = entities
        self.renamed: dict[str, str] = {}  # old id -> new id

    def find(self, ref: str) -> Entity | None:
        key = name_key(ref)
        for e in self.entities:
            if e.id == ref or name_key(e.name) == key:
                return e
        for e in self.entities:
            if any(name_key(m.text) == key for m in e.mentions):
                return e
        return None

    def taken(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for e in self.entities for m in e.mentions]

    def merge_into(self, target: Entity, other: Entity) -> None:
        target.mentions = sorted(set(target.mentions) | set(other.mentions))
        self.entities.remove(other)
        self.renamed[other.id] = target.id

    def set_identity(self, entity: Entity, name: str, label: str) -> None:
        old = entity.id
        entity.name, entity.label, entity.id = name, label, slugify(name)
        if old != entity.id:
            self.renamed[old] = entity.id
        twin = next((e for e in self.entities if e is not entity and e.id == entity.id), None)
        if twin is not None:
            self.merge_into(entity, twin)

    def resolve(self, old_id: str | None) -> str | None:
        seen = set()
        while old_id in self.renamed and old_id not in seen:
            seen.add(old_id)
            old_id = self.renamed[old_id]
        return old_id


def _apply_knowledge(table: _EntityTable, text: str, curation: Curation) -> None:
    known_by_key = curation.known_by_key()
    # Drop ignored names (as an entity's name or as one of its mentions).
    for e in list(table.entities):
        if name_key(e.name) in curation.ignore:
            table.entities.remove(e)
            table.renamed[e.id] = ""
            continue
        e.mentions = [m for m in e.mentions if name_key(m.text) not in curation.ignore]
        if not e.mentions:
            table.entities.remove(e)
            table.renamed[e.id] = ""
    # Rename, relabel and merge entities the archive knows.
    for e in list(table.entities):
        if e not in table.entities:
            continue
        keys = [name_key(e.name), *(name_key(m.text) for m in e.mentions)]
        known = next((known_by_key[k] for k in keys if k in known_by_key), None)
        if known is not None:
            table.set_identity(e, known.name, known.label)
    # Every occurrence of a known name or alias is a mention (one regex for all of them).
    spans_of: dict[int, list[tuple[int, int]]] = {}
    pattern, owner_of = curation.known_forms_pattern()
    if pattern is not None:
        for m in pattern.finditer(text):
            spans_of.setdefault(owner_of[m.group(0)], []).append(m.span())
    for index, known in enumerate(curation.entities):
        spans = spans_of.get(index)
        if not spans:
            continue
        taken = table.taken()
        new = [s for s in spans if not any(_overlaps(s, t) for t in taken)]
        if not new:
            continue
        entity = table.find(known.id)
        if entity is None:
            entity = Entity(known.id, known.name, known.label, [])
            table.entities.append(entity)
        for s, e in new:
            entity.mentions.append(Mention(s, e, text[s:e]))
        entity.mentions = _without_overlaps(sorted(set(entity.mentions)))


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            continue
        kept.append(m)
    return kept


def _apply_article(
    table: _EntityTable, text: str, article: ArticleCuration, curation: Curation
) -> None:
    for edit in article.drop_mentions:
        spans = _pick(_occurrences(text, edit.text), edit.occurrence)
        dropped = False
        for e in list(table.entities):
            kept = [m for m in e.mentions if not any(_overlaps((m.start, m.end), s) for s in spans)]
            dropped = dropped or len(kept) < len(e.mentions)
            e.mentions = kept
            if not e.mentions:
                table.entities.remove(e)
                table.renamed[e.id] = ""
        if not dropped:
            curation.note_unmatched(
                article,
                edit.line,
                f"mentions.drop: no mention of {edit.text!r}{_nth(edit)} to drop",
            )
    for edit in article.add_mentions:
        assert edit.entity is not None
        if not _pick(_occurrences(text, edit.text), edit.occurrence):
            curation.note_unmatched(
                article, edit.line, f"mentions.add: {edit.text!r}{_nth(edit)} is not in the text"
            )
            continue
        entity = table.find(edit.entity)
        if entity is None:
            entity = Entity(slugify(edit.entity), edit.entity, edit.label or "ORG", [])
            table.entities.append(entity)
        for s, e in _pick(_occurrences(text, edit.text), edit.occurrence):
            for other in table.entities:  # a human's mention replaces the model's there
                other.mentions = [
                    m for m in other.mentions if not _overlaps((m.start, m.end), (s, e))
                ]
            entity.mentions.append(Mention(s, e, text[s:e]))
        entity.mentions.sort()
    table.entities[:] = [e for e in table.entities if e.mentions]
    for change in article.relabel:
        entity = table.find(change.entity)
        if entity is not None:
            entity.label = change.label
        else:
            curation.note_unmatched(
                article, change.line, f"relabel: the article has no entity {change.entity!r}"
            )


def _nth(edit: MentionEdit) -> str:
    return f" (occurrence {edit.occurrence})" if edit.occurrence is not None else ""


def _describe_claim_edit(edit: ClaimEdit) -> str:
    return f"id {edit.id!r}" if edit.id is not None else f"quote {edit.quote!r}"


def _claim_matches(claim: dict[str, Any], edit: ClaimEdit) -> bool:
    if edit.id is not None and claim.get("id") == edit.id:
        return True
    content = (claim.get("content") or {}).get("text") or ""
    return edit.quote is not None and edit.quote in content


def _speaker_for(table: _EntityTable, ref: str, kind: str | None) -> dict[str, Any]:
    entity = table.find(ref)
    if entity is not None:
        return {"name": entity.name, "entity": entity.id, "kind": kind or "named"}
    return {"name": ref, "entity": None, "kind": kind or "vague"}


def _nearest_cue(text: str, cue: str, start: int, end: int) -> dict[str, Any] | None:
    """The occurrence of the word ``cue`` nearest to the content [start, end), outside it."""
    spans = [s for s in _occurrences(text, cue) if s[1] <= start or s[0] >= end]
    if not spans:
        return None
    s, e = min(spans, key=lambda sp: min(abs(sp[0] - end), abs(start - sp[1])))
    return {"lemma": cue.lower(), "start": s, "end": e, "text": text[s:e]}


def _apply_claims(
    table: _EntityTable,
    text: str,
    claims: list[dict[str, Any]],
    article: ArticleCuration | None,
    curation: Curation,
) -> list[dict[str, Any]]:
    for claim in claims:
        speaker = claim.get("speaker") or {}
        if speaker.get("entity"):
            new_id = table.resolve(speaker["entity"])
            entity = next((e for e in table.entities if e.id == new_id), None)
            speaker["entity"] = entity.id if entity else None
            if entity is not None and speaker.get("kind") in ("named", "pronoun"):
                speaker["name"] = entity.name
    if article is not None:
        for edit in article.drop_claims + article.claim_speakers:
            if not any(_claim_matches(c, edit) for c in claims):
                what = "claims.drop" if edit in article.drop_claims else "claims.speaker"
                curation.note_unmatched(
                    article, edit.line, f"{what}: no claim with {_describe_claim_edit(edit)}"
                )
        claims = [c for c in claims if not any(_claim_matches(c, d) for d in article.drop_claims)]
        for edit in article.claim_speakers:
            for claim in claims:
                if _claim_matches(claim, edit):
                    assert edit.speaker is not None
                    new = _speaker_for(table, edit.speaker, edit.kind)
                    old = claim.get("speaker") or {}
                    for key in ("start", "end", "text"):
                        if key in old and new["kind"] == old.get("kind"):
                            new[key] = old[key]
                    claim["speaker"] = new
        for add in article.add_claims:
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(add.content), text)]
            if not _pick(spans, add.occurrence or 1):
                curation.note_unmatched(
                    article, add.line, f"claims.add: the content {add.content!r} is not in the text"
                )
            for s, e in _pick(spans, add.occurrence or 1):
                claim = {
                    "id": "",
                    "speaker": _speaker_for(table, add.speaker, add.kind),
                    "cue": _nearest_cue(text, add.cue, s, e) if add.cue else None,
                    "content": {"start": s, "end": e, "text": text[s:e]},
                    "mode": add.mode,
                    "curated": True,
                }
                claims.append(claim)
    claims.sort(key=lambda c: (c.get("content") or {}).get("start") or 0)
    for i, claim in enumerate(claims, 1):
        claim["id"] = f"c{i}"
    return claims


def apply_curation(
    record: dict[str, Any], text: str, curation: Curation | None, slug: str | None
) -> dict[str, Any]:
    """Return ``record`` with the archive knowledge and the article's corrections applied."""
    if curation is None:
        return record
    table = _EntityTable([Entity.from_dict(e) for e in record.get("entities", [])])
    _apply_knowledge(table, text, curation)
    article = curation.articles.get(slug) if slug else None
    if article is not None:
        _apply_article(table, text, article, curation)
    claims = _apply_claims(
        table, text, [dict(c) for c in record.get("claims", [])], article, curation
    )
    table.entities.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    return {
        **record,
        "entities": [e.to_dict() for e in table.entities],
        "claims": claims,
    }
