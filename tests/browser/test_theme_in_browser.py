"""The built archive in a real browser, from disk: offline, popovers, layers, search."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from gloss.site.search import words

pytestmark = pytest.mark.slow


def url_of(path: Path, query: str = "") -> str:
    return path.as_uri() + query


def pages_to_visit(site: Path, seed_article: Path) -> list[Path]:
    pages = [site / "index.html", site / "archives.html", site / "search.html", seed_article]
    for listing in ("entities", "speakers", "claims"):
        if (site / listing / "index.html").exists():
            pages.append(site / listing / "index.html")
    for kind in ("entity", "speaker"):
        found = sorted((site / kind).glob("*/index.html"))[:1] if (site / kind).exists() else []
        pages.extend(found)
    pages.extend(sorted(seed_article.parent.glob("provenance/index.html")))
    return pages


def test_pages_open_offline_without_errors_or_missing_files(page, site, seed_article):
    for path in pages_to_visit(site, seed_article):
        page.log.requests.clear()
        page.goto(url_of(path))
        page.wait_for_load_state("load")
        page.log.assert_clean()
        assert page.log.requests, f"{path} made no request at all?"


def test_internal_links_point_at_files(page, site, seed_article):
    for path in pages_to_visit(site, seed_article):
        page.goto(url_of(path))
        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        for href in hrefs:
            parsed = urlparse(href)
            if parsed.scheme != "file":
                continue
            target = Path(unquote(parsed.path))
            assert target.is_file(), f"{path.relative_to(site)} links to {href}, not a file"


def open_popover_ids(page) -> list[str]:
    return page.eval_on_selector_all(".gl-popover:popover-open", "els => els.map(e => e.id)")


def test_mention_opens_its_popover_on_click(page, seed_article):
    page.goto(url_of(seed_article))
    mention = page.locator("button.gl-mention").first
    target = mention.get_attribute("popovertarget")
    entity = mention.get_attribute("data-entity")
    assert target == f"gl-pop-{entity}"
    mention.click()
    assert open_popover_ids(page) == [target]
    popover = page.locator(f"#{target}")
    assert popover.locator(".gl-popover__name").inner_text().strip()
    assert re.search(r"Mentioned \d+ times?", popover.inner_text())
    link = popover.locator("a[href]").first
    assert Path(unquote(urlparse(link.evaluate("a => a.href")).path)).is_file()
    page.keyboard.press("Escape")
    assert open_popover_ids(page) == []
    page.log.assert_clean()


def test_mention_opens_its_popover_from_the_keyboard(page, seed_article):
    page.goto(url_of(seed_article))
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('button.gl-mention')"):
            break
    else:
        pytest.fail("no mention is reachable with Tab")
    target = page.evaluate("document.activeElement.getAttribute('popovertarget')")
    page.keyboard.press("Enter")
    assert open_popover_ids(page) == [target]
    # Tab goes on into the open popover (its link to the entity page, then Close).
    page.keyboard.press("Tab")
    assert page.evaluate(f"document.activeElement.closest('#{target}') !== null")
    page.keyboard.press("Escape")
    assert open_popover_ids(page) == []


def decoration(page, selector: str) -> str:
    return page.eval_on_selector(selector, "e => getComputedStyle(e).textDecorationLine")


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_layer_switches_hide_and_show_each_layer(browser, seed_article, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(url_of(seed_article))
    mention = ".gl-text button.gl-mention[data-label=PERSON]"
    other = ".gl-text button.gl-mention:not([data-label=PERSON])"
    claim = ".gl-text .gl-claim"
    assert decoration(page, mention) == "underline"

    page.uncheck("#gl-show-entities")
    assert decoration(page, mention) == "none"
    assert decoration(page, other) == "none"
    page.check("#gl-show-entities")
    assert decoration(page, mention) == "underline"

    page.uncheck("#gl-show-label-PERSON")
    assert decoration(page, mention) == "none"
    assert decoration(page, other) == "underline"
    page.check("#gl-show-label-PERSON")

    tinted = page.eval_on_selector(claim, "e => getComputedStyle(e).backgroundColor")
    assert tinted != "rgba(0, 0, 0, 0)"
    page.uncheck("#gl-show-claims")
    bare = page.eval_on_selector(claim, "e => getComputedStyle(e).backgroundColor")
    assert bare == "rgba(0, 0, 0, 0)"
    assert not page.locator(".gl-claims-panel").is_visible()
    page.check("#gl-show-claims")
    assert page.locator(".gl-claims-panel").is_visible()
    context.close()


def test_claims_panel_lists_who_said_what_and_links_into_the_text(page, seed_article):
    page.goto(url_of(seed_article))
    items = page.locator(".gl-claims-list__item")
    assert items.count() >= 1
    claims_in_text = page.eval_on_selector_all(
        ".gl-text .gl-claim[data-claim]", "els => [...new Set(els.map(e => e.dataset.claim))]"
    )
    assert items.count() == len(claims_in_text)
    for item in page.query_selector_all(".gl-claims-list__item"):
        kind = item.get_attribute("data-kind")
        flagged = item.query_selector(".gl-badge--unnamed") is not None
        assert flagged == (kind in ("vague", "unknown")), kind
    jump = page.locator(".gl-claims-list__jump").first
    anchor = jump.get_attribute("href")
    assert page.locator(anchor).count() == 1
    jump.click()
    page.wait_for_function(
        f"document.activeElement && document.activeElement.id === '{anchor[1:]}'"
    )
    assert page.evaluate("location.hash") == anchor
    assert page.locator(anchor).get_attribute("data-claim") == page.locator(
        ".gl-claims-list__item"
    ).first.get_attribute("data-for-claim")


def search_result_titles(page) -> list[str]:
    return page.eval_on_selector_all(".gl-result__title", "els => els.map(e => e.textContent)")


def test_search_page_finds_the_seed_by_putin(page, site, seed_article):
    title = page.goto(url_of(seed_article)) and page.locator("h1").inner_text()
    page.goto(url_of(site / "search.html", "?q=Putin"))
    page.wait_for_selector(".gl-result")
    assert title in search_result_titles(page)
    first = page.locator(".gl-result__title").first
    assert first.locator("mark").count() >= 1
    target = Path(unquote(urlparse(first.evaluate("a => a.href")).path))
    assert target == seed_article
    timing = page.evaluate("window.GLOSS_SEARCH_TIMING")
    assert timing["query"] == "Putin" and timing["total"] >= 1
    page.log.assert_clean()


def test_search_page_reports_no_match(page, site):
    page.goto(url_of(site / "search.html", "?q=zzzqqqxxyy"))
    assert "No articles match" in page.locator(".gl-search-results").inner_text()
    assert page.locator(".gl-result").count() == 0


def test_header_box_shows_results_as_you_type_and_enter_opens_search(page, site, seed_article):
    title = page.goto(url_of(seed_article)) and page.locator("h1").inner_text()
    page.goto(url_of(site / "archives.html"))
    page.locator("#gl-q").click()
    page.keyboard.type("Puti")
    page.wait_for_selector(".gl-search-box__results .gl-result")
    assert title in search_result_titles(page)
    page.keyboard.type("n")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"search\.html\?q=Putin$"))
    page.wait_for_selector(".gl-search-results .gl-result")
    assert title in search_result_titles(page)
    page.log.assert_clean()


def test_browser_splits_words_like_the_indexer(page, site):
    page.goto(url_of(site / "search.html"))
    samples = [
        "Lula da Silva's “Palácio” — São Paulo, 2004!",
        "Москва и Киев; Zürich/Genève; ﬁnance",
        "co-operation U.S. e-mail x 7 42",
    ]
    for sample in samples:
        assert page.evaluate("s => GlossSearch.words(s)", sample) == words(sample), sample


def test_screenshots_of_the_article_page(browser, seed_article, artifacts):
    """Saved for review in tests/artifacts/ (git-ignored): wide, popover, narrow, print."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url_of(seed_article))
    page.screenshot(path=artifacts / "article-wide.png", full_page=True)
    page.locator("button.gl-mention").nth(1).click()
    page.screenshot(path=artifacts / "article-popover.png")
    page.keyboard.press("Escape")
    page.check("#gl-show-tags")
    page.screenshot(path=artifacts / "article-label-tags.png")
    page.set_viewport_size({"width": 390, "height": 844})
    page.uncheck("#gl-show-tags")
    page.screenshot(path=artifacts / "article-narrow.png", full_page=True)
    page.emulate_media(media="print")
    page.set_viewport_size({"width": 800, "height": 1100})
    page.screenshot(path=artifacts / "article-print.png", full_page=True)
    context.close()
    dark = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    dark_page = dark.new_page()
    dark_page.goto(url_of(seed_article))
    dark_page.screenshot(path=artifacts / "article-dark.png")
    dark.close()
    for name in ("wide", "popover", "label-tags", "narrow", "print", "dark"):
        assert (artifacts / f"article-{name}.png").stat().st_size > 10_000


