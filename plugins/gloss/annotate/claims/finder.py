"""Finding attributed claims in a parsed article: quotations first, then reporting verbs,
then "according to" phrases; pronoun speakers and floating quotes are settled last, in
text order. See docs/claims.md for what counts as a claim and why.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from .article import Article, Draft, trim
from .direct import quote_claims
from .lexicon import Lexicon, load_lexicon
from .phrases import phrase_claims
from .reported import cut_at_participles, verb_claims
from .speakers import UNKNOWN, PronounResolver, Source, classify_source


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
    article = Article(doc, entities, lexicon or load_lexicon())
    if not article.text.strip():
        return []
    used_cues: set[int] = set()
    quoted, floating = quote_claims(article, used_cues)
    verbs = cut_at_participles(article, verb_claims(article, used_cues))
    according = phrase_claims(article, verbs)
    drafts = quoted + [d for d in verbs + according if not _inside_any(d.content, quoted)]
    drafts += [
        Draft(
            trim(article.text, seg.start, seg.end, keep_quotes=False),
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
    drafts = _without_restatements(article, _resolve(article, drafts))
    drafts = [_in_one_paragraph(article, d) for d in drafts]
    drafts = [d for d in drafts if d.content[1] > d.content[0]]
    drafts.sort(key=lambda d: (d.content[0], d.content[1]))
    return [_to_dict(article, d, f"c{n}") for n, d in enumerate(drafts, 1)]


def _without_restatements(article: Article, drafts: list[Draft]) -> list[Draft]:
    """ "Trump said that he did indicate to them that the aid was contingent": a cue inside
    the clause another cue reports, its subject a pronoun for the same speaker, restates
    that claim (one statement, the outer one); the inner claim is dropped. A cue joined by
    "and" ("said C and he also said D") is a second statement, kept."""
    kept = []
    for draft in drafts:
        outer = [
            other
            for other in drafts
            if other is not draft
            and draft.source.kind == "pronoun"
            and draft.source.name is not None
            and other.source.name == draft.source.name
            and draft.cue is not None
            and other.content[0] <= draft.cue[0] < other.content[1]
            and _reported_under(article, draft.cue_token, other.cue_token)
        ]
        if not outer:
            kept.append(draft)
    return kept


def _reported_under(article: Article, inner: int | None, outer: int | None) -> bool:
    """True when cue token ``inner`` lies in a clause that cue token ``outer`` reports: on
    the way up from one to the other, no conjunct."""
    if inner is None or outer is None or inner == outer:
        return False
    node = article.doc[inner]
    while node.i != outer and node.head.i != node.i:
        if node.dep_ == "conj":
            return False
        node = node.head
    return node.i == outer


def _attribute_floating(article: Article, draft: Draft, previous: Draft) -> Draft:
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


def _in_one_paragraph(article: Article, draft: Draft) -> Draft:
    """Content never crosses a paragraph break (a misparse can reach over one): keep the
    part in the paragraph of the cue."""
    start, end = draft.content
    anchor = draft.cue[0] if draft.cue else start
    p_start, p_end = article.paragraphs[article.paragraph_of(anchor)]
    if start >= p_start and end <= p_end:
        return draft
    if end <= p_start or start >= p_end:  # wholly in another paragraph (a floating quote)
        p_start, p_end = article.paragraphs[article.paragraph_of(start)]
    clipped = trim(article.text, max(start, p_start), min(end, p_end))
    return replace(draft, content=clipped)


def _resolve(article: Article, drafts: list[Draft]) -> list[Draft]:
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


def _to_dict(article: Article, draft: Draft, claim_id: str) -> dict[str, Any]:
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
