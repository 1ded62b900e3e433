"""Step 1 of entity extraction: the model's name spans, cleaned into candidates.

No leading "the", no title, no trailing possessive, no unbalanced parenthesis, nothing
across a paragraph break, no bare punctuation or common word; "Name (ACR)" gives two
candidates; names the model cut ("Valeska" + "Paris", "Wong Yeung" of "Wong Yeung-tat",
"Department of Health" + "Human Services") are joined again. Word lists are data
(``plugins/gloss/data/entities/``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from gloss.annotate.model import NAME_LABELS
from gloss.annotate.names import (
    doc_text,
    head_noun_label,
    head_nouns,
    initials_cover,
    lower_case_words,
    name_key,
    nouns_before,
    span_rules,
)

# A byline: "By Jane Doe and John Roe" on its own short line or paragraph.
_BYLINE = re.compile(r"(?:^|\n)[ \t]*By\b[^\n]{0,200}", re.IGNORECASE)
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Za-z]?(?:[A-Z][a-z]?){1,5}$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# Words inside a name after which the model sometimes stops ("... Committee of the" + "CPC").
_JOINING_PARTICLES = frozenset({"of", "the", "for", "de", "du", "des", "von", "van", "der", "al"})


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
    kin: bool = False  # introduced as someone's relative ("his son X"): see entities
    class_label: str | None = None  # what a noun before it says it is ("the band X")

    @cached_property
    def key(self) -> str:
        return name_key(self.text)

    @property
    def is_single_word(self) -> bool:
        return len(self.tokens) == 1

    def looks_like_acronym(self) -> bool:
        return bool(_ACRONYM.match(self.text)) and sum(c.isupper() for c in self.text) >= 2


def byline_ranges(text: str) -> list[tuple[int, int]]:
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
        if (
            hyphen.text == "-"
            and _glued(last, hyphen)
            and _glued(hyphen, nxt)
            and nxt.is_alpha
            and nxt.tag_ not in ("VBN", "VBD", "JJ")  # "US-led", "Scientology-owned"
            and not (nxt.tag_ == "VBG" and nxt.lemma_ != nxt.lower_)  # "Oscar-winning"
        ):
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
        before.is_lower
        and before.lower_ in rules.name_particles
        and before.lower_ not in _JOINING_PARTICLES  # "of", "the": no part of a person's name
        and before.lower_ not in ("and", "in", "on", "y")
        and before.whitespace_ == " "
        and tokens[0].i >= 2
    ):
        # "Arnel dela Vega" tagged "Vega": the given name before a surname particle (also
        # at a sentence start: the particle says a name runs on)
        given = doc[before.i - 1]
        if (
            given.whitespace_ == " "
            and given.tag_ == "NNP"
            and given.is_title
            and given.ent_iob_ == "O"
            and given.lower_ not in rules.titles
            and given.lower_ not in rules.common_words
            and not given.is_stop
        ):
            return [given, before, *tokens]
        return tokens
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


def _extend_family_name(doc: Any, tokens: list[Any]) -> list[Any]:
    """Take in a family name the model left out ("Superintendent Graciano" + "Mijares"): the
    word right after the span is a capitalised proper noun outside any entity that the
    parse makes the head of the span's last word (one noun phrase), and no common word."""
    rules = span_rules()
    if not tokens or tokens[-1].i + 1 >= len(doc):
        return tokens
    last, after = tokens[-1], doc[tokens[-1].i + 1]
    if (
        last.whitespace_ == " "
        and last.head.i == after.i
        and last.dep_ == "compound"
        and after.tag_ in ("NNP", "NNPS")
        and after.is_title
        and after.is_alpha
        and after.ent_iob_ == "O"
        and after.lower_ not in rules.titles
        and after.lower_ not in rules.common_words
        and after.lower_ not in rules.post_nominals
        and not after.is_stop
    ):
        return [*tokens, after]
    return tokens


