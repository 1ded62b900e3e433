"""The article layout renders whatever part of ``article.gloss`` the plugin provides."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader

THEME = Path(__file__).resolve().parents[2] / "theme" / "templates"


@pytest.fixture(scope="module")
def env() -> Environment:
    # As Pelican sets up Jinja (JINJA_ENVIRONMENT defaults).
    return Environment(loader=FileSystemLoader(str(THEME)), trim_blocks=True, lstrip_blocks=True)


def article(**extra) -> SimpleNamespace:
    fields = dict(
        title="Harbour reopens",
        url="2021/harbour/index.html",
        date=datetime(2021, 3, 4),
        locale_date="Thu 04 March 2021",
        lang="en",
        authors=[],
        tags=[],
        summary="<p>The harbour reopened.</p>",
        content='<p><button class="gl-mention" data-entity="carla" data-label="PERSON" '
        'popovertarget="gl-pop-carla">Carla</button> said so.</p>',
    )
    fields.update(extra)
    return SimpleNamespace(**fields)


def render(env: Environment, item: SimpleNamespace) -> str:
    return env.get_template("article.html").render(
        article=item,
        SITEURL="../..",
        SITENAME="Archive",
        THEME_STATIC_DIR="theme",
        DEFAULT_LANG="en",
        MENUITEMS=[],
        pages=[],
    )


def test_article_without_annotations_renders_as_plain_article(env):
    html = render(env, article(license="CC BY 2.5", source_url="https://en.wikinews.org/wiki/X"))
    assert '<h1 class="gl-article__title">Harbour reopens</h1>' in html
    assert "gl-controls" not in html and "gl-claims-panel" not in html
    assert (
        'Source: "Harbour reopens", Wikinews, 2021-03-04, https://en.wikinews.org/wiki/X.' in html
    )
    assert "CC BY 2.5. Reformatted." in html


def test_popovers_and_legend_from_entities_alone(env):
    gloss = {"entities": [{"id": "carla", "name": "Carla Méndez", "label": "PERSON", "count": 2}]}
    html = render(env, article(gloss=gloss))
    assert 'id="gl-pop-carla"' in html and "Carla Méndez" in html
    assert "Mentioned 2 times in this article" in html
    assert 'id="gl-show-label-PERSON"' in html
    assert "Entity page" not in html  # no URL given: no link to a page that may not exist
    assert "gl-claims-panel" not in html


def test_claims_panel_flags_unnamed_and_inferred_speakers(env):
    claims = [
        {
            "id": "c1",
            "speaker": None,
            "cue": "reportedly",
            "content": "It rained.",
            "mode": "indirect",
        },
        {
            "id": "c2",
            "speaker": {
                "name": "officials",
                "kind": "vague",
                "url": "speaker/officials/index.html",
            },
            "cue": "said",
            "content": "All is well.",
            "mode": "indirect",
        },
        {
            "id": "c3",
            "speaker": {"name": "Carla Méndez", "kind": "pronoun", "text": "she"},
            "cue": {"text": "said"},
            "content": {"text": "Ships can dock"},
            "mode": "direct",
            "anchor": "gl-claim-c3",
        },
    ]
    html = render(env, article(gloss={"entities": [], "claims": claims}))
    items = html.split('class="gl-claims-list__item"')[1:]
    assert len(items) == 3
    assert "Unnamed source" in items[0] and "Unnamed source" in items[1]
    assert "Unnamed source" not in items[2] and "inferred" in items[2] and "“she”" in items[2]
    assert '<a href="../../speaker/officials/index.html">officials</a>' in items[1]
    assert "<q>Ships can dock</q>" in items[2] and 'href="#gl-claim-c3"' in items[2]


def test_annotation_text_is_escaped(env):
    gloss = {
        "entities": [
            {"id": "att", "name": "AT&T <Inc>", "label": "ORG", "description": "<b>x</b>"}
        ],
        "claims": [
            {
                "id": "c1",
                "speaker": {"name": "A <b>", "kind": "named"},
                "cue": "said",
                "content": "1 < 2 & <script>",
                "mode": "indirect",
            },
        ],
    }
    html = render(env, article(gloss=gloss))
    assert "AT&amp;T &lt;Inc&gt;" in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "1 &lt; 2 &amp; &lt;script&gt;" in html and "A &lt;b&gt;" in html
    assert "<script>" not in html.split("</head>")[1]
