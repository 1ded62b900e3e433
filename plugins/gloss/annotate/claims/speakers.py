"""Who a claim's speaker is: a named entity, a pronoun, an unnamed source, or unknown.

``classify_source`` looks at the head token of the speaker noun phrase (the subject of the
cue verb, the object of "according to") and the article's entities. Pronouns are left
unresolved here; ``PronounResolver`` resolves them afterwards, in text order, because the
best antecedent is usually the speaker of the claim just before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from gloss.annotate.names import gazetteer, gazetteer_key, name_key, span_rules

from .lexicon import Lexicon

# A person pronoun and the gender it tells (none for "this person", which refers back to
# someone just mentioned as "he" or "she" would).
PERSON_PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f", "this person": None}
PLURAL_PRONOUNS = frozenset({"they"})
THING_PRONOUNS = frozenset({"it"})
FIRST_PERSON = frozenset({"i", "we"})
ALL_PRONOUNS = frozenset(PERSON_PRONOUNS) | PLURAL_PRONOUNS | THING_PRONOUNS | FIRST_PERSON

# Labels of entities that can speak for themselves (organisations, states, outlets, people).
SPEAKING_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})
COLLECTIVE_LABELS = frozenset({"ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC"})

HONORIFIC_GENDER = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f"}
HONORIFIC_GENDER.update({"miss": "f", "sir": "m", "madam": "f", "lady": "f", "lord": "m"})


@dataclass(frozen=True)
class Source:
    """A speaker as the schema has it, plus what pronoun resolution needs."""

    kind: str  # named | pronoun | vague | unknown
    name: str | None
    entity: str | None
    start: int | None
    end: int | None
    text: str | None
    label: str | None = None  # entity label, when linked
    pronoun: str | None = None  # the pronoun, lower case, while unresolved
    singular: bool = False  # a vague source written in the singular ("the agency")
    person: bool = False  # a vague source that is a person ("a spokeswoman")

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "entity": self.entity,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


UNKNOWN = Source("unknown", None, None, None, None, None)


class EntityIndex:
    """Entity mentions sorted by position, for "which entity is named here" questions."""

    def __init__(self, entities: list[Any], text: str):
        # The text is kept because ``Doc.text`` is rebuilt from the tokens at every access.
        self.text = text
        self.mentions: list[tuple[int, int, Any]] = sorted(
            (m.start, m.end, e) for e in entities for m in e.mentions
        )
        self._starts = [m[0] for m in self.mentions]
        self.gender: dict[str, str] = {}

    def at(self, start: int, end: int) -> tuple[int, int, Any] | None:
        """The mention overlapping [start, end), the longest if several."""
        hi = bisect.bisect_left(self._starts, end)
        best = None
        for i in range(max(0, hi - 20), hi):
            m_start, m_end, entity = self.mentions[i]
            longer = best is None or (m_end - m_start) > (best[1] - best[0])
            if m_start < end and m_end > start and longer:
                best = self.mentions[i]
        return best

    def before(self, offset: int, lowest: int = 0) -> list[tuple[int, int, Any]]:
        """Mentions ending at or before ``offset`` and starting at or after ``lowest``, nearest first."""
        hi = bisect.bisect_left(self._starts, offset)
        lo = bisect.bisect_left(self._starts, lowest)
        return [m for m in reversed(self.mentions[lo:hi]) if m[1] <= offset]

    def learn_gender(self, given_names: dict[str, str]) -> None:
        """Genders from honorifics just before a mention ("Mr Key", "Ms. Salem"), else from
        a common given name at the start of the entity's name."""
        text = self.text
        for start, _end, entity in self.mentions:
            if entity.label != "PERSON":
                continue
            word = text[max(0, start - 6) : start].split()
            if word and word[-1].lower() in HONORIFIC_GENDER:
                self.gender.setdefault(entity.id, HONORIFIC_GENDER[word[-1].lower()])
        for _start, _end, entity in self.mentions:
            first = entity.name.split()[0].lower() if entity.name.split() else ""
            if entity.label == "PERSON" and first in given_names:
                self.gender.setdefault(entity.id, given_names[first])


def _token_span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _named(mention: tuple[int, int, Any], text: str) -> Source:
    start, end, entity = mention
    return Source("named", entity.name, entity.id, start, end, text[start:end], entity.label)


