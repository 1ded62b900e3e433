"""Entity precision, recall and F1 of the engine against the raw model, on the dev gold.

Uses the development gold and the matching rules of ``../shared/dev/score.py`` (an entity is
found when one of its names or mentions matches a required entity's alias with the right
class; a predicted entity is extra when it matches nothing required or optional). Precision
here is (predicted - extra) / predicted, recall found / required. Links are the mention-level
check: every occurrence of a surname or acronym must belong to the right entity.

Usage, from the project root:  .venv/bin/python eval/entity_f1.py [GOLD_DIR]
"""

from __future__ import annotations

import glob
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "dev"


def load_scorer(dev: Path):
    spec = importlib.util.spec_from_file_location("dev_score", dev / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def evaluate(golds: list[dict], texts: list[str], raw: bool, scorer) -> dict[str, float]:
    from gloss.annotate import Annotator, load_curation

    annotator = Annotator(
        workers=1,
        cache_dir=None,
        curation=None if raw else load_curation(ROOT / "content"),
        raw_entities=raw,
    )
    records = annotator.annotate_texts(texts)
    total: dict[str, int] = {"predicted": 0}
    for gold, text, record in zip(golds, texts, records, strict=True):
        for key, value in scorer.score(gold, text, record, verbose=False).items():
            total[key] = total.get(key, 0) + value
        total["predicted"] += len(record["entities"])
    precision = (total["predicted"] - total["entities_extra"]) / max(1, total["predicted"])
    recall = total["entities"] / max(1, total["entities_gold"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    link_rate = total["links"] / max(1, total["links_gold"])
    return {**total, "precision": precision, "recall": recall, "f1": f1, "link_rate": link_rate}


def main(argv: list[str]) -> int:
    dev = Path(argv[0]) if argv else DEV
    scorer = load_scorer(dev)
    files = sorted(glob.glob(str(dev / "wikinews-gold" / "*.json")))
    golds = [json.loads(Path(f).read_text(encoding="utf-8")) for f in files]
    texts = ["\n\n".join(g["paragraphs"]) + "\n" for g in golds]
    for name, raw in (("raw model (en_core_web_sm spans)", True), ("gloss engine", False)):
        r = evaluate(golds, texts, raw, scorer)
        print(
            f"{name:34} entity P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
            f"({r['entities']}/{r['entities_gold']} found, {r['entities_extra']} extra of "
            f"{r['predicted']})  links {r['link_rate']:.3f} ({r['links']}/{r['links_gold']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
