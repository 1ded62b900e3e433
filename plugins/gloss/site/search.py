"""Offline search: a compact index written as a classic script, and the ``search.html`` page.

Browsers refuse ``fetch``, XHR, module imports and workers on ``file://``, so the index is a
plain script, ``search-index.js``, that assigns one global (``GLOSS_SEARCH_INDEX``); the
theme's ``search.js`` reads it. The format (version 3)::

    {"v": 3,
     "stop": ["the", ...],          # words left out of the index (and of queries)
     "docs": [[title, url, date, lead], ...],   # newest first; "a/b/" stands for "a/b/index.html"
     "terms": ["0aardvark 2bbas ...", ...],  # every indexed word, sorted, in blocks of 16
     "post": ["0 2a3 ...", ...],    # per word, in the same blocks: the documents containing it
     "fterms": [...], "fpost": [...],   # the same for words of titles, names, speakers, authors
     "names": ["Xi Jinping", ...], "npost": "...",    # entity names and aliases: documents
     "speakers": ["analysts", ...], "spost": "..."}   # speakers: documents
     "textdir": "search-text/"}     # optional: where the per-article texts are (see below)

Words come in blocks of 16 so that the browser needs no set-up: it binary-searches the blocks
by their first word and decodes only the block it lands in. Inside a block, each word shares
its start with the word before, so it is written as one base-36 digit (how many characters
it shares, at most 35) and the rest: ``["elect", "election", "elections"]`` is
``"0elect 5ion 8s"``; the first word of a block is written whole.

A posting list holds ascending document numbers as gaps from the previous one (the first
from 0). Each gap is written in base 32, most significant digit first, with two alphabets so
that no separator is needed: the last digit of a gap comes from ``0-9a-v``, the others from
``w-zA-Z-_`` (so ``[0, 3, 13]`` is ``"03a"``, and 40 is ``"x8"``). Lists are separated by spaces.

Words are folded the same way in Python and in JavaScript: Unicode NFKD, combining marks
dropped, lower case, runs of letters and digits, at least two characters. Only the first
``GLOSS_SEARCH_LEAD_CHARS`` characters of each text are kept, to show as a snippet: the full
text is indexed but not shipped in the index. Names and speakers are stored once for the whole archive,
with the documents they occur in, so results can say "Mentions: Vladimir Putin".

Each article's full text is also written to its own small script under ``textdir``
(``search-text/2022/slug.js`` for ``2022/slug/index.html``), which adds the text to
``window.GLOSS_SEARCH_TEXTS[url]``. The browser loads these only for the results it shows, after
showing them, to replace the lead with the passage where the words matched.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from importlib import resources
from typing import Any

from pelican import signals
from pelican.generators import Generator

from gloss.site import blocks
from gloss.site.annotation import BUILD_KEY, GlossBuild
from gloss.site.page_cache import PageCache, code_digest

INDEX_VERSION = 3
# Words per block of "terms" (and posting lists per block of "post").
BLOCK_SIZE = 16
INDEX_GLOBAL = "GLOSS_SEARCH_INDEX"

SETTINGS_DEFAULTS: dict[str, Any] = {
    # Where the index script and the search page are written (relative to the output folder).
    "GLOSS_SEARCH_INDEX_SAVE_AS": "search-index.js",
    "GLOSS_SEARCH_SAVE_AS": "search.html",
    # Characters of each article's text kept in the index to show as a snippet.
    "GLOSS_SEARCH_LEAD_CHARS": 160,
    # Folder of per-article text scripts, loaded only for the results on screen so that their
    # snippets show where the words matched; empty to leave them out (snippets are then leads).
    "GLOSS_SEARCH_TEXT_DIR": "search-text",
}

# Elements after which the text of one block ends: their words must not run together. The
# same blocks as the annotated text (textmap), plus <pre>, which search indexes and
# annotation leaves alone, and <br>, which ends a line.
BLOCK_ELEMENTS = sorted(blocks.BLOCK_ELEMENTS | {"pre", "br"})

_WORD = re.compile(r"[^\W_]+")
# Last digit of a gap / other digits of a gap (base 32; see the module docstring).
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
_END_DIGITS = "0123456789abcdefghijklmnopqrstuv"
_MORE_DIGITS = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_DIGIT_VALUE = {c: (i, True) for i, c in enumerate(_END_DIGITS)} | {
    c: (i, False) for i, c in enumerate(_MORE_DIGITS)
}


@dataclass
class SearchDocument:
    """What the index knows about one article."""

    title: str
    url: str
    date: str = ""
    text: str = ""
    entities: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Lower case without accents: what both the index and the browser compare."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def words(text: str) -> list[str]:
    """The searchable words of ``text`` (folded; single characters dropped)."""
    return [w for w in _WORD.findall(fold(text)) if len(w) > 1]


def load_stopwords() -> frozenset[str]:
    raw = resources.files("gloss").joinpath("data/search/stopwords.txt").read_text("utf-8")
    lines = (line.strip() for line in raw.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def _gap(number: int) -> str:
    digits = [_END_DIGITS[number & 31]]
    number >>= 5
    while number:
        digits.append(_MORE_DIGITS[number & 31])
        number >>= 5
    return "".join(reversed(digits))


def encode_postings(doc_numbers: Iterable[int]) -> str:
    """Ascending document numbers as gaps: ``[0, 3, 13]`` -> ``"03a"``."""
    previous = 0
    gaps = []
    for number in doc_numbers:
        gaps.append(_gap(number - previous))
        previous = number
    return "".join(gaps)


def decode_postings(encoded: str) -> list[int]:
    """The inverse of :func:`encode_postings` (search.js does the same in the browser)."""
    numbers: list[int] = []
    current = value = 0
    for char in encoded:
        digit, last = _DIGIT_VALUE[char]
        value = value * 32 + digit
        if last:
            current += value
            numbers.append(current)
            value = 0
    return numbers


def short_url(url: str) -> str:
    """``2022/slug/index.html`` -> ``2022/slug/``: every article URL ends the same way, so the
    index leaves the file name out and search.js puts it back."""
    return url[: -len("index.html")] if url.endswith("/index.html") else url


def lead(text: str, limit: int) -> str:
    """The start of ``text``, at most ``limit`` characters, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def front_code(sorted_words: list[str]) -> str:
    """Sorted words, each as the length it shares with the previous one and the rest."""
    coded = []
    previous = ""
    for word in sorted_words:
        shared = 0
        limit = min(len(word), len(previous), 35)
        while shared < limit and word[shared] == previous[shared]:
            shared += 1
        coded.append(_BASE36[shared] + word[shared:])
        previous = word
    return " ".join(coded)


