"""Reported speech: claims from reporting verbs ("X said that C", "C, X said", "X told Y C",
"..., adding that D"; "according to X" is in phrases.py). Each frame of a cue verb is a small
function that finds the content span in the dependency parse, or says there is none.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .article import Article, Draft, Span, mode_of, span_of, trim, unquote
from .lexicon import CueVerb, Lexicon
from .quotes import QUOTE_MARKS, QuoteSegment
from .speakers import Source, classify_source

SUBJECTS = ("nsubj",)
# A complement opening with these is an indirect question ("did not say why"), not a claim.
WH_WORDS = frozenset({"why", "how", "whether", "if"})
# Auxiliaries of a statement not made yet ("will announce that ...").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
# Marks of a hypothetical ("if X says that ...").
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})
# "that" and spaces before a quotation that opens reported content ('noting that "C"').
LEADING_THAT = re.compile(r"\s*(?:that\s+)?")


def cue_entry(token: Any, lexicon: Lexicon) -> CueVerb | None:
    """The lexicon entry when ``token`` is a reporting verb used as one, else None."""
    if token.pos_ != "VERB" or token.dep_ in ("amod", "compound"):
        return None
    cue = lexicon.verbs.get(token.lemma_.lower())
    if cue is None:
        return None
    if cue.particle and not any(
        c.dep_ == "prt" and c.lower_ == cue.particle for c in token.children
    ):
        return None
    return cue


def speaker_head(token: Any, article: Article, depth: int = 0) -> Any:
    """The head of the noun phrase that says what ``token`` (a cue verb) reports."""
    children = list(token.children)
    if any(c.dep_ == "auxpass" for c in children):
        agent = next((c for c in children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        return None
    paragraph = article.paragraph_of(token.idx)
    subjects = [
        c for c in children if c.dep_ in SUBJECTS and article.paragraph_of(c.idx) == paragraph
    ]
    if subjects:
        # Several subjects come from a misparse ("Facebook co-founder Mark Zuckerberg"):
        # the one nearest the verb is the name.
        subject = min(subjects, key=lambda c: abs(c.i - token.i))
        if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
            return token.head  # "Devocht, who had told Montalvo ...": the antecedent
        if subject.tag_ == "WP" and subject.i >= 2:
            # "according to police, who said C": the clause parsed as a conjunct, not as a
            # relative clause; the noun just before ", who" is still the antecedent.
            before = token.doc[subject.i - 1]
            if before.is_punct and before.text == ",":
                before = token.doc[subject.i - 2]
            if before.pos_ in ("NOUN", "PROPN"):
                return before
        if _after_according_to(subject):
            # "According to ISNA, the prosecutor, Ali Mehr, said": the parser took the
            # source of "according to" for the subject; the name in apposition speaks.
            names = [
                t
                for t in subject.subtree
                if t.dep_ == "appos" and t.pos_ == "PROPN" and t.i < token.i
            ]
            if names:
                return names[-1]
        return subject
    # "Speaking to AFP, the president of the league, Jamel Msallem, said": the parser hangs
    # the speaker phrase as an apposition of something earlier (the participle's object, a
    # subject it ran over a paragraph break to find) and leaves the cue without a subject.
    # The name set off by commas just before the cue is the speaker.
    named_before = _apposition_before(token, article)
    if named_before is not None:
        return named_before
    # "Znak.com reported its source said C": the source parsed as the object of "reported".
    if token.dep_ == "ccomp" and (stray := _object_as_subject(token.head, token)) is not None:
        return stray
    # "C, said, analysts": the inverted subject parsed as an object after the verb. Only
    # right after the content (a comma or closing quote before the verb), and never for
    # "tell", whose object is the listener.
    content_after = any(c.dep_ == "ccomp" and c.i > token.i for c in children)
    before = token.doc[token.i - 1].text if token.i > 0 else ""
    if before in (",", "—", "–") or before in QUOTE_MARKS:
        for child in children:
            if (
                child.dep_ in ("dobj", "attr", "npadvmod", "appos", "oprd")
                and child.i > token.i
                and child.pos_ in ("NOUN", "PROPN")
                and not content_after
                and token.lemma_.lower() != "tell"
            ):
                return child
    # "X was quoted as saying C": the passive subject of "quoted" said it.
    # "X cited Y as saying C": Y (see ``_cited_before``).
    if token.dep_ == "pcomp" and token.head.lower_ == "as":
        cited = _cited_before(token, article)
        if cited is not None:
            return cited
        passive = token.head.head
        if any(c.dep_ == "auxpass" for c in passive.children):
            return next((c for c in passive.children if c.dep_ == "nsubjpass"), None)
    # "with analysts saying C": the participle hangs on its subject.
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return token.head
    # "X said C, adding that D" / "X theorized ..., and wrote that D": the governing verb's.
    if token.dep_ in ("advcl", "xcomp", "conj", "pcomp") and depth < 3:
        head = token.head
        if head.dep_ == "prep" or (head.dep_ == "agent" and token.dep_ == "pcomp"):
            head = head.head
        # "C, X said, noting that D" is often parsed with both participle and "said"
        # hanging off C's verb: the participle takes the speaker of the cue beside it.
        siblings = [
            c
            for c in head.children
            if c.dep_ in ("parataxis", "ccomp", "conj", "dep")
            and c.i < token.i
            and c.lemma_.lower() in article.lexicon.verbs
        ]
        if siblings and head.lemma_.lower() not in article.lexicon.verbs:
            return speaker_head(siblings[-1], article, depth + 1)
        # "X insisted that M would go ahead, saying C": the participle hangs inside the
        # reported clause; the cue that governs that clause is the one whose speaker it shares.
        governing = head
        while governing.dep_ in ("ccomp", "conj") and governing.head.i != governing.i:
            governing = governing.head
            if governing.lemma_.lower() in article.lexicon.verbs and governing.pos_ == "VERB":
                return speaker_head(governing, article, depth + 1)
        if token.tag_ == "VBG" and (actor := _verb_over_small_clause(head)) is not None:
            # "the parents tried to have Waseem released by saying C": the one who acts
            # speaks, not the subject of the small clause ("Waseem released").
            head = actor
        if token.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
            shared = _conjunct_subject(head)
            if shared is not None:
                return shared
            if not _has_any_subject(head) and head.dep_ in ("advcl", "ccomp"):
                # "Anwar wept upon hearing her son had been convicted and said C", parsed
                # with "said" coordinated with the subjectless "convicted": the clause
                # that one hangs from has the subject.
                head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return speaker_head(head, article, depth + 1)
    return None


def _verb_over_small_clause(verb: Any) -> Any:
    """For the bare verb of a small clause under another verb ("have [Waseem released]",
    "made [him leave]": a subject, or a participle on the object, but no auxiliary of its
    own), the verb above it, else None."""
    if verb.tag_ not in ("VB", "VBN") or any(
        c.dep_ in ("aux", "auxpass", "mark") for c in verb.children
    ):
        return None
    if (
        verb.dep_ in ("ccomp", "xcomp")
        and verb.head.pos_ == "VERB"
        and any(c.dep_ == "nsubj" for c in verb.children)
    ):
        return verb.head
    owner = verb.head
    if verb.dep_ == "acl" and owner.dep_ == "dobj" and owner.head.pos_ == "VERB":
        return owner.head  # "have Waseem released", the participle parsed on the object
    return None


def _conjunct_subject(first: Any) -> Any:
    """The passive subject a cue coordinated with ``first`` shares ("He was arrested and
    told reporters C": "He", not the missing agent), or None."""
    if not any(c.dep_ == "auxpass" for c in first.children):
        return None
    return next((c for c in first.children if c.dep_ == "nsubjpass"), None)


def _has_any_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)


