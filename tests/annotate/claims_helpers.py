"""Helpers shared by the claim tests: find claims through the engine's public API."""

from __future__ import annotations


def claims_of(annotator, text: str) -> list[dict]:
    return annotator.annotate_text(text)["claims"]


def claim_with(claims: list[dict], anchor: str) -> dict:
    """The claim whose content contains ``anchor`` (fails if there is none)."""
    found = [c for c in claims if anchor in c["content"]["text"]]
    assert found, f"no claim contains {anchor!r}: {[c['content']['text'] for c in claims]}"
    return found[0]


def speaker(claim: dict) -> tuple[str, str | None]:
    return claim["speaker"]["kind"], claim["speaker"]["name"]
