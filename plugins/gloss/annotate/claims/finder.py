"""Finding attributed claims in a parsed article: quotations first, then reporting verbs,
then "according to" phrases; pronoun speakers and floating quotes are settled last, in
text order. See docs/claims.md for what counts as a claim and why.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import Any

from .lexicon import CueVerb, Lexicon, load_lexicon
from .quotes import QUOTE_MARKS, QuoteSegment, chain_quotations, find_quotes, paragraph_spans
from .speakers import UNKNOWN, EntityIndex, PronounResolver, Source, classify_source

Span = tuple[int, int]  # (start, end) character offsets, end exclusive

# Direct quotes shorter than this (in words) are not claims: with a cue, "Absolutely not."
# counts; a floating quote (no cue) needs a little more to be told from a name or a title.
MIN_QUOTE_WORDS = 2
MIN_FLOATING_QUOTE_WORDS = 3
# How far (in tokens) an attribution may reach after a closing quotation mark.
MAX_ATTRIBUTION_TOKENS = 25
# A paragraph this short without final punctuation is a headline or a caption.
HEADLINE_MAX_WORDS = 20

SUBJECTS = ("nsubj",)
# A complement opening with these is an indirect question ("did not say why"), not a claim.
WH_WORDS = frozenset({"why", "how", "whether", "if"})
SENTENCE_END = re.compile(r"[.!?]")
EDGE_PUNCTUATION = " \t\n,;:.–—-"
_THAT_BEFORE = re.compile(r"\bthat\s*[\"“‘]?\s*$", re.IGNORECASE)


@dataclass
class Draft:
    """A claim being built: spans are (start, end) character offsets."""

    content: tuple[int, int]
    cue_lemma: str
    cue: tuple[int, int] | None
    source: Source
    mode: str
    anchor: int  # where the speaker is looked for (pronoun resolution order)
    speaker_token: Any = None
    floating: bool = False
    cue_token: int | None = None


class _Article:
    """The parsed text with the lookups every rule needs."""

    def __init__(self, doc: Any, entities: list[Any], lexicon: Lexicon):
        self.doc = doc
        self.text: str = doc.text
        self.lexicon = lexicon
        self.index = EntityIndex(entities, self.text)
        self.index.learn_gender(lexicon.given_names)
        self.paragraphs = paragraph_spans(self.text)
        self._paragraph_starts = [s for s, _ in self.paragraphs]
        self.segments = find_quotes(self.text)
        self._segment_opens = [seg.open for seg in self.segments]
        self._token_starts = [t.idx for t in doc]
        self.sentences = _paragraph_sentences(doc)
        self._sentence_of = {i: n for n, (a, b) in enumerate(self.sentences) for i in range(a, b)}
        self.headline_paragraphs = {
            i for i, (s, e) in enumerate(self.paragraphs) if _looks_like_headline(self.text[s:e])
        }

    def sentence(self, token: Any) -> Any:
        """The sentence of ``token`` as a Span, never crossing a paragraph break."""
        n = self._sentence_of.get(token.i)
        if n is None:
            return token.sent
        start, end = self.sentences[n]
        return self.doc[start:end]

    def previous_sentences(self, token: Any, limit: int) -> list[Any]:
        """Up to ``limit`` sentences before the one of ``token``, nearest first."""
        n = self._sentence_of.get(token.i)
        if n is None:
            return []
        return [self.doc[a:b] for a, b in reversed(self.sentences[max(0, n - limit) : n])]

    def paragraph_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._paragraph_starts, offset) - 1)

    def token_at(self, offset: int) -> Any:
        """The token covering ``offset``, or the next one."""
        i = bisect.bisect_right(self._token_starts, offset) - 1
        i = max(0, i)
        token = self.doc[i]
        if token.idx + len(token.text) <= offset and i + 1 < len(self.doc):
            token = self.doc[i + 1]
        return token

    def inside_quote(self, offset: int) -> bool:
        """True when ``offset`` lies between a quote's marks (segments do not overlap)."""
        i = bisect.bisect_left(self._segment_opens, offset) - 1
        if i < 0:
            return False
        seg = self.segments[i]
        end = seg.close if seg.close is not None else seg.end
        return seg.open < offset < end

    def quotes_within(self, start: int, end: int) -> list[QuoteSegment]:
        return [s for s in self.segments if s.start < end and s.end > start]


