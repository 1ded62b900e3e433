"""Score the claim finder on the claims audit (eval/claims_audit_gold.json).

The audit gold lists, for 25 Wikinews articles outside the dev gold, the archive samples
and eval/heldout, every attribution a reader finds (see eval/claims_audit.md). This runs
`gloss annotate --json` on each article's "\\n\\n".join(paragraphs) and prints what was
missed, what was extra (false) and which speakers were wrong, then the totals.

Usage (from the project's root):  .venv/bin/python -m eval.claims_audit [-q] [--fresh]
--fresh scores eval/claims_audit_fresh.json instead (articles annotated before any fix was
made for them); --batch=N keeps one batch of it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from eval.corpus import CORPUS as DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "claims_audit_gold.json"
FRESH = ROOT / "eval" / "claims_audit_fresh.json"
CORPUS = DEFAULT_CORPUS
COVER = 0.8  # share of the anchor's characters the content must cover


def _norm(name: str | None) -> str:
    name = (name or "").lower().replace("’", "'")
    name = re.sub(r"^the\s+", "", name.strip())
    return re.sub(r"s$", "", name)


def _annotate(texts: dict[str, str]) -> dict[str, dict]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for key, text in texts.items():
            path = Path(tmp) / f"{key}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        out = subprocess.run(
            [str(ROOT / ".venv/bin/gloss"), "annotate", "--json", "--no-curation", *paths],
            capture_output=True,
            text=True,
            check=True,
        )
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    return {Path(r["source"]).stem: r for r in records}


def _anchor_span(paragraphs: list[str], index: int, anchor: str) -> tuple[int, int]:
    offset = sum(len(p) + 2 for p in paragraphs[:index])
    at = paragraphs[index].find(anchor)
    if at < 0:
        raise SystemExit(f"anchor not in paragraph {index}: {anchor!r}")
    return offset + at, offset + at + len(anchor)


def _covers(claim: dict, span: tuple[int, int]) -> bool:
    start, end = claim["content"]["start"], claim["content"]["end"]
    overlap = max(0, min(end, span[1]) - max(start, span[0]))
    return overlap >= COVER * (span[1] - span[0])


def main(argv: list[str] | None = None) -> dict[str, int]:
    args = argv if argv is not None else sys.argv[1:]
    say = (lambda *a: None) if "-q" in args else print
    path = FRESH if "--fresh" in args else GOLD
    gold = {k: v for k, v in json.loads(path.read_text()).items() if not k.startswith("_")}
    batches = [a.split("=", 1)[1] for a in args if a.startswith("--batch=")]
    if batches:  # --batch=2: only the articles of that fresh batch
        gold = {k: v for k, v in gold.items() if str(v.get("batch")) in batches}
    articles = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] in gold:
            articles[record["id"]] = record["paragraphs"]
    records = _annotate({k[:60]: "\n\n".join(p) for k, p in articles.items()})
    totals = dict(gold=0, right=0, missed=0, false=0, speaker_right=0)
    for key, expected in gold.items():
        paragraphs = articles[key]
        claims = records[key[:60]].get("claims", [])
        used: set[int] = set()
        say(f"== {key}")
        for speakers, index, anchor in expected["claims"]:
            totals["gold"] += 1
            span = _anchor_span(paragraphs, index, anchor)
            hit = next(
                (i for i, c in enumerate(claims) if i not in used and _covers(c, span)), None
            )
            if hit is None:
                totals["missed"] += 1
                say(f"  missed [{index}] {anchor!r} ({speakers})")
                continue
            used.add(hit)
            totals["right"] += 1
            accepted = {_norm(s) for s in ([speakers] if isinstance(speakers, str) else speakers)}
            got = claims[hit]["speaker"].get("name")
            if _norm(got) in accepted:
                totals["speaker_right"] += 1
            else:
                say(f"  speaker [{index}] {anchor!r}: expected {speakers}, got {got!r}")
        optional = [_anchor_span(paragraphs, i, a) for i, a in expected["optional"]]
        for i, claim in enumerate(claims):
            if i in used or any(_covers(claim, span) for span in optional):
                continue
            totals["false"] += 1
            say(
                f"  false {claim['speaker'].get('name')!r} {claim['cue']['lemma']}: "
                f"{claim['content']['text'][:90]!r}"
            )
    precision = totals["right"] / max(1, totals["right"] + totals["false"])
    recall = totals["right"] / max(1, totals["gold"])
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    print(
        f"claims right {totals['right']}/{totals['gold']}, false {totals['false']}, "
        f"missed {totals['missed']}; P {precision:.2f} R {recall:.2f} F1 {f1:.2f}; "
        f"speakers right {totals['speaker_right']}/{totals['right']}"
    )
    return totals


if __name__ == "__main__":
    main()
