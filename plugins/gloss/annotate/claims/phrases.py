"""Attributions by a phrase instead of a verb: "according to X, C" / "C, according to X",
"in the words of X, C", and phrases of opinion with an owner ("In his view, C", "in
Smith's opinion, C", "in the view of experts, C"). The phrases are data (``cues.yml``:
``prepositions`` and ``viewpoints``); the content is the clause the phrase modifies.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .article import Article, Draft, mode_of, span_of, trim, unquote
from .speakers import Source, classify_source

# Pronouns that can stand for the source of a phrase ("according to him", "in her view"),
# with the subject form the pronoun resolver knows. First and second person are left out:
# "in my view" outside quotes is the writer's own opinion, not an attribution.
PHRASE_PRONOUNS = {
    "him": "he",
    "his": "he",
    "her": "she",
    "them": "they",
    "their": "they",
    "its": "it",
    "it": "it",
}


@dataclass(frozen=True)
class Phrase:
    """An attributing phrase found in the parse."""

    first: Any  # its first token ("According", "In")
    last: Any  # the last of its fixed words ("to", "view", "of")
    source: Any  # head token of the source ("AFP", "his", "experts")
    source_end: int  # index of the source phrase's last token
    lemma: str  # the cue lemma ("according to", "in his view")


def phrase_claims(article: Article, verb_claims: list[Draft]) -> list[Draft]:
    """Claims attributed by "according to X" and the other phrases of the lexicon."""
    claimed_cues = {d.cue_token for d in verb_claims}
    fixed = _fixed_phrases(article)
    starts = {phrase.first.i for phrase in fixed}
    # ("in the words of X" is a fixed phrase; not a second time as a phrase of opinion)
    phrases = fixed + [p for p in _viewpoints(article) if p.first.i not in starts]
    drafts = []
    for phrase in phrases:
        draft = _phrase_claim(article, phrase, claimed_cues)
        if draft is not None:
            drafts.extend(_split_at_colon_quote(article, draft))
    return drafts


def _split_at_colon_quote(article: Article, draft: Draft) -> list[Draft]:
    """ "According to X, the manifesto could strengthen the case: "The key factor is ..."":
    the statement stops at the colon, and the quotation it introduces is X's second claim,
    a direct one (as with "said he would vote against it: "C"")."""
    start, end = draft.content
    text = article.text
    colon = text.find(":", start, end)
    while colon >= 0:
        after = colon + 1 + len(text[colon + 1 : end]) - len(text[colon + 1 : end].lstrip())
        quote = next((q for q in article.segments if q.open == after), None)
        if quote is not None and quote.close is not None and colon > start:
            statement = trim(text, start, colon)
            quoted = trim(text, quote.start, quote.close, keep_quotes=False)
            return [
                replace(draft, content=statement, mode=mode_of(article, *statement)),
                replace(draft, content=quoted, mode="direct"),
            ]
        colon = text.find(":", colon + 1, end)
    return [draft]


def _usable(article: Article, token: Any) -> bool:
    return not article.inside_quote(token.idx) and (
        article.paragraph_of(token.idx) not in article.headline_paragraphs
    )


def _fixed_phrases(article: Article) -> list[Phrase]:
    """ "according to X", "in the words of X": fixed words, then the source."""
    doc = article.doc
    found = []
    for words_text, lemma in article.lexicon.prepositions.items():
        words = words_text.split()
        for token in doc:
            if token.lower_ != words[0] or token.i + len(words) > len(doc):
                continue
            if [t.lower_ for t in doc[token.i : token.i + len(words)]] != words:
                continue
            last = doc[token.i + len(words) - 1]
            if not _usable(article, token):
                continue
            source_head = next((c for c in last.children if c.dep_ == "pobj"), None)
            source_end = _source_end(source_head) if source_head is not None else last.i
            if source_head is None and last.i + 1 < len(doc):
                # A misparse ("According to Rathbun the property ...", with "Rathbun" taken
                # for a verb): the name right after the preposition is the source.
                following = doc[last.i + 1]
                mention = article.index.at(following.idx, following.idx + len(following.text))
                if mention is not None:
                    source_head = following
                    source_end = article.token_at(mention[1] - 1).i
            if source_head is None:
                continue
            person = _person_beside_source(article, source_head, source_end)
            if person is not None:
                source_head, source_end = person
            found.append(Phrase(token, last, source_head, source_end, lemma))
    return found


def _source_end(source: Any) -> int:
    """The last token of the source's phrase. A phrase the parser hangs on the source after
    the comma closing its relative clause or apposition belongs to the statement:
    "According to Professor X, who heads the department, in the United States it is not
    customary ..." (the statement starts at "in"); so does an apposition that no comma
    closes."""
    doc = source.doc
    described = False
    for child in source.children:
        if child.i < source.i:
            continue
        if child.dep_ == "appos" and not described and doc[child.left_edge.i - 1].text == ",":
            closers = (",", ")", "—", "–")
            after = child.right_edge.i + 1
            closed = child.right_edge.text in closers or (
                after < len(doc) and doc[after].text in closers
            )
            if after < len(doc) and not closed:
                # "According to U.S. Attorney Bash, the manifesto if written by the suspect
                # could strengthen ...": an "apposition" not closed by a comma is the
                # statement's subject.
                return child.left_edge.i - 2
        if child.dep_ in ("relcl", "appos", "acl"):
            described = True
        elif described and child.text == "," and child.i > source.i:
            following = [c for c in source.children if c.i > child.i]
            if following and all(c.dep_ == "prep" for c in following):
                return child.i - 1
    return source.right_edge.i


def _viewpoints(article: Article) -> list[Phrase]:
    """ "In his view, C", "in Smith's opinion, C", "from her view, C" (the owner is a
    possessive) and "in the view of experts, C" (an "of" phrase after the noun)."""
    found = []
    for token in article.doc:
        nouns = article.lexicon.viewpoints.get(token.lower_)
        if not nouns or token.dep_ != "prep" or not _usable(article, token):
            continue
        noun = next((c for c in token.children if c.dep_ == "pobj"), None)
        if noun is None or not {noun.lower_, noun.lemma_.lower()} & nouns:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None:
            if owner.i <= token.i:
                continue
            words = f"{token.lower_} {owner.lower_} {noun.lower_}"
            lemma = (
                words if owner.lower_ in PHRASE_PRONOUNS else f"{token.lower_} the {noun.lower_} of"
            )
            found.append(Phrase(token, noun, owner, noun.i, lemma))
            continue
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if of is not None and owner is not None and of.i == noun.i + 1:
            lemma = f"{token.lower_} the {noun.lower_} of"
            found.append(Phrase(token, of, owner, owner.right_edge.i, lemma))
    return found


def _pronoun_source(token: Any) -> Source | None:
    """ "according to him", "in her view": a pronoun source, for the pronoun resolver."""
    pronoun = PHRASE_PRONOUNS.get(token.lower_)
    if pronoun is None or token.pos_ != "PRON":
        return None
    start, end = token.idx, token.idx + len(token.text)
    return Source("pronoun", None, None, start, end, token.text, pronoun=pronoun)


def _inside_reported_clause(head: Any, claimed_cues: set[int | None]) -> bool:
    """True when ``head`` lies in the clause of a cue verb already claimed ("He said that
    in his view the plan would fail" is one claim, the verb's)."""
    node = head
    while node.head.i != node.i:
        node = node.head
        if node.i in claimed_cues:
            return True
    return False


def _phrase_claim(article: Article, phrase: Phrase, claimed_cues: set[int | None]) -> Draft | None:
    doc = article.doc
    token, last = phrase.first, phrase.last
    source_head, source_end = phrase.source, phrase.source_end
    head = token.head if token.head.i != token.i else token
    if head.i in claimed_cues:
        # "C, according to police, who said D": the parser hangs the phrase on the relative
        # clause's cue; the phrase still sources C, the clause it follows.
        relative = any(
            c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") and c.i > source_end
            for c in head.children
        )
        if not (relative and head.dep_ in ("conj", "relcl") and head.head.i < token.i):
            return None  # "According to the Herald, X said C": X speaks, not the Herald
        head = head.head
    viewpoint = phrase.lemma not in article.lexicon.prepositions.values()
    if viewpoint and (
        _inside_reported_clause(head, claimed_cues) or head.lemma_.lower() in article.lexicon.verbs
    ):
        return None  # "He said that in his view C", "X, in his view, said ...": the verb's
    sentence = article.sentence(token)
    clause_start, clause_end = head.left_edge.i, head.right_edge.i
    first = _first_conjunct(head)
    if token.i > head.i and first is not head and first.i not in claimed_cues:
        # "Seven died and 35 were rescued, according to officials": a phrase after
        # the last of coordinated clauses sources all of them, not the last alone.
        clause_start = min(clause_start, first.left_edge.i)
    participle = head.dep_ in ("amod", "acl", "advcl", "csubj") and head.tag_ in ("VBG", "VBN")
    # A subordinate clause is one even with its verb mistagged ("While only 10% own
    # a suit according to a study, ...": "own" tagged as an adjective).
    if participle or (head.pos_ not in ("VERB", "AUX") and head.dep_ != "advcl"):
        # No clause of its own ("According to the study, skulls ... often
        # accompanied frogs", with "accompanied" parsed as an adjective; "Rescuers,
        # working in the cold, according to the ministry recovered ..."): the sentence.
        clause_start, clause_end = sentence.start, sentence.end - 1
    phrase_start = token.i
    phrase_end = max(source_end, last.i)
    left = (clause_start, phrase_start - 1)
    right = (phrase_end + 1, clause_end)
    candidates = [
        s
        for s in (left, right)
        if s[1] >= s[0] and not all(t.is_punct or t.is_space for t in doc[s[0] : s[1] + 1])
    ]
    if not candidates:
        return None
    relative_after = any(
        t.tag_ in ("WP", "WDT") for t in doc[right[0] : min(right[0] + 4, right[1] + 1)]
    )
    if relative_after and head.i > token.i and head.head.i < token.i:
        # "C, according to officials, some of whom were hurt", with the phrase parsed
        # into the relative clause: the statement is the clause that it follows.
        statement = _first_conjunct(head.head)
        left = (statement.left_edge.i, phrase_start - 1)
        if sentence.start <= left[0] <= left[1]:
            candidates = [left]
    if relative_after and left in candidates:
        candidates = [left]  # a relative clause about the source is no part of C
    if len(candidates) == 2 and doc[phrase_start - 1].text == "," and not relative_after:
        # "The vaccine, according to the maker, is safe": the phrase interrupts the
        # statement, which is the whole clause (but not "C, according to officials,
        # some of whom were hurt": a relative clause about the source is no part of C).
        best = (clause_start, clause_end)
    else:
        best = max(candidates, key=lambda s: doc[s[1]].idx - doc[s[0]].idx)
    content = unquote(article, trim(article.text, *span_of(doc[best[0]], doc[best[1]])))
    if len(article.text[content[0] : content[1]].split()) < 3:
        return None
    source = classify_source(source_head, article.index, article.lexicon)
    if source.kind == "unknown":
        # "according to data from the Gun Violence Archive", "according to figures
        # by the ministry", "according to WHO's statistics": the one whose data it is.
        source_head = _owner_of(source_head, article) or source_head
        source = classify_source(source_head, article.index, article.lexicon)
    if source.kind == "unknown":
        source = _pronoun_source(source_head) or source
    if source.kind == "unknown":
        return None  # "according to plan", "according to the rules": no source
    return Draft(
        content=content,
        cue_lemma=phrase.lemma,
        cue=(token.idx, last.idx + len(last.text)),
        source=source,
        mode=mode_of(article, *content),
        anchor=source_head.idx,
        speaker_token=source_head,
    )


def _organisation_at(article: Article, token: Any) -> bool:
    mention = article.index.at(token.idx, token.idx + len(token.text))
    return mention is not None and mention[2].label in ("ORG", "GPE", "NORP")


def _owner_of(head: Any, article: Article) -> Any:
    """The named or vague owner in "data from X" / "figures by X" / "a report of X" /
    "X's statistics" / "a NATO press release" (a name before an output noun), else None."""
    output = head.lemma_.lower() in article.lexicon.outputs
    for child in head.children:
        owner = None
        if child.dep_ == "poss":
            owner = child
        elif child.dep_ == "prep" and child.lower_ in ("from", "by", "of"):
            owner = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "compound" and output and _organisation_at(article, child):
            owner = child  # "according to a NATO press release": the name before the output
        if owner is None:
            continue
        kind = classify_source(owner, article.index, article.lexicon).kind
        if kind in ("named", "vague"):
            return owner
    return None


def _person_beside_source(article: Article, source: Any, end: int) -> tuple[Any, int] | None:
    """The person that the source of "according to" stands for, when the parser cut the
    name off it: "According to Connecticut Senator Richard Blumenthal, C" (the place taken
    for the source, the titled name for a subject) or "According to the town's first
    selectman, Chris Kervick, C" (a name in apposition). Returns the name's last token and
    the end of the phrase, or None."""
    doc = article.doc
    i = end + 1
    apposition = i < len(doc) and doc[i].text == ","
    if apposition:
        # Only a singular description of one person is renamed by the apposition ("the
        # first selectman, Chris Kervick,"); "according to police, Smith fled" is no such.
        if source.tag_ != "NN" or article.index.at(source.idx, source.idx + 1) is not None:
            return None
        i += 1
    else:
        mention = article.index.at(source.idx, source.idx + len(source.text))
        if mention is None or mention[2].label not in ("GPE", "NORP", "LOC"):
            return None
        while i < len(doc) and doc[i].lower_ in article.lexicon.titles:
            i += 1  # "Connecticut Senator Richard Blumenthal"
        if i == end + 1:
            return None
    if i >= len(doc):
        return None
    mention = article.index.at(doc[i].idx, doc[i].idx + len(doc[i].text))
    if mention is None or mention[2].label != "PERSON" or mention[0] != doc[i].idx:
        return None
    last = article.token_at(mention[1] - 1)
    after = last.i + 1
    if apposition and (after >= len(doc) or doc[after].text != ","):
        return None  # the name is not closed by a comma: it may be the statement's subject
    return last, last.i


def _first_conjunct(verb: Any) -> Any:
    """The first of the clauses coordinated with ``verb`` (itself when it is not a conjunct)."""
    while verb.dep_ == "conj" and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb
