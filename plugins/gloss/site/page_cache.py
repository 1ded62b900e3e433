"""Skip rendering archive pages whose inputs have not changed since the last build.

A Gloss build writes a page per entity, speaker and provenance (~2,000 pages for 100 articles)
and most of them are the same from one build to the next. Rendering them is the largest cost
of a warm build, so each page gets a key: a hash of everything its template can see. When the
key is the one stored for that output file by the previous build, and the file is still there,
the page is neither rendered nor written.

What goes into a page's key:

- the template's source and the source of every template it extends, includes or imports;
- the names the templates read (found by Jinja's own parser, :func:`jinja2.meta`), and the
  value of each, from the page's variables or else the site's context;
- the page's output path and whether URLs are relative (they make ``SITEURL``);
- the site's settings (they shape derived values such as an article's ``locale_date``).

Values are digested by :class:`Digester`: plain data as it is; dataclasses by their fields; a
Pelican article by its source, metadata, HTML, URL and annotations; an archive entity or
speaker named from inside another one (a co-occurring entity, the entity of a speaker) by its
own scalar fields and the length of its lists, which is what a page shows of a linked item
(this keeps one page's key from covering the whole archive). A page whose templates read a
value the digester cannot describe stably, or read ``archive`` (the index pages, which show
the whole archive), is always rendered.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateNotFound, meta

logger = logging.getLogger(__name__)

CACHE_FORMAT = 2  # of the stored JSON file

# Template variables that stand for the whole archive: pages reading them are always rendered.
WHOLE_ARCHIVE_NAMES = frozenset({"archive", "gloss_archive"})


class Unstable(Exception):
    """A value with no stable description (its key would change on every build)."""


@dataclasses.dataclass(frozen=True)
class TemplateTree:
    """What a template and the templates it uses read, and a hash of their sources."""

    digest: str
    names: frozenset[str]


def template_tree(
    env: Environment, name: str, parsed_before: dict[str, Any] | None = None
) -> TemplateTree | None:
    """The tree of templates under ``name``; None if a template is named at render time
    (``{% include some_variable %}``): then nothing can be known about its inputs.

    ``parsed_before`` maps a hash of a template's source to what parsing it found (names
    read, templates used); it saves parsing unchanged templates again, and is filled in.
    """
    parsed_before = {} if parsed_before is None else parsed_before
    digest = hashlib.sha256()
    names: set[str] = set()
    todo, seen = [name], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source, _, _ = env.loader.get_source(env, current)  # type: ignore[union-attr]
        except TemplateNotFound:
            return None
        source_key = hashlib.sha256(source.encode()).hexdigest()
        digest.update(f"\0{current}\0{source_key}".encode())
        found = parsed_before.get(source_key)
        if not isinstance(found, dict):
            parsed = env.parse(source)
            found = parsed_before[source_key] = {
                "names": sorted(meta.find_undeclared_variables(parsed)),
                "templates": list(meta.find_referenced_templates(parsed)),
            }
        names.update(found["names"])
        for referenced in found["templates"]:
            if referenced is None:
                return None
            todo.append(referenced)
    return TemplateTree(digest.hexdigest(), frozenset(names))


class Digester:
    """Stable text descriptions of template values (see the module's docstring)."""

    def __init__(
        self,
        archive_nodes: tuple[type, ...] = (),
        describers: Mapping[type, Callable[[Digester, Any], str]] | None = None,
        contents: dict[int, str] | None = None,
    ):
        self.archive_nodes = archive_nodes
        # Short descriptions for types whose values derive from articles already described
        # (an entity's mentions in an article, a claim): much cheaper than walking them.
        self.describers = dict(describers or {})
        # Pelican content objects, by id, for this build; digesters of the same build (the
        # writer's, the archive's) may share them: each article is then described once.
        self._contents: dict[int, str] = {} if contents is None else contents
        self._site_values: dict[str, tuple[Any, str]] = {}
        self.memo: dict[Any, str] = {}  # for describers: descriptions reused within a build

    def describe(self, value: Any) -> str:
        parts: list[str] = []
        self._walk(value, parts, inside_node=False)
        return "\x1f".join(parts)

    def site_value(self, name: str, value: Any) -> str:
        """``describe`` for a value of the site's context: the same for every page."""
        known = self._site_values.get(name)
        if known is not None and known[0] is value:
            return known[1]
        text = self.describe(value)
        self._site_values[name] = (value, text)
        return text

    def content(self, content: Any) -> str:
        """The description of a Pelican article or page (see :meth:`_content`)."""
        return self._content(content)

    def _walk(self, value: Any, out: list[str], inside_node: bool) -> None:
        describer = self.describers.get(type(value))
        if describer is not None:
            out.append(describer(self, value))
        elif isinstance(value, str):
            out.append(f"s{len(value)}:{value}")  # the length keeps separators unambiguous
        elif value is None or isinstance(value, bool | int | float):
            out.append(f"{type(value).__name__}:{value}")
        elif isinstance(value, datetime | date):
            out.append(f"date:{value.isoformat()}")
        elif isinstance(value, list | tuple):
            out.append(f"[{len(value)}")
            for item in value:
                self._walk(item, out, inside_node)
            out.append("]")
        elif isinstance(value, Mapping):
            out.append(f"{{{len(value)}")
            for key in sorted(value, key=str):
                out.append(f"k:{key}")
                self._walk(value[key], out, inside_node)
            out.append("}")
        elif isinstance(value, set | frozenset):
            out.append("set:" + json.dumps(sorted(self.describe(v) for v in value)))
        elif hasattr(value, "_content") and hasattr(value, "metadata"):
            out.append(self._content(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            self._dataclass(value, out, inside_node)
        elif _is_url_wrapper(value):
            out.append(f"{type(value).__name__}:{value.name}:{value.url}")
        elif callable(value) and hasattr(value, "__qualname__"):
            # Template helpers (functions, classes): their code is part of the build's code.
            out.append(f"fn:{getattr(value, '__module__', '')}.{value.__qualname__}")
        else:
            raise Unstable(type(value).__name__)

    def _dataclass(self, value: Any, out: list[str], inside_node: bool) -> None:
        is_node = isinstance(value, self.archive_nodes)
        if not is_node:
            # A record of plain data (an article's entity and claim views) is described by its
            # generated repr, far faster than walking it; a repr naming an object by its
            # address would change on every build, so such a record is walked instead.
            text = repr(value)
            if " at 0x" not in text:
                out.append(text)
                return
        out.append(f"<{type(value).__name__}")
        for name, field_value in vars(value).items():
            out.append(f"f:{name}")
            if is_node and inside_node and not _is_scalar(field_value):
                # A linked entity or speaker: what a page shows of it is its name, label, URL
                # and counts, never its own articles or links.
                out.append(f"len:{len(field_value)}" if hasattr(field_value, "__len__") else "-")
            else:
                self._walk(field_value, out, inside_node or is_node)
        out.append(">")

    def _content(self, content: Any) -> str:
        """A Pelican article or page, by everything a template could show of it."""
        known = self._contents.get(id(content))
        if known is None:
            digest = hashlib.sha256()
            parts: list[str] = []
            for name in ("source_path", "url", "save_as", "title", "locale_date", "status"):
                self._walk(getattr(content, name, None), parts, inside_node=True)
            self._walk(dict(content.metadata), parts, inside_node=True)
            translations = getattr(content, "translations", None) or []
            self._walk([getattr(t, "url", None) for t in translations], parts, inside_node=True)
            self._walk(getattr(content, "gloss", None), parts, inside_node=True)
            digest.update("\x1f".join(parts).encode("utf-8", "surrogatepass"))
            digest.update(b"\0" + (content._content or "").encode("utf-8", "surrogatepass"))
            known = self._contents[id(content)] = f"content:{digest.hexdigest()}"
        return known


def _is_scalar(value: Any) -> bool:
    return value is None or isinstance(value, bool | int | float | str | date)


def _is_url_wrapper(value: Any) -> bool:
    return hasattr(value, "slug") and hasattr(value, "name") and hasattr(value, "url")


def code_digest(*modules: str) -> str:
    """A hash of the source of the named ``gloss.site`` modules: files they make are made
    again when their code changes."""
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for module in modules:
        digest.update((here / f"{module}.py").read_bytes())
    return digest.hexdigest()


def settings_digest(settings: Mapping[str, Any]) -> str:
    """A hash of the settings that have a stable description (most do; the others are
    objects such as Jinja's bytecode cache, which shape no page)."""
    digester = Digester()
    digest = hashlib.sha256()
    for key in sorted(settings):
        try:
            text = digester.describe(settings[key])
        except Unstable:
            continue
        digest.update(f"\0{key}\0{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


class PageCache:
    """The keys of the pages written by the last build into one output folder.

    Stored as one JSON file in ``directory`` (None: no caching, every page is rendered).
    """

    def __init__(
        self, directory: Path | None, output_path: str, site_key: str, name: str = "pages"
    ):
        self.site_key = site_key
        self.path: Path | None = None
        self.previous: dict[str, str] = {}
        self.current: dict[str, str] = {}
        self.templates: dict[str, Any] = {}  # see template_tree's ``parsed_before``
        self.skipped = 0
        # A hash of all the inputs of the build's pages (see ``same_build``).
        self.previous_build: str | None = None
        self.build: str | None = None
        if directory is None:
            return
        output = hashlib.sha256(os.path.abspath(output_path).encode()).hexdigest()[:16]
        self.path = directory / f"{name}-{output}.json"
        try:
            loaded = json.loads(self.path.read_text("utf-8"))
            if isinstance(loaded, dict) and loaded.get("format") == CACHE_FORMAT:
                self.previous = {str(k): str(v) for k, v in loaded["pages"].items()}
                self.templates = dict(loaded["templates"])
                self.previous_build = loaded.get("build")
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # no cache, or an unreadable one: every page is rendered

    def key(
        self,
        save_as: str,
        tree: TemplateTree,
        page: Mapping[str, Any],
        site: Mapping[str, Any],
        digester: Digester,
    ) -> str | None:
        """The page's key, or None when it must be rendered whatever happened before."""
        if self.path is None or tree.names & WHOLE_ARCHIVE_NAMES:
            return None
        digest = hashlib.sha256(f"{self.site_key}\0{tree.digest}\0{save_as}".encode())
        for name in sorted(tree.names):
            try:
                if name in page:
                    text = digester.describe(page[name])
                else:
                    text = digester.site_value(name, site.get(name))
            except Unstable as unstable:
                logger.debug("%s: %r has no stable description (%s)", save_as, name, unstable)
                return None
            digest.update(f"\0{name}\0{text}".encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def archive_key(self, save_as: str, tree: TemplateTree) -> str | None:
        """The key of a page showing the whole archive (an index): the build key stands for
        everything such a page is made from. None when there is no build key: then the page
        is always rendered."""
        if self.path is None or self.build is None:
            return None
        text = f"{self.site_key}\0{self.build}\0{tree.digest}\0{save_as}"
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def same_build(self) -> bool:
        """Whether every input of every page is what it was in the last build (a warm build):
        then each page's key is the one stored, and no page's key needs computing."""
        return self.build is not None and self.build == self.previous_build

    def stored_key(self, save_as: str) -> str | None:
        return self.previous.get(save_as) if self.same_build else None

    def data_key(self, *parts: Any) -> str:
        """A key for a file made by code rather than a template (an export, the search
        index): a hash of the site's key and of ``parts`` (plain data, JSON-serializable)."""
        digest = hashlib.sha256(self.site_key.encode())
        for part in parts:
            text = part if isinstance(part, str) else json.dumps(part, sort_keys=True, default=str)
            digest.update(b"\0" + text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def unchanged(self, save_as: str, key: str | None, output_file: str) -> bool:
        """Whether the page can be left as the last build wrote it (and remember its key)."""
        if key is None:
            return False
        self.current[save_as] = key
        return self.previous.get(save_as) == key and os.path.isfile(output_file)

    def save(self) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                stored = {
                    "format": CACHE_FORMAT,
                    "build": self.build,
                    "pages": self.current,
                    "templates": self.templates,
                }
                out.write(json.dumps(stored, sort_keys=True))  # dumps: the C encoder
            os.replace(tmp, self.path)
        except OSError as error:  # a read-only cache only costs speed
            logger.debug("page cache not written: %s", error)