def _cited_before(saying: Any, article: Article) -> Any:
    """ "The BBC cited Budi Gunawan as saying C" / "Reuters quoted an officer as saying C":
    the one cited said it; the outlet only passes it on. The citing verb is looked for
    before "as" in the sentence, since the parser may hang "as" on a later word."""
    as_token = saying.head
    for verb in reversed(list(saying.sent[: as_token.i - saying.sent.start])):
        if verb.pos_ == "VERB" and verb.lemma_.lower() in article.lexicon.citing_verbs:
            return next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


def _after_according_to(subject: Any) -> bool:
    """True when the phrase of ``subject`` opens right after "according to"."""
    first = subject.left_edge
    doc = subject.doc
    return (
        first.i >= 2 and doc[first.i - 1].lower_ == "to" and doc[first.i - 2].lower_ == "according"
    )


def _apposition_before(token: Any, article: Article) -> Any:
    """The head of ", NAME," right before ``token`` when it is an apposition in the same
    paragraph (see ``speaker_head``), else None."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != ",":
        return None
    candidate = doc[token.i - 2]
    while candidate.dep_ in ("compound", "flat") and candidate.head.i > candidate.i:
        candidate = candidate.head
    if (
        candidate.dep_ == "appos"
        and candidate.pos_ in ("PROPN", "NOUN")
        and article.paragraph_of(candidate.idx) == article.paragraph_of(token.idx)
        and not article.inside_quote(candidate.idx)
    ):
        return candidate
    return None


def _reports_a_statement(token: Any, article: Article) -> bool:
    """False for a cue that reports no statement actually made: negated ("did not say"),
    still to come ("will announce"), hypothetical ("if he says"), passive with no agent
    ("it is said that"), or the object of another verb ("is expected to announce",
    "declined to say", "refused to confirm")."""
    if not _said_as_written(token):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if infinitive and token.dep_ in ("xcomp", "advcl") and not _said_as_written(token.head):
        return False  # "did not go on to say C", "will go on to say C"
    children = list(token.children)
    passive = (
        any(c.dep_ == "auxpass" for c in children)
        or (token.tag_ == "VBN" and token.dep_ in ("acl", "amod") and token.head.pos_ != "VERB")
        or _reduced_passive_infinitive(token)
    )
    if passive and not any(c.dep_ == "agent" for c in children):
        # "it is said that ...", "X was told that ...", "Hurricane Maria, estimated to have
        # done $90 billion in damage": nobody is attributed
        return False
    if token.dep_ != "xcomp" or token.head.lemma_.lower() in article.lexicon.verbs:
        return True
    # "He went on to say C", "proceeded to explain C": the statement is made all the same.
    return _carries_on(token.head, article.lexicon) and _said_as_written(token.head)


def _reduced_passive_infinitive(token: Any) -> bool:
    """ "Hurricane Maria, estimated to have done $90 billion in damage", "X, said to be the
    richest man, ...": a participle with no subject and an infinitive (the parser may tag it
    VBD and hang it as a clause) is a passive; "he claimed to have seen it" has a subject."""
    if token.dep_ not in ("advcl", "acl") or token.tag_ not in ("VBD", "VBN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in token.children
    )


def _said_as_written(verb: Any) -> bool:
    """False when ``verb`` is negated, future or hypothetical ("did not say", "will
    announce", "if he says")."""
    for child in verb.children:
        if child.dep_ == "neg":
            return False
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES:
            return False
        if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
            return False
    return True


def _carries_on(verb: Any, lexicon: Lexicon) -> bool:
    """ "went on (to say)", "proceeded (to say)": a verb of going on with the cue under it."""
    lemma = verb.lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return lemma in lexicon.carrying_verbs or any(
        f"{lemma} {p}" in lexicon.carrying_verbs for p in particles
    )


def _is_question(sentence: Any) -> bool:
    stripped = sentence.text.rstrip()
    return stripped.endswith("?")


def _verb_between(low: Any, high: Any) -> bool:
    """True when a verb other than ``high`` lies on the path up from ``low`` to ``high``
    (the clause then belongs to that verb: "said, adding that D")."""
    node = low.head
    while node.i != high.i and node.head.i != node.i:
        if node.pos_ in ("VERB", "AUX"):
            return True
        node = node.head
    return False


def _reported_continuation(cue: Any, last: Any, lexicon: Lexicon) -> Any:
    """Extend reported content over a clause the parser hung on the cue by "and": "said the
    passport was taken and she was forced to work" (a clause with its own subject that is no
    new report of its own)."""
    for child in cue.children:
        if (
            child.dep_ == "conj"
            and child.i > last.i
            and child.left_edge.i <= last.i + 3
            and child.lemma_.lower() not in lexicon.verbs
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            last = child.right_edge
    return last


def _bare_clause_as_adverbial(token: Any) -> list[Any]:
    """ "she said as a teenager she was forced into marriage": a complement without "that"
    opening with an adverbial, which the parser hung on the cue as an adverbial clause. Only
    a finite clause with a subject and no subordinating word ("said when asked", "said
    because ...", "said, adding ..." are not complements)."""
    for clause in token.children:
        if (
            clause.dep_ == "advcl"
            and clause.i > token.i
            and clause.pos_ in ("VERB", "AUX")
            and _is_finite(clause)
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children)
            and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in clause.children)
            and not any(t.text in (",", ";", ":", "—") for t in token.doc[token.i + 1 : clause.i])
        ):
            return [clause]
    return []