def _paragraph_sentences(doc: Any) -> list[tuple[int, int]]:
    """spaCy's sentences, cut again at paragraph breaks (the parser sometimes runs a sentence
    over a blank line), as (first token, end token) pairs without the blank-line tokens."""
    sentences: list[tuple[int, int]] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.is_space and token.text.count("\n") >= 2:
                end = token.i if token.is_space else token.i + 1
                if end > start:
                    sentences.append((start, end))
                start = token.i + 1
        if sent.end > start:
            sentences.append((start, sent.end))
    return [(a, b) for a, b in sentences if not all(t.is_space for t in doc[a:b])]


def _looks_like_headline(paragraph: str) -> bool:
    stripped = paragraph.rstrip()
    return (
        bool(stripped)
        and stripped[-1] not in '.!?"”’)…'
        and len(stripped.split()) <= HEADLINE_MAX_WORDS
    )


def _span(tokens_start: Any, tokens_end: Any) -> tuple[int, int]:
    return tokens_start.idx, tokens_end.idx + len(tokens_end.text)


def _trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Drop spaces and punctuation at both ends, a leading "that", unbalanced quote marks."""
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE_PUNCTUATION:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCTUATION:
            end -= 1
        # (lower case only: a sentence-initial "That is wrong, he said" keeps its word)
        if text[start : start + 5] == "that " and end - start > 5:
            start += 5
        if text[start:end].count('"') % 2 == 1 or not keep_quotes:
            if end > start and text[end - 1] in QUOTE_MARKS and text[start] not in QUOTE_MARKS:
                end -= 1
            elif end > start and text[start] in QUOTE_MARKS:
                start += 1
        if (start, end) == before:
            return start, end


def _unquote(article: _Article, span: tuple[int, int]) -> tuple[int, int]:
    """A content that is exactly one quotation, marks included, without its marks."""
    start, end = span
    if _THAT_BEFORE.search(article.text[max(0, start - 8) : start]):
        return span  # 'wrote that "C"': reported speech that quotes, a mixed claim
    for seg in article.quotes_within(start, end):
        if seg.open == start and seg.close is not None and seg.close in (end - 1, end - 2):
            return _trim(article.text, seg.start, seg.end, keep_quotes=False)
    return span


def _mode(article: _Article, start: int, end: int) -> str:
    """ "direct" when the content is all quoted, "mixed" when it contains quoted words."""
    text = article.text[start:end]
    segments = article.quotes_within(start, end)
    after_that = _THAT_BEFORE.search(article.text[max(0, start - 8) : start])
    if not after_that and any(seg.start <= start and end <= seg.end for seg in segments):
        return "direct"  # '"C," according to X': the content is the quotation itself
    quoted = any(mark in text for mark in QUOTE_MARKS) or segments
    return "mixed" if quoted else "indirect"


# --- reporting verbs ---------------------------------------------------------------------


def _cue_entry(token: Any, lexicon: Lexicon) -> CueVerb | None:
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


def _speaker_head(token: Any, article: _Article, depth: int = 0) -> Any:
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
        return subject
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
    if token.dep_ == "pcomp" and token.head.lower_ == "as":
        passive = token.head.head
        if any(c.dep_ == "auxpass" for c in passive.children):
            return next((c for c in passive.children if c.dep_ == "nsubjpass"), None)
    # "with analysts saying C": the participle hangs on its subject.
    if token.dep_ == "acl" and token.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return token.head
    # "X said C, adding that D" / "X theorized ..., and wrote that D": the governing verb's.
    if token.dep_ in ("advcl", "xcomp", "conj", "pcomp") and depth < 3:
        head = token.head
        if head.dep_ == "prep":
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
            return _speaker_head(siblings[-1], article, depth + 1)
        # "X insisted that M would go ahead, saying C": the participle hangs inside the
        # reported clause; the cue that governs that clause is the one whose speaker it shares.
        governing = head
        while governing.dep_ in ("ccomp", "conj") and governing.head.i != governing.i:
            governing = governing.head
            if governing.lemma_.lower() in article.lexicon.verbs and governing.pos_ == "VERB":
                return _speaker_head(governing, article, depth + 1)
        if head.pos_ in ("VERB", "AUX"):
            return _speaker_head(head, article, depth + 1)
    return None


# Auxiliaries of a statement not made yet ("will announce that ...").
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})
# Marks of a hypothetical ("if X says that ...").
HYPOTHETICAL_MARKS = frozenset({"if", "unless", "whether"})


def _reports_a_statement(token: Any, article: _Article) -> bool:
    """False for a cue that reports no statement actually made: negated ("did not say"),
    still to come ("will announce"), hypothetical ("if he says"), or the object of another
    verb ("is expected to announce", "declined to say", "refused to confirm")."""
    for child in token.children:
        if child.dep_ == "neg":
            return False
        if child.dep_ == "aux" and child.lower_ in FUTURE_AUXILIARIES:
            return False
        if child.dep_ == "mark" and child.lower_ in HYPOTHETICAL_MARKS:
            return False
    return not (token.dep_ == "xcomp" and token.head.lemma_.lower() not in article.lexicon.verbs)


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


def _clause_content(article: _Article, token: Any, cue: CueVerb) -> Span | None:
    """The reported statement governed by cue verb ``token`` (or None): the frames of the
    cue are tried in order, "to" first (a "to" phrase leaves no clause to find)."""
    if "to" in cue.frames and (content := _to_phrase(article, token)):
        return content
    if "that" in cue.frames:
        for frame in (
            _clause_after,
            _clause_before,
            _statement_around,
            _statement_before,
        ):
            found = frame(article, token)
            if found == _NOT_A_STATEMENT:
                return None
            if found is not None:
                return found
    if "as" in cue.frames:
        return _as_phrase(article, token)
    return None


# Returned by a frame that recognises its construction but finds no statement in it.
_NOT_A_STATEMENT: Span = (-1, -1)


def _to_phrase(article: _Article, token: Any) -> Span | None:
    """ "admitted to being part of the effort"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "to" and child.i == token.i + 1:
            target = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if target is not None:
                return _trim(article.text, *_span(target.left_edge, target.right_edge))
    return None