def classify_source(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source:
    """The speaker named by the noun phrase whose head token is ``head``.

    The rules below are tried in order; the first that recognises the phrase decides.
    """
    if head is None:
        return UNKNOWN
    if head.dep_ == "appos" and head.lower_ in span_rules().post_nominals:
        head = head.head  # "Tom Roe, SC, said": the honour stands for the name before it
    for rule in _SOURCE_RULES:
        source = rule(head, index, lexicon)
        if source is not None:
            return source
    start, end = _token_span(head)
    return Source("unknown", None, None, start, end, head.text)


def _pronoun(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "he", "they": left unresolved here (see PronounResolver)."""
    if head.lower_ in ALL_PRONOUNS and head.pos_ == "PRON":
        start, end = _token_span(head)
        return Source("pronoun", None, None, start, end, head.text, pronoun=head.lower_)
    return None


def _mentioned_name(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """The head lies in a mention of an entity that can speak."""
    mention = index.at(*_token_span(head))
    if mention and mention[2].label == "NORP":
        # "a Republican, Mark Amodei, said": the person in apposition, not the party word
        person = _apposition(head, index, lexicon)
        if person is not None and person.label == "PERSON":
            return person
    if mention and mention[2].label == "GPE":
        # "CNN Philippines reported": an organisation's edition for a country speaks
        outlet = index.at(*_token_span(head.doc[head.i - 1])) if head.i > 0 else None
        glued = head.i > 0 and head.doc[head.i - 1].dep_ == "compound"
        if glued and outlet and outlet[2].label == "ORG" and outlet[1] < mention[0]:
            start, end = outlet[0], mention[1]
            name = index.text[start:end]
            return Source("named", name, None, start, end, name, "ORG")
    if mention and mention[2].label in SPEAKING_LABELS:
        return _named(mention, index.text)
    return None


def _person_titled_after_organisation(
    head: Any, index: EntityIndex, lexicon: Lexicon
) -> Source | None:
    """ "African Export–Import Bank president Okey Oramah said": the parser may make the
    organisation the subject and the person its apposition; with only a title between the
    two (no comma), the phrase names the person, the organisation is where they work."""
    mention = index.at(*_token_span(head))
    if mention is None or mention[2].label == "PERSON":
        return None
    for child in head.children:
        if child.dep_ != "appos":
            continue
        person = index.at(*_token_span(child))
        if person is None or person[2].label != "PERSON" or person[0] < mention[1]:
            continue
        gap = index.text[mention[1] : person[0]].split()
        if gap and gap[-1].lower() in lexicon.titles and all(w.islower() for w in gap):
            return _named(person, index.text)
    return None


def _surname(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """A name the entity stage did not mark here: the surname of a person named earlier
    ("Memon said" after "Sehar Memon")."""
    if head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper():
        return _entity_by_surname(head, index)
    return None


def _apposition(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "the spokesman, Jeff Rathke" / "Co-founder of Google, Sergey Brin"."""
    for child in head.children:
        if child.dep_ == "appos":
            mention = index.at(*_token_span(child))
            if mention and mention[2].label in SPEAKING_LABELS:
                return _named(mention, index.text)
            if mention is None and child.pos_ == "PROPN" and child.text[:1].isupper():
                # "Waseem's mother, Anwar, said" with no entity for the name: still the name.
                return _entity_by_surname(child, index) or _unlinked_name(child)
    return None


def _owner_of_output(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "PC World's analysis concluded", "a statement from the ministry said", "the report,
    published by the WHO, said": the owner of a written output speaks."""
    if head.lemma_.lower() not in lexicon.outputs and head.lower_ not in lexicon.outputs:
        return None
    for child in head.children:
        owner = None
        if child.dep_ == "poss":
            owner = child
        elif child.dep_ == "prep" and child.lower_ in ("of", "by", "from"):
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl":
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            if agent is not None:
                owner = next((c for c in agent.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "compound" and child.i == head.i - 1:
            # "Johns Hopkins University data indicated": an organisation named right before
            # the output noun owns it.
            mention = index.at(*_token_span(child))
            if mention and mention[2].label == "ORG":
                return _named(mention, index.text)
        if owner is None:
            continue
        mention = index.at(*_token_span(owner))
        if mention and mention[2].label in SPEAKING_LABELS:
            return _named(mention, index.text)
        if child.dep_ == "poss" and owner.pos_ == "PROPN" and not owner.ent_type_:
            return _entity_by_surname(owner, index) or _unlinked_name(owner)
        if child.dep_ == "poss" and owner.lower_ in ("its", "their"):
            # "its website notes", "their statement read": the organisation (or state)
            # named last before, as for "the company".
            return _referred_organisation(head, index, plural=owner.lower_ == "their")
        if (
            owner.pos_ in ("NOUN", "PROPN")
            and owner.lemma_.lower() not in lexicon.outputs
            and owner.ent_type_ not in ("DATE", "TIME")  # "Friday's post"
        ):
            # "the commission's statement said" after "the Harbour Commission": the
            # organisation the owner refers to, rather than the vague "statements". An
            # unnamed owner ("the authors' posts") leaves the output noun as the source, and
            # so does a state ("a report from the Mexican government": its report).
            source = classify_source(owner, index, lexicon)
            if source.kind == "named" and source.label == "ORG":
                return source
    if head.dep_ == "dobj":
        # "Facebook released a statement which read ...": who issued the output speaks.
        issuer = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None and issuer.pos_ == "PROPN":
            source = classify_source(issuer, index, lexicon)
            if source.kind == "named":
                return source
    return None


def _referred_organisation(head: Any, index: EntityIndex, plural: bool = False) -> Source | None:
    labels = COLLECTIVE_LABELS - {"NORP", "PRODUCT", "WORK_OF_ART", "FAC"} if plural else {"ORG"}
    for _m_start, m_end, entity in index.before(head.idx, max(0, head.idx - ANAPHOR_REACH)):
        if entity.label in labels and m_end <= head.idx:
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


def _name_after_title(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """A title before a name: "Executive director of the Dallas chapter ... Alia Salem",
    "Afghan Ambassador to the United States Hamdullah Mohib": the person ending the phrase."""
    if head.pos_ not in ("NOUN", "PROPN", "ADJ"):  # ADJ: a title tagged as one ("academic")
        return None
    # The phrase without relative parts, nor, after a name, another name coordinated with
    # it ("Xi Jinping and Vladimir Putin"); a title may be coordinated ("American academic
    # and professor Marc Lamont Hill").
    skipped = {"relcl", "acl", "punct"} | ({"conj", "cc"} if head.pos_ == "PROPN" else set())
    last = head
    for child in head.rights:
        if child.dep_ not in skipped:
            last = child.right_edge
    phrase_end = last.idx + len(last.text)
    for m_start, m_end, entity in index.before(phrase_end + 1, head.left_edge.idx):
        if entity.label == "PERSON" and m_end >= phrase_end - 1:
            return _named((m_start, m_end, entity), index.text)
    return None


def _subject_split_by_parse(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "said study co-author Jane Roe": the parser may cut the phrase into two subjects of
    one verb ("co" and "Roe"); a person who is a second subject right after ``head``, with
    only nouns and hyphens between, is the speaker."""
    if head.dep_ != "nsubj" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    for sibling in head.head.children:
        if sibling.dep_ != "nsubj" or not head.i < sibling.i <= head.i + 6:
            continue
        between = head.doc[head.i + 1 : sibling.i]
        if not all(t.pos_ in ("NOUN", "PROPN", "PUNCT") and t.text != "," for t in between):
            continue
        mention = index.at(*_token_span(sibling))
        if mention and mention[2].label == "PERSON":
            return _named(mention, index.text)
    return None


def _described_person(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "The Wooster professor added", "the scientist told": a definite description of one
    person by a title or person noun that is neither an unnamed-source noun (*the
    spokesman*: someone else) nor an office (*the minister* is only the person named with
    that title: ``_title_anaphor``) refers back like "he"/"she" (without a gender) to
    someone just named."""
    lemma = head.lemma_.lower()
    rules = span_rules()
    if head.tag_ != "NN" or lemma in lexicon.vague or lemma in lexicon.titles:
        return None
    if lemma not in rules.person_nouns and lemma not in rules.titles:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    if any(
        c.dep_ in ("compound", "appos", "flat") and c.pos_ == "PROPN" and c.i > head.i
        for c in head.children
    ):
        return None  # "the professor, Jane Roe,": the name is given
    start, end = head.left_edge.idx, head.idx + len(head.text)
    return Source("pronoun", None, None, start, end, index.text[start:end], pronoun="this person")


def _unmarked_name(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """A proper name with no entity (*The Deseret News observed*): named, unlinked."""
    rules = span_rules()
    bare = not any(c.pos_ == "PROPN" for c in head.children)
    if bare and (head.lower_ in rules.titles or head.lower_ in rules.post_nominals):
        return None  # "One MP told the BBC": a title alone is no name
    if head.pos_ == "PROPN" and head.text[:1].isupper() and not _title_before_name(head):
        return _unlinked_name(head)
    return None


def _bare_capitalised_noun(token: Any, lexicon: Lexicon) -> bool:
    """True for a common-noun token that may be a name the tagger missed: capitalised (not
    an acronym), with no determiner or possessive ("the Army"), and no unnamed-source noun,
    title or group word ("Officials", "Minister", "Council")."""
    if token.pos_ != "NOUN" or not token.text[:1].isupper() or token.text.isupper():
        return False
    lemma, lower = token.lemma_.lower(), token.lower_
    rules = span_rules()
    if lemma in lexicon.vague or lower in lexicon.vague or lemma in lexicon.titles:
        return False
    if lower in rules.titles or lemma in rules.person_nouns or lemma in unlisted_nouns().groups:
        return False
    return not any(c.dep_ in ("det", "poss") for c in token.children)


def _name_tagged_as_noun(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "Airfleets, a database detailing aircraft, states C": a name the tagger took for a
    common noun, recognised by the description in apposition after it. The word must be
    capitalised, bare (no determiner: "the Army, a force of ..." is a description) and no
    unnamed-source noun or title ("Officials, a group of ..."); at the start of a sentence
    the capital proves nothing, so the description must follow right after its comma."""
    if not _bare_capitalised_noun(head, lexicon):
        return None
    description = next(
        (
            c
            for c in head.children
            if c.dep_ == "appos"
            and c.pos_ == "NOUN"
            and c.i > head.i + 1
            and head.doc[head.i + 1].text == ","
            and any(d.dep_ == "det" and d.lower_ in ("a", "an", "the") for d in c.children)
        ),
        None,
    )
    return None if description is None else _unlinked_name(head)


def _description(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "the Church" naming an entity seen earlier; "the company" referring back to one."""
    described = _described_entity(head, index)
    if described is None and head.lemma_.lower() in lexicon.anaphors:
        described = _referred_entity(head, index, lexicon.anaphors[head.lemma_.lower()])
    if described is None and head.lemma_.lower() in ("website", "site"):
        described = _referred_website(head, index)
    return described


# An entity whose name is a web address ("Znak.com", "oe24.at").
WEB_ADDRESS = re.compile(r"\w\.[a-z]{2,4}$")


def _referred_website(head: Any, index: EntityIndex) -> Source | None:
    """ "The website further reported" after "Znak.com reported": the web address named
    last before."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    for _m_start, m_end, entity in index.before(head.idx, max(0, head.idx - ANAPHOR_REACH)):
        if m_end <= head.idx and WEB_ADDRESS.search(entity.name):
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


def _named_example(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "sites such as Gawker.com have stated", "groups including Amnesty said": the named
    example speaks (the development gold's convention)."""
    for child in head.children:
        such_as = child.lower_ == "as" and any(c.lower_ == "such" for c in child.children)
        example = None
        if child.dep_ == "prep" and (such_as or child.lower_ == "including"):
            example = next((c for c in child.children if c.dep_ == "pobj"), None)
        if example is not None:
            mention = index.at(*_token_span(example))
            if mention and mention[2].label in SPEAKING_LABELS:
                return _named(mention, index.text)
    return None


# Words that pick some members out of a group named after "of" ("one of the children said",
# "some of the residents told reporters"): the group is the source.
PARTITIVE_HEADS = frozenset(
    ("one", "two", "three", "some", "many", "most", "several", "few", "all", "each")
)


def _member_of_group(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "One of the children said": the group after "of", when it is an unnamed source."""
    if head.lower_ not in PARTITIVE_HEADS:
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    group = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if group is None:
        return None
    if group.lower_ == "them":
        # "One of them said": one of a group just mentioned, resolved like "they".
        start, end = head.idx, group.idx + len(group.text)
        return Source("pronoun", None, None, start, end, index.text[start:end], pronoun="they")
    source = _vague_source(group, index, lexicon)
    if source is None:
        return None
    start, end = _token_span(head)
    return replace(
        source,
        start=start,
        end=max(end, source.end),
        text=index.text[start : max(end, source.end)],
        singular=head.lower_ == "one" or head.lower_ == "each",
    )


def _vague_source(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """An unnamed source from sources.yml: "experts", "Scientology officials", "a poster"."""
    lemma, lower = head.lemma_.lower(), head.lower_
    left = [c for c in head.children if c.dep_ in ("compound", "amod") and c.i == head.i - 1]
    modifier = left[0].lower_ if left else ""
    name = lexicon.vague_name(modifier, lower, lemma)
    if name is None:
        return None
    start, end = _token_span(head)
    if left and f"{modifier} {lemma}" in lexicon.vague:
        start = left[0].idx
    return Source(
        "vague",
        name,
        None,
        start,
        end,
        index.text[start:end],
        singular=head.tag_ in ("NN", "NNP"),
        person=lemma not in lexicon.not_people and lower not in lexicon.not_people,
    )


@dataclass(frozen=True)
class UnlistedNouns:
    """``unlisted`` in ``data/claims/sources.yml``: how to recognise an unnamed source whose
    noun is not in ``vague`` ("his roommates", "the army", "one shopkeeper")."""

    person_endings: tuple[str, ...]
    groups: frozenset[str]
    not_sources: frozenset[str]


@lru_cache(maxsize=1)
def unlisted_nouns() -> UnlistedNouns:
    text = resources.files("gloss").joinpath("data/claims/sources.yml").read_text("utf-8")
    data = (yaml.safe_load(text) or {}).get("unlisted") or {}

    def words(key: str) -> list[str]:
        return [str(w).lower() for w in data.get(key) or []]

    return UnlistedNouns(
        tuple(words("person_endings")), frozenset(words("groups")), frozenset(words("not_sources"))
    )


def _plural(noun: str) -> str:
    """The regular English plural ("shopkeeper" -> "shopkeepers", "deputy" -> "deputies")."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    if noun.endswith("man"):
        return noun[:-3] + "men"
    return noun + "s"


def _unlisted_source(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """An unnamed source whose noun ``vague`` does not list: a noun for people by its ending
    ("his roommates said", "one shopkeeper said": -er, -ist, -mate ...) or a group or
    institution ("the army said"). Its name is the plural, lower case; a group written in the
    singular with "the" keeps the singular ("army"), as one institution speaks."""
    if head.pos_ != "NOUN" or not head.is_alpha:
        return None
    lemma, lower = head.lemma_.lower(), head.lower_
    nouns = unlisted_nouns()
    if lemma in nouns.not_sources or lemma in lexicon.outputs or lower in nouns.not_sources:
        return None
    if lemma in lexicon.titles:
        return None  # "the minister said" with no minister named stays unresolved
    group = lemma in nouns.groups
    if not group and not (lemma.endswith(nouns.person_endings) and len(lemma) > 4):
        return None
    plural = head.tag_ == "NNS"
    if plural:
        name = lower
    elif group and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        name = lemma
    else:
        name = _plural(lemma)
    start, end = _token_span(head)
    return Source(
        "vague",
        name,
        None,
        start,
        end,
        head.text,
        singular=not plural,
        # never "he"/"she": a noun guessed from its ending ("the broadcaster CBS") is too
        # weak a sign of one person
        person=False,
    )


def _demonstrative_person(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "this person also said", "that individual told the court": someone just mentioned,
    resolved like "he"/"she" (without a gender)."""
    if head.lemma_.lower() not in ("person", "individual"):
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in head.children):
        return None
    _start, end = _token_span(head)
    det = next(c for c in head.children if c.dep_ == "det")
    text = index.text[det.idx : end]
    return Source("pronoun", None, None, det.idx, end, text, pronoun="this person")


def _title_anaphor(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "the minister said", "The President insists": the person named last before with that
    title beside the name (within a few words), when there is one."""
    word = head.lower_
    if word not in lexicon.titles or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.children
    ):
        return None
    if any(c.dep_ in ("compound", "appos", "flat") and c.pos_ == "PROPN" for c in head.children):
        return None  # "the minister, Jane Doe," / "the President Joe Biden": a name is given
    text = index.text
    for m_start, m_end, entity in index.before(head.idx, max(0, head.idx - 2 * ANAPHOR_REACH)):
        if entity.label != "PERSON" or m_end > head.idx:
            continue
        # The title is the name's own: right before it ("trade commissioner Albert
        # Muchanga", "the minister, Jane Doe") or in an apposition right after it ("Gáspár
        # Maróth, the Hungarian Government commissioner"). A title merely nearby belongs to
        # someone else ("commissioner Albert Muchanga announced Benin ..." is not Benin's).
        before = text[max(0, m_start - TITLE_REACH) : m_start].lower()
        after = text[m_end : min(m_end + TITLE_REACH, head.idx)].lower()
        title = "|".join(re.escape(t) for t in (word, *sorted(lexicon.same_titles.get(word, ()))))
        title = f"(?:{title})"
        if re.search(rf"\b{title}[\s,]*$", before) or re.match(
            rf",\s+(?:the|a|an)?\b[^,.;!?]*?\b{title}\b", after
        ):
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


# How far (in characters) from a name its title may stand ("Gáspár Maróth, the Hungarian
# Government commissioner"; "Emergencies Minister Yevgeny Zinichev").
TITLE_REACH = 45


def _state_government(head: Any, index: EntityIndex, lexicon: Lexicon) -> Source | None:
    """ "the United States government claims", "the government of American Samoa said": the
    state speaks (named), rather than the unnamed source "governments"."""
    if head.lemma_.lower() not in ("government", "administration"):
        return None
    for child in head.children:
        named = None
        if child.dep_ in ("compound", "amod", "poss"):
            named = child
        elif child.dep_ == "prep" and child.lower_ == "of":
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
        mention = index.at(*_token_span(named)) if named is not None else None
        if mention and mention[2].label == "GPE":
            return _named(mention, index.text)
        if mention and mention[2].label == "NORP":
            # "the Saudi government said": the state of that nationality named in the text
            state = _state_of_nationality(mention[2].name, head, index)
            if state is not None:
                return state
    return None


def _state_of_nationality(nationality: str, head: Any, index: EntityIndex) -> Source | None:
    """The state named in the text whose name the nationality word begins ("Saudi" ->
    "Saudi Arabia", "Thai" -> "Thailand") or is formed from ("Iranian" -> "Iran",
    "Israeli" -> "Israel", "Chinese" -> "China")."""
    word = nationality.lower()
    for _m_start, _m_end, entity in index.mentions:
        if entity.label != "GPE":
            continue
        name = entity.name.lower()
        stem = name[:-1] if name[-1:] in ("a", "e", "o", "y") else name
        if name.startswith(word) or (len(stem) >= 4 and word.startswith(stem)):
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


_SOURCE_RULES = (
    _pronoun,
    _demonstrative_person,
    _title_anaphor,
    _state_government,
    _person_titled_after_organisation,
    _mentioned_name,
    _surname,
    _apposition,
    _owner_of_output,
    _name_after_title,
    _subject_split_by_parse,
    _unmarked_name,
    _name_tagged_as_noun,
    _description,
    _described_person,
    _named_example,
    _member_of_group,
    _vague_source,
    _unlisted_source,
)


def _entity_by_surname(head: Any, index: EntityIndex) -> Source | None:
    word = name_key(head.text)  # "Erdogan" is the surname of "Recep Tayyip Erdoğan"
    for _m_start, _m_end, entity in index.before(head.idx):
        if entity.label == "PERSON" and word in [name_key(w) for w in entity.name.split()[1:]]:
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


def _title_before_name(head: Any) -> bool:
    """ "Prime Minister, Najib Razak": a capitalised title with a name in apposition (not a
    name with a description in apposition: "Jasim Uddin, a spokesperson for ...")."""
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in head.children)


def _unlinked_name(head: Any) -> Source:
    """A proper name with no entity: the run of capitalised proper nouns ending at the head
    ("Defence barrister Tom Molomby" -> "Tom Molomby"; "The Deseret News" -> "Deseret News")."""
    first = head
    titles = span_rules().titles | span_rules().title_modifiers
    while (
        first.i > 0
        and first.doc[first.i - 1].pos_ == "PROPN"
        and first.doc[first.i - 1].head.i in (head.i, first.i)
        and first.doc[first.i - 1].text[:1].isupper()
        and first.doc[first.i - 1].lower_ not in titles  # "Chief Superintendent Jane Roe"
    ):
        first = first.doc[first.i - 1]
    start, end = first.idx, head.idx + len(head.text)
    name = head.doc[first.i : head.i + 1].text
    if first is head:  # "Egeland later recanted" after "Jan Egeland", both untagged
        name = _earlier_full_name(head) or name
    known = gazetteer().get(gazetteer_key(name))  # "Fars News said", untagged by the model
    return Source("named", known.name if known else name, None, start, end, name)


def _earlier_full_name(head: Any) -> str | None:
    """For a lone name word with no entity ("Egeland later recanted"), the nearest earlier
    full name ending in the same word ("Jan Egeland"), or starting with it when the word is
    a given name used alone ("Ubolratana Mahidol"), or None."""
    titles = span_rules().titles | span_rules().title_modifiers
    doc = head.doc
    for tok in reversed(doc[max(0, head.i - 2000) : head.i]):
        if tok.i == 0 or name_key(tok.text) != name_key(head.text):
            continue
        first = tok
        while (
            first.i > 0
            and doc[first.i - 1].pos_ == "PROPN"
            and doc[first.i - 1].text[:1].isupper()
            and doc[first.i - 1].lower_ not in titles
            and doc[first.i - 1].whitespace_
        ):
            first = doc[first.i - 1]
        last = tok
        while (
            first is tok
            and last.i + 1 < len(doc)
            and doc[last.i + 1].pos_ == "PROPN"
            and doc[last.i + 1].text[:1].isupper()
            and last.head.i == last.i + 1
            and last.dep_ == "compound"
            and doc[last.i + 1].ent_type_ in ("", "PERSON")  # not "Facebook Ireland"
            and last.whitespace_
        ):
            last = doc[last.i + 1]  # a given name alone: "Ubolratana" after "Ubolratana Mahidol"
        if first is not tok or last is not tok:
            return doc[first.i : last.i + 1].text
    return None


# How far back (in characters) "the company" may refer to an organisation named earlier.
ANAPHOR_REACH = 1500


def _referred_entity(head: Any, index: EntityIndex, labels: frozenset[str]) -> Source | None:
    """ "the company said" after "Boeing ...": the nearest earlier entity with a fitting label."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        return None
    # An organisation that was the subject of a sentence ("The Aviation Herald reported
    # ... than Payam. The industry publication stated") before the nearest one named.
    fitting = [
        (m_start, m_end, entity)
        for m_start, m_end, entity in index.before(head.idx, max(0, head.idx - ANAPHOR_REACH))
        if entity.label in labels and m_end <= head.idx
    ]
    doc = head.doc
    for m_start, m_end, entity in fitting:
        span = doc.char_span(m_start, m_end, alignment_mode="expand")
        if (
            span is not None
            and span.root.dep_ in ("nsubj", "nsubjpass")
            and span.root.head.dep_ == "ROOT"
        ):
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    for _m_start, _m_end, entity in fitting[:1]:
        start, end = _token_span(head)
        return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


def _described_entity(head: Any, index: EntityIndex) -> Source | None:
    """ "the Church", "the Ministry": a definite description naming an entity seen earlier."""
    if not any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their") for c in head.children
    ):
        return None
    word = head.lower_
    for _m_start, _m_end, entity in index.before(head.idx):
        if entity.label in COLLECTIVE_LABELS and word in entity.name.lower().split():
            start, end = _token_span(head)
            return Source("named", entity.name, entity.id, start, end, head.text, entity.label)
    return None


class PronounResolver:
    """Resolves pronoun speakers to an earlier speaker or person, in text order.

    Preference, for "he"/"she": the speaker of a claim in the same or the previous sentence;
    the person who is subject of the previous sentence; the speaker of a recent claim (this
    or the previous two paragraphs); the nearest person named earlier in the paragraph,
    one who was a clause subject before one named as an object. A candidate of the other
    gender (known from "Mr"/"Ms" or an earlier he/she) is skipped. "they" and "it" take a
    group or organisation that is a subject earlier in their own sentence, else the latest
    suitable claim speaker (a group, an organisation, an unnamed source). Anything else
    stays ``unknown``.
    """

    def __init__(
        self,
        index: EntityIndex,
        lexicon: Lexicon,
        paragraph_of: Callable[[int], int],
        previous_sentences: Callable[[Any, int], list[Any]],
    ):
        self.index = index
        self.lexicon = lexicon
        self.paragraph_of = paragraph_of
        self.previous_sentences = previous_sentences
        self.history: list[tuple[int, Source]] = []  # (cue offset, resolved source)

    def remember(self, offset: int, source: Source) -> None:
        if source.kind in ("named", "pronoun", "vague") and source.name:
            self.history.append((offset, source))

    def resolve(self, source: Source, token: Any, since: int | None = None) -> Source:
        """Resolve the pronoun ``token``; ``since`` is where its claim starts when that is
        earlier (a quotation before "she said": look for the antecedent before the quote)."""
        if source.kind != "pronoun" or source.pronoun is None:
            return source
        reference = token
        if since is not None and since < token.idx:
            span = token.doc.char_span(since, since + 1, alignment_mode="expand")
            reference = span[0] if span is not None and len(span) else token
        found = None
        if source.pronoun in PLURAL_PRONOUNS or source.pronoun in THING_PRONOUNS:
            # "State prosecutors charged him with murder, they said" / "The firm will cut
            # 300 jobs, it said": a group or organisation that is the subject earlier in
            # the pronoun's own sentence (even inside the claim) is nearer than any earlier
            # speaker. Not for he/she: "Smith is innocent, he said" is usually someone else.
            own = self._subject_before(token)
            if own is not None and self._compatible(source.pronoun, own):
                found = own
        if found is None:
            found = self._antecedent(source.pronoun, reference)
        if found is None:
            return replace(UNKNOWN, start=source.start, end=source.end, text=source.text)
        gender = PERSON_PRONOUNS.get(source.pronoun)
        if gender is not None and found.entity:
            self.index.gender.setdefault(found.entity, gender)
        return replace(
            source, name=found.name, entity=found.entity, label=found.label, pronoun=None
        )

    def _compatible(self, pronoun: str, candidate: Source) -> bool:
        if pronoun in PERSON_PRONOUNS:
            if candidate.kind == "vague":  # "a spokeswoman said ... She added"
                return candidate.singular and candidate.person
            if candidate.label not in (None, "PERSON"):
                return False
            if candidate.label is None and candidate.entity is None:
                return False
            known = self.index.gender.get(candidate.entity or "")
            gender = PERSON_PRONOUNS[pronoun]
            return known is None or gender is None or known == gender
        if pronoun in PLURAL_PRONOUNS:
            return candidate.kind == "vague" or candidate.label in COLLECTIVE_LABELS
        if pronoun in THING_PRONOUNS:
            return candidate.label in COLLECTIVE_LABELS or (
                candidate.kind == "vague" and candidate.singular and not candidate.person
            )
        return False

    def _antecedent(self, pronoun: str, token: Any) -> Source | None:
        if pronoun in FIRST_PERSON:
            return None
        offset = token.idx
        paragraph = self.paragraph_of(offset)
        earlier = [
            sentence
            for sentence in self.previous_sentences(token, 3)
            if self.paragraph_of(sentence.start_char) >= paragraph - 1
        ]
        window_start = earlier[0].start_char if earlier else self._paragraph_start(token)
        recent = [
            (o, s)
            for o, s in reversed(self.history)
            if o < offset and self.paragraph_of(o) >= paragraph - 2
        ]
        # 1. the speaker of a claim in this sentence or the one before
        for o, candidate in recent:
            if o >= window_start and self._compatible(pronoun, candidate):
                return candidate
        # 2. a person who is the subject (or the subject's owner) earlier in the pronoun's
        # own sentence ("Jane Doe broke the news when she revealed ...", "Tom's sister
        # pleaded with him, but he replied ...")
        if pronoun in PERSON_PRONOUNS:
            own = self._own_sentence_person(pronoun, token)
            if own is not None:
                return own
        # 3. the subject of one of the sentences just before (or the person a copula
        # introduces: "One is Jane Doe, a student. She said ...")
        for sentence in earlier:
            for subject in self._sentence_subjects(sentence):
                if self._compatible(pronoun, subject):
                    return subject
        # 4. a recent speaker; 5. the nearest person named earlier in the paragraph
        for _o, candidate in recent:
            if self._compatible(pronoun, candidate):
                return candidate
        if pronoun in PERSON_PRONOUNS:
            # A person who was the subject of a clause is a likelier antecedent than one
            # named as an object or in a "by" phrase ("Spanton smoked ...; she was attacked
            # by Quirin ... She told the court" is Spanton): subjects first, then the rest,
            # nearest first in each group.
            named = []
            for m in self.index.before(offset, self._paragraph_start(token)):
                span = token.doc.char_span(m[0], m[1], alignment_mode="expand")
                if span is not None and span.root.dep_ == "compound":
                    continue  # "the Cruise video": a name used as a modifier is no antecedent
                candidate = _named(m, self.index.text)
                if self._compatible(pronoun, candidate):
                    subject = span is not None and span.root.dep_ in ("nsubj", "nsubjpass")
                    named.append((not subject, candidate))
            if named:
                return min(named, key=lambda pair: pair[0])[1]
        return None

    def _subject_before(self, token: Any) -> Source | None:
        """The nearest named or vague subject before ``token`` in its own sentence."""
        for word in reversed(token.doc[token.sent.start : token.i]):
            if word.dep_ in ("nsubj", "nsubjpass") and word.pos_ != "PRON":
                source = classify_source(word, self.index, self.lexicon)
                if source.kind in ("named", "vague"):
                    return source
        return None

    def _paragraph_start(self, token: Any) -> int:
        k = self.index.text.rfind("\n\n", 0, token.idx)
        return 0 if k < 0 else k + 2

    def _sentence_subjects(self, sentence: Any) -> list[Source]:
        """The named or unnamed subjects of the sentence's main verb and of its first other
        clause, main verb first, then the person a copula introduces ("One is Jane Doe")."""
        subjects = [t for t in sentence if t.dep_ in ("nsubj", "nsubjpass")]
        subjects.sort(key=lambda t: (t.head.dep_ != "ROOT", t.i))
        heads = subjects[:2] + [
            t for t in sentence if t.dep_ == "attr" and t.head.lemma_ == "be" and t.pos_ == "PROPN"
        ]
        found = []
        for head in heads:
            if self._inside_quote(head):
                continue  # "[The dispatcher] was trying ...": someone the quoted speaker names
            source = classify_source(head, self.index, self.lexicon)
            if source.kind in ("named", "vague"):
                found.append(source)
        return found

    def _inside_quote(self, token: Any) -> bool:
        """True when an odd number of quotation marks stands between the paragraph's start
        and ``token`` (curly marks: more opened than closed)."""
        before = self.index.text[self._paragraph_start(token) : token.idx]
        straight = before.count('"') % 2 == 1
        return straight or before.count("“") > before.count("”")

    def _own_sentence_person(self, pronoun: str, token: Any) -> Source | None:
        """A person named before ``token`` in its own sentence as a clause subject or as the
        owner of one. Objects do not count: in "Speaking to Jane Roe of PBS, he said" the
        person spoken to is not the speaker."""
        before = self.previous_sentences(token, 1)
        start = before[0].end if before else token.sent.start
        paragraph_start = self._paragraph_start(token)
        for word in reversed(token.doc[start : token.i]):
            if word.idx < paragraph_start:
                break
            subject = word.dep_ in ("nsubj", "nsubjpass")
            owner = word.dep_ == "poss" and word.head.dep_ in ("nsubj", "nsubjpass")
            if not (subject or owner) or word.pos_ == "PRON":
                continue
            mention = self.index.at(*_token_span(word))
            if mention is None or mention[2].label != "PERSON":
                continue
            candidate = _named(mention, self.index.text)
            if self._compatible(pronoun, candidate):
                return candidate
        return None
