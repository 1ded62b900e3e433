"""Annotations → article HTML: the wrappers of the theme contract (``docs/site.md``).

- mention: ``<button type="button" class="gl-mention" data-entity data-label
  popovertarget="gl-pop-ID" aria-label="TEXT (label: NAME)">`` — a ``<span>`` with the same
  class and data attributes (no popover target, no aria-label) inside links and other
  interactive elements;
- claim content: ``<span class="gl-claim" data-claim data-speaker data-mode data-kind>``, the
  first piece of each claim also has ``id="gl-claim-ID"``;
- cue ``<span class="gl-cue" data-claim>``, speaker ``<span class="gl-speaker" data-claim>``.

The characters of the article never change (screen-reader text is an ``aria-label``, not
hidden text), so copying the text gives the article as written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gloss.site.views import claim_anchor, label_name, popover_id, speaker_key
from gloss.site.wrapping import Span, Wrapper

if TYPE_CHECKING:
    from gloss.site.textmap import HtmlText

logger = logging.getLogger(__name__)

# Rank at equal length: lower wraps outside. A speaker span and the mention of the same name
# cover the same characters; the mention (a button) goes innermost.
RANK_CLAIM, RANK_SPEAKER, RANK_CUE, RANK_MENTION = 0, 1, 2, 3


@dataclass(frozen=True)
class Problem:
    """Something in a record that could not be placed (reported, never fatal)."""

    message: str


def _checked(
    text: str, part: dict[str, Any] | None, what: str, problems: list[Problem]
) -> tuple[int, int] | None:
    """The ``(start, end)`` of a record part if it points at its own text, else None."""
    if not part or part.get("start") is None or part.get("end") is None:
        return None
    start, end = int(part["start"]), int(part["end"])
    if not 0 <= start < end <= len(text):
        problems.append(Problem(f"{what} [{start}, {end}) is outside the text"))
        return None
    expected = part.get("text")
    if expected is not None and text[start:end] != expected:
        problems.append(Problem(f"{what} [{start}, {end}) is not {expected!r} in the text"))
        return None
    return start, end


def mention_spans(
    text: str, entities: Iterable[dict[str, Any]], problems: list[Problem]
) -> list[Span]:
    spans = []
    for entity in entities:
        entity_id, label, name = str(entity["id"]), str(entity["label"]), str(entity["name"])
        for mention in entity.get("mentions", []):
            where = _checked(text, mention, f"mention of {entity_id}", problems)
            if where is None:
                continue
            said = text[where[0] : where[1]]
            spoken = f"{said} ({label_name(label)})"
            if said.casefold() != name.casefold():
                spoken = f"{said} ({label_name(label)}: {name})"
            spans.append(
                Span(
                    *where,
                    tag="button",
                    attrs={"class": "gl-mention", "data-entity": entity_id, "data-label": label},
                    rank=RANK_MENTION,
                    button_only={"popovertarget": popover_id(entity_id), "aria-label": spoken},
                )
            )
    return spans


def claim_spans(text: str, claims: Iterable[dict[str, Any]], problems: list[Problem]) -> list[Span]:
    spans = []
    for claim in claims:
        claim_id = str(claim["id"])
        speaker = claim.get("speaker") or {}
        content = _checked(text, claim.get("content"), f"claim {claim_id}", problems)
        if content is None:
            continue  # a claim without its content is not shown at all
        spans.append(
            Span(
                *content,
                tag="span",
                attrs={
                    "class": "gl-claim",
                    "data-claim": claim_id,
                    "data-speaker": speaker_key(speaker),
                    "data-mode": str(claim.get("mode") or "indirect"),
                    "data-kind": str(speaker.get("kind") or "unknown"),
                },
                rank=RANK_CLAIM,
            )
        )
        cue = _checked(text, claim.get("cue"), f"cue of claim {claim_id}", problems)
        if cue:
            spans.append(Span(*cue, "span", {"class": "gl-cue", "data-claim": claim_id}, RANK_CUE))
        said_by = _checked(text, speaker, f"speaker of claim {claim_id}", problems)
        if said_by:
            spans.append(
                Span(
                    *said_by, "span", {"class": "gl-speaker", "data-claim": claim_id}, RANK_SPEAKER
                )
            )
    return spans


def render_annotated_html(
    html_text: HtmlText,
    record: dict[str, Any],
    show_label: Callable[[str], bool],
    show_claims: bool,
) -> tuple[str, list[Problem]]:
    """The article HTML with its mentions and claims wrapped, and what could not be placed."""
    problems: list[Problem] = []
    text = html_text.text
    entities = [e for e in record.get("entities", []) if show_label(str(e.get("label")))]
    spans = mention_spans(text, entities, problems)
    claims = record.get("claims", []) if show_claims else []
    spans += claim_spans(text, claims, problems)

    wrapper = Wrapper(html_text)
    wrapper.wrap_all(spans)
    # The first piece of each claim is the target of "Show in text" links.
    for claim in claims:
        first = wrapper.soup.find(class_="gl-claim", attrs={"data-claim": str(claim["id"])})
        if first is not None:
            first["id"] = claim_anchor(str(claim["id"]))
    return wrapper.html(), problems


ANNOTATION_SELECTOR = ".gl-mention, .gl-claim, .gl-cue, .gl-speaker"


def strip_annotations(html: str) -> str:
    """``html`` without Gloss's wrappers: every mention, claim, cue and speaker element is
    replaced by its content (for feeds, which must carry the article as written)."""
    from gloss.site.textmap import parse_fragment

    soup = parse_fragment(html)
    for element in soup.select(ANNOTATION_SELECTOR):
        element.unwrap()
    return str(soup)