def _clause_after(article: _Article, token: Any) -> Span | None:
    """ "X said (that) C", "X told Y that C": the complement clause after the cue."""
    after = [c for c in token.children if c.dep_ == "ccomp" and c.i > token.i]
    if not after:
        after = _that_clause_below(token)
    if not after:
        return None
    clause = after[0]
    first = clause.left_edge
    if first.i < token.i:
        return _NOT_A_STATEMENT  # "a plan, which officials say will cost ...": parenthetical
    if first.lower_ in WH_WORDS or any(
        c.dep_ == "mark" and c.lower_ in WH_WORDS for c in clause.children
    ):
        return _NOT_A_STATEMENT  # "did not say why ...": an indirect question
    last = max((c.right_edge for c in after), key=lambda t: t.i)
    last = _reported_continuation(token, last, article.lexicon)
    last = article.doc[min(last.i, article.sentence(token).end - 1)]
    return _trim(article.text, *_span(first, last))


def _clause_before(article: _Article, token: Any) -> Span | None:
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
    subject = _speaker_head(token, article)
    if subject is not None and clause.i < subject.i < token.i:
        stop = subject.left_edge.i
        # "C, D, spokesperson Wang Wenbin said" misparsed with the name as an apposition of
        # the list's last item: the attribution starts at the name.
        for child in subject.children:
            if child.dep_ == "appos" and child.right_edge.i == token.i - 1:
                stop = child.left_edge.i
    if stop <= start.i:
        return None
    return _trim(article.text, start.idx, doc[stop - 1].idx + len(doc[stop - 1].text))


def _statement_around(article: _Article, token: Any) -> Span | None:
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
        return _trim(article.text, sentence.start_char, sentence.end_char)
    return None


def _statement_before(article: _Article, token: Any) -> Span | None:
    """ "C, X said" with C parsed as the main clause and the cue hanging off it."""
    doc, sentence = article.doc, article.sentence(token)
    if (
        token.dep_ in ("parataxis", "ccomp", "advcl", "dep")
        and token.head.i < token.i
        and token.tag_ != "VBG"  # "..., agreeing to work": a participle reports nothing back
    ):
        left = token.left_edge
        if left.i > sentence.start and doc[left.i - 1].text in (",", "—", "–"):
            return _trim(article.text, sentence.start_char, left.idx)
    return None


