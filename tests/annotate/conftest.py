"""Fixtures for the annotation engine's tests: the real spaCy model, loaded once."""

from __future__ import annotations

import pytest
from gloss.annotate import Annotator


@pytest.fixture(scope="session")
def annotator() -> Annotator:
    """The engine with no cache and no curation: what the model and the rules find."""
    return Annotator(workers=1, cache_dir=None, curation=None)


@pytest.fixture(scope="session")
def seed_text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_record(annotator, seed_text) -> dict:
    return annotator.annotate_texts([seed_text], sources=["seed"])[0]