def front_decode(coded: str) -> list[str]:
    """The inverse of :func:`front_code` (search.js does the same in the browser)."""
    out: list[str] = []
    previous = ""
    for entry in coded.split(" ") if coded else []:
        previous = previous[: int(entry[0], 36)] + entry[1:]
        out.append(previous)
    return out


def blocks(items: list[str], size: int = BLOCK_SIZE) -> list[list[str]]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def word_blocks(index: Mapping[str, list[int]]) -> tuple[list[str], list[str]]:
    """Sorted words of ``index`` in front-coded blocks, and their posting lists in blocks."""
    keys = sorted(index)
    coded = [front_code(block) for block in blocks(keys)]
    post = [" ".join(encode_postings(index[k]) for k in block) for block in blocks(keys)]
    return coded, post


def _postings(index: Mapping[str, list[int]]) -> tuple[list[str], str]:
    """The keys of ``index`` sorted, and their posting lists in that order."""
    keys = sorted(index)
    return keys, " ".join(encode_postings(index[k]) for k in keys)


def build_index(
    documents: list[SearchDocument],
    stopwords: frozenset[str] | None = None,
    lead_chars: int = SETTINGS_DEFAULTS["GLOSS_SEARCH_LEAD_CHARS"],
) -> dict[str, Any]:
    """The search index of ``documents`` (kept in the given order; give them newest first)."""
    stop = load_stopwords() if stopwords is None else stopwords
    everywhere: dict[str, list[int]] = {}
    in_fields: dict[str, list[int]] = {}
    names: dict[str, list[int]] = {}
    speakers: dict[str, list[int]] = {}
    docs = []
    for number, doc in enumerate(documents):
        fields = " ".join([doc.title, *doc.entities, *doc.speakers, *doc.authors])
        field_words = set(words(fields)) - stop
        text_words = set(words(doc.text)) - stop
        for word in field_words | text_words:
            everywhere.setdefault(word, []).append(number)
        for word in field_words:
            in_fields.setdefault(word, []).append(number)
        for name in dict.fromkeys(doc.entities):
            names.setdefault(name, []).append(number)
        for name in dict.fromkeys(doc.speakers):
            speakers.setdefault(name, []).append(number)
        docs.append([doc.title, short_url(doc.url), doc.date, lead(doc.text, lead_chars)])
    terms, post = word_blocks(everywhere)
    fterms, fpost = word_blocks(in_fields)
    name_list, npost = _postings(names)
    speaker_list, spost = _postings(speakers)
    return {
        "v": INDEX_VERSION,
        "stop": sorted(stop),
        "docs": docs,
        "terms": terms,
        "post": post,
        "fterms": fterms,
        "fpost": fpost,
        "names": name_list,
        "npost": npost,
        "speakers": speaker_list,
        "spost": spost,
    }


