"""Direct quotations: which quotes are attributed, by which cue, before, after or inside
them; which are floating (no cue); and one claim per paragraph of a quotation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from .article import SENTENCE_END, Article, Draft, trim
from .lexicon import CueVerb
from .quotes import QUOTE_MARKS, QuoteSegment, chain_quotations
from .reported import cue_entry, speaker_head
from .speakers import classify_source

# Direct quotes shorter than this (in words) are not claims: with a cue, "Absolutely not."
# counts; a floating quote (no cue) needs a little more to be told from a name or a title.
MIN_QUOTE_WORDS = 2
MIN_FLOATING_QUOTE_WORDS = 3
EDITED_PUNCTUATION = re.compile(r"\[([,.!?])\]$")
# A quotation inside a sentence with no cue is someone's words when it speaks in the first
# person and is at least this long.
MIN_WOVEN_QUOTE_WORDS = 6
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|my|me|we|we're|we’re|our|us)\b")
# How far (in tokens) an attribution may reach after a closing quotation mark.
MAX_ATTRIBUTION_TOKENS = 25
# A cue after a quotation with no comma between: at most this many words of a name
# before it (""C" Jane Roe said"), and the parts of speech those words may have.
MAX_NAME_BEFORE_CUE = 8
NAME_PARTS = frozenset(("PROPN", "DET", "NOUN", "PRON"))
MAX_SPEAKER_TOKENS = 8


def _starts_sentence(article: Article, offset: int) -> bool:
    """True when only spaces (or a sentence end) lie between the sentence start and ``offset``."""
    p_start = article.paragraphs[article.paragraph_of(offset)][0]
    before = article.text[p_start:offset].rstrip()
    return (
        not before
        or before[-1] in ".!?"
        or (before[-1] in QUOTE_MARKS and before[:-1].rstrip()[-1:] in ".!?")
    )


def _quote_cue(article: Article, token: Any) -> CueVerb | None:
    cue = cue_entry(token, article.lexicon)
    return cue if cue is not None and "quote" in cue.frames else None


def _attribution_after(article: Article, segment: QuoteSegment, used: set[int]) -> Any:
    """The cue verb of ""C," X said" right after the closing mark, or None."""
    if segment.close is None:
        return None
    text = article.text
    # An editor's bracketed punctuation ("... two herds[,]" said X) counts as written.
    inside_end = EDITED_PUNCTUATION.sub(r"\1", text[segment.start : segment.close].rstrip())
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
        return _cue_with_no_comma(article, segment, used)
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


def _cue_with_no_comma(article: Article, segment: QuoteSegment, used: set[int]) -> Any:
    """ ""C" tweeted Mayor Jane Roe.", ""C" Roe said.": quick copy drops the comma between
    a quotation and its attribution. Accepted only when the quoted words end in a word (no
    punctuation of their own), the attribution follows on the same line, and the cue comes
    within a short name-like run of words; the parser often takes the cue for an adjective
    of the name after it ("tweeted" as amod of "Roe"), so the lexicon decides, not the tag."""
    text = article.text
    if not text[segment.start : segment.close].rstrip()[-1:].isalnum():
        return None
    if text[segment.close + 1 : segment.close + 2] != " ":
        return None
    token = article.token_at(segment.close + 1)
    if token.text in QUOTE_MARKS and token.i + 1 < len(article.doc):
        token = article.doc[token.i + 1]
    for steps in range(MAX_NAME_BEFORE_CUE + 1):  # (tokens: a hyphenated word is three)
        if token.i in used or "\n" in token.whitespace_:
            return None
        entry = article.lexicon.verbs.get(token.lemma_.lower())
        if token.pos_ == "VERB" and entry is not None and "quote" in entry.frames:
            if any(c.dep_ == "ccomp" and c.i > token.i for c in token.children):
                return None  # ""Red Storm" director Jane Roe said the film ...": a clause
            following = article.doc[token.i + 1] if token.i + 1 < len(article.doc) else None
            named_after = following is not None and following.pos_ in NAME_PARTS
            return token if steps > 0 or named_after else None
        if token.i + 1 >= len(article.doc) or not (
            token.pos_ in NAME_PARTS or _inner_hyphen(token)
        ):
            return None
        token = article.doc[token.i + 1]
    return None


def _inner_hyphen(token: Any) -> bool:
    """The hyphen inside a word of a name ("co-author", "Tak-Sing")."""
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not (token.doc[token.i - 1].whitespace_)
    )


def quote_speaker(cue: Any, article: Article) -> Any:
    """The speaker of a quotation's cue; a cue the parser took for an adjective of the name
    after it ("tweeted Mayor Jane Roe") has that name as its speaker."""
    if cue.dep_ in ("amod", "compound") and cue.head.i > cue.i and cue.head.pos_ == "PROPN":
        # The parser may stop at a title ("tweeted Mayor of London Sadiq Khan", amod of
        # "Mayor"): the last proper noun of the name that follows the cue is the speaker.
        names = []
        for token in article.doc[cue.i + 1 : cue.i + 1 + MAX_SPEAKER_TOKENS]:
            if token.pos_ not in NAME_PARTS and token.lower_ != "of":
                break
            if token.pos_ == "PROPN":
                names.append(token)
        return names[-1] if names else cue.head
    return speaker_head(cue, article)


def _attribution_before(article: Article, segment: QuoteSegment, used: set[int]) -> Any:
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
    if _subject_of_what_follows(article, segment):
        # "said "three terrorists" were killed": the quotation is the subject of a clause
        # that goes on after it; the verb rules give the clause as a mixed claim.
        return None
    if text[lead_start : segment.open].rstrip().endswith(":"):
        # "X praised Mendez on Twitter: "C"", "Trump tweeted he would go: "C"": a sentence
        # about its subject introduces the quotation with a colon; the subject speaks.
        return _colon_attribution(article, tokens, used)
    cues = [t for t in tokens if t.i not in used and _quote_cue(article, t)]
    if not cues:
        return None
    cue = cues[-1]
    for t in tokens:
        if t.i <= cue.i:
            continue
        if t.dep_ == "dobj" and t.head.i == cue.i and cue.lemma_.lower() != "tell":
            # "announced its choice of X as "Person of the Year"": a quoted name. The object
            # of "tell" is the listener ("told the BBC after the verdict "..."").
            return None
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


def _ends_sentence(article: Article, segment: QuoteSegment) -> bool:
    inside = article.text[segment.start : segment.close or segment.end].rstrip()
    return inside.endswith((".", "!", "?"))


def _after_colon(article: Article, segment: QuoteSegment) -> bool:
    return article.text[: segment.open].rstrip().endswith(":")


def _subject_of_what_follows(article: Article, segment: QuoteSegment) -> bool:
    if segment.close is None or _ends_sentence(article, segment):
        return False  # a quoted sentence ('"... at once!"') is no subject of a clause after it
    first, last = article.token_at(segment.start), article.token_at(segment.close)
    inside = [t for t in article.doc[first.i : last.i + 1] if t.idx < segment.close]
    heads = [t for t in inside if t.head.idx >= segment.close and not t.is_punct]
    return any(t.dep_ in ("nsubj", "nsubjpass") for t in heads)


def _colon_attribution(article: Article, tokens: list[Any], used: set[int]) -> Any:
    """The main verb of the words before "...: "C"" when its subject is a name, a pronoun
    or an unnamed source ("The government issued a statement: "C""), who introduces the
    quote; else None ("The sign read: ..." has no speaker)."""
    # The main verb before the colon; the parser often runs the sentence on into the
    # quotation and hangs that verb on a word inside it ("told the press C: "What will
    # stop Ebola ... is good surveillance"", "told" under "is"): a verb whose head lies
    # past the colon is the main verb as well.
    end = tokens[-1].i if tokens else -1
    roots = [
        t for t in tokens if t.pos_ in ("VERB", "AUX") and (t.dep_ == "ROOT" or t.head.i > end)
    ]
    if not roots or roots[-1].i in used:
        return None
    verb = roots[-1]
    if verb.lemma_.lower() in article.lexicon.question_verbs:
        return None
    subject = speaker_head(verb, article)
    if subject is None:
        return None
    source = classify_source(subject, article.index, article.lexicon)
    return verb if source.kind in ("named", "pronoun", "vague") else None


def _has_own_statement(cue: Any, quote_open: int) -> bool:
    """ "tweeted he would go: "C"": the verb reports a clause of its own before the quote."""
    return any(c.dep_ == "ccomp" and c.idx < quote_open for c in cue.children)


def quote_claims(article: Article, used_cues: set[int]) -> tuple[list[Draft], list[QuoteSegment]]:
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
        if pending and (
            _continues_sentence(article, pending[-1][0][-1], chain[0])
            or _continues_around_cue(article, pending[-1][0][-1], chain[0], pending[-1][1])
        ):
            if _new_cue_between(article, pending[-1], chain[0]):
                # ""A," further remarking, "B"": the speaker goes on; B is a second claim.
                pending.append((chain, pending[-1][1]))
            else:
                pending[-1] = (pending[-1][0] + chain, pending[-1][1])
            continue
        if not _starts_sentence(article, chain[0].open):
            before = _attribution_before(article, chain[0], used_cues)
            if before is not None and before.i > 0 and _after_colon(article, chain[0]):
                # 'indicated C: "A," he said, "B"': the quotation's own attribution wins.
                # (Not a cue after a full stop: 'told X: "A." He continued by ...' opens
                # a sentence of its own.)
                after = next(
                    (
                        a
                        for seg in chain
                        if not _ends_sentence(article, seg)
                        and (a := _attribution_after(article, seg, used_cues))
                    ),
                    None,
                )
                before = after or before
            if before is None and pending and _joined_by_and(article, pending[-1][0][-1], chain[0]):
                # "said "A" and "B"": a second quotation of the same cue, a claim of its own.
                pending.append((chain, pending[-1][1]))
                continue
            if before is None:
                if _first_person_words(article, chain):
                    # 'The costume "is very warm [...] so I have to stay hydrated"' after
                    # "Chapman told Wikinews": someone's own words woven into the narration;
                    # like a floating quote, the claim just before says whose.
                    floating.extend(_parts_by_paragraph(chain))
                continue  # an embedded quote: the verb rules give it as a mixed claim
            pending.append((chain, before))
            if not _has_own_statement(before, chain[0].open):
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
        head = quote_speaker(cue, article)
        source = classify_source(head, article.index, article.lexicon)
        entry = article.lexicon.verbs.get(cue.lemma_.lower())
        if entry is not None and not entry.strong and source.kind == "unknown":
            continue  # a weak cue needs a recognisable source ("the sign read "...""")
        for part in parts:
            words = len(text[part.start : part.end].split())
            quoted = text[part.start : part.end].rstrip()
            # News style turns a quoted sentence's full stop into a comma before the cue that
            # follows it (""We are partners," Putin said."): that is a sentence too.
            sentence_like = quoted.endswith((".", "!", "?")) or (
                quoted.endswith(",") and cue.idx >= part.end
            )
            if words < MIN_QUOTE_WORDS or (
                words < 4 and (source.kind == "unknown" or not sentence_like)
            ):
                # A short quote is a claim only as a sentence of a known speaker ("Absolutely
                # not."); "told the police, "everything he did"" quotes a phrase.
                continue
            drafts.append(
                Draft(
                    content=trim(text, part.start, part.end, keep_quotes=False),
                    cue_lemma=_cue_lemma(article, cue),
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


def _first_person_words(article: Article, chain: list[QuoteSegment]) -> bool:
    """A speaker's own words woven into a sentence ('The costume "is very warm [...] so I
    have to stay hydrated"'): at least MIN_WOVEN_QUOTE_WORDS words with "I", "my", "we" ...
    in them (a quoted phrase, a title or a name has none), and no verb before the quotation
    in its sentence (after 'Trump tweeted', 'X called it' the words are the verb's, whoever
    spoke last)."""
    words = " ".join(article.text[seg.start : seg.end] for seg in chain)
    if len(words.split()) < MIN_WOVEN_QUOTE_WORDS or not FIRST_PERSON.search(words):
        return False
    opening = article.token_at(chain[0].open)
    sentence = article.sentence(opening)
    return not any(t.pos_ in ("VERB", "AUX") for t in article.doc[sentence.start : opening.i])


def _continues_sentence(article: Article, earlier: QuoteSegment, later: QuoteSegment) -> bool:
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


def _continues_around_cue(
    article: Article, earlier: QuoteSegment, later: QuoteSegment, cue: Any
) -> bool:
    """ ""We stand ready" tweeted Roe "to help ..."": no commas around the attribution, which
    lies between the parts; the later part goes on in lower case."""
    if cue is None or earlier.paragraph != later.paragraph or earlier.close is None:
        return False
    between = article.text[earlier.close + 1 : later.open]
    return (
        earlier.close < cue.idx < later.open
        and article.text[later.start : later.start + 1].islower()
        and article.text[earlier.start : earlier.close].rstrip()[-1:].isalnum()
        and all(ch.isalnum() or ch in " '’-" for ch in between)
    )


def _new_cue_between(article: Article, previous: tuple[list[Any], Any], later: Any) -> bool:
    """ "X remarked, "A," further remarking, "B"": the words between two quotations hold a
    cue of their own while the first quotation's cue came before it; B is a second claim."""
    earlier, cue = previous[0][-1], previous[1]
    if cue is None or cue.idx > earlier.open:
        return False
    first = article.token_at(earlier.close + 1)
    last = article.token_at(later.open)
    return any(_names_a_cue(article, t) for t in article.doc[first.i : last.i])


def _names_a_cue(article: Article, token: Any) -> bool:
    """A quote cue, also as a participle the tagger took for a noun ("further remarking")."""
    if _quote_cue(article, token):
        return True
    word = token.lower_
    if token.pos_ == "VERB" or not word.endswith("ing"):
        return False
    entry = article.lexicon.verbs.get(word[:-3]) or article.lexicon.verbs.get(word[:-3] + "e")
    return entry is not None and "quote" in entry.frames


def _joined_by_and(article: Article, earlier: QuoteSegment, later: QuoteSegment) -> bool:
    """ ""A" and "B"": two quotations of one paragraph joined by "and" alone."""
    if earlier.paragraph != later.paragraph or earlier.close is None:
        return False
    between = article.text[earlier.close + 1 : later.open].strip(" ,")
    return between == "and"


def _parts_by_paragraph(chain: list[QuoteSegment]) -> list[QuoteSegment]:
    """One segment per paragraph: interrupted parts in one paragraph become one span."""
    parts: list[QuoteSegment] = []
    for segment in chain:
        if parts and parts[-1].paragraph == segment.paragraph:
            parts[-1] = replace(parts[-1], end=segment.end, close=segment.close)
        else:
            parts.append(segment)
    return parts


def _cue_lemma(article: Article, cue: Any) -> str:
    """The lexicon's lemma for a cue verb; a verb introducing a quote after a colon
    ("praised X: "C"") may be none of the lexicon's, and keeps its own lemma."""
    entry = article.lexicon.verbs.get(cue.lemma_.lower())
    return entry.lemma if entry is not None else cue.lemma_.lower()
