"""Load spaCy and the model in a second process while Pelican reads, when a text will need it.

A build that must parse even one text pays ``import spacy`` and the model load (~1.1 s)
before the parse: more than a whole warm build. The annotation step comes after Pelican has
read every article, so the load can start earlier, in another process (on another core):
when a build starts (``get_generators``, sent at the start of every ``run``, so also on each
rebuild of ``pelican --autoreload``), a cheap check compares the content files' sizes and
modification times and the engine's identity with the manifest the last build wrote
(``GLOSS_CACHE_PATH/site/sources-<output hash>.json``). Only if some article is new or
changed, or the engine changed, a worker process starts: it imports spaCy and loads the model
at once. When the annotation step finds texts that miss the article store, the engine
(:mod:`gloss.site.engine`) sends them to the worker, which parses them and writes the engine's
cache; the engine then reads them back from that cache (and applies the curation) as for any
cached text, so the records are exactly those of an in-process parse.

The worker lives as long as the build's process: a ``pelican --autoreload`` session keeps the
loaded model across rebuilds, so an edit costs one parse. It is never started when the check
finds nothing new (a warm build), nor when the model is already loaded in this process.
Whatever goes wrong with it (it cannot start, dies, answers with an error) only costs the
speed: the engine parses in-process as before. ``GLOSS_PRELOAD = False`` turns it off.
"""

from __future__ import annotations

import atexit
import contextlib
import fnmatch
import hashlib
import json
import logging
import multiprocessing
import multiprocessing.util
import os
import tempfile
from pathlib import Path
from typing import Any

from pelican import signals

from gloss.site.settings import gloss_settings

logger = logging.getLogger(__name__)

# File name endings of the posts Pelican reads (Markdown, HTML, reStructuredText).
POST_SUFFIXES = (".md", ".markdown", ".mkd", ".mdown", ".html", ".htm", ".rst")

# How long the build waits for the worker to load the model and parse one batch before it
# parses in-process instead (a slow machine's cold build of hundreds of texts stays under it).
WAIT_SECONDS = 3600.0


class Worker:
    """A process holding the spaCy pipeline ``model``; fills the engine's cache on request."""

    def __init__(self, model: str):
        self.model = model
        # "spawn", not "fork": a forked worker would hold a copy of every file the parent has
        # open (a test runner's pipe to its browser driver, a caller's log pipe) for as long as
        # it lives, and whoever waits for that file to close would wait for the worker. The
        # worker imports spaCy after it starts in either case, so spawning costs little more.
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        # Not a daemon: the worker may start spaCy's own processes for a large batch.
        self.process = context.Process(
            target=serve, args=(child, self.connection, model), name="gloss-preload"
        )
        self.process.start()
        child.close()  # only the worker holds its end: its death reads as EOF here

    def annotate(self, texts: list[str], cache_dir: Path, workers: int | None) -> bool:
        """Parse ``texts`` into the engine's cache under ``cache_dir``; False if the worker
        failed (then nothing can be assumed about the cache)."""
        try:
            self.connection.send((texts, str(cache_dir), workers))
            if not self.connection.poll(WAIT_SECONDS):
                raise TimeoutError(f"no answer in {WAIT_SECONDS:.0f} s")
            status, detail = self.connection.recv()
        except (OSError, EOFError, TimeoutError, ValueError) as error:
            logger.debug("preload worker lost: %r", error)
            self.stop()
            return False
        if status != "done":
            logger.debug("preload worker failed: %s", detail)
            self.stop()
            return False
        return True

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def stop(self) -> None:
        """End the worker (it holds nothing that needs saving: cache writes are atomic)."""
        with contextlib.suppress(OSError):
            self.connection.close()
        if self.process.is_alive():
            self.process.terminate()
        self.process.join(5)


def serve(connection: Any, parent_end: Any, model: str) -> None:
    """The worker: load the pipeline now, then annotate each batch sent (without curation:
    only the engine's cache is wanted) and answer ``("done", count)`` or ``("failed", why)``."""
    parent_end.close()  # the child receives the parent's end too: close it
    try:
        from gloss.annotate.engine import Annotator
        from gloss.annotate.nlp import load_pipeline

        load_pipeline(model)
    except BaseException as error:  # reported with the first request
        failure: str | None = repr(error)
    else:
        failure = None
    annotators: dict[tuple[str, int | None], Any] = {}
    while True:
        try:
            texts, cache_dir, workers = connection.recv()
        except (EOFError, OSError):
            return  # the build ended
        if failure is not None:
            connection.send(("failed", failure))
            return
        try:
            annotator = annotators.get((cache_dir, workers))
            if annotator is None:
                annotator = Annotator(model=model, workers=workers, cache_dir=cache_dir)
                annotators[(cache_dir, workers)] = annotator
            annotator.annotate_texts(texts)
            connection.send(("done", len(texts)))
        except BaseException as error:
            connection.send(("failed", repr(error)))
            return


_WORKER: dict[str, Worker] = {}  # at most one, for this process's life