def _that_clause_below(token: Any) -> list[Any]:
    """A "that" clause the parser hung lower than the cue ("told X in a statement that C")."""
    for t in token.subtree:
        clause = t.head
        if (
            t.i > token.i
            and t.dep_ == "mark"
            and t.lower_ == "that"
            and clause.pos_ in ("VERB", "AUX")
            and clause.i > token.i
            and clause.dep_ in ("ccomp", "acl", "relcl", "advcl")
            and not _verb_between(clause, token)
        ):
            return [clause]
    return []


def _clause_content(article: Article, token: Any, cue: CueVerb) -> Span | None:
    """The reported statement governed by cue verb ``token`` (or None): the frames of the
    cue are tried in order, "to" first (a "to" phrase leaves no clause to find)."""
    if "to" in cue.frames and (content := _to_phrase(article, token)):
        return content
    if "that" in cue.frames:
        for frame in (
            _noun_and_its_clause,
            _clause_after,
            _clause_the_cue_hangs_on,
            _object_then_clause,
            _clause_before,
            _statement_around,
            _statement_before,
        ):
            found = frame(article, token)
            if found == _NOT_A_STATEMENT:
                return None
            if found is not None:
                return found
    if "as" in cue.frames and (content := _as_phrase(article, token)):
        return content
    if "finding" in cue.frames:
        return _finding(article, token)
    return None


def _finding(article: Article, token: Any) -> Span | None:
    """ "researchers reported a new mechanism by which warm currents erode the ice", "an
    investigation found no such action on his part": a finding given as a noun phrase, when
    the subject is research (``finding_subjects`` in cues.yml: not "a poll found")."""
    subject = speaker_head(token, article)
    if subject is None or subject.lemma_.lower() not in article.lexicon.finding_subjects:
        return None
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    if any(c.dep_ == "conj" and c.pos_ == "VERB" and not _has_subject(c) for c in token.children):
        # "a study reported astronomers from ESO and elsewhere discovered a black hole": the
        # object may be the subject of the verb the parser coordinated with the cue
        return None
    doc, sentence = article.doc, article.sentence(token)
    last = doc[min(obj.right_edge.i, sentence.end - 1)]
    following = doc[last.i + 1] if last.i + 1 < sentence.end else None
    if following is not None and following.pos_ == "VERB" and _is_finite(following):
        # "a study reported astronomers from ESO discovered a black hole": the object is
        # the subject of a clause the parser hung elsewhere; the clause is the finding.
        last = doc[min(max(following.right_edge.i, following.i), sentence.end - 1)]
    elif last.i - obj.left_edge.i < 3:
        return None  # "found two bodies": a count, not a finding stated
    return trim(article.text, *span_of(obj.left_edge, last))


