"""``python -m eval.ingest``: ingest quality on synthetic captures of the Wikinews corpus.

Prints the figures for the tuning split and the held-out split (a quarter of the articles,
chosen by a hash of their id, never used while tuning), over the captures of three seeds
pooled (one seed's break F1 varies by about ±0.005). ``--seed`` changes the captures,
``--seed 1,2,3`` pools several seeds, ``--limit`` takes the first N articles of each split, ``--mistakes`` lists what went wrong,
``--html`` also scores saved HTML pages of every article (trafilatura path), ``--by-trait``
breaks the figures down by kind of capture (jitter, stray lines, footer, encoding, and the
noise of real copies: ads, links, credits, captions, PDF pages and hyphens...), ``--clean``
leaves that noise out (the captures of the first evaluation).
Exit status 1 when the held-out split misses a target of issue 2.
"""

from __future__ import annotations

import argparse
import sys

from gloss.errors import GlossError
from gloss.ingest import ingest_bytes

from eval.captures import make_captures, make_html_captures
from eval.corpus import CORPUS, CorpusArticle, load_corpus
from eval.score import Scores, misses


def evaluate(
    articles: list[CorpusArticle],
    seed: int | tuple[int, ...] = (1, 2, 3),
    html: bool = False,
    by_trait: dict[str, Scores] | None = None,
    noise: bool = False,
) -> Scores:
    """Scores of ingest on captures of ``articles`` (text captures, or saved HTML pages);
    several seeds pool the captures of each (a steadier figure than one seed gives).
    ``by_trait``, if given, also gets one Scores per capture trait ("jitter", "footer"...).
    ``noise``: text captures carry the debris of real copies (the command's default) (ads, story links, image
    credits, PDF pages and hyphenation; ``eval.captures``)."""
    scores = Scores()
    seeds = seed if isinstance(seed, tuple) else (seed,)
    captures = [
        capture
        for one in seeds
        for capture in (
            make_html_captures(articles, seed=one)
            if html
            else make_captures(articles, seed=one, noise=noise)
        )
    ]
    for capture in captures:
        try:
            article = ingest_bytes(capture.data, capture.article.id + (".html" if html else ".txt"))
            error = None
        except GlossError as exc:
            article, error = None, str(exc)
        for target in (
            [scores, *(by_trait.setdefault(t, Scores()) for t in capture.traits)]
            if by_trait is not None
            else [scores]
        ):
            target.add(capture, article, error)
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m eval.ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--seed",
        type=lambda text: tuple(int(part) for part in text.split(",")),
        default=(1, 2, 3),
        help="seeds for the captures, comma-separated, pooled (default 1,2,3)",
    )
    parser.add_argument("--limit", type=int, default=0, help="first N articles of each split only")
    parser.add_argument("--mistakes", action="store_true", help="list every mistake")
    parser.add_argument("--by-trait", action="store_true", help="figures per kind of capture")
    parser.add_argument("--split", choices=["tuning", "held-out", "both"], default="both")
    parser.add_argument(
        "--clean",
        action="store_true",
        help="captures without the noise of real copies (ads, links, credits, PDF pages)",
    )
    parser.add_argument(
        "--html", action="store_true", help="also score saved HTML pages of every article"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus()
    print(
        f"corpus: {CORPUS} ({len(corpus)} articles), seed {','.join(map(str, args.seed))}"
        + (", clean captures" if args.clean else ", with the noise of real copies")
    )
    status = 0
    for name, held_out in (("tuning", False), ("held-out", True)):
        if args.split not in (name, "both"):
            continue
        articles = [a for a in corpus if a.held_out == held_out]
        if args.limit:
            articles = articles[: args.limit]
        traits: dict[str, Scores] = {}
        scores = evaluate(
            articles,
            seed=args.seed,
            by_trait=traits if args.by_trait else None,
            noise=not args.clean,
        )
        print(scores.report(name))
        for trait, part in sorted(traits.items()):
            fields = " ".join(f"{f} {100 * part.accuracy(f):.1f}%" for f in ("authors", "date"))
            print(
                f"    {trait:18} {part.captures:4} captures  break F1 {part.f1:.4f}"
                f" (P {part.precision:.4f} R {part.recall:.4f})  {fields}"
            )
        missed = misses(scores)
        print(f"  targets: {'all met' if not missed else 'MISSED: ' + '; '.join(missed)}")
        if args.mistakes:
            for line in scores.mistakes:
                print(f"    {line}")
        if held_out and missed:
            status = 1
    if args.html:
        scores = evaluate(corpus[: args.limit] if args.limit else corpus, seed=args.seed, html=True)
        print(scores.report("html pages (all articles)"))
        missed = misses(scores)
        print(f"  targets: {'all met' if not missed else 'MISSED: ' + '; '.join(missed)}")
        if args.mistakes:
            for line in scores.mistakes:
                print(f"    {line}")
    return status


if __name__ == "__main__":
    sys.exit(main())