def _as_phrase(article: _Article, token: Any) -> Span | None:
    """ "described homeopathy as a form of quackery": what is described and how, both."""
    doc, sentence = article.doc, article.sentence(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            start = doc[token.i + 1] if token.i + 1 < child.i else child
            end = doc[min(token.right_edge.i, sentence.end - 1)]
            return _trim(article.text, start.idx, end.idx + len(end.text))
    return None


def _verb_claims(article: _Article, used_cues: set[int]) -> list[Draft]:
    drafts: list[Draft] = []
    for token in article.doc:
        if token.i in used_cues:
            continue
        cue = _cue_entry(token, article.lexicon)
        if cue is None or article.inside_quote(token.idx):
            continue
        if article.paragraph_of(token.idx) in article.headline_paragraphs:
            continue
        if not _reports_a_statement(token, article) or _is_question(article.sentence(token)):
            continue
        content = _clause_content(article, token, cue)
        if content is None or len(article.text[content[0] : content[1]].split()) < 2:
            continue
        content = _unquote(article, content)
        head = _speaker_head(token, article)
        source = classify_source(head, article.index, article.lexicon)
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
                mode=_mode(article, *content),
                anchor=head.idx if head is not None else token.idx,
                speaker_token=head,
                cue_token=token.i,
            )
        )
        used_cues.add(token.i)
    return drafts


# --- "according to X" --------------------------------------------------------------------


def _according_claims(article: _Article, verb_claims: list[Draft]) -> list[Draft]:
    drafts: list[Draft] = []
    doc = article.doc
    claimed_cues = {d.cue_token for d in verb_claims}
    for phrase, lemma in article.lexicon.prepositions.items():
        words = phrase.split()
        for token in doc:
            if token.lower_ != words[0] or token.i + len(words) > len(doc):
                continue
            if [t.lower_ for t in doc[token.i : token.i + len(words)]] != words:
                continue
            last = doc[token.i + len(words) - 1]
            if article.inside_quote(token.idx):
                continue
            if article.paragraph_of(token.idx) in article.headline_paragraphs:
                continue
            source_head = next((c for c in last.children if c.dep_ == "pobj"), None)
            source_end = source_head.right_edge.i if source_head is not None else last.i
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
            head = token.head if token.head.i != token.i else token
            if head.i in claimed_cues:
                continue  # "According to the Herald, X said C": X is the speaker, not the Herald
            sentence = article.sentence(token)
            clause_start, clause_end = head.left_edge.i, head.right_edge.i
            if head.pos_ not in ("VERB", "AUX"):
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
                continue
            if len(candidates) == 2 and doc[phrase_start - 1].text == ",":
                # "The vaccine, according to the maker, is safe": the phrase interrupts the
                # statement, which is the whole clause.
                best = (clause_start, clause_end)
            else:
                best = max(candidates, key=lambda s: doc[s[1]].idx - doc[s[0]].idx)
            content = _unquote(article, _trim(article.text, *_span(doc[best[0]], doc[best[1]])))
            if len(article.text[content[0] : content[1]].split()) < 3:
                continue
            source = classify_source(source_head, article.index, article.lexicon)
            if source.kind == "unknown":
                continue  # "according to plan", "according to the rules": no source
            drafts.append(
                Draft(
                    content=content,
                    cue_lemma=lemma,
                    cue=(token.idx, last.idx + len(last.text)),
                    source=source,
                    mode=_mode(article, *content),
                    anchor=source_head.idx,
                    speaker_token=source_head,
                )
            )
    return drafts


# --- direct quotations -------------------------------------------------------------------


def _starts_sentence(article: _Article, offset: int) -> bool:
    """True when only spaces (or a sentence end) lie between the sentence start and ``offset``."""
    p_start = article.paragraphs[article.paragraph_of(offset)][0]
    before = article.text[p_start:offset].rstrip()
    return (
        not before
        or before[-1] in ".!?"
        or (before[-1] in QUOTE_MARKS and before[:-1].rstrip()[-1:] in ".!?")
    )


def _quote_cue(article: _Article, token: Any) -> CueVerb | None:
    cue = _cue_entry(token, article.lexicon)
    return cue if cue is not None and "quote" in cue.frames else None