# Returned by a frame that recognises its construction but finds no statement in it.
_NOT_A_STATEMENT: Span = (-1, -1)


def _to_phrase(article: Article, token: Any) -> Span | None:
    """ "admitted to being part of the effort"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i == token.i + 1:
            target = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if target is not None:
                return trim(article.text, *span_of(target.left_edge, target.right_edge))
    return None


def _clause_the_cue_hangs_on(article: Article, token: Any) -> Span | None:
    """ "with local media reporting no-one was in the houses": the parser hangs the "with"
    phrase of the participle on the reported clause's verb; "Al Jazeera reported on
    Thursday, coverage had risen to 55 percent": it hangs the attribution that opens the
    sentence on the clause after it (as for "C, X said"; also after a fronted adverbial: "In
    between, she testified, she was raped"). That verb, after the cue and with
    a subject of its own, is the content (from the word after the cue's phrase)."""
    prep = token.head
    if token.tag_ == "VBG" and token.dep_ == "pcomp" and prep.lower_ == "with":
        clause = prep.head
        if clause.i < token.i:
            # "..., with the board confirming on Twitter they were "not travelling"": the
            # "with" phrase hangs on the main verb before it, and the clause on that verb too.
            clause = _clause_right_after(article, token)
            if clause is None:
                return None
    elif (
        token.dep_ in ("ccomp", "parataxis")
        and token.head.i > token.i
        and token.left_edge.i == article.sentence(token).start
        and "," in (token.right_edge.text, article.doc[token.right_edge.i + 1].text)
    ):
        clause = token.head
    else:
        return None
    if clause.i <= token.i or clause.pos_ not in ("VERB", "AUX") or not _has_subject(clause):
        return None
    if any(c.dep_ in ("dobj", "ccomp") for c in token.children):
        return None
    last = article.doc[min(clause.right_edge.i, article.sentence(token).end - 1)]
    if token.dep_ == "pcomp":
        # The participle's own phrases ("on Twitter", "yesterday") are not the statement,
        # which starts with the clause's subject at the latest.
        subjects = [c.left_edge.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        limit = min(subjects, default=clause.i)
        own = [
            c.right_edge.i
            for c in token.rights
            if c.dep_ in ("prep", "advmod", "npadvmod") and c.right_edge.i < limit
        ]
        first = article.doc[max([token.i, *own]) + 1]
    else:
        first = article.doc[max(token.i, token.right_edge.i) + 1]
    return trim(article.text, first.idx, last.idx + len(last.text))


def _clause_right_after(article: Article, token: Any) -> Any:
    """The finite verb whose subject comes right after the participle ``token`` and its own
    phrases, when the parser hangs that verb outside the participle (or None)."""
    after = token.right_edge.i + 1
    sentence = article.sentence(token)
    while after < sentence.end and article.doc[after].text in QUOTE_MARKS:
        after += 1
    if after >= sentence.end:
        return None
    subject = article.doc[after]
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass", "expl") or verb.i <= subject.i:
        return None
    if not _is_finite(verb) or any(a.i == token.i for a in verb.ancestors):
        return None
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # "confirming on Twitter because they ...": no statement
    return verb


def _noun_and_its_clause(article: Article, token: Any) -> Span | None:
    """ "denied all claims that Khashoggi was slain", "confirmed reports that C": the object
    is a noun of saying with its own "that" clause; what is denied or confirmed is the
    noun and its clause (a clause the parser hangs on the cue after it is another one)."""
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is None or obj.pos_ != "NOUN":
        return None
    for clause in obj.children:
        if (
            clause.dep_ in ("acl", "ccomp")
            and clause.i > obj.i
            and clause.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
        ):
            sentence = article.sentence(token)
            last = article.doc[min(clause.right_edge.i, sentence.end - 1)]
            return trim(article.text, *span_of(obj.left_edge, last))
    return None


def _clause_after(article: Article, token: Any) -> Span | None:
    """ "X said (that) C", "X told Y that C": the complement clause after the cue."""
    after = [c for c in token.children if c.dep_ == "ccomp" and c.i > token.i]
    if not after:
        after = _that_clause_below(token) or _bare_clause_as_adverbial(token)
    if not after:
        return None
    clause = after[0]
    first = clause.left_edge
    stray_subject = _object_as_subject(token, clause)
    if stray_subject is not None:
        first = stray_subject.left_edge
    elif clause.pos_ == "ADJ" or not (
        _has_subject(clause) or _is_finite(clause) or _opens_quoted_statement(article, clause)
    ):
        # "found it curious" (an adjective small clause), "found the plan to be ...": an
        # object and its complement, no reported clause. (A clause whose verb the tagger
        # took for a noun, "predicts Trump wins re-election", is still one.)
        return _NOT_A_STATEMENT
    if first.i > token.i + 1 and article.doc[first.i - 1].text in QUOTE_MARKS:
        first = article.doc[first.i - 1]  # 'said "three terrorists" were killed'
    if first.i < token.i:
        return _NOT_A_STATEMENT  # "a plan, which officials say will cost ...": parenthetical
    if _indirect_question(first, clause):
        return _NOT_A_STATEMENT  # "did not say why ...": an indirect question
    # "said he would vote against it: "C"": a second complement after a colon is the
    # quotation the colon introduces, a claim of its own (see direct.py).
    after = [c for c in after if not _colon_between(clause.right_edge, c)] or after
    last = max((c.right_edge for c in after), key=lambda t: t.i)
    last = _reported_continuation(token, last, article.lexicon)
    last = article.doc[min(last.i, article.sentence(token).end - 1)]
    start, end = span_of(first, last)
    quoted = _quotation_opened_at(article, start)
    if quoted is not None and quoted.close is not None and quoted.close > end:
        end = quoted.close  # 'noting that "A, B"': the parser's clause stopped inside A
    return trim(article.text, start, end)


def _opens_quoted_statement(article: Article, clause: Any) -> bool:
    """'noting that "Using agencies to put your finger on the scale, I don't think that's
    right"': "that" and a quotation mark open the clause, which is a statement even when
    the parser took a word inside the quotation for its (non-finite) verb."""
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and (
        _quotation_opened_at(article, clause.left_edge.idx) is not None
    )


def _quotation_opened_at(article: Article, start: int) -> QuoteSegment | None:
    """The quotation whose opening mark starts the content at ``start`` ("that" and spaces
    before it allowed), else None."""
    skip = len(LEADING_THAT.match(article.text, start).group(0))
    for segment in article.quotes_within(start, start + skip + 2):
        if segment.open == start + skip:
            return segment
    return None


def _indirect_question(first: Any, clause: Any) -> bool:
    """ "did not say why/whether/if C": the complement itself opens with a question word.
    "said if the goal is peace, then they should leave" is a conditional statement: the "if"
    belongs to a clause inside the complement, which has a main clause of its own."""
    if any(c.dep_ == "mark" and c.lower_ in WH_WORDS for c in clause.children):
        return True
    if first.lower_ not in WH_WORDS:
        return False
    conditional = (
        first.dep_ == "mark" and first.head.dep_ == "advcl" and first.head.head.i == clause.i
    )
    return not conditional


def _has_subject(verb: Any) -> bool:
    return any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for c in verb.children
    )


def _colon_between(first_end: Any, later: Any) -> bool:
    return later.i > first_end.i and any(
        t.text == ":" for t in first_end.doc[first_end.i + 1 : later.left_edge.i + 1]
    )


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _is_finite(verb: Any) -> bool:
    return verb.tag_ in FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in verb.children
    )


def _object_as_subject(token: Any, clause: Any) -> Any:
    """ "indicated a homicide probe is ongoing": the parser takes the clause's subject for
    the cue's object and leaves the clause without one. That object (or None)."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children):
        return None
    objects = [c for c in token.children if c.dep_ == "dobj" and token.i < c.i < clause.i]
    if not objects or not _is_finite(clause):
        return None
    obj = objects[-1]
    between = token.doc[obj.right_edge.i + 1 : clause.left_edge.i]
    if any(t.text in (";", ":") for t in between):
        return None
    parenthesis = (
        len(between) >= 3
        and between[0].text == ","
        and between[-1].text == ","
        and not any(t.dep_ == "cc" or t.text == "," for t in between[1:-1])
    )
    if any(t.text == "," for t in between) and not (
        parenthesis
        or (
            all(t.is_punct for t in between)
            and any(t.text == "," for t in token.doc[obj.i + 1 : obj.right_edge.i + 1])
        )
    ):
        # commas after the object may only enclose a parenthesis about it ("announced the
        # bridge, closed since May, would reopen")
        return None
    return obj


def _object_then_clause(article: Article, token: Any) -> Span | None:
    """ "scientists report spiky skulls evolved 25 times", "maintained an inquiry is what
    the committee does": the clause's subject parsed as the cue's object, the clause's verb
    hung on that object (acl) or on the cue (conj). Content: from the object to the end of
    that verb's phrase."""
    obj = next((c for c in token.children if c.dep_ == "dobj" and c.i > token.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    doc, sentence = article.doc, article.sentence(token)
    if (raised := _object_to_be(article, token, obj)) is not None:
        return raised
    for verb in doc[obj.i + 1 : sentence.end]:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        # (On the cue, or on the verb the cue hangs from: "cited the Air Force as stating
        # Saha Airlines owned the plane", "owned" a conjunct of "cited".)
        attached = (verb.dep_ in ("acl", "relcl") and verb.head.i == obj.i) or (
            verb.dep_ == "conj"
            and (
                verb.head.i == token.i
                or (verb.head.i < token.i and any(a.i == verb.head.i for a in token.ancestors))
            )
        )
        if attached and _past_tense_taken_for_participle(article, token, verb):
            last = doc[min(verb.right_edge.i, sentence.end - 1)]
            return trim(article.text, *span_of(obj.left_edge, last))
        if not attached or not _is_finite(verb) or verb.tag_ == "VBN" and verb.dep_ == "acl":
            return _object_parenthesis_then_clause(article, token, obj)
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children):
            return None
        between = doc[obj.i + 1 : verb.i]
        if any(t.text in (",", ";", ":") or t.dep_ == "cc" for t in between):
            return _object_parenthesis_then_clause(article, token, obj)
        if any(t.head.i == token.i for t in between):
            return None  # "announced the plan in a release and followed it up": the cue's own
        last = doc[min(verb.right_edge.i, sentence.end - 1)]
        return trim(article.text, *span_of(obj.left_edge, last))
    return None


def _past_tense_taken_for_participle(article: Article, token: Any, verb: Any) -> bool:
    """ "CalFire said several acres of land burned before the flames were put out": the
    clause's past tense taken for a participle modifying the cue's object ("acres burned",
    acl). A regular verb's past tense and participle are one form, so the parse cannot be
    trusted; for a cue of saying (no noun-phrase findings, not a verb whose object is the
    listener) a reduced relative after the object that names no agent ("a plan backed by
    the council") and carries a clause of its own is rare."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not verb.lower_.endswith("ed"):
        return False
    cue = article.lexicon.verbs.get(token.lemma_.lower())
    if cue is None or "finding" in cue.frames or token.lemma_.lower() in LISTENER_VERBS:
        return False
    dependents = list(verb.children)
    if any(c.dep_ in ("agent", "dobj", "nsubj", "nsubjpass", "mark") for c in dependents):
        return False
    # The participle follows the object's own words, with no comma ("acres of land burned").
    if any(t.is_punct for t in article.doc[verb.head.i : verb.i]):
        return False
    # Only with a clause of its own ("burned before the flames were put out"): a modifier
    # with a mere phrase is as often a true participle ("announced new measures aimed at
    # cutting costs", "confirmed the deal signed in May"), and the tag cannot tell.
    return any(c.dep_ == "advcl" for c in dependents)


def _object_parenthesis_then_clause(article: Article, token: Any, obj: Any) -> Span | None:
    """ "announced the new region, to be called Bangsamoro, would be governing itself",
    "established that poor hygiene, specifically hand washing, is responsible": the clause's
    subject, with a parenthesis between commas, parsed as the cue's object, and its verb
    hung anywhere (often on the sentence's first clause). The verb must follow the object's
    phrase right after its closing comma, be finite and have no subject of its own."""
    doc, sentence = article.doc, article.sentence(token)
    end = obj.right_edge.i
    if end >= sentence.end - 1 or not any(t.text == "," for t in doc[obj.i + 1 : end + 1]):
        return None  # no parenthesis inside the object's phrase
    after = end + 1
    while after < sentence.end and doc[after].text == ",":
        after += 1
    if after == end + 1 and doc[end].text != ",":
        return None  # the parenthesis must be closed by a comma
    if after >= sentence.end:
        return None
    first = doc[after]
    verb = first.head if first.dep_ in ("aux", "auxpass", "neg") else first
    if verb.pos_ not in ("VERB", "AUX") or verb.i < after or not _is_finite(verb):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in verb.children):
        return None
    if any(t.dep_ == "cc" and t.head.i == verb.i and t.i < verb.i for t in doc[after : verb.i]):
        return None
    last = doc[min(verb.right_edge.i, sentence.end - 1)]
    return trim(article.text, *span_of(obj.left_edge, last))


# Verbs whose object is the one spoken to: "told the children to be quiet" is an order,
# not a report that the children are quiet.
LISTENER_VERBS = frozenset(("tell", "warn", "urge", "ask", "order", "remind", "advise", "inform"))


def _object_to_be(article: Article, token: Any, obj: Any) -> Span | None:
    """ "outlets reported Hamza bin Laden to be dead", "claimed the letter to have been
    forged": the object and an infinitive of "be" (or a perfect infinitive) state C."""
    if token.lemma_.lower() in LISTENER_VERBS:
        return None
    for verb in token.children:
        if verb.dep_ != "xcomp" or verb.i < obj.i:
            continue
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if "to" not in auxiliaries:
            continue
        if verb.lemma_ == "be" or "have" in auxiliaries:
            last = article.doc[min(verb.right_edge.i, article.sentence(token).end - 1)]
            return trim(article.text, *span_of(obj.left_edge, last))
    return None


def _clause_before(article: Article, token: Any) -> Span | None:
    """ "C, X said" / "C, said X" with C parsed as the cue's complement."""
    before = [c for c in token.children if c.dep_ == "ccomp" and c.i < token.i]
    if not before:
        return None
    doc = article.doc
    clause = before[-1]
    start = doc[max(clause.left_edge.i, article.sentence(token).start)]
    # Up to where the attribution starts: its subject ("C, Xi said") or the verb itself
    # ("C, said analysts"); the parser's clause often stops short of that.
    stop = token.i
    subject = speaker_head(token, article)
    if subject is not None and clause.i < subject.i < token.i:
        stop = subject.left_edge.i
        # "C, D, spokesperson Wang Wenbin said" misparsed with the name as an apposition of
        # the list's last item: the attribution starts at the name.
        for child in subject.children:
            if child.dep_ == "appos" and child.right_edge.i == token.i - 1:
                stop = child.left_edge.i
    if stop <= start.i:
        return None
    semicolons = [t for t in doc[start.i : stop] if t.text == ";"]
    if semicolons:
        after = semicolons[-1].i + 1
        if after >= stop or all(t.is_punct for t in doc[after:stop]):
            return None  # "C; X promised protests": two sentences joined, not "C, X said"
        sentence = article.sentence(token)
        if any(not t.is_punct for t in doc[token.right_edge.i + 1 : sentence.end]) or any(
            not t.is_punct for t in doc[token.i + 1 : token.right_edge.i + 1]
        ):
            # "C; D, officials said, spilled": the attribution interrupts the statement
            # after the semicolon, which is the content.
            return trim(article.text, doc[after].idx, sentence.end_char)
    return trim(article.text, start.idx, doc[stop - 1].idx + len(doc[stop - 1].text))


def _statement_around(article: Article, token: Any) -> Span | None:
    """ "The plan, X said, would cost ...": the attribution inside the statement, between
    commas; the content is the whole sentence (the attribution lies inside the span)."""
    doc, sentence = article.doc, article.sentence(token)
    left, right = token.left_edge, token.right_edge
    comma_before = left.text == "," or (left.i > sentence.start and doc[left.i - 1].text == ",")
    comma_after = right.text == "," or (right.i + 1 < sentence.end and doc[right.i + 1].text == ",")
    if (
        token.dep_ in ("parataxis", "ccomp", "advcl")
        and token.head.i > token.i
        and left.i > sentence.start
        and comma_before
        and comma_after
    ):
        return trim(article.text, sentence.start_char, sentence.end_char)
    return None


def _statement_before(article: Article, token: Any) -> Span | None:
    """ "C, X said" with C parsed as the main clause and the cue hanging off it."""
    doc, sentence = article.doc, article.sentence(token)
    if (
        token.dep_ in ("parataxis", "ccomp", "advcl", "dep")
        and token.head.i < token.i
        and token.tag_ != "VBG"  # "..., agreeing to work": a participle reports nothing back
    ):
        left = token.left_edge
        if left.text in (",", "—", "–") and left.i > sentence.start:
            left = doc[left.i + 1]  # the comma parsed as the cue's own ("C, X said, to ...")
        if left.i > sentence.start and doc[left.i - 1].text in (",", "—", "–"):
            return trim(article.text, sentence.start_char, left.idx)
    return None


def _as_phrase(article: Article, token: Any) -> Span | None:
    """ "described homeopathy as a form of quackery": what is described and how, both."""
    doc, sentence = article.doc, article.sentence(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            start = doc[token.i + 1] if token.i + 1 < child.i else child
            # Up to the end of the verb's own phrase: not into a verb coordinated with it
            # ('characterised the deaths as "crushing" and wrote "C"': C is another claim).
            conjuncts = [c.left_edge.i for c in token.children if c.dep_ in ("conj", "cc")]
            stop = min([*conjuncts, token.right_edge.i + 1])
            while stop - 1 > child.i and (doc[stop - 1].dep_ == "cc" or doc[stop - 1].text == ","):
                stop -= 1  # "... as a hoax and": not the "and" that joins the next verb
            end = doc[min(stop - 1, sentence.end - 1)]
            return trim(article.text, start.idx, end.idx + len(end.text))
    return None


def verb_claims(article: Article, used_cues: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for token in article.doc:
        if token.i in used_cues:
            continue
        head: Any = None
        content: Span | None = None
        cue = cue_entry(token, article.lexicon)
        misparsed = None if cue is not None else _misparsed_cue(article, token)
        if misparsed is not None:
            cue, head, content = misparsed
        if cue is None or article.inside_quote(token.idx):
            continue
        if article.paragraph_of(token.idx) in article.headline_paragraphs:
            continue
        if _is_question(article.sentence(token)):
            continue
        if misparsed is None and not _reports_a_statement(token, article):
            continue
        if misparsed is None:
            content = _clause_content(article, token, cue)
            head = speaker_head(token, article)
        if content is None or len(article.text[content[0] : content[1]].split()) < 2:
            continue
        content = unquote(article, content)
        source = classify_source(head, article.index, article.lexicon)
        if source.kind == "unknown" and (author := _author_of(head, article)) is not None:
            head, source = author
        if not cue.strong and source.kind == "unknown":
            continue
        end = token.idx + len(token.text)
        particle = next((c for c in token.children if c.dep_ == "prt"), None)
        if cue.particle and particle is not None:
            end = particle.idx + len(particle.text)
        drafts.append(
            Draft(
                content=content,
                cue_lemma=cue.lemma if not cue.particle else f"{cue.lemma} {cue.particle}",
                cue=(token.idx, end),
                source=source,
                mode=mode_of(article, *content),
                anchor=head.idx if head is not None else token.idx,
                speaker_token=head,
                cue_token=token.i,
            )
        )
        used_cues.add(token.i)
    return drafts


def _misparsed_cue(article: Article, token: Any) -> tuple[CueVerb, Any, Span] | None:
    """A cue verb the tagger took for another part of speech, with its speaker's head and
    its content, or None."""
    adjective = _cue_taken_for_adjective(article, token)
    if adjective is not None:
        return (article.lexicon.verbs[token.lemma_.lower()], *adjective)
    return _cue_taken_for_noun(article, token)


def _cue_taken_for_noun(article: Article, token: Any) -> tuple[CueVerb, Any, Span] | None:
    """ "The database lists Saha as belonging to the Air Force and states it runs flights":
    a cue in -s coordinated with a verb, tagged as a plural noun, with the clause it reports
    hung on the first verb. The first verb's subject speaks; the clause right after the cue
    is the content."""
    word = token.lower_
    if token.tag_ != "NNS" or token.dep_ != "conj" or not word.endswith("s"):
        return None
    stems = (
        (word[:-3] + "y", word[:-2], word[:-1]) if word.endswith("ies") else (word[:-2], word[:-1])
    )
    entry = next((article.lexicon.verbs[w] for w in stems if w in article.lexicon.verbs), None)
    first = token.head
    if entry is None or "that" not in entry.frames or entry.particle:
        return None
    if first.pos_ != "VERB" or first.i >= token.i or article.doc[token.i - 1].dep_ != "cc":
        return None
    clause = next(
        (
            c
            for c in first.children
            if c.dep_ in ("ccomp", "conj")
            and c.left_edge.i == token.i + 1
            and c.pos_ in ("VERB", "AUX")
            and _has_subject(c)
            and _is_finite(c)
        ),
        None,
    )
    if clause is None:
        return None
    last = article.doc[min(clause.right_edge.i, article.sentence(token).end - 1)]
    return entry, speaker_head(first, article), trim(article.text, *span_of(clause.left_edge, last))


def _cue_taken_for_adjective(article: Article, token: Any) -> tuple[Any, Span] | None:
    """ "Agnès Callamard, a UN rapporteur who had investigated the case, cautioned justice
    does not come swiftly": after a long apposition the tagger may take the cue for an
    adjective of the next noun ("cautioned justice"), that noun for a second apposition of
    the subject, and the sentence's verb for the main one. Returns the speaker (the
    subject the apposition hangs on, which the parser may also give that verb) and the
    content (from the noun to the sentence's end), or None."""
    entry = article.lexicon.verbs.get(token.lemma_.lower())
    if entry is None or "that" not in entry.frames or entry.particle:
        return None
    if token.dep_ != "amod" or token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN"):
        return None
    doc, sentence = article.doc, article.sentence(token)
    noun = token.head
    if token.i == 0 or doc[token.i - 1].text != "," or noun.i != token.i + 1:
        return None
    if noun.dep_ != "appos" or noun.head.i >= token.i or noun.head.pos_ not in ("PROPN", "NOUN"):
        return None
    root = sentence.root
    if root.i <= noun.i or root.pos_ not in ("VERB", "AUX") or not _is_finite(root):
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")]
    if any(c.i != noun.head.i for c in subjects):
        return None  # the verb has a subject of its own (the subject of the cue may be it)
    last = doc[min(root.right_edge.i, sentence.end - 1)]
    return noun.head, trim(article.text, noun.idx, last.idx + len(last.text))


def _author_of(head: Any, article: Article) -> tuple[Any, Source] | None:
    """ "An investigation by PolitiFact found ...", "a study by Harvard researchers
    concluded ...": research (``finding_subjects``) by a named or unnamed source."""
    if head is None or head.lemma_.lower() not in article.lexicon.finding_subjects:
        return None  # not "polling by Democratic organizations indicated": polls are no source
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            author = next((c for c in prep.children if c.dep_ == "pobj"), None)
            source = classify_source(author, article.index, article.lexicon)
            if author is not None and source.kind in ("named", "vague"):
                return author, source
    return None


def cut_at_participles(article: Article, drafts: list[Draft]) -> list[Draft]:
    """ "insisted that the merger would go ahead, saying shareholders had backed it": when
    the parser hangs the participle inside the first content, that content stops before it
    (the participle's statement is its own claim, as with "adding that")."""
    doc = article.doc
    participles = [d for d in drafts if d.cue_token is not None and doc[d.cue_token].tag_ == "VBG"]
    result = []
    for draft in drafts:
        start, end = draft.content
        for other in participles:
            cue = doc[other.cue_token]
            if other is not draft and start < cue.idx < end and other.content[0] > cue.idx:
                # (Before "with" too: "C, with the board confirming D".)
                opening = cue.head if cue.dep_ == "pcomp" and cue.head.i < cue.i else cue
                end = min(end, cue.left_edge.idx, opening.idx)
        if end != draft.content[1]:
            content = trim(article.text, start, end)
            draft = replace(draft, content=content, mode=mode_of(article, *content))
        result.append(draft)
    return result