def _strip_hyphen_prefix(tokens: list[Any]) -> list[Any]:
    """Drop "pro-Beijing", "Pan-democrat", "ex-" ... glued before a name."""
    rules = span_rules()
    if len(tokens) >= 3 and tokens[0].lower_ in rules.hyphen_prefixes and tokens[1].text == "-":
        i = 2
        while i < len(tokens) and _glued(tokens[i - 1], tokens[i]):
            i += 1
        # "pro-Beijing" alone is an adjective, not a name.
        return tokens[i:]
    return tokens


def _plain_lower_word(tok: Any, at_start: bool) -> bool:
    """A lower-case word at a span's edge that is no part of a name: not a name particle
    ("de", "al"), not glued to the name inside the span ("Cheuk-ting"; but "led" of "US-led
    Iraq War" goes), not a mixed-case brand ("eBay")."""
    if not (tok.is_lower and tok.is_alpha) or tok.lower_ in span_rules().name_particles:
        return False
    doc = tok.doc
    if at_start:  # glued to the next word, which is inside the span
        return bool(tok.whitespace_) or tok.i + 1 >= len(doc)
    # "US-led", "Scientology-owned": a participle or adjective glued on is no name's end.
    return tok.i == 0 or bool(doc[tok.i - 1].whitespace_) or tok.tag_ in ("VBN", "VBD", "JJ")


