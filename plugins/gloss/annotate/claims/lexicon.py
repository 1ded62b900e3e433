"""The claim finder's word lists, loaded from ``gloss/data/claims/`` (YAML, not code).

``cues.yml`` holds the reporting verbs and the frames they report speech in; ``sources.yml``
the nouns of unnamed sources ("experts", "officials") and of written outputs ("statement",
"analysis") whose named owner is the speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from gloss.errors import GlossError

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "claims"

FRAMES = frozenset({"that", "quote", "as", "to", "finding"})
STRENGTHS = frozenset({"strong", "weak"})


@dataclass(frozen=True)
class CueVerb:
    """A reporting verb: its lemma, the frames it takes, and whether it needs a known source."""

    lemma: str
    frames: frozenset[str]
    strong: bool
    particle: str | None = None  # "point out": the verb counts only with this particle


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, CueVerb]
    prepositions: dict[str, str]  # "according to" -> cue lemma
    vague: dict[str, str]  # head noun (1 or 2 words, lower case) -> plural name
    outputs: frozenset[str]  # nouns whose named owner is the speaker
    anaphors: dict[str, frozenset[str]]  # "company" -> labels of the entity it refers back to
    given_names: dict[str, str]  # lower-case given name -> "m" | "f"
    not_people: frozenset[str] = frozenset()  # unnamed sources that "he"/"she" cannot be
    question_verbs: frozenset[str] = frozenset()  # "asked": attributes a quote, no claim
    titles: frozenset[str] = frozenset()  # "the minister said": the person with that title
    # "the foreign minister said" after "Foreign Secretary Marcelo Ebrard": titles that name
    # the same office in different countries' usage
    same_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    citing_verbs: frozenset[str] = frozenset()  # "cited X as saying C": X is the speaker
    # "went on to say C": verbs (with their particle) under which a cue is still a statement
    carrying_verbs: frozenset[str] = frozenset()
    # "researchers found no evidence of C": subjects (lemmas) whose noun-phrase object is a
    # finding they state
    finding_subjects: frozenset[str] = frozenset()
    # "in his view, C": preposition -> the nouns of opinion whose owner is the source
    viewpoints: dict[str, frozenset[str]] = field(default_factory=dict)

    def vague_name(self, modifier: str, head: str, lemma: str) -> str | None:
        """The vague-source name for a head noun (with the word before it), or None."""
        for key in (f"{modifier} {head}", f"{modifier} {lemma}", head, lemma):
            name = self.vague.get(key.strip())
            if name:
                return name
        return None


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a key given twice (a silent overwrite in plain YAML)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # noqa: S506
    except OSError as exc:
        raise GlossError(f"cannot read claim lexicon: {exc.strerror}", path=str(path)) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise GlossError(
            f"claim lexicon is not valid YAML: {getattr(exc, 'problem', exc)}",
            path=str(path),
            line=mark.line + 1 if mark else None,
        ) from None
    if not isinstance(data, dict):
        raise GlossError("claim lexicon must be a mapping", path=str(path))
    return data


def _parse_verbs(raw: Any, path: Path) -> dict[str, CueVerb]:
    if not isinstance(raw, dict):
        raise GlossError("`verbs` must map a lemma to {frames, strength}", path=str(path))
    verbs: dict[str, CueVerb] = {}
    for lemma, spec in raw.items():
        spec = spec or {}
        frames = frozenset(spec.get("frames", ["that", "quote"]))
        strength = spec.get("strength", "strong")
        if not frames <= FRAMES or strength not in STRENGTHS:
            raise GlossError(
                f"cue {lemma!r}: frames must be among {sorted(FRAMES)}, "
                f"strength one of {sorted(STRENGTHS)}",
                path=str(path),
            )
        verbs[str(lemma).lower()] = CueVerb(
            lemma=str(lemma).lower(),
            frames=frames,
            strong=strength == "strong",
            particle=spec.get("particle"),
        )
    return verbs


def _word_list(data: dict[str, Any], key: str, path: Path) -> frozenset[str]:
    """A list of words under ``key`` (absent: empty), lower case."""
    raw = data.get(key) or []
    if not isinstance(raw, list):
        raise GlossError(f"`{key}` must be a list of words", path=str(path))
    return frozenset(str(w).lower() for w in raw)


def _parse_viewpoints(raw: Any, path: Path) -> dict[str, frozenset[str]]:
    if not isinstance(raw, dict) or not all(isinstance(v, list) for v in raw.values()):
        raise GlossError("`viewpoints` must map a preposition to a list of nouns", path=str(path))
    return {str(k).lower(): frozenset(str(n).lower() for n in v) for k, v in raw.items()}


@lru_cache(maxsize=4)
def load_lexicon(directory: Path = DATA_DIR) -> Lexicon:
    """Load and check the cue and source lists in ``directory`` (cached per directory)."""
    cues_path = directory / "cues.yml"
    sources_path = directory / "sources.yml"
    cues = _read_yaml(cues_path)
    sources = _read_yaml(sources_path)
    names = _read_yaml(directory / "given_names.yml")
    given_names = {str(n).lower(): "f" for n in names.get("female") or []}
    given_names.update({str(n).lower(): "m" for n in names.get("male") or []})
    prepositions = {str(k).lower(): str(v) for k, v in (cues.get("prepositions") or {}).items()}
    vague = {str(k).lower(): str(v).lower() for k, v in (sources.get("vague") or {}).items()}
    outputs = frozenset(str(w).lower() for w in sources.get("outputs") or [])
    raw_anaphors = sources.get("anaphors") or {}
    if not isinstance(raw_anaphors, dict):
        raise GlossError("`anaphors` must map a noun to a list of labels", path=str(sources_path))
    anaphors = {str(k).lower(): frozenset(map(str, v or [])) for k, v in raw_anaphors.items()}
    return Lexicon(
        verbs=_parse_verbs(cues.get("verbs") or {}, cues_path),
        prepositions=prepositions,
        vague=vague,
        outputs=outputs,
        anaphors=anaphors,
        given_names=given_names,
        not_people=frozenset(str(w).lower() for w in sources.get("not_people") or []),
        question_verbs=frozenset(str(w).lower() for w in cues.get("questions") or []),
        titles=frozenset(str(w).lower() for w in sources.get("titles") or []),
        same_titles={
            str(k).lower(): frozenset(str(w).lower() for w in v or [])
            for k, v in (sources.get("same_titles") or {}).items()
        },
        citing_verbs=frozenset(str(w).lower() for w in cues.get("citing") or []),
        carrying_verbs=_word_list(cues, "carrying", cues_path),
        finding_subjects=_word_list(cues, "finding_subjects", cues_path),
        viewpoints=_parse_viewpoints(cues.get("viewpoints") or {}, cues_path),
    )