def _attribution_after(article: _Article, segment: QuoteSegment, used: set[int]) -> Any:
    """The cue verb of ""C," X said" right after the closing mark, or None."""
    if segment.close is None:
        return None
    text = article.text
    inside_end = text[segment.start : segment.close].rstrip()
    after = text[segment.close + 1 :]
    gap = after[: len(after) - len(after.lstrip())]
    follow = after.lstrip()
    # ""C," X said" normally; ""C." X said." (an attribution-only sentence) is accepted too,
    # below, when the cue has no statement of its own.
    after_full_stop = inside_end.endswith(".") and not follow.startswith((",", "—", "–"))
    if not (
        inside_end.endswith((",", "?", "!", "—", "–"))
        or follow.startswith((",", "—", "–"))
        or after_full_stop
    ):
        return None
    if "\n\n" in gap:
        return None
    token = article.token_at(segment.close + 1)
    if token.text in QUOTE_MARKS:
        token = article.doc[token.i + 1] if token.i + 1 < len(article.doc) else token
    for steps in range(MAX_ATTRIBUTION_TOKENS):
        if token.i >= len(article.doc) or token.text in QUOTE_MARKS and steps > 0:
            return None
        if token.text in (".", "!", "?", ";") or "\n\n" in token.whitespace_:
            return None
        if token.pos_ == "VERB" and token.lemma_.lower() in article.lexicon.question_verbs:
            return token  # a question put by someone: the caller drops it
        if token.i not in used and _quote_cue(article, token):
            if after_full_stop and (
                steps > 8 or any(c.dep_ in ("ccomp", "dobj") for c in token.children)
            ):
                return None
            return token
        if token.i + 1 >= len(article.doc):
            return None
        token = article.doc[token.i + 1]
    return None


def _attribution_before(article: _Article, segment: QuoteSegment, used: set[int]) -> Any:
    """The cue verb of "X said: "C"" just before the opening mark, or None."""
    text = article.text
    p_start = article.paragraphs[segment.paragraph][0]
    lead = text[p_start : segment.open]
    stops = [m.end() for m in SENTENCE_END.finditer(lead)]
    lead_start = p_start + (stops[-1] if stops else 0)
    for seg in article.segments:  # do not reach back into an earlier quote
        if (
            seg.paragraph == segment.paragraph
            and seg.close is not None
            and lead_start <= seg.close < segment.open
        ):
            lead_start = seg.close + 1
    if not text[lead_start : segment.open].strip():
        return None
    first = article.token_at(lead_start)
    last = article.token_at(segment.open)
    tokens = [t for t in article.doc[first.i : last.i] if t.idx < segment.open]
    cues = [t for t in tokens if t.i not in used and _quote_cue(article, t)]
    if not cues:
        return None
    cue = cues[-1]
    for t in tokens:
        if t.i <= cue.i:
            continue
        # The words after the cue must not open a clause of their own ("said that X has a
        # "strong rationale"" is a mixed quote, handled with the verb's clause).
        if (
            t.dep_ in ("mark", "nsubj", "nsubjpass")
            or t.lower_ == "that"
            or t.pos_ in ("VERB", "AUX")
            and t.dep_ not in ("advcl", "acl", "xcomp", "pcomp")
        ):
            return None
    return cue