def worker(model: str) -> Worker | None:
    """The running worker for ``model``, if any."""
    current = _WORKER.get("worker")
    if current is None or current.model != model or not current.alive:
        return None
    return current


def start(model: str) -> None:
    current = _WORKER.pop("worker", None)
    if current is not None and current.model == model and current.alive:
        _WORKER["worker"] = current
        return
    if current is not None:
        current.stop()
    try:
        _WORKER["worker"] = Worker(model)
    except (OSError, ValueError) as error:  # no worker: the engine parses in-process
        logger.debug("preload worker not started: %r", error)
        return
    # At exit, multiprocessing joins its (non-daemon) processes: the worker must be stopped
    # before, or the exit would wait for it forever. Its finalizers run before that join.
    multiprocessing.util.Finalize(None, stop_worker, exitpriority=100)


@atexit.register
def stop_worker() -> None:
    current = _WORKER.pop("worker", None)
    if current is not None:
        current.stop()


# --- the manifest: what the last build read --------------------------------------------------


def manifest_path(settings: dict[str, Any]) -> Path:
    output = os.path.abspath(str(settings.get("OUTPUT_PATH") or "output"))
    digest = hashlib.sha256(output.encode()).hexdigest()[:16]
    return gloss_settings(settings).cache_path / "site" / f"sources-{digest}.json"


def file_state(path: str) -> list[int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns]


def post_files(settings: dict[str, Any]) -> list[str]:
    """The posts Pelican will read: files under ARTICLE_PATHS and PAGE_PATHS with a post's
    ending, less IGNORE_FILES."""
    root = Path(settings.get("PATH") or ".")
    ignore = list(settings.get("IGNORE_FILES") or [])
    folders = list(settings.get("ARTICLE_PATHS", [""]))
    if gloss_settings(settings).annotate_pages:
        folders += settings.get("PAGE_PATHS", [])
    found: list[str] = []
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(root / folder):
            dirnames[:] = [d for d in dirnames if not any(fnmatch.fnmatch(d, p) for p in ignore)]
            for name in filenames:
                if name.endswith(POST_SUFFIXES) and not any(
                    fnmatch.fnmatch(name, p) for p in ignore
                ):
                    found.append(os.path.join(dirpath, name))
    return found


def will_parse(settings: dict[str, Any], identity: str) -> bool:
    """Whether this build will likely need the model: a post new or changed since the last
    build into this output folder, or another engine (the manifest has each post's size and
    modification time, and the engine's identity)."""
    try:
        manifest = json.loads(manifest_path(settings).read_text("utf-8"))
        if manifest.get("identity") != identity:
            return True
        known: dict[str, list[int]] = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return True  # no manifest: a first build
    return any(
        known.get(os.path.abspath(path)) != file_state(path) for path in post_files(settings)
    )


def write_manifest(settings: dict[str, Any], identity: str, posts: list[str]) -> None:
    """Remember the posts this build read, for the next build's check."""
    files = {os.path.abspath(path): file_state(path) for path in sorted(set(posts))}
    path = manifest_path(settings)
    text = json.dumps({"identity": identity, "files": files}, sort_keys=True)
    try:
        if path.is_file() and path.read_text("utf-8") == text:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(tmp, path)
    except OSError as error:  # a read-only cache only costs speed
        logger.debug("preload manifest not written: %s", error)


# --- Pelican glue ----------------------------------------------------------------------------


def engine_identity(settings: dict[str, Any]) -> str | None:
    """The engine's identity for the build's model (see ``Annotator.identity``)."""
    try:
        from gloss.annotate.engine import Annotator

        return Annotator(model=gloss_settings(settings).model).identity()
    except Exception as error:  # an engine that cannot even say this will fail the build
        logger.debug("no engine identity: %r", error)
        return None


def maybe_start(pelican: Any) -> None:
    """``get_generators``, at the start of each build: start the worker if a text will miss."""
    settings = pelican.settings
    if not settings.get("GLOSS_PRELOAD", True):
        return
    model = gloss_settings(settings).model
    from gloss.annotate.nlp import is_loaded

    if is_loaded(model) or worker(model) is not None:
        return  # loaded already, here or in the worker
    identity = engine_identity(settings)
    if identity is not None and will_parse(settings, identity):
        start(model)


def remember_posts(generators: list[Any]) -> None:
    """``all_generators_finalized``: write the manifest the next build's check reads."""
    from gloss.site.annotation import BUILD_KEY, GlossBuild

    for generator in generators:
        build = getattr(generator, "context", {}).get(BUILD_KEY)
        if isinstance(build, GlossBuild):
            settings = build.site_settings
            if not settings.get("GLOSS_PRELOAD", True):
                return
            identity = engine_identity(settings)
            if identity is not None:
                write_manifest(settings, identity, post_files(settings))
            return


def register() -> None:
    signals.get_generators.connect(maybe_start)
    signals.all_generators_finalized.connect(remember_posts)
