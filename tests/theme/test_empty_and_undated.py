"""Index and archive templates: empty archives say so, undated posts are never dated."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

THEME = Path(__file__).resolve().parents[2] / "theme" / "templates"
PLACEHOLDER = datetime(1970, 1, 1, tzinfo=UTC)  # gloss.site.undated's placeholder date


@pytest.fixture(scope="module")
def env() -> Environment:
    return Environment(loader=FileSystemLoader(str(THEME)), trim_blocks=True, lstrip_blocks=True)


def render(env: Environment, template: str, **context) -> str:
    base = dict(SITEURL=".", SITENAME="Archive", THEME_STATIC_DIR="theme", DEFAULT_LANG="en")
    return env.get_template(template).render(**base, **context)


def post(title: str, date: datetime | None) -> SimpleNamespace:
    slug = title.lower().replace(" ", "-")
    if date is None:
        return SimpleNamespace(
            title=title, url=f"undated/{slug}/index.html", date=PLACEHOLDER,
            locale_date="Thu 01 January 1970", undated=True,
        )  # fmt: skip
    return SimpleNamespace(
        title=title, url=f"{date:%Y}/{slug}/index.html", date=date,
        locale_date=date.strftime("%a %d %B %Y"),
    )  # fmt: skip


@pytest.fixture
def mixed() -> list[SimpleNamespace]:
    return [
        post("Harbour reopens", datetime(2021, 3, 4, tzinfo=UTC)),
        post("Library digitises", datetime(2020, 11, 20, tzinfo=UTC)),
        post("Ferry timetable", None),
    ]


def test_archives_file_undated_posts_under_undated(env, mixed):
    html = render(env, "archives.html", dates=mixed)
    assert "1970" not in html
    years = html.index('id="gl-year-2021"'), html.index('id="gl-year-2020"')
    undated = html.index('id="gl-undated"')
    assert years[0] < years[1] < undated < html.index("Ferry timetable")
    assert "3 articles, newest first; 1 undated at the end." in html


def test_period_archive_of_only_undated_posts(env, mixed):
    html = render(env, "period_archives.html", dates=mixed[2:], period=(1970,))
    assert "Undated articles" in html and "1970" not in html
    html = render(env, "period_archives.html", dates=mixed[:1], period=(2021,))
    assert "Archive for 2021" in html and "Thu 04 March 2021" in html


def test_empty_archive_pages_say_so(env):
    assert "No articles yet." in render(env, "archives.html", dates=[])
    assert "No articles yet." in render(
        env, "index.html", articles=[], articles_page=None, page_name="index"
    )
    empty = SimpleNamespace(
        claims=[], contents=[], by_label=lambda: [], speakers={}, unattributed=[]
    )
    claims = render(env, "claims.html", archive=empty)
    assert "No claims were found" in claims and "Unknown speaker" not in claims
    assert "No entities yet." in render(env, "entities.html", archive=empty)


def test_counts_use_the_singular_for_one(env):
    entity = SimpleNamespace(
        name="Carla Méndez", label="PERSON", label_name="person", url="entity/carla/index.html",
        mention_count=1, article_count=1,
    )  # fmt: skip
    group = SimpleNamespace(label="PERSON", plural="People", entities=[entity])
    archive = SimpleNamespace(by_label=lambda: [group])
    html = render(env, "entities.html", archive=archive)
    assert "1 mention in 1 article" in html


def test_entity_index_folds_the_long_tail_of_names_mentioned_once(env):
    def entity(i: int, mentions: int) -> SimpleNamespace:
        return SimpleNamespace(
            name=f"Person {i}", label="PERSON", url=f"entity/p{i}/index.html",
            mention_count=mentions, article_count=1,
        )  # fmt: skip

    people = [entity(i, 5) for i in range(5)] + [entity(i, 1) for i in range(5, 30)]
    group = SimpleNamespace(label="PERSON", plural="People", entities=people)
    html = render(env, "entities.html", archive=SimpleNamespace(by_label=lambda: [group]))
    fold = html.index("<details")
    assert "25 more people named once" in html
    assert html.index("Person 4<") < fold < html.index("Person 5<")
    short = SimpleNamespace(label="PERSON", plural="People", entities=people[:10])
    html = render(env, "entities.html", archive=SimpleNamespace(by_label=lambda: [short]))
    assert "<details" not in html


def test_article_card_says_what_the_annotations_hold(env):
    def claim(name: str, kind: str = "named") -> dict:
        return {"speaker": {"name": name, "kind": kind, "url": f"speaker/{name.lower()}/"}}

    gloss = {
        "entities": [{"id": "a"}, {"id": "b"}],
        "claims": [claim("analysts", "vague"), claim("Ana"), claim("Ben"), claim("Ana")],
    }
    item = post("Harbour reopens", datetime(2021, 3, 4, tzinfo=UTC))
    item.summary, item.gloss = "<p>Text.</p>", gloss
    html = env.get_template("gloss_macros.html").module.article_card(item)
    assert "2 names · 4 claims · speakers: Ana and Ben" in " ".join(str(html).split())
    item.gloss = {"entities": [], "claims": []}
    assert "gl-card__annotations" not in str(
        env.get_template("gloss_macros.html").module.article_card(item)
    )