def _quote_claims(article: _Article, used_cues: set[int]) -> tuple[list[Draft], list[QuoteSegment]]:
    """Claims for quotations with their own attribution, and the floating ones left over."""
    text = article.text
    drafts: list[Draft] = []
    floating: list[QuoteSegment] = []
    chains = [
        c
        for c in chain_quotations(article.segments)
        if c[0].paragraph not in article.headline_paragraphs
    ]
    # Parts of one sentence interrupted by its attribution (""A," X said, "b."") are one claim.
    pending: list[tuple[list[QuoteSegment], Any]] = []
    for chain in chains:
        if pending and _continues_sentence(article, pending[-1][0][-1], chain[0]):
            pending[-1] = (pending[-1][0] + chain, pending[-1][1])
            continue
        if not _starts_sentence(article, chain[0].open):
            before = _attribution_before(article, chain[0], used_cues)
            if before is None:
                continue  # an embedded quote: the verb rules give it as a mixed claim
            pending.append((chain, before))
            used_cues.add(before.i)
            continue
        cue = None
        for segment in chain:
            cue = _attribution_after(article, segment, used_cues)
            if cue is not None:
                break
        if cue is None:
            cue = _attribution_before(article, chain[0], used_cues)
        if cue is not None:
            used_cues.add(cue.i)
        pending.append((chain, cue))

    for chain, cue in pending:
        parts = _parts_by_paragraph(chain)
        if cue is None:
            floating.extend(parts)
            continue
        if cue.lemma_.lower() in article.lexicon.question_verbs:
            continue
        head = _speaker_head(cue, article)
        source = classify_source(head, article.index, article.lexicon)
        for part in parts:
            words = len(text[part.start : part.end].split())
            sentence_like = text[part.start : part.end].rstrip().endswith((".", "!", "?"))
            if words < MIN_QUOTE_WORDS or (
                words < 4 and (source.kind == "unknown" or not sentence_like)
            ):
                # A short quote is a claim only as a sentence of a known speaker ("Absolutely
                # not."); "told the police, "everything he did"" quotes a phrase.
                continue
            drafts.append(
                Draft(
                    content=_trim(text, part.start, part.end, keep_quotes=False),
                    cue_lemma=article.lexicon.verbs[cue.lemma_.lower()].lemma,
                    cue=(cue.idx, cue.idx + len(cue.text)),
                    source=source,
                    mode="direct",
                    anchor=head.idx if head is not None else cue.idx,
                    speaker_token=head,
                    cue_token=cue.i,
                )
            )
    floating = [
        f for f in floating if len(text[f.start : f.end].split()) >= MIN_FLOATING_QUOTE_WORDS
    ]
    return drafts, floating


def _continues_sentence(article: _Article, earlier: QuoteSegment, later: QuoteSegment) -> bool:
    """ ""A," X said, "b ..."": the later part goes on with the sentence the earlier began."""
    if earlier.paragraph != later.paragraph or earlier.close is None:
        return False
    between = article.text[earlier.close + 1 : later.open].rstrip()
    first_word = article.text[later.start : later.start + 1]
    return (
        between.endswith((",", ":"))
        and (
            first_word.islower()
            or article.text[earlier.start : earlier.close].rstrip().endswith(",")
        )
        and not SENTENCE_END.search(between)
    )


def _parts_by_paragraph(chain: list[QuoteSegment]) -> list[QuoteSegment]:
    """One segment per paragraph: interrupted parts in one paragraph become one span."""
    parts: list[QuoteSegment] = []
    for segment in chain:
        if parts and parts[-1].paragraph == segment.paragraph:
            parts[-1] = replace(parts[-1], end=segment.end, close=segment.close)
        else:
            parts.append(segment)
    return parts


# --- putting it together -----------------------------------------------------------------


def _cut_at_participles(article: _Article, drafts: list[Draft]) -> list[Draft]:
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
                end = min(end, cue.left_edge.idx)
        if end != draft.content[1]:
            content = _trim(article.text, start, end)
            draft = replace(draft, content=content, mode=_mode(article, *content))
        result.append(draft)
    return result


def _inside_any(span: tuple[int, int], others: list[Draft]) -> bool:
    """True when ``span`` lies (almost) wholly inside the content of one of ``others``."""
    size = max(1, span[1] - span[0])
    return any(_overlaps(span, d.content) >= 0.9 * size for d in others)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def find_claims(
    doc: Any, entities: list[Any], lexicon: Lexicon | None = None
) -> list[dict[str, Any]]:
    """The attributed claims in ``doc`` as ``gloss.annotations/1`` claim dicts, in text order.

    ``doc`` is a spaCy Doc (tagger, parser, lemmatizer run) of the whole article, paragraphs
    separated by blank lines; ``entities`` the article's entities (``id``, ``name``,
    ``label``, ``mentions`` with ``start``/``end``), used to link and resolve speakers.
    """
    if doc is None or len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    article = _Article(doc, entities, lexicon or load_lexicon())
    if not article.text.strip():
        return []
    used_cues: set[int] = set()
    quoted, floating = _quote_claims(article, used_cues)
    verbs = _cut_at_participles(article, _verb_claims(article, used_cues))
    according = _according_claims(article, verbs)
    drafts = quoted + [d for d in verbs + according if not _inside_any(d.content, quoted)]
    drafts += [
        Draft(
            _trim(article.text, seg.start, seg.end, keep_quotes=False),
            "say",
            None,
            UNKNOWN,
            "direct",
            seg.start,
            floating=True,
        )
        for seg in floating
        if not any(_overlaps((seg.start, seg.end), d.content) for d in drafts)
    ]
    drafts = [_in_one_paragraph(article, d) for d in _resolve(article, drafts)]
    drafts = [d for d in drafts if d.content[1] > d.content[0]]
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    return [_to_dict(article, d, f"c{n}") for n, d in enumerate(drafts, 1)]


