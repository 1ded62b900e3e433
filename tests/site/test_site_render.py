"""Records → article HTML: the wrappers of the theme contract (docs/site.md)."""

from __future__ import annotations

from bs4 import BeautifulSoup
from gloss.site.render import render_annotated_html
from gloss.site.textmap import text_of_html
from site_records import HTML, TEXT, record


def render(rec=None, labels=("PERSON", "NORP"), claims=True):
    html_text = text_of_html(HTML)
    assert html_text.text == TEXT
    html, problems = render_annotated_html(
        html_text, rec or record(), show_label=lambda label: label in labels, show_claims=claims
    )
    return BeautifulSoup(html, "html.parser"), problems


def test_mentions_are_popover_buttons_with_entity_and_label() -> None:
    soup, problems = render()
    assert not problems
    buttons = soup.find_all("button", class_="gl-mention")
    assert {b["data-entity"] for b in buttons} == {"xi-jinping", "vladimir-putin", "chinese"}
    putin = soup.find("button", attrs={"data-entity": "vladimir-putin"})
    assert putin["popovertarget"] == "gl-pop-vladimir-putin" and putin["type"] == "button"
    assert putin.parent.name == "em"  # the <em> stays where it was
    assert "person" in putin["aria-label"]


def test_text_is_unchanged_by_wrapping() -> None:
    soup, _ = render()
    assert soup.get_text() == BeautifulSoup(HTML, "html.parser").get_text()


def test_claim_carries_speaker_mode_kind_and_an_anchor() -> None:
    soup, _ = render()
    c1 = soup.find_all(class_="gl-claim", attrs={"data-claim": "c1"})
    assert [c.get_text() for c in c1] == ["We stand together,"]
    assert c1[0]["data-speaker"] == "xi-jinping" and c1[0]["data-mode"] == "direct"
    assert c1[0]["data-kind"] == "named" and c1[0]["id"] == "gl-claim-c1"
    c2 = soup.find(class_="gl-claim", attrs={"data-claim": "c2"})
    assert c2["data-speaker"] == "experts" and c2["data-kind"] == "vague"
    assert soup.find(class_="gl-cue", attrs={"data-claim": "c2"}).get_text() == "said"
    speaker = soup.find(class_="gl-speaker", attrs={"data-claim": "c1"})
    # Speaker and mention cover the same word: the button goes inside the speaker span.
    assert speaker.get_text() == "Xi" and speaker.find("button", class_="gl-mention")


def test_hidden_labels_and_claims_are_not_wrapped() -> None:
    soup, _ = render(labels=("PERSON",), claims=False)
    assert soup.find(attrs={"data-entity": "chinese"}) is None
    assert soup.find(class_="gl-claim") is None


def test_a_span_that_does_not_match_the_text_is_reported_not_wrapped() -> None:
    rec = record()
    rec["entities"][1]["mentions"][0]["start"] += 1
    soup, problems = render(rec)
    assert soup.find(attrs={"data-entity": "vladimir-putin"}) is None
    assert len(problems) == 1 and "vladimir-putin" in problems[0].message


def test_stripping_the_annotations_gives_back_the_article() -> None:
    from gloss.site.render import strip_annotations
    from gloss.site.textmap import parse_fragment

    soup, _ = render()
    assert strip_annotations(str(soup)) == str(parse_fragment(HTML))
