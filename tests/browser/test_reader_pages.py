"""Pages a reader reaches from the header (archive, entities, speakers, claims, provenance):
undated posts shown as undated, counts in good English, long lists folded, nothing wider
than a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

UNDATED_TITLE = "Island ferry service changes its winter timetable"
PLACEHOLDER_YEAR = "1970"  # gloss.site.undated's placeholder date: never shown as a date


def reader_pages(site: Path, seed_article: Path) -> list[Path]:
    pages = [site / "index.html", site / "archives.html", seed_article]
    pages += sorted(seed_article.parent.glob("provenance/index.html"))
    for listing in ("entities", "speakers", "claims"):
        pages += sorted((site / listing).glob("index.html"))
    for kind in ("entity", "speaker"):
        pages += sorted((site / kind).glob("*/index.html"))[:3]
    pages += sorted(site.glob("[0-9][0-9][0-9][0-9]/index.html"))
    return pages


def test_archive_files_undated_posts_under_undated_not_the_placeholder_year(page, site):
    page.goto((site / "archives.html").as_uri())
    undated = page.locator("#gl-undated").locator("xpath=..")
    assert UNDATED_TITLE in undated.inner_text()
    assert PLACEHOLDER_YEAR not in page.locator("main").inner_text()
    # The list of years links to the undated section too.
    assert page.locator('nav a[href="#gl-undated"]').count() == 1


def test_period_archive_of_undated_posts_is_titled_undated(page, site):
    placeholder = site / PLACEHOLDER_YEAR / "index.html"
    if not placeholder.exists():
        pytest.skip("the year archive of the placeholder date is not written")
    page.goto(placeholder.as_uri())
    main = page.locator("main").inner_text()
    assert page.locator("h1").inner_text() == "Undated articles"
    assert UNDATED_TITLE in main and PLACEHOLDER_YEAR not in main


def test_counts_are_in_good_english(page, site):
    page.goto((site / "entities" / "index.html").as_uri())
    text = page.locator("main").text_content()  # folded lists too
    assert re.search(r"\b1 mention in 1 article\b", text)
    assert not re.search(r"\b1 (mentions|articles)\b", text)


def test_entity_page_says_what_the_entity_is_and_folds_long_mention_lists(page, site):
    pages = sorted((site / "entity").glob("*/index.html"))
    folded = None
    for path in pages:
        page.goto(path.as_uri())
        summary = page.locator(".gl-entity__summary")
        assert summary.count() == 1, path
        label = page.locator(".gl-entity__label").inner_text().strip()
        assert summary.inner_text().lower().startswith(label.lower()), path
        if page.locator("details.gl-kwic__more").count():
            folded = path
            break
    assert folded, "no entity has more than three mentions in one article"
    more = page.locator("details.gl-kwic__more").first
    hidden_line = more.locator(".gl-kwic__line").first
    assert not hidden_line.is_visible()
    more.locator("summary").focus()
    page.keyboard.press("Enter")
    assert hidden_line.is_visible()


def test_claims_index_dates_each_article_and_its_jump_links_resolve(page, site):
    page.goto((site / "claims" / "index.html").as_uri())
    sections = page.locator(".gl-claims-article")
    assert sections.count() > 0
    for i in range(sections.count()):
        meta = sections.nth(i).locator(".gl-claims-article__meta").inner_text()
        assert re.search(r"\b\d+ claims?$", meta), meta
        assert PLACEHOLDER_YEAR not in meta
    for href in page.eval_on_selector_all(
        ".gl-claims-toc a", "els => els.map(e => e.getAttribute('href'))"
    ):
        assert page.locator(href).count() == 1, href


def test_no_page_is_wider_than_a_phone(browser, site, seed_article):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    phone = context.new_page()
    try:
        for path in reader_pages(site, seed_article):
            phone.goto(path.as_uri())
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{path.relative_to(site)} is {width}px wide on a 390px screen"
    finally:
        context.close()


ARCHIVE_TEXT = {
    "index.html": [".gl-card__meta", ".gl-search-box__go", ".gl-nav a"],
    "archives.html": [".gl-archive-list time", ".gl-archive-list .gl-undated", ".gl-note"],
    "entities/index.html": [".gl-count", ".gl-entity-link"],
    "speakers/index.html": [".gl-badge"],
    "claims/index.html": [".gl-claims-article__meta", ".gl-claim-list__source a", ".gl-badge"],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_archive_pages_text_contrast_meets_wcag_aa(browser, site, scheme):
    from test_theme_in_browser import CONTRAST_JS

    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    try:
        for relative, selectors in ARCHIVE_TEXT.items():
            page.goto((site / relative).as_uri())
            for selector in selectors:
                ratios = page.evaluate(CONTRAST_JS, selector)
                assert ratios, f"nothing matches {selector} on {relative}"
                assert min(ratios) >= 4.5, f"{relative} {selector}: {min(ratios):.2f} ({scheme})"
    finally:
        context.close()


def test_entity_page_text_contrast_meets_wcag_aa(browser, site):
    from test_theme_in_browser import CONTRAST_JS

    entity = sorted((site / "entity").glob("*/index.html"))[0]
    for scheme in ("light", "dark"):
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(entity.as_uri())
        for selector in (".gl-entity__label", ".gl-entity__summary", ".gl-entity-article__meta"):
            ratios = page.evaluate(CONTRAST_JS, selector)
            assert ratios and min(ratios) >= 4.5, f"{selector}: {ratios} ({scheme})"
        context.close()


def test_speaker_page_groups_claims_under_their_dated_article(page, site):
    pages = sorted((site / "speaker").glob("*/index.html"))
    assert pages
    for path in pages:
        page.goto(path.as_uri())
        claims = page.locator(".gl-claim-list__item")
        in_sections = page.locator(".gl-speaker-article .gl-claim-list__item")
        assert claims.count() == in_sections.count() > 0, path
        sections = page.locator(".gl-speaker-article")
        for i in range(sections.count()):
            section = sections.nth(i)
            title = section.locator(".gl-speaker-article__title a")
            assert title.count() == 1
            meta = section.locator(".gl-speaker-article__meta").inner_text()
            assert re.search(r"\b\d{4}\b|Undated", meta) and PLACEHOLDER_YEAR not in meta, meta
            # Every claim links into the article named by its section's heading.
            article_href = title.get_attribute("href")
            for href in section.locator(".gl-claim-list__source a").evaluate_all(
                "els => els.map(e => e.getAttribute('href'))"
            ):
                assert href.split("#")[0] == article_href, (path, href)


def test_search_results_write_dates_like_the_archive(page, site):
    page.goto((site / "search.html").as_uri() + "?q=Putin")
    date = page.locator(".gl-results .gl-result__date").first
    assert date.get_attribute("datetime") == "2022-06-16"
    assert date.inner_text() == "16 Jun 2022"


def test_search_results_give_undated_posts_no_date(page, site):
    page.goto((site / "search.html").as_uri() + "?q=ferry timetable")
    result = page.locator(".gl-results li", has_text=UNDATED_TITLE)
    result.wait_for()
    assert result.locator(".gl-result__date").count() == 0
    assert PLACEHOLDER_YEAR not in result.inner_text()


def test_home_page_says_what_the_archive_is(page, site):
    page.goto((site / "index.html").as_uri())
    lede = page.locator("main .gl-lede")
    assert re.match(r"\d+ articles?, newest first", lede.inner_text())
    assert lede.locator("a").count() == 4


def test_article_offers_a_way_past_the_text_to_its_panels(page, seed_article):
    page.goto(seed_article.as_uri())
    jump = page.locator(".gl-controls .gl-jump a", has_text="Who said what")
    jump.focus()
    page.keyboard.press("Enter")
    # The next Tab lands in the claims panel, not on the next mention in the text.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.gl-claims-panel')")


def test_screenshots_of_every_page_type(browser, site, seed_article, artifacts):
    """Wide and phone screenshots of each kind of page, saved to tests/artifacts/pages/ for
    review (git-ignored); the print view of the article is saved by the article test."""
    kinds = {
        "home": site / "index.html",
        "archives": site / "archives.html",
        "article": seed_article,
        "provenance": seed_article.parent / "provenance" / "index.html",
        "entities": site / "entities" / "index.html",
        "speakers": site / "speakers" / "index.html",
        "claims": site / "claims" / "index.html",
        "search": site / "search.html",
    }
    for kind in ("entity", "speaker", "author", "category"):
        found = sorted((site / kind).glob("*/index.html"))
        if found:
            kinds[kind] = max(found, key=lambda p: p.stat().st_size)
    folder = artifacts / "pages"
    folder.mkdir(exist_ok=True)
    for width, height, size in ((1280, 1800, "wide"), (390, 1600, "phone")):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        for name, path in kinds.items():
            if not path.exists():
                continue
            query = "?q=Putin" if name == "search" else ""
            page.goto(path.as_uri() + query)
            page.wait_for_load_state("load")
            shot = folder / f"{name}-{size}.png"
            page.screenshot(path=shot)
            assert shot.stat().st_size > 5_000, shot
        context.close()


def test_entity_page_contents_links_resolve(page, site):
    for path in sorted((site / "entity").glob("*/index.html")):
        page.goto(path.as_uri())
        for href in page.eval_on_selector_all(
            ".gl-entity__toc a", "els => els.map(e => e.getAttribute('href'))"
        ):
            assert page.locator(href).count() == 1, (path, href)


def test_folded_mentions_print_open(page, site):
    for path in sorted((site / "entity").glob("*/index.html")):
        page.goto(path.as_uri())
        if page.locator("details.gl-kwic__more").count():
            break
    else:
        pytest.skip("no entity has more than three mentions in one article")
    hidden_line = page.locator("details.gl-kwic__more .gl-kwic__line").first
    assert not hidden_line.is_visible()
    page.emulate_media(media="print")
    assert hidden_line.is_visible()
    # And the script opens them for the print dialog in browsers without ::details-content.
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.gl-kwic__more:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("details.gl-kwic__more[open]").count() == 0


def test_arrow_down_right_after_typing_keeps_focus_on_a_result(page, site):
    page.goto((site / "archives.html").as_uri())
    page.locator("#gl-q").click()
    page.keyboard.type("Pu")
    page.wait_for_selector(".gl-search-box__results .gl-result")
    page.keyboard.type("tin")
    page.keyboard.press("ArrowDown")  # before the 80 ms pause that re-renders the results
    page.wait_for_timeout(300)
    assert page.evaluate("document.activeElement.matches('.gl-search-box__results a')")
    assert "Putin" in page.locator(".gl-search-box__results .gl-result").first.inner_text()