def _strip_edges(tokens: list[Any]) -> list[Any]:
    """Drop spaces, punctuation, determiners and possessives at the edges of a token list."""
    rules = span_rules()
    while tokens and (
        tokens[0].is_space
        or (tokens[0].is_punct and tokens[0].text != "(")
        or tokens[0].is_currency
        or tokens[0].lower_ in rules.leading_words
        or (
            tokens[0].is_lower
            and tokens[0].lower_ in rules.name_particles
            and tokens[0].whitespace_
        )
        or (len(tokens) > 1 and _plain_lower_word(tokens[0], at_start=True))  # "united Germany"
    ):
        tokens = tokens[1:]
    tokens = _strip_hyphen_prefix(tokens)
    while tokens and (
        tokens[-1].is_space
        or (tokens[-1].is_punct and tokens[-1].text not in ").")
        or tokens[-1].is_currency  # "US $" of "US $5 million"
        or (tokens[-1].lower_ in rules.name_particles and tokens[-1].is_lower)  # "of the"
        or tokens[-1].lower_ in rules.leading_words
        or tokens[-1].lower_ in rules.trailing_possessives
        or tokens[-1].tag_ == "POS"
        or (len(tokens) > 1 and _plain_lower_word(tokens[-1], at_start=False))  # "... of bank"
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
        elif (
            tok.ent_type_ == "NORP"
            or tok.pos_ == "ADJ"
            or low in rules.name_particles
            or low in rules.title_modifiers  # "Crown Prince", "Grand Mufti"
        ):
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


def is_proper_noun(tok: Any) -> bool:
    """A proper noun to the tagger, an acronym, or a capitalised word inside a sentence."""
    if tok.tag_ in ("NNP", "NNPS") or (tok.is_upper and len(tok.text) > 1):
        return True
    return tok.is_title and not _starts_sentence(tok) and not tok.is_stop


def _starts_sentence(tok: Any) -> bool:
    """First word of a sentence or paragraph (where any word is capitalised)."""
    if tok.i == 0 or tok.is_sent_start:
        return True
    before = tok.doc[tok.i - 1]
    if before.is_space and "\n" in before.text:
        return True
    if not before.is_quote:
        return False
    # An opening quotation mark that starts a sentence or a paragraph ('\n\n"Heartbroken')
    ahead = before.doc[before.i - 1] if before.i > 0 else None
    return (
        ahead is None
        or before.is_sent_start
        or ahead.is_sent_start
        or (ahead.is_space and "\n" in ahead.text)
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
        if tok.lower_ in rules.post_nominals:
            return False  # "Mark Tedeschi, QC,": the honour alone is nobody
        if tok.is_upper and tok.lower_ in rules.common_acronyms:
            return False  # "UTC", "CEO", "TV" are no names
        if tok.is_stop and not tok.text.isupper():
            return False
        # A capitalised common noun or verb at the start of a sentence ("Volunteer",
        # "Video"): names are proper nouns; nationalities and groups (NORP) are adjectives.

    return not all(t.lower_ in rules.titles or t.is_punct for t in tokens)


def _after_title(doc: Any, tokens: list[Any]) -> bool:
    """True for a name right after a capitalised title or a person noun outside the span
    ("Chancellor" + "Olaf Scholz" tagged ORG, "founder Dean Kamen"): a person, if the name
    has no institution's head noun."""
    first = tokens[0]
    if first.i == 0 or len(tokens) > 3:
        return False
    before = doc[first.i - 1]
    last_word, before_particle = head_nouns()
    rules = span_rules()
    is_title_word = (before.is_title or before.is_upper) and before.lower_ in rules.titles
    # "founder Dean Kamen", "illustrator Johnnie Christmas": a person noun before the name.
    is_person_noun = before.is_lower and before.lemma_ in rules.person_nouns and len(tokens) > 1
    return (
        (is_title_word or is_person_noun)
        and all(t.tag_ == "NNP" for t in tokens)
        and head_noun_label(tuple(t.text for t in tokens)) is None
        and tokens[-1].lower_ not in last_word  # "Prime Minister Office"
        and tokens[-1].lower_ not in before_particle
    )


def _affiliation_of_person(doc: Any, tokens: list[Any]) -> bool:
    """True for a name right after "<person> of" ("Cheng Chung-tai of Civic Passion")."""
    i = tokens[0].i
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].ent_type_ == "PERSON"


def _person_apposition(tokens: list[Any]) -> bool:
    """True if a person noun or a title stands in apposition to the name ("Yang Jin, an
    expert", "Jane Roe, the government commissioner")."""
    nouns = span_rules().person_nouns | span_rules().titles
    token_ids = {t.i for t in tokens}
    for tok in tokens:
        for child in tok.children:
            if child.dep_ == "appos" and child.i not in token_ids and child.lemma_.lower() in nouns:
                return True
        if tok.dep_ == "appos" and tok.head.i not in token_ids and tok.head.lemma_.lower() in nouns:
            return True
    return False


def _keep_surname_particle(spanned: list[Any], tokens: list[Any]) -> list[Any]:
    """Put back a surname particle the edge cleaning dropped from a person's name: "de
    Klerk", "van Persie" are whole surnames, unlike "of France"."""
    if not tokens or not spanned or tokens[0].i == 0 or tokens[0].i - 1 < spanned[0].i:
        return tokens
    particle = tokens[0].doc[tokens[0].i - 1]
    if (
        particle.is_lower
        and particle.lower_ in span_rules().surname_particles
        and particle.whitespace_
        and tokens[0].is_title
    ):
        return [particle, *tokens]
    return tokens


def candidate_from_tokens(
    doc: Any, tokens: list[Any], label: str | None, bylines: list[tuple[int, int]]
) -> Candidate | None:
    spanned = tokens
    tokens = _strip_edges(tokens)
    titled = False
    if tokens and (
        tokens[0].lower_ in span_rules().titles or tokens[0].lower_ in span_rules().title_modifiers
    ):
        tokens, titled = _strip_titles(tokens)
        tokens = _strip_edges(tokens)
    tokens = _extend_hyphenated(doc, tokens)
    if label == "PERSON":
        tokens = _extend_family_name(doc, _extend_given_name(doc, tokens))
        # after the given name is sought: "Arnel dela Vega" is whole, "said de Klerk" too
        tokens = _keep_surname_particle(spanned, tokens)
    if (
        label in ("PERSON", "ORG")
        and len(tokens) > 2
        and tokens[-1].lower_ in span_rules().post_nominals
        and all(t.is_title for t in tokens[:-1])
    ):
        tokens = tokens[:-1]  # "Jane Roe QC": an honour, not a name
        titled = True  # "Kama Melly QC" tagged ORG is a person
    if not tokens:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = doc_text(doc)[start:end]
    if not _acceptable(tokens, text, label):
        return None
    in_byline = any(b0 <= start and end <= b1 for b0, b1 in bylines)
    evidence = titled or _person_apposition(tokens) or _after_title(doc, tokens)
    if label == "PERSON" and not evidence and _affiliation_of_person(doc, tokens):
        label = "ORG"  # "Cheng Chung-tai of Civic Passion": what a person is "of" is a group
    # A capitalised common noun or verb at the start of a sentence ("Volunteer", "Video") is
    # no name on its own; it may still be a known name's short form ("Rathke" tagged NNS).
    weak = len(tokens) == 1 and label != "NORP" and not is_proper_noun(tokens[0])
    # "Volunteer organization ..." at a sentence start, when "volunteer" is also written in
    # lower case in this text: a common word, unless it is a known name's short form.
    if len(tokens) == 1 and _starts_sentence(tokens[0]) and tokens[0].is_title:
        weak = weak or tokens[0].lower_ in lower_case_words(doc)
    kin = len(tokens) > 1 and _introduced_as_relative(doc, tokens)  # any label: "ORG" too
    class_label = None if evidence else _label_from_noun_before(doc, tokens)
    return Candidate(
        start,
        end,
        text,
        label,
        tuple(t.text for t in tokens),
        in_byline,
        evidence,
        weak=weak,
        kin=kin,
        class_label=class_label,
    )


def _label_from_noun_before(doc: Any, tokens: list[Any]) -> str | None:
    """The label a common noun right before the name gives it ("the rock band X", "the
    research ship X", "the boat, X"), when the parse joins them (compound or apposition)
    and the name is not a verb's subject ("the party Smith founded")."""
    first = tokens[0]
    i = first.i - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return None
    noun = doc[i]
    label = nouns_before().get(noun.lower_) if noun.tag_ in ("NN", "NNS") else None
    if label is None:
        return None
    ids = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in ids or t.head is t), tokens[-1])
    if root.dep_ in ("nsubj", "nsubjpass"):
        return None
    joined = (noun.dep_ == "compound" and noun.head.i in ids) or (
        root.dep_ == "appos" and root.head.i == noun.i
    )
    return label if joined else None