def text_script_path(url: str) -> str:
    """Where the text of the article at ``url`` goes, under the text folder:
    ``2022/slug/index.html`` -> ``2022/slug.js`` (search.js computes the same)."""
    path = short_url(url).rstrip("/")
    if path.endswith(".html"):
        path = path[: -len(".html")]
    return path + ".js"


def text_script(url: str, text: str) -> str:
    """A classic script that adds one article's text to ``window.GLOSS_SEARCH_TEXTS``."""
    key = json.dumps(short_url(url), ensure_ascii=False)
    value = json.dumps(text, ensure_ascii=False).replace("</", "<\\/")
    return f"(window.GLOSS_SEARCH_TEXTS=window.GLOSS_SEARCH_TEXTS||{{}})[{key}]={value};\n"


def index_script(index: Mapping[str, Any]) -> str:
    """The index as a classic script that assigns the global the theme reads."""
    payload = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    # "</" would end an inline <script>; escaping it keeps the file safe to inline too.
    payload = payload.replace("</", "<\\/")
    return f"window.{INDEX_GLOBAL}={payload};\n"


# --- Pelican glue --------------------------------------------------------------------------


def _get(record: Any, key: str, default: Any = None) -> Any:
    """``record.key`` or ``record[key]``: the plugin's records may be objects or dicts."""
    if record is None:
        return default
    if isinstance(record, Mapping):
        return record.get(key, default)
    return getattr(record, key, default)


def _names_of(gloss: Any) -> tuple[list[str], list[str]]:
    """Entity names (with aliases) and named speakers of an annotated article."""
    entities: list[str] = []
    for entity in _get(gloss, "entities", None) or []:
        name = _get(entity, "name")
        if name:
            entities.append(str(name))
        entities.extend(str(a) for a in (_get(entity, "aliases") or []) if a)
    speakers: list[str] = []
    for claim in _get(gloss, "claims", None) or []:
        name = _get(_get(claim, "speaker"), "name")
        if name and str(name) not in speakers:
            speakers.append(str(name))
    return list(dict.fromkeys(entities)), speakers


