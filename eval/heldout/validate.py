"""Check the held-out gold files: format, classes, and that every anchor is an exact substring.

Usage: python3 eval/heldout/validate.py [--gold-dir DIR] [GOLD.json ...]
(default: every *.json of DIR, which defaults to the folder of this file)
Exits 1 and lists the problems when a file does not follow /work/shared/dev/README.md.
"""

import argparse
import json
import re
import sys
from pathlib import Path

CLASSES = {"PERSON", "ORG", "PLACE", "EVENT"}
KINDS = {"named", "pronoun", "vague"}
MODES = {"direct", "indirect", "mixed"}


def problems_in(path: Path) -> list[str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    paras: list[str] = gold["paragraphs"]
    text = "\n\n".join(paras)
    lowered = text.lower()
    found: list[str] = []
    for key in (
        "doc",
        "title",
        "date",
        "paragraphs",
        "entities_required",
        "entities_optional",
        "mention_links",
        "claims",
        "claims_optional",
    ):
        if key not in gold:
            found.append(f"missing key {key}")
    canon = set()
    for name, cls, aliases in gold["entities_required"]:
        canon.add(name)
        if cls not in CLASSES:
            found.append(f"entity {name}: class {cls}")
        if any(a != a.lower() for a in aliases):
            found.append(f"entity {name}: alias not lower-case")
        if not any(a in lowered for a in aliases):
            found.append(f"entity {name}: no alias occurs in the text")
    for surface, owner in gold["mention_links"]:
        if owner not in canon:
            found.append(f"mention link {surface!r} -> {owner!r}: not a required entity")
        if not re.search(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            found.append(f"mention link {surface!r}: does not occur")
    for claim in gold["claims"]:
        speaker, kind, _cue, mode, index, anchor = claim
        if kind not in KINDS or mode not in MODES:
            found.append(f"claim {claim}: kind/mode")
        if not (0 <= index < len(paras)) or anchor not in paras[index]:
            found.append(f"claim anchor not in paragraph {index}: {anchor!r}")
        if kind == "named" and speaker != speaker.lower() and speaker not in canon:
            found.append(f"claim speaker {speaker!r} is not a required entity")
    for _speaker, index, anchor in gold["claims_optional"]:
        if not (0 <= index < len(paras)) or anchor not in paras[index]:
            found.append(f"optional claim anchor not in paragraph {index}: {anchor!r}")
    anchors = [(c[4], c[5]) for c in gold["claims"]] + [
        (c[1], c[2]) for c in gold["claims_optional"]
    ]
    if len(anchors) != len(set(anchors)):
        found.append("duplicate anchor")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--gold-dir",
        type=Path,
        default=Path(__file__).resolve().parent,
        help="folder of gold *.json files (default: eval/heldout)",
    )
    parser.add_argument("files", nargs="*", type=Path, help="gold files (default: all of DIR)")
    args = parser.parse_args(argv)
    paths = args.files or sorted(args.gold_dir.glob("*.json"))
    bad = 0
    for path in paths:
        for problem in problems_in(path):
            bad += 1
            print(f"{path.name}: {problem}")
    print(f"{len(paths)} files, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
