"""Pick the second held-out set by the rule of eval/heldout/pick_articles.py (see README.md).

Same order and filters as the first set (its `pick()` is loaded, not copied): sha256(id) order,
no dev gold, no archive samples, no interviews, 4-12 paragraphs, >= 3 said/says/told/according
to. Continues after the first set's 15 picks (eval/heldout/picks.txt) and also skips every
article the team tuned on: the keys of eval/claims_audit_gold.json and
eval/claims_audit_fresh.json and the articles of the checks in eval/entities_audit.py.
Prints one line per pick: id, url.

Usage: python3 eval/heldout2/pick_articles.py [COUNT]   (default 15)
"""

import ast
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

EVAL = Path(__file__).resolve().parents[1]
FIRST_SET = EVAL / "heldout"


def load_first_rule() -> ModuleType:
    spec = importlib.util.spec_from_file_location("heldout_pick", FIRST_SET / "pick_articles.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def audited_ids() -> set[str]:
    """Article ids the engine was tuned on through the claim and entity audits."""
    ids: set[str] = set()
    for name in ("claims_audit_gold.json", "claims_audit_fresh.json"):
        data = json.loads((EVAL / name).read_text(encoding="utf-8"))
        ids.update(key for key in data if not key.startswith("_"))
    # the entity checks are Check(article, needle, ...) calls in a CHECKS list; read them with
    # ast rather than importing the module, which loads the engine
    tree = ast.parse((EVAL / "entities_audit.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        is_check = (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in {"C", "Check"}
            and bool(node.args)
        )
        if is_check:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                ids.add(first.value)
    return ids


def pick(count: int = 15) -> list[dict]:
    rule = load_first_rule()
    first_picks = [
        line.split()[0]
        for line in (FIRST_SET / "picks.txt").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    # every eligible article, in the rule's order; the first set is its head
    ordered = rule.pick(count=10**6)
    head = [row["id"] for row in ordered[: len(first_picks)]]
    if head != first_picks:
        raise SystemExit("eval/heldout/picks.txt is no longer the head of the rule's order")
    skip = audited_ids()
    rest = [row for row in ordered[len(first_picks) :] if row["id"] not in skip]
    return rest[:count]


if __name__ == "__main__":
    for row in pick(int(sys.argv[1]) if len(sys.argv) > 1 else 15):
        print(row["id"], row["url"])
