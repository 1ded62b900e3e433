"""Hand-made gloss.annotations/1 records for the site's unit tests (no model needed)."""

from __future__ import annotations

TEXT = (
    "Chinese President Xi Jinping spoke with Vladimir Putin.\n\n"
    '"We stand together," Xi said. Experts said the talks went well.'
)
HTML = (
    "<p>Chinese President Xi Jinping spoke with <em>Vladimir Putin</em>.</p>\n"
    '<p>"We stand together," Xi said. Experts said the talks went well.</p>'
)


def span(text: str, needle: str, occurrence: int = 0) -> dict:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    return {"start": start, "end": start + len(needle), "text": needle}


def record() -> dict:
    t = TEXT
    return {
        "schema": "gloss.annotations/1",
        "source": "test.md",
        "text_sha256": "0" * 64,
        "entities": [
            {
                "id": "xi-jinping",
                "name": "Xi Jinping",
                "label": "PERSON",
                "mentions": [span(t, "Xi Jinping"), span(t, "Xi", 1)],
            },
            {
                "id": "vladimir-putin",
                "name": "Vladimir Putin",
                "label": "PERSON",
                "mentions": [span(t, "Vladimir Putin")],
            },
            {"id": "chinese", "name": "Chinese", "label": "NORP", "mentions": [span(t, "Chinese")]},
        ],
        "claims": [
            {
                "id": "c1",
                "speaker": {
                    "name": "Xi Jinping",
                    "entity": "xi-jinping",
                    "kind": "named",
                    **span(t, "Xi", 1),
                },
                "cue": {"lemma": "say", **span(t, "said")},
                "content": span(t, "We stand together,"),
                "mode": "direct",
            },
            {
                "id": "c2",
                "speaker": {
                    "name": "experts",
                    "entity": None,
                    "kind": "vague",
                    **span(t, "Experts"),
                },
                "cue": {"lemma": "say", **span(t, "said", 1)},
                "content": span(t, "the talks went well"),
                "mode": "indirect",
            },
        ],
    }
