"""Naming: entity and speaker pages never collide, provenance pages sit beside articles."""

from __future__ import annotations

from gloss.site import urls


def test_ids_ending_in_digits_get_their_own_folders() -> None:
    registry = urls.PathRegistry()
    paths = [
        registry.claim(urls.ENTITY_PAGE, urls.path_segment(i), i)
        for i in ["g7", "g7-2", "g72", "covid-19", "covid-1"]
    ]
    assert paths == [
        "entity/g7/index.html",
        "entity/g7-2/index.html",
        "entity/g72/index.html",
        "entity/covid-19/index.html",
        "entity/covid-1/index.html",
    ]


def test_two_items_with_the_same_segment_get_different_paths() -> None:
    registry = urls.PathRegistry()
    first = registry.claim(urls.SPEAKER_PAGE, "experts", ("named", "experts"))
    second = registry.claim(urls.SPEAKER_PAGE, "experts", ("vague", "experts"), suffix="-unnamed")
    assert first == "speaker/experts/index.html"
    assert second == "speaker/experts-unnamed/index.html"
    # Asking again for the same owner gives the same path.
    assert registry.claim(urls.SPEAKER_PAGE, "experts", ("named", "experts")) == first


def test_path_segment_makes_any_id_safe() -> None:
    assert urls.path_segment("xi-jinping") == "xi-jinping"
    assert urls.path_segment("../etc/passwd") not in {"..", ""}
    assert "/" not in urls.path_segment("../etc/passwd")
    assert urls.path_segment("São Paulo") == "sao-paulo"
    assert urls.path_segment("") == "x"


def test_provenance_page_sits_beside_the_article() -> None:
    assert urls.provenance_page("2024/talks/index.html") == "2024/talks/provenance/index.html"
    assert urls.provenance_page("pages/about.html") == "pages/about/provenance/index.html"