def _attribute_floating(article: _Article, draft: Draft, previous: Draft) -> Draft:
    """A floating quote takes the speaker of the claim before it, unless the sentence just
    before the quote is about another named person ("Smith said the plan was flawed. Jones,
    who chairs the committee, disagreed. "It is the best plan we have."": Jones)."""
    token = article.token_at(draft.content[0])
    before = article.previous_sentences(token, 1)
    if before and before[0].start_char >= max(
        previous.content[1], previous.cue[1] if previous.cue else 0
    ):
        sentence = before[0]
        subject = next((t for t in sentence if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"), None)
        if subject is not None and article.paragraph_of(subject.idx) == article.paragraph_of(
            token.idx
        ):
            source = classify_source(subject, article.index, article.lexicon)
            if (
                source.kind == "named"
                and source.label == "PERSON"
                and source.entity != previous.source.entity
            ):
                verb = subject.head
                return replace(
                    draft, source=source, cue=(verb.idx, verb.idx + len(verb.text)), cue_lemma="say"
                )
    return replace(draft, source=previous.source, cue=previous.cue, cue_lemma="say")


def _in_one_paragraph(article: _Article, draft: Draft) -> Draft:
    """Content never crosses a paragraph break (a misparse can reach over one): keep the
    part in the paragraph of the cue."""
    start, end = draft.content
    anchor = draft.cue[0] if draft.cue else start
    p_start, p_end = article.paragraphs[article.paragraph_of(anchor)]
    if start >= p_start and end <= p_end:
        return draft
    if end <= p_start or start >= p_end:  # wholly in another paragraph (a floating quote)
        p_start, p_end = article.paragraphs[article.paragraph_of(start)]
    clipped = _trim(article.text, max(start, p_start), min(end, p_end))
    return replace(draft, content=clipped)


def _resolve(article: _Article, drafts: list[Draft]) -> list[Draft]:
    """Resolve pronoun speakers and floating quotes in text order."""
    resolver = PronounResolver(
        article.index, article.lexicon, article.paragraph_of, article.previous_sentences
    )
    kept: list[Draft] = []
    previous: Draft | None = None
    resolved: dict[int, Source] = {}
    for draft in sorted(drafts, key=lambda d: (d.anchor, d.content[0])):
        if draft.floating:
            # A quote with no cue of its own continues the claim just before it, if that
            # claim is in this paragraph or the one before; otherwise it is not attributed.
            if (
                previous is None
                or article.paragraph_of(previous.content[1])
                < article.paragraph_of(draft.content[0]) - 1
                or previous.content[1] > draft.content[0]
            ):
                continue
            draft = _attribute_floating(article, draft, previous)
        elif draft.source.kind == "pronoun":
            # The parts of a quotation over several paragraphs share one pronoun: resolve it
            # once, from the start of the first part.
            key = draft.speaker_token.i
            if key not in resolved:
                resolved[key] = resolver.resolve(
                    draft.source, draft.speaker_token, since=draft.content[0]
                )
            draft = replace(draft, source=resolved[key])
        resolver.remember(draft.cue[0] if draft.cue else draft.anchor, draft.source)
        kept.append(draft)
        previous = draft
    return kept


def _to_dict(article: _Article, draft: Draft, claim_id: str) -> dict[str, Any]:
    text = article.text
    start, end = draft.content
    cue = None
    if draft.cue is not None:
        cue_start, cue_end = draft.cue
        cue = {
            "lemma": draft.cue_lemma,
            "start": cue_start,
            "end": cue_end,
            "text": text[cue_start:cue_end],
        }
    return {
        "id": claim_id,
        "speaker": draft.source.to_dict(),
        "cue": cue,
        "content": {"start": start, "end": end, "text": text[start:end]},
        "mode": draft.mode,
    }
