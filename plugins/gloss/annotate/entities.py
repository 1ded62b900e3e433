"""Entities: clean the model's name spans, then group them into one entity per thing.

Steps, each a small function:

1. ``candidate_spans``: the NER's spans with a name label, cleaned (no leading "the", no
   title, no trailing possessive, no unbalanced parenthesis, nothing across a paragraph
   break, no bare punctuation or common word). "Name (ACR)" gives two candidates.
2. ``group_candidates``: candidates with the same name form one group; a lone surname or
   first name joins the nearest person whose full name contains it (people named only in a
   byline come last); an acronym joins the name it abbreviates.
3. ``find_missed_mentions``: once an entity is known, every other exact occurrence of one of
   its names (whole words, proper-noun tokens) is a mention too.
4. ``build_entities``: the label is the vote of all mentions, the name the fullest mention,
   the id a slug of the name.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from gloss.annotate.model import NAME_LABELS, Entity, Mention

# A byline: "By Jane Doe and John Roe" on its own short line or paragraph.
_BYLINE = re.compile(r"(?:^|\n)[ \t]*By\b[^\n]{0,200}", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?(?:[A-Z][a-z]?){1,5}$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True)
class SpanRules:
    """The word lists in ``data/entities/span_rules.yml``."""

    leading_words: frozenset[str]
    trailing_possessives: frozenset[str]
    titles: frozenset[str]
    common_words: frozenset[str]
    name_particles: frozenset[str]


@lru_cache(maxsize=1)
def span_rules() -> SpanRules:
    text = resources.files("gloss").joinpath("data/entities/span_rules.yml").read_text("utf-8")
    data = yaml.safe_load(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return SpanRules(
        leading_words=words("leading_words"),
        trailing_possessives=words("trailing_possessives"),
        titles=words("titles"),
        common_words=words("common_words"),
        name_particles=words("name_particles"),
    )


def slugify(name: str) -> str:
    """A stable id for a name: ASCII, lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = ascii_name.replace("'", "").replace("’", "").replace(".", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "entity"


def name_key(text: str) -> str:
    """The form under which two mentions count as the same name."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Candidate:
    """A cleaned name span, before grouping. ``label`` is None for a span the model missed."""

    start: int
    end: int
    text: str
    label: str | None
    tokens: tuple[str, ...]
    in_byline: bool = False

    @property
    def key(self) -> str:
        return name_key(self.text)

    @property
    def is_single_word(self) -> bool:
        return len(self.tokens) == 1

    def looks_like_acronym(self) -> bool:
        return bool(_ACRONYM.match(self.text)) and sum(c.isupper() for c in self.text) >= 2


@dataclass
class Group:
    """Candidates that name the same thing."""

    members: list[Candidate] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)  # name keys declared for it (acronyms)

    @property
    def full(self) -> Candidate:
        """The fullest mention: most words, then longest, then first."""
        return max(self.members, key=lambda c: (len(c.tokens), len(c.text), -c.start))

    def label(self) -> str:
        """The label most mentions carry; ties go to the label of the fullest mentions."""
        votes: Counter[str] = Counter()
        for c in self.members:
            if c.label:
                votes[c.label] += 1 + 0.5 * (len(c.tokens) - 1)
        if not votes:
            return "ORG"
        return votes.most_common(1)[0][0]

    def name_keys(self) -> set[str]:
        return {c.key for c in self.members} | self.aliases

    def name_words(self) -> set[str]:
        """Words of the full names that may stand alone for it (surnames, first names)."""
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
                ):
                    words.add(low)
        return words


# --- 1. candidates ---------------------------------------------------------------------------


def _byline_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BYLINE.finditer(text[:2000])]


def _strip_edges(tokens: list[Any]) -> list[Any]:
    """Drop spaces, punctuation, determiners and possessives at the edges of a token list."""
    rules = span_rules()
    while tokens and (
        tokens[0].is_space
        or (tokens[0].is_punct and tokens[0].text not in "(")
        or tokens[0].lower_ in rules.leading_words
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_space
        or (tokens[-1].is_punct and tokens[-1].text not in ").")
        or tokens[-1].lower_ in rules.trailing_possessives
        or tokens[-1].tag_ == "POS"
    ):
        tokens = tokens[:-1]
    # A trailing full stop belongs to an abbreviation ("Inc.") only when glued to a word.
    if tokens and tokens[-1].text == ".":
        tokens = tokens[:-1]
    return tokens


def _strip_titles(tokens: list[Any]) -> list[Any]:
    """Drop leading titles ("President", "Chinese President", "Mr.") from a person's name."""
    rules = span_rules()
    last_title = -1
    for i, tok in enumerate(tokens[:-1]):
        low = tok.lower_
        if low in rules.titles:
            last_title = i
        elif tok.ent_type_ == "NORP" or tok.pos_ == "ADJ" or low in rules.name_particles:
            continue  # "Chinese President", "Foreign Minister of X" ... keep looking
        else:
            break
    return tokens[last_title + 1 :] if last_title >= 0 else tokens


def _split_paragraphs(tokens: list[Any]) -> list[list[Any]]:
    """Cut a token list at paragraph breaks."""
    parts: list[list[Any]] = [[]]
    for tok in tokens:
        if tok.is_space and _PARAGRAPH_BREAK.search(tok.text) or "\n\n" in tok.whitespace_:
            parts[-1].append(tok) if not tok.is_space else None
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _split_parentheses(tokens: list[Any]) -> list[list[Any]]:
    """ "Name (ACR)" -> [Name], [ACR]; an unbalanced parenthesis never stays in a span."""
    parts: list[list[Any]] = [[]]
    for tok in tokens:
        if tok.text in "()[]":
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _acceptable(tokens: list[Any], text: str) -> bool:
    rules = span_rules()
    if not tokens or not any(ch.isupper() for ch in text):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if len(tokens) == 1:
        low = tokens[0].lower_
        if low in rules.common_words or low in rules.titles or low in rules.leading_words:
            return False
        if tokens[0].is_stop and not tokens[0].text.isupper():
            return False
    return not all(t.lower_ in rules.titles or t.is_punct for t in tokens)


def candidate_from_tokens(
    doc: Any, tokens: list[Any], label: str | None, bylines: list[tuple[int, int]]
) -> Candidate | None:
    tokens = _strip_edges(tokens)
    if label == "PERSON" or label is None:
        tokens = _strip_edges(_strip_titles(tokens))
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc.text[start:end]
    if not _acceptable(tokens, text):
        return None
    in_byline = any(b0 <= start and end <= b1 for b0, b1 in bylines)
    return Candidate(start, end, text, label, tuple(t.text for t in tokens), in_byline)


def candidate_spans(doc: Any) -> list[Candidate]:
    """The model's name spans, cleaned; "Name (ACR)" gives two linked candidates."""
    bylines = _byline_ranges(doc.text)
    out: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for para in _split_paragraphs(list(ent)):
            parts = _split_parentheses(para)
            found = [candidate_from_tokens(doc, p, ent.label_, bylines) for p in parts]
            found = [c for c in found if c is not None]
            out.extend(found)
    # The same character range can come out twice (split pieces): keep one.
    unique = {(c.start, c.end): c for c in out}
    return sorted(unique.values(), key=lambda c: c.start)


def declared_acronyms(doc: Any, candidates: list[Candidate]) -> dict[str, str]:
    """Acronyms declared in the text: "Shanghai Cooperation Organization (SCO)" -> sco: key."""
    text = doc.text
    declared: dict[str, str] = {}
    for c in candidates:
        m = re.match(r"\s*\(\s*([A-Z][A-Za-z.&]{1,9})\s*\)", text[c.end : c.end + 16])
        if m and len(c.tokens) > 1 and is_acronym_of(m.group(1), c.tokens):
            declared.setdefault(name_key(m.group(1)), c.key)
    return declared


def is_acronym_of(acronym: str, words: Iterable[str]) -> bool:
    """True if ``acronym`` (e.g. "SCO", "U.S.") is made of the initials of ``words``."""
    letters = [ch for ch in acronym if ch.isalpha()]
    if len(letters) < 2:
        return False
    particles = span_rules().name_particles
    words = [w for w in words if w and w[0].isalpha()]
    with_particles = "".join(w[0] for w in words).upper()
    without = "".join(w[0] for w in words if w.lower() not in particles).upper()
    target = "".join(letters).upper()
    return target in (with_particles, without)


# --- 2. groups -------------------------------------------------------------------------------


def _nearest_group(c: Candidate, groups: list[Group]) -> Group:
    """Among people sharing a name word, the one introduced nearest before ``c``.

    People named only in a byline (the article's authors) come after everyone else; a person
    first named after ``c`` comes after those named before it.
    """

    def rank(g: Group) -> tuple[int, int, int]:
        full_mentions = [m for m in g.members if len(m.tokens) > 1]
        all_byline = all(m.in_byline for m in full_mentions)
        before = [m.start for m in full_mentions if m.start < c.start]
        if before:
            return (int(all_byline), 0, c.start - max(before))
        after = min((m.start for m in full_mentions), default=c.start)
        return (int(all_byline), 1, after - c.start)

    return min(groups, key=rank)


def group_candidates(doc: Any, candidates: list[Candidate]) -> list[Group]:
    """One group per thing: same name, surname to full name, acronym to expansion."""
    declared = declared_acronyms(doc, candidates)
    by_key: dict[str, Group] = {}
    short: list[Candidate] = []
    # Full names first: every multi-word candidate, and single words that are not part of one.
    multi_word_person_words: set[str] = set()
    for c in candidates:
        if len(c.tokens) > 1 and c.label == "PERSON":
            multi_word_person_words.update(t.casefold() for t in c.tokens)
    for c in candidates:
        if c.is_single_word and (c.key in multi_word_person_words or c.key in declared):
            short.append(c)
            continue
        by_key.setdefault(c.key, Group()).members.append(c)
    groups = list(by_key.values())
    # Acronyms: declared in the text, or the initials of a name found in it.
    for acronym, full_key in declared.items():
        if full_key in by_key:
            by_key[full_key].aliases.add(acronym)
    merged: set[int] = set()
    for g in groups:
        c = g.full
        if not (c.is_single_word and c.looks_like_acronym()):
            continue
        owners = [
            o
            for o in groups
            if o is not g
            and len(o.full.tokens) > 1
            and (c.key in o.aliases or is_acronym_of(c.text, o.full.tokens))
        ]
        if len(owners) == 1:
            owners[0].members.extend(g.members)
            owners[0].aliases.add(c.key)
            merged.add(id(g))
    groups = [g for g in groups if id(g) not in merged]
    for c in short:
        attach_short_form(c, groups)
    return groups


def attach_short_form(c: Candidate, groups: list[Group]) -> None:
    """Attach a one-word mention to the group it stands for, or start its own group."""
    owners = [g for g in groups if c.key in g.aliases]
    if not owners:
        owners = [g for g in groups if c.key in g.name_words() and g.label() == "PERSON"]
    if not owners:
        owners = [g for g in groups if c.key in g.name_keys()]
    if owners:
        _nearest_group(c, owners).members.append(c)
    else:
        groups.append(Group(members=[c]))


# --- 3. missed mentions ----------------------------------------------------------------------


def find_missed_mentions(doc: Any, groups: list[Group]) -> None:
    """Add every other whole-word occurrence of a known name to the group it belongs to."""
    text = doc.text
    taken = [(c.start, c.end) for g in groups for c in g.members]
    taken_starts = sorted(taken)
    forms: dict[str, str] = {}
    for g in groups:
        for c in g.members:
            if len(c.text) >= 2:
                forms.setdefault(c.text, c.text)
    if not forms:
        return
    bylines = _byline_ranges(text)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    found: list[Candidate] = []
    for m in pattern.finditer(text):
        s, e = m.span()
        if any(a < e and s < b for a, b in taken_starts):
            continue
        span = doc.char_span(s, e)
        if span is None:
            continue  # not on token boundaries
        tokens = list(span)
        if len(tokens) == 1 and tokens[0].pos_ not in ("PROPN", "X") and not tokens[0].is_upper:
            continue  # "May" the month, "Bill" the noun ...
        in_byline = any(b0 <= s and e <= b1 for b0, b1 in bylines)
        found.append(Candidate(s, e, m.group(0), None, tuple(t.text for t in tokens), in_byline))
    for c in found:
        owners = [g for g in groups if c.key in {m.key for m in g.members}]
        if len(owners) > 1:
            _nearest_group(c, owners).members.append(c)
        elif owners:
            owners[0].members.append(c)


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
    return build_entities(groups)


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
