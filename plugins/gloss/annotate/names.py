"""Name rules: the word lists in ``plugins/gloss/data/entities/``, and the small helpers that
say when two names are the same (``name_key``), what a name's id is (``slugify``), what kind
of thing a multi-word name is (``head_noun_label``) and whether a word is an acronym of others.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class SpanRules:
    """The word lists in ``data/entities/span_rules.yml``."""

    leading_words: frozenset[str]
    trailing_possessives: frozenset[str]
    titles: frozenset[str]
    common_words: frozenset[str]
    name_particles: frozenset[str]
    hyphen_prefixes: frozenset[str]
    person_nouns: frozenset[str]
    common_acronyms: frozenset[str]
    kinship_nouns: frozenset[str]
    place_titles: frozenset[str]
    titles_in_names: frozenset[str]
    post_nominals: frozenset[str]
    title_modifiers: frozenset[str]
    surname_particles: frozenset[str]


@lru_cache(maxsize=1)
def span_rules() -> SpanRules:
    text = resources.files("gloss").joinpath("data/entities/span_rules.yml").read_text("utf-8")
    data = yaml.safe_load(text)

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return SpanRules(
        leading_words=words("leading_words"),
        trailing_possessives=words("trailing_possessives"),
        titles=words("titles"),
        common_words=words("common_words"),
        name_particles=words("name_particles"),
        hyphen_prefixes=words("hyphen_prefixes"),
        person_nouns=words("person_nouns"),
        common_acronyms=words("common_acronyms"),
        kinship_nouns=words("kinship_nouns"),
        place_titles=words("place_titles"),
        titles_in_names=words("titles_in_names"),
        post_nominals=words("post_nominals"),
        title_modifiers=words("title_modifiers"),
        surname_particles=words("surname_particles"),
    )


@lru_cache(maxsize=1)
def head_nouns() -> tuple[dict[str, str], dict[str, str]]:
    """``data/entities/head_nouns.yml`` as two maps: last word -> label, word before a
    particle -> label."""
    text = resources.files("gloss").joinpath("data/entities/head_nouns.yml").read_text("utf-8")
    data = yaml.safe_load(text)
    maps: list[dict[str, str]] = []
    for key in ("last_word", "before_particle"):
        words: dict[str, str] = {}
        for label, nouns in (data.get(key) or {}).items():
            for noun in nouns or []:
                words.setdefault(str(noun).lower(), label)
        maps.append(words)
    return maps[0], maps[1]


@lru_cache(maxsize=1)
def nouns_before() -> dict[str, str]:
    """``noun_before`` in ``data/entities/head_nouns.yml``: common noun -> label."""
    text = resources.files("gloss").joinpath("data/entities/head_nouns.yml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    out: dict[str, str] = {}
    for label, nouns in (data.get("noun_before") or {}).items():
        for noun in nouns or []:
            out.setdefault(str(noun).lower(), label)
    return out


@dataclass(frozen=True)
class GazetteerEntry:
    """One institution of ``data/entities/gazetteer.yml``."""

    name: str
    label: str


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, GazetteerEntry]:
    """``data/entities/gazetteer.yml`` as a map: name key of a variant (or of the canonical
    name) -> entry. All-capital variants keep their capitals in the key ("AP" is not "Ap")."""
    text = resources.files("gloss").joinpath("data/entities/gazetteer.yml").read_text("utf-8")
    data = yaml.safe_load(text) or {}
    out: dict[str, GazetteerEntry] = {}
    for item in data.get("entries") or []:
        entry = GazetteerEntry(str(item["name"]), str(item.get("label", "ORG")))
        for form in [entry.name, *(str(v) for v in item.get("variants") or [])]:
            out.setdefault(gazetteer_key(form), entry)
    return out


def gazetteer_key(text: str) -> str:
    """``name_key``, but an all-capital acronym stays in capitals ("WHO" is not "Who")."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) <= 6 and letters and all(ch.isupper() for ch in letters):
        return re.sub(r"\s+", " ", text).strip()
    return name_key(text)


def head_noun_label(tokens: tuple[str, ...]) -> str | None:
    """The label a multi-word name's head noun implies ("Google Science Fair" -> EVENT)."""
    if len(tokens) < 2:
        return None
    last_word, before_particle = head_nouns()
    particles = span_rules().name_particles
    words = [t.lower().strip(".") for t in tokens]
    for i, word in enumerate(words[1:], 1):
        if word in particles and word not in ("&", "and"):
            return before_particle.get(words[i - 1]) if i == 1 else None
    return last_word.get(words[-1])


