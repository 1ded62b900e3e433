"""Precision, recall and F1 of `gloss annotate` on the held-out gold, beside the dev gold.

Runs the engine through its CLI (as /work/shared/dev/score.py does) and scores every article
with that scorer's own `score()` function (loaded with importlib, nothing copied), then prints
one line per set and measure:

- entities: P = (predicted - extra) / predicted, R = found / required (same rule as
  eval/entity_f1.py), for the engine and for the raw spaCy spans (`--raw-entities`);
- claims:   P = matched / (matched + extra), R = matched / gold claims;
- speakers: right / matched claims; links: mention links right / all;
- a 90 % interval for claim F1, speaker accuracy and engine entity F1 from a bootstrap over
  articles (2000 resamples, fixed seed): 15 articles are few, and the interval says how few.

Usage, from the project root:
    python3 eval/heldout/summary.py [--gold-dir DIR] [--gloss PATH] [--per-article]
(--gold-dir: the held-out folder to score, default eval/heldout; e.g. eval/heldout2)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
DEV = Path("/work/shared/dev")


def load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_score", DEV / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Totals:
    """Sums of the scorer's per-article counts, plus the number of predicted entities."""

    counts: dict[str, int] = field(default_factory=dict)
    per_article: list[dict[str, int]] = field(default_factory=list)

    def add(self, counts: dict[str, int]) -> None:
        self.per_article.append(counts)
        for key, value in counts.items():
            self.counts[key] = self.counts.get(key, 0) + value

    def get(self, key: str) -> int:
        return self.counts.get(key, 0)


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def claim_f1(t: Totals) -> float:
    matched = t.get("claims")
    return f1(
        matched / max(1, matched + t.get("claims_extra")), matched / max(1, t.get("claims_gold"))
    )


def entity_f1(t: Totals) -> float:
    precision = (t.get("predicted") - t.get("entities_extra")) / max(1, t.get("predicted"))
    return f1(precision, t.get("entities") / max(1, t.get("entities_gold")))


def speaker_rate(t: Totals) -> float:
    return t.get("speakers") / max(1, t.get("claims"))


def bootstrap(t: Totals, measure, rounds: int = 2000, seed: int = 7) -> tuple[float, float]:
    """5th and 95th percentiles of `measure` over article resamples."""
    rng = random.Random(seed)
    values = []
    for _ in range(rounds):
        sample = Totals()
        for counts in rng.choices(t.per_article, k=len(t.per_article)):
            sample.add(counts)
        values.append(measure(sample))
    values.sort()
    return values[int(0.05 * rounds)], values[int(0.95 * rounds) - 1]


def annotate(texts: list[str], gloss: str, extra_args: list[str]) -> list[dict]:
    """One gloss.annotations/1 record per text, in order ({} when the engine gave none)."""
    with tempfile.TemporaryDirectory(prefix="heldout-") as tmp:
        paths = []
        for i, text in enumerate(texts):
            path = Path(tmp) / f"doc-{i:03d}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        # one worker: the machine is shared, and the spaCy output is cached by content hash
        command = [gloss, "annotate", "--json", "--workers", "1", *extra_args, *paths]
        out = subprocess.run(command, capture_output=True, text=True, check=False)
    records = {}
    for line in out.stdout.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            records[record.get("source")] = record
    return [records.get(p, {}) for p in paths]


def score_set(
    scorer: ModuleType, files: list[Path], gloss: str, raw: bool, per_article: bool
) -> Totals:
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    texts = ["\n\n".join(g["paragraphs"]) + "\n" for g in golds]
    records = annotate(texts, gloss, ["--raw-entities"] if raw else [])
    totals = Totals()
    for gold, text, record in zip(golds, texts, records, strict=True):
        if per_article and not raw:
            print(gold.get("doc"))
        counts = scorer.score(gold, text, record, verbose=per_article and not raw)
        counts["predicted"] = len(record.get("entities", []))
        totals.add(counts)
    return totals


def report(label: str, engine: Totals, raw: Totals) -> None:
    def entity_line(name: str, t: Totals) -> str:
        p = (t.get("predicted") - t.get("entities_extra")) / max(1, t.get("predicted"))
        r = t.get("entities") / max(1, t.get("entities_gold"))
        return (
            f"  entities {name:6} P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f}  "
            f"({t.get('entities')}/{t.get('entities_gold')} found, "
            f"{t.get('entities_extra')} extra of {t.get('predicted')})"
        )

    matched, extra, gold = (
        engine.get("claims"),
        engine.get("claims_extra"),
        engine.get("claims_gold"),
    )
    p = matched / max(1, matched + extra)
    r = matched / max(1, gold)
    speakers = engine.get("speakers")
    print(f"{label}")
    print(entity_line("engine", engine))
    print(entity_line("raw", raw))
    print(
        f"  claims          P {p:.3f} R {r:.3f} F1 {f1(p, r):.3f}  ({matched}/{gold} matched, {extra} extra)"
    )
    print(f"  speakers right  {speakers / max(1, matched):.3f}  ({speakers}/{matched})")
    measures = (("claim F1", claim_f1), ("speakers", speaker_rate), ("entity F1", entity_f1))
    intervals = ", ".join(
        f"{name} {lo:.3f}-{hi:.3f}" for name, fn in measures for lo, hi in [bootstrap(engine, fn)]
    )
    print(f"  90% interval (bootstrap over articles): {intervals}")
    print(
        f"  mention links   {engine.get('links') / max(1, engine.get('links_gold')):.3f}  ({engine.get('links')}/{engine.get('links_gold')})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gloss", default=".venv/bin/gloss", help="the gloss command (default: .venv/bin/gloss)"
    )
    parser.add_argument(
        "--per-article",
        action="store_true",
        help="print the scorer's misses and extras per article",
    )
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=HERE,
        help="folder of held-out gold *.json files (default: eval/heldout)",
    )
    args = parser.parse_args()
    scorer = load_scorer()
    held_out = sorted(args.gold_dir.glob("*.json"))
    sets = {
        f"held-out ({len(held_out)} docs, {args.gold_dir})": held_out,
        f"dev ({len(list((DEV / 'wikinews-gold').glob('*.json')))} docs, shared/dev/wikinews-gold)": sorted(
            (DEV / "wikinews-gold").glob("*.json")
        ),
    }
    for label, files in sets.items():
        engine = score_set(scorer, files, args.gloss, raw=False, per_article=args.per_article)
        raw = score_set(scorer, files, args.gloss, raw=True, per_article=False)
        report(label, engine, raw)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