_POSSESSIVE_DETERMINERS = frozenset({"his", "her", "their"})


def _introduced_as_relative(doc: Any, tokens: list[Any]) -> bool:
    """True for a name shortly after "his/her/their <kinship noun>" in the same sentence
    ("his son Abhijit Mukherjee", "His parents, Robert Smith and Ruth Smith"), or followed
    by one in apposition ("Maya Smith, his wife, said")."""
    first, last = tokens[0], tokens[-1]
    kinship = span_rules().kinship_nouns
    after = doc[last.i + 1 : last.i + 4]
    if (
        len(after) == 3
        and after[0].text == ","
        and after[1].lower_ in _POSSESSIVE_DETERMINERS
        and after[2].lower_ in kinship
    ):
        return True
    sentence_start = first.sent.start
    for tok in doc[max(sentence_start, first.i - 8) : first.i]:
        if tok.lower_ in kinship and tok.i > 0 and doc[tok.i - 1].lower_ in _POSSESSIVE_DETERMINERS:
            return True
    return False


def _split_person_of_body(
    tokens: list[Any], label: str | None
) -> list[tuple[list[Any], str | None]]:
    """Cut "<person> of <body>" tagged as one name ("Wilson of C-MORE", "Jane Roe of Acme
    University"): the body is an acronym or has an institution's head noun, and the part
    before "of" has none ("University of X" stays). Names like
    "Joan of Arc" (neither) stay whole."""
    if label not in ("PERSON", "ORG") or len(tokens) < 3:
        return [(tokens, label)]
    of_at = next((i for i, t in enumerate(tokens) if t.lower_ == "of"), None)
    if of_at is None or of_at == 0 or of_at == len(tokens) - 1:
        return [(tokens, label)]
    person, body = tokens[:of_at], tokens[of_at + 1 :]
    if body[0].lower_ == "the":
        body = body[1:]
    if not body or not all(t.tag_ in ("NNP", "NNPS") for t in person):
        return [(tokens, label)]
    last_word, before_particle = head_nouns()
    if any(t.lower_ in last_word or t.lower_ in before_particle for t in person):
        return [(tokens, label)]  # "University of X", "Bank of X": one institution
    if label == "ORG" and len(person) > 2:
        return [(tokens, label)]
    body_text = "".join(t.text_with_ws for t in body).strip()
    body_label = head_noun_label(tuple(t.text for t in body))
    if body_label is None and " " not in body_text and _ACRONYM.match(body_text.replace("-", "")):
        body_label = "ORG"
    if body_label is None:
        return [(tokens, label)]
    return [(person, "PERSON"), (body, body_label)]


