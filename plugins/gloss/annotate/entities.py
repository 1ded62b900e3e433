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
from functools import cached_property, lru_cache
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
    hyphen_prefixes: frozenset[str]
    person_nouns: frozenset[str]


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
        hyphen_prefixes=words("hyphen_prefixes"),
        person_nouns=words("person_nouns"),
    )


@lru_cache(maxsize=1)
def head_nouns() -> tuple[dict[str, str], dict[str, str]]:
    """``data/entities/head_nouns.yml`` as two maps: last word -> label, word before a
    particle -> label."""
    text = resources.files("gloss").joinpath("data/entities/head_nouns.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    maps: list[dict[str, str]] = []
    for key in ("last_word", "before_particle"):
        words: dict[str, str] = {}
        for label, nouns in (data.get(key) or {}).items():
            for noun in nouns or []:
                words.setdefault(str(noun).lower(), label)
        maps.append(words)
    return maps[0], maps[1]


def head_noun_label(tokens: tuple[str, ...]) -> str | None:
    """The label a multi-word name's head noun implies ("Google Science Fair" -> EVENT)."""
    if len(tokens) < 2:
        return None
    last_word, before_particle = head_nouns()
    particles = span_rules().name_particles
    words = [t.lower().strip(".") for t in tokens]
    for i, word in enumerate(words[1:], 1):
        if word in particles and word not in ("&", "and"):
            return before_particle.get(words[i - 1]) if i == 1 else None
    return last_word.get(words[-1])


def doc_text(doc: Any) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access."""
    text = doc.user_data.get("gloss.text")
    if text is None:
        text = doc.user_data["gloss.text"] = doc.text
    return text


def slugify(name: str) -> str:
    """A stable id for a name: ASCII, lower case, words joined by hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = ascii_name.replace("'", "").replace("’", "").replace(".", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug or "entity"


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """The form under which two mentions count as the same name."""
    text = text.replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class Candidate:
    """A cleaned name span, before grouping. ``label`` is None for a span the model missed.

    ``person_evidence`` is set when the text itself says this is a person (a title was
    stripped, or a person noun stands in apposition): it outweighs the model's label.
    ``votes`` is False for mentions whose label says nothing about the entity (a surname the
    model tagged on its own, an occurrence found by search).
    """

    start: int
    end: int
    text: str
    label: str | None
    tokens: tuple[str, ...]
    in_byline: bool = False
    person_evidence: bool = False
    votes: bool = True
    weak: bool = False  # a one-word span that may be a common word: kept only if it links

    @cached_property
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

    @property
    def start(self) -> int:
        return min(c.start for c in self.members)

    def label(self) -> str:
        """The label most mentions carry, full names counting more; evidence in the text that
        the thing is a person (a title, "X, an expert") outweighs the model."""
        votes: Counter[str] = Counter()
        for c in self.members:
            if c.person_evidence:
                votes["PERSON"] += 3
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
                ):
                    words.add(tok)
        return words


# --- 1. candidates ---------------------------------------------------------------------------


def _byline_ranges(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _BYLINE.finditer(text[:2000])]


def _glued(left: Any, right: Any) -> bool:
    """True if two neighbouring tokens are written without space between them."""
    return left.i + 1 == right.i and not left.whitespace_


def _extend_hyphenated(doc: Any, tokens: list[Any]) -> list[Any]:
    """Complete a name cut inside a hyphenated word ("Wong Yeung" of "Wong Yeung-tat")."""
    while tokens:
        last = tokens[-1]
        if last.i + 2 >= len(doc):
            break
        hyphen, nxt = doc[last.i + 1], doc[last.i + 2]
        if hyphen.text == "-" and _glued(last, hyphen) and _glued(hyphen, nxt) and nxt.is_alpha:
            tokens = [*tokens, hyphen, nxt]
        else:
            break
    return tokens


def _extend_given_name(doc: Any, tokens: list[Any]) -> list[Any]:
    """Take in a given name the model left out ("with Junius Ho": it tagged only "Ho").

    The word before must be a capitalised proper noun outside any other entity, inside the
    sentence, and no title or common word.
    """
    rules = span_rules()
    if not tokens or tokens[0].i == 0:
        return tokens
    before = doc[tokens[0].i - 1]
    if (
        before.whitespace_ == " "
        and before.tag_ == "NNP"
        and before.is_title
        and before.ent_iob_ == "O"
        and not before.is_sent_start
        and before.lower_ not in rules.titles
        and before.lower_ not in rules.common_words
        and before.lower_ not in rules.person_nouns
        and not before.lower_.endswith(("ist", "ists"))  # "Scientologist Tom Cruise"
        and not before.is_stop
    ):
        return [before, *tokens]
    return tokens


def _strip_hyphen_prefix(tokens: list[Any]) -> list[Any]:
    """Drop "pro-Beijing", "Pan-democrat", "ex-" ... glued before a name."""
    rules = span_rules()
    if len(tokens) >= 3 and tokens[0].lower_ in rules.hyphen_prefixes and tokens[1].text == "-":
        i = 2
        while i < len(tokens) and _glued(tokens[i - 1], tokens[i]):
            i += 1
        if i < len(tokens):
            return tokens[i:]
    return tokens


def _strip_edges(tokens: list[Any]) -> list[Any]:
    """Drop spaces, punctuation, determiners and possessives at the edges of a token list."""
    rules = span_rules()
    while tokens and (
        tokens[0].is_space
        or (tokens[0].is_punct and tokens[0].text != "(")
        or tokens[0].lower_ in rules.leading_words
    ):
        tokens = tokens[1:]
    tokens = _strip_hyphen_prefix(tokens)
    while tokens and (
        tokens[-1].is_space
        or (tokens[-1].is_punct and tokens[-1].text not in ").")
        or tokens[-1].lower_ in rules.trailing_possessives
        or tokens[-1].tag_ == "POS"
    ):
        tokens = tokens[:-1]
    # A full stop belongs to an abbreviation ("Inc.") only when it is part of the token.
    if tokens and tokens[-1].text == ".":
        tokens = tokens[:-1]
    return tokens


def _strip_titles(tokens: list[Any]) -> tuple[list[Any], bool]:
    """Drop leading titles ("President", "Chinese President", "Mr.") from a person's name.

    Returns the rest and whether a title was found (evidence that this is a person).
    """
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
    rest = tokens[last_title + 1 :]
    if last_title < 0 or not rest or any(t.lower_ in rules.titles for t in rest):
        return tokens, False  # "State Department Spokesperson" is no title plus a name
    last_word, before_particle = head_nouns()
    if rest[-1].lower_ in last_word or rest[0].lower_ in before_particle:
        return tokens, False  # "Prime Minister Office", "Foreign Ministry of ..."
    return rest, rest[0].pos_ == "PROPN"


def _split_at(tokens: list[Any], is_break: Any) -> list[list[Any]]:
    parts: list[list[Any]] = [[]]
    for tok in tokens:
        if is_break(tok):
            parts.append([])
        else:
            parts[-1].append(tok)
    return [p for p in parts if p]


def _is_paragraph_break(tok: Any) -> bool:
    return tok.is_space and bool(_PARAGRAPH_BREAK.search(tok.text))


def _split_pieces(tokens: list[Any]) -> list[list[Any]]:
    """Cut a span at paragraph breaks, parentheses, and a lower-case "the" inside it.

    "Shanghai Cooperation Organization (SCO" gives [Shanghai Cooperation Organization], [SCO];
    "Rathbun the Scientology" (a model error) gives [Rathbun], [Scientology]; "Church of the
    Holy Sepulchre" stays whole (the "the" follows a particle).
    """
    rules = span_rules()
    pieces: list[list[Any]] = []
    for para in _split_at(tokens, _is_paragraph_break):
        for part in _split_at(para, lambda t: t.text in "()[]"):
            current: list[Any] = []
            for tok in part:
                after_particle = bool(current) and current[-1].lower_ in rules.name_particles
                if tok.text == "the" and current and not after_particle:
                    pieces.append(current)
                    current = []
                else:
                    current.append(tok)
            if current:
                pieces.append(current)
    return pieces


def _proper_noun(tok: Any) -> bool:
    """A proper noun to the tagger, an acronym, or a capitalised word inside a sentence."""
    if tok.tag_ in ("NNP", "NNPS") or (tok.is_upper and len(tok.text) > 1):
        return True
    return tok.is_title and not _starts_sentence(tok) and not tok.is_stop


def _starts_sentence(tok: Any) -> bool:
    """First word of a sentence or paragraph (where any word is capitalised)."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    before = tok.doc[tok.i - 1]
    return (before.is_space and "\n" in before.text) or (
        before.is_quote and (before.i == 0 or before.doc[before.i - 1].is_sent_start)
    )


def _acceptable(tokens: list[Any], text: str, label: str | None) -> bool:
    rules = span_rules()
    if not tokens or not any(ch.isupper() for ch in text):
        return False
    if not any(ch.isalpha() for ch in text):
        return False
    if all(t.lower_ in rules.common_words or t.like_num or t.is_punct for t in tokens):
        return False  # "Jun 16", "Monday"
    if label == "PERSON" and any(ch.isdigit() for ch in text):
        return False
    if len(tokens) == 1:
        tok = tokens[0]
        if tok.lower_ in rules.titles or tok.lower_ in rules.leading_words:
            return False
        if tok.is_stop and not tok.text.isupper():
            return False
        # A capitalised common noun or verb at the start of a sentence ("Volunteer",
        # "Video"): names are proper nouns; nationalities and groups (NORP) are adjectives.

    return not all(t.lower_ in rules.titles or t.is_punct for t in tokens)


def _lower_words(doc: Any) -> set[str]:
    """Words (and their lemmas) written in lower case somewhere in the text, built once."""
    words = doc.user_data.get("gloss.lower_words")
    if words is None:
        words = doc.user_data["gloss.lower_words"] = {
            w for t in doc if t.is_lower for w in (t.text, t.lemma_)
        }
    return words


def _after_title(doc: Any, tokens: list[Any]) -> bool:
    """True for a name right after a capitalised title outside the span ("Chancellor" +
    "Olaf Scholz" tagged ORG): a person, if the name has no institution's head noun."""
    first = tokens[0]
    if first.i == 0 or len(tokens) > 3:
        return False
    before = doc[first.i - 1]
    last_word, before_particle = head_nouns()
    return (
        before.is_title
        and before.lower_ in span_rules().titles
        and all(t.tag_ == "NNP" for t in tokens)
        and head_noun_label(tuple(t.text for t in tokens)) is None
        and tokens[-1].lower_ not in last_word  # "Prime Minister Office"
        and tokens[-1].lower_ not in before_particle
    )


def _person_apposition(tokens: list[Any]) -> bool:
    """True if a person noun stands in apposition to the name ("Yang Jin, an expert")."""
    nouns = span_rules().person_nouns
    token_ids = {t.i for t in tokens}
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "appos" and child.i not in token_ids and child.lemma_.lower() in nouns:
                return True
        if tok.dep_ == "appos" and tok.head.i not in token_ids and tok.head.lemma_.lower() in nouns:
            return True
    return False


def candidate_from_tokens(
    doc: Any, tokens: list[Any], label: str | None, bylines: list[tuple[int, int]]
) -> Candidate | None:
    tokens = _strip_edges(tokens)
    titled = False
    if tokens and tokens[0].lower_ in span_rules().titles:
        tokens, titled = _strip_titles(tokens)
        tokens = _strip_edges(tokens)
    tokens = _extend_hyphenated(doc, tokens)
    if label == "PERSON":
        tokens = _extend_given_name(doc, tokens)
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(doc)[start:end]
    if not _acceptable(tokens, text, label):
        return None
    in_byline = any(b0 <= start and end <= b1 for b0, b1 in bylines)
    evidence = titled or _person_apposition(tokens) or _after_title(doc, tokens)
    # A capitalised common noun or verb at the start of a sentence ("Volunteer", "Video") is
    # no name on its own; it may still be a known name's short form ("Rathke" tagged NNS).
    weak = len(tokens) == 1 and label != "NORP" and not _proper_noun(tokens[0])
    # "Volunteer organization ..." at a sentence start, when "volunteer" is also written in
    # lower case in this text: a common word, unless it is a known name's short form.
    if len(tokens) == 1 and _starts_sentence(tokens[0]) and tokens[0].is_title:
        weak = weak or tokens[0].lower_ in _lower_words(doc)
    return Candidate(
        start, end, text, label, tuple(t.text for t in tokens), in_byline, evidence, weak=weak
    )


def _model_spans(doc: Any) -> list[tuple[list[Any], str]]:
    """The NER's name spans as token lists, with neighbours split by the model joined again.

    Two one-word spans separated by one space ("Valeska" + "Paris") are one name.
    """
    spans: list[tuple[list[Any], str]] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        tokens = list(ent)
        if spans:
            prev_tokens, prev_label = spans[-1]
            prev = prev_tokens[-1]
            if (
                len(prev_tokens) == 1
                and len(tokens) == 1
                and prev.i + 1 == tokens[0].i
                and prev.whitespace_ == " "
                and prev.tag_ == "NNP"
                and tokens[0].tag_ == "NNP"
            ):
                spans[-1] = ([*prev_tokens, *tokens], prev_label)
                continue
            if _of_x_and_y(doc, prev_tokens, tokens):
                between = list(doc[prev.i + 1 : tokens[0].i])
                spans[-1] = ([*prev_tokens, *between, *tokens], prev_label)
                continue
        spans.append((tokens, ent.label_))
    return spans


def _of_x_and_y(doc: Any, first: list[Any], second: list[Any]) -> bool:
    """ "Rosenstiel School of Marine" + "and" + "Atmospheric Science": one name the model cut
    at "and" ("Department of Health and Human Services"). The first part ends in "of X"; the
    second, right after "and", is capitalised but not a person's name (not all proper
    nouns: "Atmospheric" is an adjective)."""
    if len(first) < 3 or first[-1].i + 2 != second[0].i:
        return False
    if doc[first[-1].i + 1].lower_ != "and" or not any(t.lower_ == "of" for t in first[-3:]):
        return False
    if first[0].ent_type_ == "PERSON":
        return False
    if not all(t.is_title or t.lower_ in span_rules().name_particles for t in second):
        return False
    # Coordinated with the object of "of" (not with the whole name: "the University of Miami
    # and Chris Fallows"), or plainly no person's name (an adjective: "Human Services").
    of_index = max(i for i, t in enumerate(first) if t.lower_ == "of")
    of_objects = {t.i for t in first[of_index + 1 :]}
    root = second[-1]
    coordinated = root.dep_ == "conj" and root.head.i in of_objects
    return coordinated or any(t.tag_ not in ("NNP", "NNPS") for t in second)


def candidate_spans(doc: Any) -> list[Candidate]:
    """The model's name spans, cleaned; "Name (ACR)" gives two linked candidates."""
    bylines = _byline_ranges(doc_text(doc))
    out: list[Candidate] = []
    for tokens, label in _model_spans(doc):
        for piece in _split_pieces(tokens):
            c = candidate_from_tokens(doc, piece, label, bylines)
            if c is not None:
                out.append(c)
    # The same character range can come out twice (split pieces): keep one.
    unique = {(c.start, c.end): c for c in out}
    return sorted(unique.values(), key=lambda c: c.start)


_DECLARED = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_NAME_WORD = re.compile(r"[A-Z][\w'’.&-]*|of|and|for|the|on|in|de|du|la|des|&")


def declared_acronyms(
    doc: Any, bylines: list[tuple[int, int]]
) -> list[tuple[Candidate, Candidate]]:
    """Acronyms declared in the text: "Shanghai Cooperation Organization (SCO)".

    Returns (expansion, acronym) candidate pairs; the expansion is the shortest run of
    capitalised words before the parenthesis whose initials contain the acronym's letters in
    order, starting with its first letter.
    """
    text = doc_text(doc)
    pairs: list[tuple[Candidate, Candidate]] = []
    for m in _DECLARED.finditer(text):
        acronym = m.group(1)
        letters = [ch for ch in acronym if ch.isupper()]
        if len(letters) < 2 or not acronym[0].isupper():
            continue
        before = text[max(0, m.start() - 150) : m.start()]
        words = list(re.finditer(r"\S+", before))[-12:]
        if not words:
            continue
        expansion_start = None
        for k in range(len(words) - 1, -1, -1):
            run = [w.group(0) for w in words[k:]]
            if not all(_NAME_WORD.fullmatch(w.strip(",;:")) for w in run):
                break
            if not run[0][0].isupper():
                continue
            if _initials_cover(letters, run):
                expansion_start = k
                break
        if expansion_start is None:
            continue
        offset = max(0, m.start() - 150)
        s = offset + words[expansion_start].start()
        e = offset + words[-1].end()
        span = doc.char_span(s, e, alignment_mode="contract")
        acr_span = doc.char_span(m.start(1), m.end(1), alignment_mode="contract")
        if span is None or acr_span is None or len(span) == 0 or len(acr_span) == 0:
            continue
        expansion = Candidate(
            span.start_char, span.end_char, span.text, None, tuple(t.text for t in span)
        )
        short = Candidate(
            acr_span.start_char, acr_span.end_char, acr_span.text, None, (acr_span.text,)
        )
        pairs.append((expansion, short))
    return pairs


def _initials_cover(letters: list[str], words: list[str]) -> bool:
    """True if the acronym's letters appear in order among the words' initials (and in
    capitals inside them, for "BoE"/"PhD"-like names), starting with the first word."""
    particles = span_rules().name_particles
    initials = [w[0].upper() for w in words if w.lower() not in particles and w[0].isalpha()]
    if not initials or initials[0] != letters[0]:
        return False
    i = 0
    for ch in initials:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters) and len(initials) <= len(letters) + 2


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
        full_mentions = [m for m in g.members if len(m.tokens) > 1] or g.members
        all_byline = all(m.in_byline for m in full_mentions)
        before = [m.start for m in full_mentions if m.start < c.start]
        if before:
            return (int(all_byline), 0, c.start - max(before))
        after = min((m.start for m in full_mentions), default=c.start)
        return (int(all_byline), 1, after - c.start)

    return min(groups, key=rank)


def group_candidates(doc: Any, candidates: list[Candidate]) -> list[Group]:
    """One group per thing: same name, surname to full name, acronym to expansion."""
    bylines = _byline_ranges(doc_text(doc))
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
            if len(g.full.tokens) > 1 and c.text in g.name_words() and g.label() == "PERSON"
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
            heads[head] = True
        for form in forms:
            if len(form) >= 2 and any(ch.isupper() for ch in form):
                owners_of.setdefault(form, []).append(g)
    if not owners_of:
        return
    bylines = _byline_ranges(text)
    lower_words = _lower_words(doc)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(owners_of, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for m in pattern.finditer(text):
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
            and not _proper_noun(tokens[0])
            and (not tokens[0].is_title or tokens[0].lower_ in lower_words)
        ):
            continue
        if heads.get(m.group(0)) and doc_text(doc)[max(0, s - 4) : s].lower() != "the ":
            continue  # "Church" stands for "Church of Scientology" only as "the Church"
        in_byline = any(b0 <= s and e <= b1 for b0, b1 in bylines)
        found = Candidate(s, e, m.group(0), None, tuple(t.text for t in tokens), in_byline)
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