def doc_text(doc: Any) -> str:
    """``doc.text``, built once: spaCy joins the tokens again on every access."""
    text = doc.user_data.get("gloss.text")
    if text is None:
        text = doc.user_data["gloss.text"] = doc.text
    return text


def slugify(name: str) -> str:
    """A stable id for a name: ASCII, lower case, words joined by hyphens. A name with letters
    that have no ASCII form (Cyrillic, Han, "Ł") gets a short hash of the name appended, so
    that "Москва" and "Киев" do not both become "entity" and merge into one entity."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    ascii_name = ascii_name.replace("'", "").replace("’", "").replace(".", "")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    if any(not unicodedata.normalize("NFKD", ch)[0].isascii() for ch in name if ch.isalpha()):
        digest = hashlib.sha256(_plain_key(name).encode("utf-8")).hexdigest()[:8]
        return f"{slug}-{digest}" if slug else f"entity-{digest}"
    return slug or "entity"


@lru_cache(maxsize=4096)
def name_key(text: str) -> str:
    """The form under which two mentions count as the same name: case, spacing, apostrophe
    style and Latin diacritics ignored, since one article often writes a foreign name both
    ways ("Recep Tayyip Erdoğan" ... "Erdogan said")."""
    return fold_diacritics(_plain_key(text))


def _plain_key(text: str) -> str:
    text = text.replace("’", "'").replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


# Latin letters that Unicode does not decompose into a base letter and a mark.
_LETTER_FOLDS = {
    "ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "ẞ": "SS", "ł": "l", "Ł": "L", "đ": "d",
    "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "œ": "oe",
    "Œ": "Oe", "ħ": "h", "Ħ": "H",
}  # fmt: skip


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """``ch`` without its diacritics ("ğ" -> "g", "ø" -> "o", "ß" -> "ss"). Letters of
    other scripts stay as they are (Cyrillic "й" is a letter of its own, not "и" + a mark)."""
    if ch.isascii():
        return ch
    if unicodedata.combining(ch):
        return ""  # a mark typed on its own after its letter
    if ch in _LETTER_FOLDS:
        return _LETTER_FOLDS[ch]
    bare = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return bare if bare.isascii() and bare.isalpha() else ch


def fold_diacritics(text: str) -> str:
    """``text`` with Latin diacritics folded, for comparing names, never for showing them."""
    return "".join(fold_char(ch) for ch in text)


def fold_same_length(text: str) -> str:
    """``fold_diacritics``, but each character stays one character ("ß" is kept), so that
    offsets found in the folded text are offsets in ``text``."""
    return "".join(f if len(f := fold_char(ch)) == 1 else ch for ch in text)


def lower_case_words(doc: Any) -> set[str]:
    """Words (and their lemmas) written in lower case somewhere in the text, built once."""
    words = doc.user_data.get("gloss.lower_words")
    if words is None:
        words = doc.user_data["gloss.lower_words"] = {
            w for t in doc if t.is_lower for w in (t.text, t.lemma_)
        }
    return words


def initials_cover(letters: list[str], words: list[str]) -> bool:
    """True if the acronym's letters appear in order among the words' initials (and in
    capitals inside them, for "BoE"/"PhD"-like names), starting with the first word."""
    particles = span_rules().name_particles
    initials = [w[0].upper() for w in words if w.lower() not in particles and w[0].isalpha()]
    if not initials or initials[0] != letters[0]:
        return False
    i = 0
    for ch in initials:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters) and len(initials) <= len(letters) + 2


def is_acronym_of(acronym: str, words: Iterable[str]) -> bool:
    """True if ``acronym`` (e.g. "SCO", "U.S.") is made of the initials of ``words``."""
    letters = [ch for ch in acronym if ch.isalpha()]
    if len(letters) < 2:
        return False
    particles = span_rules().name_particles
    words = [w for w in words if w and w[0].isalpha()]
    with_particles = "".join(w[0] for w in words).upper()
    without = "".join(w[0] for w in words if w.lower() not in particles).upper()
    target = "".join(letters).upper()
    return target in (with_particles, without)