def test_search_semantics_in_the_browser(page, site):
    """All words must match, the last as a prefix; accents and case do not matter."""
    page.goto(url_of(site / "search.html"))

    def titles(query: str) -> list[str]:
        found = page.evaluate("q => GlossSearch.search(q, 50)", query)
        return [r["title"] for r in found["results"]]

    harbour = "Harbour in Valparaíso reopens after storm repairs"
    assert titles("valparaiso") == [harbour]
    assert titles("VALPARAÍSO harb") == [harbour]
    assert titles("Putin Valparaiso") == []
    assert titles("the of and") == []
    assert any("Putin" in t for t in titles("Putin"))
    # A title match outranks a match in the text alone.
    ranked = titles("library")
    assert ranked and ranked[0] == "National library digitises wartime newspapers"


CONTRAST_JS = """
selector => {
  function rgb(value) {
    let m = value.match(/^rgba?\\(([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    m = value.match(/^color\\(srgb ([^)]+)\\)/);
    if (m) {
      const p = m[1].split(/[ \\/]+/).filter(Boolean).map(Number);
      return [p[0] * 255, p[1] * 255, p[2] * 255, p.length > 3 ? p[3] : 1];
    }
    throw new Error("unknown colour " + value);
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    let bg = null;
    for (let n = el; n && !bg; n = n.parentElement) {
      const c = rgb(getComputedStyle(n).backgroundColor);
      if (c[3] > 0.99) bg = c;
    }
    bg = bg || [255, 255, 255, 1];
    const fg = rgb(getComputedStyle(el).color);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    out.push((a + 0.05) / (b + 0.05));
  }
  return out;
}
"""

