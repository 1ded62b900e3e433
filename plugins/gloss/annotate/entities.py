"""Entities: one per real-world thing in an article, with every place it is mentioned.

Steps, each a small function:

1. ``candidate_spans`` (``gloss.annotate.spans``): the model's name spans, cleaned.
2. ``group_candidates``: candidates with the same name form one group; "China-Russia" is two
   names, a person glued to a place is split off, a shorter name ending a longer one joins
   it; a lone surname or given name joins the nearest person whose full name has it (people
   named only in a byline come last); an acronym joins the name it abbreviates; "the
   Church" joins "Church of Scientology".
3. ``find_missed_mentions``: once an entity is known, every other occurrence of one of its
   names (whole words, proper nouns) is a mention too.
4. ``build_entities``: the label is the vote of all mentions (with evidence from the text
   outweighing the model), the name the fullest mention, the id a slug of the name.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gloss.annotate.labels import context_label
from gloss.annotate.model import NAME_LABELS, Entity, Mention
from gloss.annotate.names import (
    GazetteerEntry,
    doc_text,
    fold_same_length,
    gazetteer,
    gazetteer_key,
    head_noun_label,
    is_acronym_of,
    lower_case_words,
    name_key,
    slugify,
    span_rules,
)
from gloss.annotate.spans import (
    Candidate,
    byline_ranges,
    candidate_spans,
    declared_acronyms,
    is_proper_noun,
)

__all__ = [
    "Candidate",
    "Group",
    "build_entities",
    "candidate_spans",
    "extract_entities",
    "find_missed_mentions",
    "group_candidates",
    "head_noun_label",
    "is_acronym_of",
    "name_key",
    "raw_entities",
    "slugify",
]


@dataclass
class Group:
    """Candidates that name the same thing."""

    members: list[Candidate] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # name keys declared for it (acronyms)
    context_label: str | None = None  # what the words around a one-word name say it is

    @property
    def full(self) -> Candidate:
        """The fullest mention: most words, then longest, then first."""
        return max(self.members, key=lambda c: (len(c.tokens), len(c.text), -c.start))

    @property
    def start(self) -> int:
        return min(c.start for c in self.members)

    def label(self) -> str:
        """The label most mentions carry, full names counting more; evidence in the text that
        the thing is a person (a title, "X, an expert") outweighs the model; for a one-word
        name, so does its context ("in X" is a place: ``gloss.annotate.labels``)."""
        if self.context_label is not None:
            return self.context_label
        votes: Counter[str] = Counter()
        for c in self.members:
            if c.person_evidence:
                votes["PERSON"] += 3
            if c.class_label is not None:
                votes[c.class_label] += 3
            head_label = head_noun_label(c.tokens)
            if head_label is not None and c.votes:
                votes[head_label] += 3
            if c.label and c.votes:
                votes[c.label] += 1 + 0.5 * (len(c.tokens) - 1)
        if not votes:
            labels = Counter(c.label for c in self.members if c.label)
            return labels.most_common(1)[0][0] if labels else "ORG"
        return votes.most_common(1)[0][0]

    def name_keys(self) -> set[str]:
        return {c.key for c in self.members} | self.aliases

    def name_words(self) -> set[str]:
        """Words of the full names that may stand alone for it (surnames, given names)."""
        rules = span_rules()
        words: set[str] = set()
        for c in self.members:
            if len(c.tokens) < 2:
                continue
            for tok in c.tokens:
                low = tok.casefold()
                if (
                    len(tok) > 1
                    and tok[0].isupper()
                    and not tok.endswith(".")
                    and low not in rules.name_particles
                    and low not in rules.titles
                    and low not in rules.post_nominals  # "QC" alone is nobody
                ):
                    words.add(tok)
        return words


# --- 2. groups -------------------------------------------------------------------------------


def _nearest_group(c: Candidate, groups: list[Group]) -> Group:
    """Among people sharing a name word, the one introduced nearest before ``c``.

    People named only in a byline (the article's authors) come after everyone else, then
    people introduced only as someone's relative; a person first named after ``c`` comes
    after those named before it.
    """

    def rank(g: Group) -> tuple[int, int, int, int]:
        full_mentions = [m for m in g.members if len(m.tokens) > 1] or g.members
        all_byline = all(m.in_byline for m in full_mentions)
        # A relative ("his son X Y") shares the surname of the person the article is about;
        # a bare surname is that person's, not the relative's, whoever was named last.
        relative = all(m.kin for m in full_mentions)
        before = [m.start for m in full_mentions if m.start < c.start]
        if before:
            return (int(all_byline), int(relative), 0, c.start - max(before))
        after = min((m.start for m in full_mentions), default=c.start)
        return (int(all_byline), int(relative), 1, after - c.start)

    return min(groups, key=rank)


def group_candidates(doc: Any, candidates: list[Candidate]) -> list[Group]:
    """One group per thing: same name, surname to full name, acronym to expansion."""
    bylines = byline_ranges(doc_text(doc))
    declared = declared_acronyms(doc, bylines)
    # A declared expansion replaces the model's pieces inside it ("Hong Kong" inside "Hong
    # Kong Federation of Trade Unions"); its label comes from a model span of the same text.
    for expansion, _acronym in declared:
        inside = [c for c in candidates if expansion.start <= c.start and c.end <= expansion.end]
        if any(c.start == expansion.start and c.end == expansion.end for c in inside):
            continue
        expansion.label = next((c.label for c in inside if c.label != "GPE"), None) or "ORG"
        candidates = [c for c in candidates if c not in inside] + [expansion]
    declared_keys = {a.key: e.key for e, a in declared}
    acronym_ranges = {(a.start, a.end) for _, a in declared}
    candidates = [c for c in candidates if (c.start, c.end) not in acronym_ranges]
    for _, acronym in declared:
        acronym.label = None
        candidates.append(acronym)
    candidates.sort(key=lambda c: c.start)

    candidates = _split_hyphen_pairs(candidates)
    candidates = _split_trailing_person(candidates)

    # Full names first: group by name; then learn which groups are people.
    by_key: dict[str, Group] = {}
    singles: list[Candidate] = []
    for c in candidates:
        if c.is_single_word:
            singles.append(c)
        else:
            by_key.setdefault(c.key, Group()).members.append(c)
    for acronym_key, expansion_key in declared_keys.items():
        if expansion_key in by_key:
            by_key[expansion_key].aliases.add(acronym_key)
            # A hyphenated acronym is several tokens ("C-MORE"): a group of its own so far.
            if acronym_key in by_key and acronym_key != expansion_key:
                by_key[expansion_key].members.extend(by_key.pop(acronym_key).members)
    groups = _join_shorter_forms(list(by_key.values()))
    # Weak one-word spans last, so that they can join a group their strong twins start.
    for c in sorted(singles, key=lambda c: (c.weak, c.start)):
        attach_short_form(doc, c, groups)
    # Undeclared acronyms of names in the text ("US" after "United States").
    merged: set[int] = set()
    for g in groups:
        c = g.full
        if not (c.is_single_word and c.looks_like_acronym()):
            continue
        owners = [
            o
            for o in groups
            if o is not g and len(o.full.tokens) > 1 and is_acronym_of(c.text, o.full.tokens)
        ]
        if len(owners) == 1:
            for m in g.members:
                m.votes = False
            owners[0].members.extend(g.members)
            owners[0].aliases.add(c.key)
            merged.add(id(g))
    return [g for g in groups if id(g) not in merged]


def _join_shorter_forms(groups: list[Group]) -> list[Group]:
    """ "Red Cross" after "American Red Cross", "Supreme Court" after "US Supreme Court": a
    multi-word name that ends exactly one longer non-person name is that thing."""
    particles = span_rules().name_particles
    joined: set[int] = set()
    for short in groups:
        words = short.full.tokens
        if len(words) < 2 or short.label() == "PERSON":
            continue
        owners = [
            g
            for g in groups
            if g is not short
            and id(g) not in joined
            and len(g.full.tokens) > len(words)
            and tuple(t.casefold() for t in g.full.tokens[-len(words) :])
            == tuple(t.casefold() for t in words)
            # "New South Wales" is not "Parliament of New South Wales": after a particle the
            # shorter name is what the longer one is of, another thing.
            and g.full.tokens[-len(words) - 1].casefold() not in particles
            and g.label() != "PERSON"
        ]
        if len(owners) == 1:
            for c in short.members:
                c.votes = False
            owners[0].members.extend(short.members)
            joined.add(id(short))
    return [g for g in groups if id(g) not in joined]


def _split_trailing_person(candidates: list[Candidate]) -> list[Candidate]:
    """ "(Senator from) Vermont Bernie Sanders" tagged ORG: when the last word of a longer
    non-person span is a surname the model tags PERSON elsewhere in the text, its last two
    words are that person and the rest is kept only if it names something known."""
    surnames = {c.key for c in candidates if c.is_single_word and c.label == "PERSON"}
    out: list[Candidate] = []
    for c in candidates:
        m = re.search(r"([A-Z][\w'’.-]*)\s+([A-Z][\w'’.-]*)$", c.text)
        if (
            c.label != "PERSON"
            and len(c.tokens) >= 3
            and m is not None
            and name_key(m.group(2)) in surnames
            and m.start() > 0
        ):
            person = Candidate(
                c.start + m.start(),
                c.end,
                m.group(0),
                "PERSON",
                (m.group(1), m.group(2)),
                c.in_byline,
                person_evidence=True,
            )
            rest_text = c.text[: m.start()].rstrip()
            rest = Candidate(
                c.start,
                c.start + len(rest_text),
                rest_text,
                c.label,
                tuple(rest_text.split()),
                c.in_byline,
                weak=True,
            )
            out.extend([rest, person])
        else:
            out.append(c)
    return out


def _split_hyphen_pairs(candidates: list[Candidate]) -> list[Candidate]:
    """ "China-Russia" (ties), "Russia-Ukraine" (crisis): two names joined by a hyphen, when
    one of them is named on its own in the same text (so "Coca-Cola" stays whole)."""
    alone = {c.key for c in candidates}
    out: list[Candidate] = []
    for c in candidates:
        m = re.fullmatch(r"([A-Z][\w.]+)-([A-Z][\w.]+)", c.text)
        if (
            m
            and m.group(1).lower() not in span_rules().hyphen_prefixes  # "Pro-Beijing"
            and (name_key(m.group(1)) in alone or name_key(m.group(2)) in alone)
        ):
            for g in (1, 2):
                s, e = c.start + m.start(g), c.start + m.end(g)
                out.append(Candidate(s, e, m.group(g), c.label, (m.group(g),), c.in_byline))
        else:
            out.append(c)
    return out


def _org_head(group: Group) -> str | None:
    """ "Church" for "Church of Scientology": the word that stands for it after "the"."""
    tokens = group.full.tokens
    if len(tokens) >= 3 and tokens[1] == "of" and tokens[0][:1].isupper():
        return tokens[0]
    return None


def _after_the(doc: Any, c: Candidate) -> bool:
    return doc_text(doc)[max(0, c.start - 4) : c.start].lower() == "the "


_VOWELS = frozenset("aeiouy")


def _vowel_variant(word: str, other: str) -> bool:
    """True for two spellings of one name that differ in one vowel only, same first letter
    and length, five letters or more ("Saree" / "Sarea"): a transliteration variant."""
    if word == other or len(word) != len(other) or len(word) < 5 or word[0] != other[0]:
        return False
    pairs = [(a, b) for a, b in zip(word.lower(), other.lower(), strict=True) if a != b]
    return len(pairs) == 1 and pairs[0][0] in _VOWELS and pairs[0][1] in _VOWELS


def attach_short_form(doc: Any, c: Candidate, groups: list[Group]) -> None:
    """Attach a one-word mention to the group it stands for, or start its own group.

    A surname or given name joins the nearest person whose full name has it; "the Church"
    joins "Church of Scientology". The model's label for such a short form does not vote.
    """
    owners = [g for g in groups if c.key in g.aliases or c.key in {m.key for m in g.members}]
    if not owners:
        owners = [
            g
            for g in groups
            if len(g.full.tokens) > 1
            and c.key in {name_key(w) for w in g.name_words()}
            and g.label() == "PERSON"
        ]
    if not owners and not c.looks_like_acronym():
        # "Saree said" after "Yahya Sarea": a surname transliterated two ways in one article
        owners = [
            g
            for g in groups
            if len(g.full.tokens) > 1
            and g.label() == "PERSON"
            and any(_vowel_variant(c.text, w) for w in g.name_words())
        ]
    if not owners and _after_the(doc, c):
        owners = [g for g in groups if g.label() != "PERSON" and _org_head(g) == c.text]
    if owners:
        owner = _nearest_group(c, owners)
        if len(owner.full.tokens) > 1:
            c.votes = False
        owner.members.append(c)
    elif not c.weak:
        groups.append(Group(members=[c]))


# --- 3. missed mentions ----------------------------------------------------------------------


def find_missed_mentions(doc: Any, groups: list[Group]) -> None:
    """Add every other whole-word occurrence of a known name to the group it belongs to.

    Known names are the mentions' texts, declared acronyms, and the name words of people
    ("Whitmore" once "Steve Whitmore" is known). One-word finds must be proper nouns to the
    tagger ("May" the month is not Theresa May).
    """
    text = doc_text(doc)
    taken = sorted((c.start, c.end) for g in groups for c in g.members)
    owners_of: dict[str, list[Group]] = {}
    heads: dict[str, bool] = {}
    for g in groups:
        forms = {c.text for c in g.members} | {a for a in g.aliases if a.isupper()}
        if g.label() == "PERSON" and len(g.full.tokens) > 1:
            forms |= g.name_words()
        head = _org_head(g) if g.label() != "PERSON" else None
        if head:
            forms.add(head)
            heads[fold_same_length(head)] = True
        for form in forms:
            if len(form) >= 2 and any(ch.isupper() for ch in form):
                # "Erdogan" in the text is an occurrence of "Erdoğan", and the reverse
                owners_of.setdefault(fold_same_length(form), []).append(g)
    if not owners_of:
        return
    bylines = byline_ranges(text)
    lower_words = lower_case_words(doc)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(owners_of, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(fold_same_length(text)):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken):
            continue
        span = doc.char_span(s, e)
        if span is None:
            continue  # not on token boundaries
        tokens = list(span)
        if any(t.ent_type_ and t.ent_type_ not in NAME_LABELS for t in tokens):
            continue  # the model read it as a date or a number ("in May")
        # A sentence-initial "Rathbun" tagged NN is still the name when the word never
        # occurs in lower case in this text ("May" the month and "Key" the noun do).
        if (
            len(tokens) == 1
            and not is_proper_noun(tokens[0])
            and (not tokens[0].is_title or tokens[0].lower_ in lower_words)
        ):
            continue
        if heads.get(m.group(0)) and doc_text(doc)[max(0, s - 4) : s].lower() != "the ":
            continue  # "Church" stands for "Church of Scientology" only as "the Church"
        in_byline = any(b0 <= s and e <= b1 for b0, b1 in bylines)
        found = Candidate(s, e, text[s:e], None, tuple(t.text for t in tokens), in_byline)
        found.votes = False
        _nearest_group(found, owners_of[m.group(0)]).members.append(found)


# --- 4. entities -----------------------------------------------------------------------------


def _canonical_name(group: Group, label: str) -> str:
    full = group.full
    if label != "PERSON" and full.looks_like_acronym():
        longer = [m for m in group.members if not m.looks_like_acronym()]
        if longer:
            full = max(longer, key=lambda c: (len(c.tokens), len(c.text), -c.start))
    return re.sub(r"\s+", " ", full.text)


def build_entities(groups: list[Group]) -> list[Entity]:
    """Entities from groups: voted label, fullest name, stable slug id, sorted mentions."""
    entities: list[Entity] = []
    used_ids: dict[str, int] = {}
    for g in sorted(groups, key=lambda g: min(c.start for c in g.members)):
        label = g.label()
        name = _canonical_name(g, label)
        entity_id = slugify(name)
        if entity_id in used_ids:  # two different things with one name ("Georgia")
            used_ids[entity_id] += 1
            entity_id = f"{entity_id}-{label.lower().replace('_', '-')}"
        used_ids.setdefault(entity_id, 1)
        mentions = sorted({Mention(c.start, c.end, c.text) for c in g.members})
        entities.append(Entity(entity_id, name, label, _drop_overlaps(mentions)))
    return entities


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in mentions:
        if kept and m.start < kept[-1].end:
            if m.end - m.start > kept[-1].end - kept[-1].start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def extract_entities(doc: Any) -> list[Entity]:
    """The entities of a parsed ``Doc``: one per real-world thing, all mentions found."""
    candidates = candidate_spans(doc)
    groups = group_candidates(doc, candidates)
    find_missed_mentions(doc, groups)
    correct_labels_from_context(doc, groups)
    return apply_gazetteer(build_entities(groups))


def _gazetteer_entry(entity: Entity) -> GazetteerEntry | None:
    """The gazetteer institution this entity's name or one of its mentions names."""
    table = gazetteer()
    for form in [entity.name, *(m.text for m in entity.mentions)]:
        key = gazetteer_key(form)
        entry = table.get(key)
        if entry is None:
            continue
        if key.isupper() and entity.label != "ORG":
            continue  # "AP" tagged GPE is Andhra Pradesh, not the Associated Press
        return entry
    return None


def apply_gazetteer(entities: list[Entity]) -> list[Entity]:
    """Give institutions known by a short form their canonical name (data/entities/
    gazetteer.yml: "AFP" -> "Agence France-Presse", "US State Department" -> "United States
    Department of State"); two entities of one institution become one."""
    out: list[Entity] = []
    by_name: dict[str, Entity] = {}
    for entity in entities:
        entry = _gazetteer_entry(entity)
        if entry is None:
            out.append(entity)
            continue
        known = by_name.get(entry.name)
        if known is not None:
            known.mentions = _drop_overlaps(sorted({*known.mentions, *entity.mentions}))
            continue
        renamed = Entity(slugify(entry.name), entry.name, entry.label, entity.mentions)
        by_name[entry.name] = renamed
        out.append(renamed)
    used = [e.id for e in out]
    for i, entity in enumerate(out):  # an entity of the same name the model found as well
        if used.count(entity.id) > 1 and entity.name not in by_name:
            out[i] = Entity(
                f"{entity.id}-{entity.label.lower()}", entity.name, entity.label, entity.mentions
            )
    return out


def correct_labels_from_context(doc: Any, groups: list[Group]) -> None:
    """Relabel one-word names whose every mention's context contradicts the model
    ("posted on Twitter" is no person); names with a full form or a title keep their vote.
    Then names coordinated with names of one other kind take that kind."""
    for g in groups:
        if any(len(c.tokens) > 1 or c.person_evidence for c in g.members):
            continue
        g.context_label = context_label(doc, [(c.start, c.end) for c in g.members], g.label())
    _align_coordinated_labels(doc, groups)


def _has_label_evidence(g: Group) -> bool:
    return any(
        c.person_evidence or c.class_label is not None or head_noun_label(c.tokens) is not None
        for c in g.members
    )


def _align_coordinated_labels(doc: Any, groups: list[Group]) -> None:
    """ "children Brodie and Nolan" (Nolan tagged ORG), "in Saqqara and Tuna el-Gebel" (the
    second tagged PERSON): a name whose every mention is coordinated only with names of one
    other kind is of that kind, unless the text gives evidence for its own label. Only two
    mistakes are corrected: an "organisation" beside persons is a person (a place stays: a
    list of places may hold one the model took for a person), a
    "person" beside places is a place (an organisation beside places stays: "Microsoft and
    Germany"); a name seen more than twice keeps the vote of its mentions."""
    owner: dict[int, Group] = {}  # root token index of each mention -> its group
    roots: dict[int, list[Any]] = {}
    for g in groups:
        for c in g.members:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is not None:
                owner[span.root.i] = g
                roots.setdefault(id(g), []).append(span.root)
    for g in groups:
        mentions = roots.get(id(g), [])
        if not mentions or len(mentions) > 2 or _has_label_evidence(g):
            continue
        if g.full.looks_like_acronym():
            continue
        partner_labels: set[str] = set()
        for root in mentions:
            partners = [t for t in root.children if t.dep_ == "conj"]
            if root.dep_ == "conj":
                partners.append(root.head)
            labels = {owner[t.i].label() for t in partners if t.i in owner and owner[t.i] is not g}
            if not labels:
                partner_labels = set()
                break
            partner_labels |= labels
        if len(partner_labels) != 1:
            continue
        (other,) = partner_labels
        own = g.label()
        person_fix = other == "PERSON" and own == "ORG"  # not places: "County Galway, County Mayo"
        place_fix = other in ("GPE", "LOC") and own == "PERSON"  # "Microsoft and Germany"
        if person_fix or place_fix:
            g.context_label = other


def raw_entities(doc: Any) -> list[Entity]:
    """The model's own output, uncleaned and ungrouped: one entity per distinct span text.

    Used to measure how much the cleaning and grouping add (``gloss annotate --raw-entities``).
    """
    by_text: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        key = (ent.text, ent.label_)
        if key not in by_text:
            by_text[key] = Entity(slugify(ent.text), ent.text, ent.label_, [])
        by_text[key].mentions.append(Mention(ent.start_char, ent.end_char, ent.text))
    return list(by_text.values())
