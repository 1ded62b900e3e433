"""Entity audit on 25 unseen Wikinews articles: the checks written while reading the engine's
output (eval/entities_audit.md), run against the current engine.

Each check names an article of the shared corpus, a piece of its text (and which occurrence),
and what the entity there should be: its name and kind, or no entity at all. Kinds compare as
the dev scorer does (GPE, LOC and FAC are one "place" kind).

    .venv/bin/python -m eval.entities_audit [--failures]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass

from gloss.annotate.engine import Annotator

from eval.corpus import CORPUS as DEFAULT_CORPUS

CORPUS = DEFAULT_CORPUS
PLACE = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Check:
    article: str
    needle: str
    name: str | None  # None: no entity should cover the needle
    label: str | None = None
    occurrence: int = 0
    issue: str = ""


def _kind(label: str | None) -> str | None:
    return "PLACE" if label in PLACE else label


C = Check
CHECKS: list[Check] = [
    # labels the model gets wrong
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "Kīlauea volcano",
        "Kīlauea",
        "LOC",
        issue="label",
    ),
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "Science published",
        "Science",
        "ORG",
        issue="label",
    ),
    C(
        "new-south-wales-decriminalizes-abortion",
        "Tanya Davies",
        "Tanya Davies",
        "PERSON",
        issue="label",
    ),
    C(
        "new-south-wales-decriminalizes-abortion",
        "Reproductive Health Care Reform Bill",
        "Reproductive Health Care Reform Bill",
        "LAW",
        issue="label",
    ),
    C(
        "eliud-kipchoge-of-kenya-runs-marathon-under-two-hours",
        "Twitter",
        "Twitter",
        "ORG",
        issue="label",
    ),
    C("eliud-kipchoge-of-kenya-runs-marathon-under-two-hours", "Moon", None, issue="label"),
    C(
        "us-representative-elijah-cummings-dies-at-age-68",
        "Twitter",
        "Twitter",
        "ORG",
        issue="label",
    ),
    C(
        "francis-d-souza-former-deputy-chief-minister-of-goa-dies-aged-64",
        "Goa",
        "Goa",
        "GPE",
        issue="label",
    ),
    C(
        "francis-d-souza-former-deputy-chief-minister-of-goa-dies-aged-64",
        "Goa's",
        "Goa",
        "GPE",
        issue="label",
    ),
    C(
        "arrest-made-as-mayor-of-gdansk-poland-stabbed-on-stage",
        "Civic Platform",
        "Civic Platform",
        "ORG",
        issue="label",
    ),
    C(
        "dozens-dead-in-california-boat-fire",
        "Worldwide Diving Adventures",
        "Worldwide Diving Adventures",
        "ORG",
        issue="label",
    ),
    C(
        "dozens-dead-in-california-boat-fire",
        "United States Coast Guard",
        "United States Coast Guard",
        "ORG",
        issue="label",
    ),
    C("us-professional-wrestler-jon-huber-dies-aged-41", "Nolan", "Nolan", "PERSON", issue="label"),
    C("us-professional-wrestler-jon-huber-dies-aged-41", "Heartbroken", None, issue="label"),
    C(
        "world-war-ii-era-plane-crashes-in-connecticut-us-killing-at-least-seven",
        "ET (",
        None,
        issue="label",
    ),
    C(
        "ancient-egyptians-collected-wild-ibis-birds-for-sacrifice-says-study",
        "Tuna el-Gebel",
        "Tuna el-Gebel",
        "GPE",
        issue="label",
    ),
    C(
        "ancient-egyptians-collected-wild-ibis-birds-for-sacrifice-says-study",
        "Horus",
        "Horus",
        "PERSON",
        issue="label",
    ),
    C(
        "mockumentary-mister-america-has-world-premiere",
        "Alessandro Serradimigni",
        "Alessandro Serradimigni",
        "PERSON",
        issue="label",
    ),
    C(
        "mockumentary-mister-america-has-world-premiere",
        "Wikinews attended",
        "Wikinews",
        "ORG",
        issue="label",
    ),
    C(
        "lost-52-project-announces-discovery-of-wrecked-sub-near-okinawa",
        "Grayback contained",
        "U.S.S. Grayback",
        "PRODUCT",
        issue="label",
    ),
    C("guitarist-eddie-van-halen-dies-aged-65", "Billboard", "Billboard", "ORG", issue="label"),
    C("former-president-of-india-pranab-mukherjee-dies-aged-84", "COVID-19", None, issue="label"),
    # spans: titles, cuts, merges
    C(
        "us-representative-elijah-cummings-dies-at-age-68",
        "Elijah Cummings died",
        "Elijah Cummings",
        "PERSON",
        issue="span",
    ),
    C("dozens-dead-in-california-boat-fire", "Bill Brown", "Bill Brown", "PERSON", issue="span"),
    C(
        "former-president-of-india-pranab-mukherjee-dies-aged-84",
        "Narendra Modi",
        "Narendra Modi",
        "PERSON",
        issue="span",
    ),
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "Wilson of",
        "Sam Wilson",
        "PERSON",
        issue="span",
    ),
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "C-MORE)",
        "Center for Microbial Oceanography: Research and Education",
        "ORG",
        issue="acronym",
    ),
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "C-MORE and",
        "Center for Microbial Oceanography: Research and Education",
        "ORG",
        issue="acronym",
    ),
    C(
        "former-president-of-india-pranab-mukherjee-dies-aged-84",
        "Referral Hospital",
        "Army’s Research and Referral Hospital",
        "ORG",
        issue="span",
    ),
    C(
        "united-states-doctor-sentenced-to-40-years-for-opioid-prescriptions",
        "District Court",
        "United States District Court for the Western District of Virginia",
        "ORG",
        issue="span",
    ),
    C(
        "former-us-representative-john-conyers-dies-at-age-90",
        "Martin Luther King Jr. Day",
        "Martin Luther King Jr. Day",
        "EVENT",
        issue="span",
    ),
    C(
        "pioneering-oceanographer-walter-munk-dies-of-pneumonia-in-california",
        "University of California, San Diego",
        "University of California, San Diego",
        "ORG",
        issue="span",
    ),
    C(
        "pioneering-oceanographer-walter-munk-dies-of-pneumonia-in-california",
        "Pradeep Khosla",
        "Pradeep Khosla",
        "PERSON",
        issue="missed",
    ),
    C(
        "united-states-doctor-sentenced-to-40-years-for-opioid-prescriptions",
        "WSET-TV",
        "WSET-TV",
        "ORG",
        issue="missed",
    ),
    C(
        "eliud-kipchoge-of-kenya-runs-marathon-under-two-hours",
        "Ineos 1:59 Challenge",
        "Ineos 1:59 Challenge",
        "EVENT",
        issue="ok",
    ),
    # links: surnames and acronyms
    C(
        "former-president-of-india-pranab-mukherjee-dies-aged-84",
        "Mukherjee was cremated",
        "Pranab Mukherjee",
        "PERSON",
        issue="link",
    ),
    C(
        "former-president-of-india-pranab-mukherjee-dies-aged-84",
        "Mukherjee was elected to",
        "Pranab Mukherjee",
        "PERSON",
        issue="link",
    ),
    C(
        "us-representative-elijah-cummings-dies-at-age-68",
        "Cummings passed",
        "Elijah Cummings",
        "PERSON",
        issue="link",
    ),
    C(
        "us-representative-elijah-cummings-dies-at-age-68",
        "Cummings's death",
        "Elijah Cummings",
        "PERSON",
        issue="link",
    ),
    C(
        "us-representative-elijah-cummings-dies-at-age-68",
        'Cummings "was a great',
        "Elijah Cummings",
        "PERSON",
        issue="link",
    ),
    C("dozens-dead-in-california-boat-fire", "Brown.", "Bill Brown", "PERSON", issue="link"),
    C(
        "new-south-wales-decriminalizes-abortion",
        "New South Wales is",
        "New South Wales",
        "GPE",
        issue="link",
    ),
    C(
        "scientists-report-skyrocketing-phytoplankton-population-in-aftermath-of-kilauea",
        "UH has",
        "University of Hawaii at Mānoa",
        "ORG",
        issue="acronym",
    ),
    C(
        "former-us-representative-john-conyers-dies-at-age-90",
        "John James Conyers Jr.",
        "John James Conyers Jr.",
        "PERSON",
        issue="ok",
    ),
    C(
        "kenya-s-brigid-kosgei-sets-new-world-record-at-chicago-marathon",
        "Cherono, posted",
        "Lawrence Cherono",
        "PERSON",
        issue="ok",
    ),
]


def _entity_at(record: dict, start: int) -> dict | None:
    for e in record["entities"]:
        for m in e["mentions"]:
            if m["start"] <= start < m["end"]:
                return e
    return None


def run(show_failures: bool) -> tuple[int, int]:
    articles = {}
    for line in CORPUS.read_text("utf-8").splitlines():
        a = json.loads(line)
        articles[a["id"]] = "\n\n".join(a["paragraphs"])
    ids = sorted({c.article for c in CHECKS})
    records = dict(zip(ids, Annotator().annotate_texts([articles[i] for i in ids]), strict=True))
    passed = 0
    for c in CHECKS:
        text = articles[c.article]
        start = -1
        for _ in range(c.occurrence + 1):
            start = text.index(c.needle, start + 1)
        e = _entity_at(records[c.article], start)
        if c.name is None:
            ok = e is None
        else:
            ok = e is not None and e["name"] == c.name and _kind(e["label"]) == _kind(c.label)
        passed += ok
        if show_failures and not ok:
            got = (e["name"], e["label"]) if e else None
            print(f"FAIL [{c.issue}] {c.needle!r}: want {c.name!r} {c.label}, got {got}")
    return passed, len(CHECKS)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list the checks that fail")
    args = parser.parse_args()
    passed, total = run(args.failures)
    print(f"entity audit checks passed: {passed}/{total}")


if __name__ == "__main__":
    main()