def _split_office_place_person(
    doc: Any, tokens: list[Any], label: str | None
) -> list[tuple[list[Any], str | None]]:
    """Cut "<place> <Given> <Family>" after "<title> of" ("Prime Minister of India Jane
    Roe" tagged as one name): the last two words are the office holder, the rest the place."""
    rules = span_rules()
    if label not in ("ORG", "GPE", "PERSON") or len(tokens) < 3 or tokens[0].i < 2:
        return [(tokens, label)]
    of, title = doc[tokens[0].i - 1], doc[tokens[0].i - 2]
    if of.lower_ != "of" or title.lower_ not in rules.titles:
        return [(tokens, label)]
    place, person = tokens[:-2], tokens[-2:]
    if not all(t.tag_ == "NNP" and t.is_title and t.is_alpha for t in tokens):
        return [(tokens, label)]
    if any(t.lower_ in rules.titles or t.lower_ in rules.name_particles for t in tokens):
        return [(tokens, label)]
    last_word, before_particle = head_nouns()
    if any(t.lower_ in last_word or t.lower_ in before_particle for t in tokens):
        return [(tokens, label)]  # "District Attorney of San Bernardino County"
    return [(place, "GPE"), (person, "PERSON")]


def _split_inner_title(tokens: list[Any], label: str | None) -> list[tuple[list[Any], str | None]]:
    """Cut "<place or body> <title> <name>" in two: "United States Representative Jane Roe"
    gives [United States] (a place before an elected office, else an organisation) and [Representative Jane Roe] (a
    person, its title stripped later). Names whose last words make an institution ("Prime
    Minister Office") or a title run at the start are left alone."""
    rules = span_rules()
    if label not in ("PERSON", "ORG", "GPE", "FAC", "NORP") or len(tokens) < 3:
        return [(tokens, label)]
    title_at = [
        i
        for i, t in enumerate(tokens)
        if i > 0
        and t.lower_ in rules.titles
        and t.lower_ not in rules.titles_in_names
        and (t.is_title or t.is_upper)
    ]
    if not title_at:
        return [(tokens, label)]
    last = title_at[-1]
    rest = tokens[last + 1 :]
    min_rest = 1 if label == "PERSON" else 2
    if len(rest) < min_rest or not all(t.tag_ == "NNP" and t.is_title for t in rest):
        return [(tokens, label)]
    last_word, before_particle = head_nouns()
    if head_noun_label(tuple(t.text for t in rest)) is not None or rest[-1].lower_ in last_word:
        return [(tokens, label)]
    first_title = last
    while first_title > 0 and tokens[first_title - 1].lower_ in rules.titles:
        first_title -= 1
    prefix = tokens[:first_title]
    if not prefix or not all(t.tag_ in ("NNP", "NNPS") for t in prefix):
        return [(tokens, label)]
    prefix_label = head_noun_label(tuple(t.text for t in prefix))
    if prefix_label is None:
        # "Texas Governor", "US Senator": an elected office's prefix is a place; otherwise
        # ("Boeing Chief Executive") the body the person works for.
        place_office = tokens[last].lower_ in rules.place_titles
        prefix_label = "GPE" if place_office else "ORG"
    return [(prefix, prefix_label), (tokens[first_title:], "PERSON")]