TEXT_SELECTORS = [
    ".gl-text p",
    ".gl-text button.gl-mention",
    ".gl-text .gl-claim",
    ".gl-article__meta",
    ".gl-article__meta a",
    ".gl-controls legend",
    ".gl-legend__abbr",
    ".gl-badge",
    ".gl-claims-list__what",
    ".gl-claims-list__mode",
    ".gl-claims-list__cue",
    ".gl-claims-list__jump",
    ".gl-site-footer p",
    ".gl-nav a",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_contrast_meets_wcag_aa(browser, seed_article, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(url_of(seed_article))
    for selector in TEXT_SELECTORS:
        ratios = page.evaluate(CONTRAST_JS, selector)
        assert ratios, f"nothing matches {selector}"
        assert min(ratios) >= 4.5, f"{selector}: contrast {min(ratios):.2f} in {scheme}"
    context.close()


def test_header_box_results_are_keyboard_reachable(page, site):
    page.goto(url_of(site / "index.html"))
    page.locator("#gl-q").focus()
    page.keyboard.type("Putin")
    page.wait_for_selector(".gl-search-box__results .gl-result")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('.gl-search-box__results a')")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "gl-q"
    assert page.locator(".gl-search-box__results").is_hidden()


def test_print_keeps_annotations_readable_without_colour(page, seed_article):
    page.goto(url_of(seed_article))
    page.emulate_media(media="print")
    after = page.eval_on_selector(
        ".gl-text button.gl-mention[data-label=PERSON]",
        "e => getComputedStyle(e, '::after').content",
    )
    assert after == '"PER"'
    assert decoration(page, ".gl-text button.gl-mention[data-label=PERSON]") == "underline"
    style = page.eval_on_selector(".gl-text .gl-claim", "e => getComputedStyle(e).fontStyle")
    assert style == "italic"
    assert page.locator(".gl-claims-panel").is_visible()
    assert page.locator(".gl-site-header").is_hidden()


def test_article_head_carries_schema_org_json_ld(page, seed_article):
    page.goto(url_of(seed_article))
    blocks = page.eval_on_selector_all(
        'head script[type="application/ld+json"]', "els => els.map(e => JSON.parse(e.textContent))"
    )
    assert [b.get("@type") for b in blocks] == ["NewsArticle"]
    assert blocks[0].get("headline") == page.locator("h1").inner_text()


def test_snippets_show_where_a_word_deep_in_the_text_matched(page, site, seed_article):
    """The lead is the opening; a match further down loads the article's text and shows it."""
    page.goto(url_of(seed_article))
    title = page.locator("h1").inner_text()
    text = page.locator(".gl-text").inner_text()
    opening = text[:400].lower()
    deep = [w for w in re.findall(r"[A-Za-z]{9,}", text[2000:]) if w.lower() not in opening]
    assert deep, "the seed has long words past its opening"
    page.goto(url_of(site / "search.html", f"?q={deep[0]}"))
    result = page.locator(".gl-result").filter(has_text=title)
    mark = result.locator(".gl-result__snippet mark").first
    mark.wait_for()
    assert mark.inner_text().lower() == deep[0].lower()
    assert "…" in result.locator(".gl-result__snippet").inner_text()
    page.log.assert_clean()