def _date_text(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.strftime("%Y-%m-%d")
    return str(value or "")


def document_from_article(article: Any) -> SearchDocument:
    """A :class:`SearchDocument` from a Pelican article (annotated or not)."""
    gloss = getattr(article, "gloss", None)
    annotated_text = _get(gloss, "text", None)
    if isinstance(annotated_text, str) and annotated_text:
        # The annotated text is the article's HTML as text already: parsing the HTML again
        # would cost a warm build more than any other step of the index.
        text = " ".join(annotated_text.split())
    else:
        # _content, not .content: the raw HTML, without triggering Pelican's memoized link
        # fixing.
        text = plain_text(getattr(article, "_content", "") or "")
    entities, speakers = _names_of(gloss)
    return SearchDocument(
        title=_title_text(str(article.title)),
        url=article.url,
        # An undated post carries a placeholder date (gloss.site.undated): show none.
        date="" if article.metadata.get("undated") else _date_text(getattr(article, "date", None)),
        text=text,
        entities=entities,
        speakers=speakers,
        authors=[str(a) for a in getattr(article, "authors", None) or []],
    )


def _title_text(title: str) -> str:
    """A Pelican title (HTML) as text; most titles hold no tag, only entities."""
    if "<" not in title:
        return html_lib.unescape(title)
    from bs4 import BeautifulSoup  # only here: a warm build need not import it

    return BeautifulSoup(title, "html.parser").get_text()


def plain_text(html: str) -> str:
    """The text of an HTML fragment, with a space between blocks but none inside a line (so
    that annotation wrappers do not turn "Putin," into "Putin ,")."""
    from bs4 import BeautifulSoup  # only here: a warm build need not import it

    soup = BeautifulSoup(html, "html.parser")
    for block in soup.find_all(BLOCK_ELEMENTS):
        block.insert_before(" ")
        block.insert_after(" ")
    return " ".join(soup.get_text("").split())


def _is_wikinews(article: Any) -> bool:
    source = str(getattr(article, "source_url", "") or "")
    return "wikinews.org" in source


def write_if_changed(path: str, text: str) -> None:
    """Write ``text`` unless the file holds it already (reading costs far less than writing,
    and a warm build then leaves the search files untouched)."""
    data = text.encode("utf-8")
    try:
        if os.path.getsize(path) == len(data):
            with open(path, "rb") as existing:
                if existing.read() == data:
                    return
    except OSError:
        pass
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as out:
        out.write(data)


class SearchGenerator(Generator):
    """Writes ``search-index.js`` and renders the ``search`` template to ``search.html``.

    Runs after the articles generator (plugin generators come after Pelican's own), so the
    articles are already annotated when it reads them.
    """

    def _setting(self, key: str) -> Any:
        return self.settings.get(key, SETTINGS_DEFAULTS[key])

    def generate_context(self) -> None:
        articles = self.context.get("articles") or []
        # The base template shows the Wikinews credit only when the archive holds Wikinews text.
        self.context["gloss_wikinews_credit"] = any(_is_wikinews(a) for a in articles)
        self.context["GLOSS_SEARCH_INDEX_SAVE_AS"] = self._setting("GLOSS_SEARCH_INDEX_SAVE_AS")
        self.context["GLOSS_SEARCH_URL"] = self._setting("GLOSS_SEARCH_SAVE_AS")

    def _write_index(self, documents: list[SearchDocument]) -> None:
        """The index and the text files; kept as they are when the documents, the settings
        and this code are those of the last build into this output folder."""
        lead_chars = int(self._setting("GLOSS_SEARCH_LEAD_CHARS"))
        text_dir = str(self._setting("GLOSS_SEARCH_TEXT_DIR") or "").strip("/")
        index_save_as = self._setting("GLOSS_SEARCH_INDEX_SAVE_AS")
        index_path = os.path.join(self.output_path, index_save_as)
        text_paths = [
            os.path.join(self.output_path, text_dir, text_script_path(doc.url))
            for doc in documents
            if text_dir
        ]
        build = self.context.get(BUILD_KEY)
        cache = None
        if isinstance(build, GlossBuild):
            cache = PageCache(
                build.settings.cache_path / "site",
                self.output_path,
                code_digest("search"),
                "search",
            )
            key = cache.data_key(
                lead_chars, text_dir, sorted(load_stopwords()), [asdict(doc) for doc in documents]
            )
            if cache.unchanged(index_save_as, key, index_path) and all(
                os.path.isfile(path) for path in text_paths
            ):
                cache.save()
                return
        index = build_index(documents, lead_chars=lead_chars)
        if text_dir:
            index["textdir"] = text_dir + "/"
            for doc, path in zip(documents, text_paths, strict=True):
                write_if_changed(path, text_script(doc.url, doc.text))
        write_if_changed(index_path, index_script(index))
        if cache is not None:
            cache.save()

    def generate_output(self, writer: Any) -> None:
        # Newest first, so that among equally good matches the browser lists recent ones first.
        articles = sorted(self.context.get("articles") or [], key=lambda a: a.date, reverse=True)
        documents = [document_from_article(a) for a in articles]
        self._write_index(documents)

        save_as = self._setting("GLOSS_SEARCH_SAVE_AS")
        writer.write_file(
            save_as,
            self.get_template("search"),
            self.context,
            relative_urls=self.settings.get("RELATIVE_URLS", False),
            template_name="search",
            page_name=os.path.splitext(save_as)[0],
            url=save_as,
            search_index_url=self._setting("GLOSS_SEARCH_INDEX_SAVE_AS"),
            search_document_count=len(documents),
        )


def get_generators(pelican: Any) -> type[Generator]:
    return SearchGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