def _model_spans(doc: Any) -> list[tuple[list[Any], str]]:
    """The NER's name spans as token lists, with neighbours split by the model joined again.

    Two one-word spans separated by one space ("Valeska" + "Paris") are one name; so are a
    span ending in a particle and the span right after it ("... of the" + "CPC").
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
            if prev.lower_ in _JOINING_PARTICLES and prev.i + 1 == tokens[0].i:
                # "Political Bureau of the Central Committee of the" + "CPC": the model
                # stopped at a particle, the rest of the name follows.
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


def _affiliation_acronyms(
    doc: Any, found: list[Candidate], bylines: list[tuple[int, int]]
) -> list[Candidate]:
    """All-capital words the model missed after "of"/"from"/"at" ("Leung Kwok-hung of LSD",
    "a researcher from MIT"): organisations, unless a common abbreviation (data)."""
    taken = [(c.start, c.end) for c in found]
    common = span_rules().common_acronyms
    out: list[Candidate] = []
    for tok in doc:
        if not (
            tok.is_upper
            and tok.is_alpha
            and 2 <= len(tok.text) <= 6
            and tok.ent_iob_ == "O"
            and tok.lower_ not in common
            and tok.i > 0
        ):
            continue
        before = doc[tok.i - 1]
        if before.lower_ == "the" and tok.i > 1:
            before = doc[tok.i - 2]
        if before.lower_ not in ("of", "from", "at"):
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        if any(a < end and start < b for a, b in taken):
            continue
        in_byline = any(b0 <= start and end <= b1 for b0, b1 in bylines)
        out.append(Candidate(start, end, tok.text, "ORG", (tok.text,), in_byline))
    return out


def _split_name(
    doc: Any, tokens: list[Any], label: str | None
) -> list[tuple[list[Any], str | None]]:
    """A model span cut where it holds two names: a title inside it, "<person> of <body>",
    "<title> of <place> <person>"."""
    out: list[tuple[list[Any], str | None]] = []
    for part, part_label in _split_office_place_person(doc, tokens, label):
        for titled, title_label in _split_inner_title(part, part_label):
            out.extend(_split_person_of_body(titled, title_label))
    return out


def candidate_spans(doc: Any) -> list[Candidate]:
    """The model's name spans, cleaned; "Name (ACR)" gives two linked candidates."""
    bylines = byline_ranges(doc_text(doc))
    out: list[Candidate] = []
    for tokens, model_label in _model_spans(doc):
        for whole in _split_pieces(tokens):
            for piece, label in _split_name(doc, whole, model_label):
                c = candidate_from_tokens(doc, piece, label, bylines)
                if c is not None:
                    out.append(c)
    out.extend(_affiliation_acronyms(doc, out, bylines))
    # The same character range can come out twice (split pieces): keep one.
    unique = {(c.start, c.end): c for c in out}
    return sorted(unique.values(), key=lambda c: c.start)


_DECLARED = re.compile(r"\(\s*([A-Z][A-Za-z&.-]{1,9})\s*\)")  # "(SCO)", "(C-MORE)"
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
            if initials_cover(letters, run):
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
