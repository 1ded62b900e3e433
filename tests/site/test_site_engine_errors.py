"""One bad text costs only its own annotations: the build goes on and says why."""

from __future__ import annotations

from gloss.errors import GlossError
from gloss.site.engine import Engine


class PickyAnnotator:
    """Stands in for the engine: fails the whole batch when it holds the text "boom", and
    answers a record with an ``error`` for the text "bad"."""

    def annotate_texts(self, texts, sources=None, slugs=None, progress=None):
        if "boom" in texts:
            raise GlossError("cannot parse", path=sources[texts.index("boom")])
        return [
            {"schema": "gloss.annotations/1", "source": s, "entities": [], "claims": []}
            | ({"error": "not text"} if t == "bad" else {})
            for t, s in zip(texts, sources, strict=True)
        ]


def engine(tmp_path) -> Engine:
    found = Engine("en_core_web_sm", None, tmp_path / "cache", tmp_path)
    found._annotator = PickyAnnotator()
    return found


def test_a_failing_text_is_retried_alone_and_reported(tmp_path) -> None:
    run = engine(tmp_path).annotate(
        ["fine", "boom", "also fine"], ["a.md", "b.md", "c.md"], ["a", "b", "c"]
    )
    assert [r is not None for r in run.records] == [True, False, True]
    assert [str(e) for e in run.errors] == ["b.md: cannot parse"]


def test_a_record_with_an_error_is_dropped_and_reported(tmp_path) -> None:
    run = engine(tmp_path).annotate(["fine", "bad"], ["a.md", "b.md"], ["a", "b"])
    assert run.records[0] is not None and run.records[1] is None
    assert [str(e) for e in run.errors] == ["b.md: not text"]
