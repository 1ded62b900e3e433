"""The header block of a plain-text capture: title, subtitle, byline, date, URL.

Captures start with some of these, in any order, before the body. We classify the first
lines one by one (a URL, a date line, a byline and the name lines that continue it), take the
first unclassified line as the title and any unclassified lines between it and the last
classified line as the subtitle (a deck often wraps over several lines). The header ends at
the last classified line near the top; a capture with none of them has a title only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlsplit

from gloss.ingest.boilerplate import is_site_chrome
from gloss.ingest.data import load_yaml
from gloss.ingest.dates import find_date, parse_date_line, weekday_words

# How far down the header can reach, in non-blank lines. News headers are short; looking
# further risks taking a body line that mentions a date for a date line.
HEADER_WINDOW = 12
MAX_SUBTITLE_LINES = 4

URL = re.compile(r"(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)


@dataclass
class Header:
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    url: str | None = None
    roles: dict[int, str] = field(default_factory=dict)  # line index → role
    dropped: list[int] = field(default_factory=list)  # site chrome among the header lines
    credit: str | None = None  # an agency named in the byline ("By Jane Doe, Reuters")
    end: int = 0  # index of the first line after the header


@cache
def _cues() -> dict:
    cues = load_yaml("ingest_header.yml")
    by_length = lambda words: sorted((w.lower() for w in words), key=len, reverse=True)  # noqa: E731
    return {
        "byline": by_length(cues["byline_prefixes"]),
        "author": by_length(cues["author_labels"]),
        "conj": {w.lower() for w in cues["name_conjunctions"]},
        "particles": {w.lower() for w in cues["name_particles"]},
        "date": by_length(cues["date_labels"]),
        "update": {w.lower() for w in cues["update_labels"]},
        "url": by_length(cues["url_labels"]),
        "filler": {w.lower() for w in cues["date_filler"]},
        "relative": re.compile(
            "|".join(f"(?:{p})" for p in cues.get("relative_dates", [])) or r"(?!)", re.I
        ),
    }


def _strip_label(line: str, labels: list[str], need_colon: bool) -> tuple[str | None, str]:
    """If ``line`` starts with one of ``labels`` (then ':' or space), return (label, rest)."""
    lower = line.lower()
    for label in labels:
        if lower.startswith(label):
            rest = line[len(label) :]
            if rest.startswith(":") or rest.startswith(" :"):
                return label, rest.split(":", 1)[1].strip()
            if not need_colon and (rest == "" or rest[0].isspace()):
                return label, rest.strip()
    return None, line


def url_of(line: str) -> str | None:
    """The URL of a line that is only a URL (optionally labelled "Source: ...")."""
    _, rest = _strip_label(line.strip(), _cues()["url"], need_colon=True)
    rest = rest.strip().strip("<>()[]")
    match = URL.fullmatch(rest)
    if not match:
        return None
    url = match.group(0).rstrip(".,;")
    if url.lower().startswith("www."):
        url = "https://" + url
    return url


def date_of(line: str) -> tuple[str | None, bool]:
    """(ISO date, is-an-update) if ``line`` is a date line, else (None, False)."""
    label, rest = _strip_label(line.strip(), _cues()["date"], need_colon=False)
    if len(rest) > 80 or not rest:
        return None, False
    found = find_date(rest)
    if found is None:
        # Only short, labelled or nearly-all-date lines are worth the slow parser.
        if label is None and len(rest.split()) > 5:
            return None, False
        iso = parse_date_line(rest)
        return iso, bool(iso and label in _cues()["update"])
    leftover = (rest[: found.start] + " " + rest[found.end :]).lower()
    words = re.findall(r"[^\W\d]+", leftover)
    filler = _cues()["filler"] | weekday_words()
    stray = [w for w in words if w not in filler and w.rstrip(".") not in filler]
    # A sentence that happens to contain a date is not a date line; a second date (the
    # "Updated:" part of "Published: ... | Updated: ...") is allowed.
    second_labels = [w for w in stray if any(w == lab.split()[0] for lab in _cues()["date"])]
    if len(stray) - len(second_labels) > 2 and label is None:
        return None, False
    if len(stray) - len(second_labels) > 4:
        return None, False
    return found.iso, label in _cues()["update"]


def is_relative_date(line: str) -> bool:
    """ "Updated 3 hours ago", "Published: yesterday": a date line without a date."""
    _, rest = _strip_label(" ".join(line.split()), _cues()["date"], need_colon=False)
    return bool(_cues()["relative"].fullmatch(rest.strip().rstrip(".")))


_NAME_TOKEN = re.compile(r"^(?:[A-Z]\.)+$|^[^\W\d_][\w'’.\-]*$")


def _is_name(words: list[str]) -> bool:
    if not 1 <= len(words) <= 5:
        return False
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    particles = _cues()["particles"]
    for word in words:
        if not _NAME_TOKEN.match(word):
            return False
        if not word[0].isupper() and word.lower() not in particles:
            return False
    return True


def split_names(text: str) -> list[str] | None:
    """Names of a byline's text ("A, B and C", "A & B"); None if it is not all names."""
    text = re.split(r"\s+[|/•·]\s+|\s+[–—-]\s+", text.strip())[0].strip().rstrip(",;")
    if not text:
        return None
    conj = _cues()["conj"]
    parts = [p.strip() for p in re.split(r",|;", text) if p.strip()]
    names: list[str] = []
    for part in parts:
        words = part.split()
        chunk: list[str] = []
        for word in words:
            if word.lower() in conj and chunk:
                names.append(" ".join(chunk))
                chunk = []
            elif word.lower() in conj:
                continue
            else:
                chunk.append(word)
        if chunk:
            names.append(" ".join(chunk))
    if not names or not all(_is_name(name.split()) for name in names):
        return None
    return names


def _continues(lines: list[str], index: int) -> bool:
    """Does the next non-blank line go on with this one (it starts in lower case)?"""
    for following in lines[index + 1 : index + 3]:
        if following.strip():
            # A lower-case word, not a URL or a brand such as "wikiHow" or "iPhone".
            first = following.split()[0]
            return first.isalpha() and first.islower() and url_of(following) is None
    return False


def _ends_open(line: str) -> bool:
    """A byline line that says more names follow: "Yang Sheng," or "... and"."""
    stripped = line.rstrip()
    last = stripped.split()[-1].lower() if stripped.split() else ""
    return stripped.endswith(",") or last in _cues()["conj"]


def byline_of(line: str) -> tuple[list[str] | None, bool]:
    """(names, expects-more-lines) if ``line`` starts a byline, else (None, False)."""
    stripped = line.strip()
    label, rest = _strip_label(stripped, _cues()["author"], need_colon=True)
    if label is None:
        label, rest = _strip_label(stripped, _cues()["byline"], need_colon=False)
    if label is None:
        return None, False
    if not rest:
        return [], True  # "By" alone: the names follow on the next lines
    names = split_names(rest)
    if names is None:
        return None, False
    return names, _ends_open(rest)


_JOINERS = r"[\s|/·•,;:–—-]*(?:\b(?:on|at|el|le|il|am|op|em|the)\b[\s,]*)*"


def byline_with_date(line: str) -> tuple[list[str], str, bool] | None:
    """(names, ISO date, is-an-update) of a header line holding both a byline and a date
    ("By Jane Doe | June 16, 2022", "Published June 16, 2022 by Jane Doe"), else None.

    The byline word must open the line, or follow the date with only a date label before
    it, so that a sentence such as "Signed by President Biden on June 16, 2022 in ..." is
    not taken for a byline.
    """
    if len(line) > 120 or line.rstrip().endswith((".", "!", "?")):
        return None
    found = find_date(line)
    if found is None:
        return None
    before, after = line[: found.start], line[found.end :]
    label, rest = _strip_label(before.strip(), _cues()["date"], need_colon=False)
    is_update = label in _cues()["update"] or bool(
        re.search(
            r"\b(?:updated|actualizado|atualizado|aggiornato|aktualisiert|bijgewerkt)\b",
            before,
            re.I,
        )
    )
    for prefix in _cues()["byline"]:
        pattern = re.compile(
            rf"^{_JOINERS}(?:posted\s+|written\s+)?{re.escape(prefix)}\s+(.+)$", re.IGNORECASE
        )
        candidates = [before]
        if not rest.strip(" |:-–—,"):
            candidates.append(after)  # "Published <date> by Jane Doe"
        for part in candidates:
            match = pattern.match(part)
            if not match:
                continue
            names_text = match.group(1)
            # Drop what joins the names to the date: "| Updated:", "on", ",", "-".
            names_text = re.split(r"\s+[|·•]\s+|\s+[–—-]\s+", names_text)[0]
            names_text = re.sub(rf"{_JOINERS}$", "", names_text.strip()).strip()
            # "..., Last updated on": a date label between the names and the date.
            for label in _cues()["date"]:
                if names_text.lower().endswith(label):
                    names_text = names_text[: -len(label)]
                    break
            names_text = re.sub(rf"{_JOINERS}$", "", names_text.strip()).strip()
            names = split_names(names_text) if names_text else None
            # "By A and B, Updated: <date>", "By A, Sunday <date>": label words are no names.
            not_names = {w.split()[0] for w in _cues()["date"]} | weekday_words()
            names = [n for n in names or [] if n.lower() not in not_names]
            if names:
                return names, found.iso, is_update
    return None


def publisher_of(url: str | None) -> str | None:
    """The site a URL belongs to: a known publisher's name, else the host name."""
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    host = host.lower().removeprefix("www.")
    if not host:
        return None
    known = load_yaml("ingest_publishers.yml").get("publishers", {})
    while host:
        if host in known:
            return known[host]
        if "." not in host:
            break
        host = host.split(".", 1)[1]
    return urlsplit(url).hostname.lower().removeprefix("www.")  # type: ignore[union-attr]


def parse_header(lines: list[str], start: int = 0) -> Header:
    """Read the header from ``lines[start:]`` (raw lines of the capture)."""
    header = Header(end=start)
    candidates = [i for i in range(start, len(lines)) if lines[i].strip()][:HEADER_WINDOW]
    if not candidates:
        return header
    roles: dict[int, str] = {}
    authors: list[str] = []
    published: str | None = None
    updated: str | None = None
    chrome: list[tuple[int, int]] = []
    names_expected = False
    name_list = False  # "By" alone on its line: names follow, one or more per line
    last_marker = -1
    for position, index in enumerate(candidates):
        # Tabs and non-breaking spaces ("Written\u00a0by") read as plain spaces.
        line = " ".join(lines[index].split())
        if names_expected and is_relative_date(line):
            names_expected = name_list = False  # "By" / names / "Yesterday": not a name
        if names_expected:
            names = split_names(line)
            if names is not None:
                authors.extend(names)
                roles[index] = "byline"
                last_marker = position
                names_expected = name_list or _ends_open(line)
                continue
            names_expected = name_list = False
        url = url_of(line)
        if url:
            if header.url is None:
                header.url = url
            roles[index] = "url"
            last_marker = position
            continue
        combined = byline_with_date(line) if not authors else None
        if combined is not None:
            # "By Jane Doe | June 16, 2022", "Posted by Jane Doe on June 16, 2022"
            authors.extend(combined[0])
            if combined[2]:
                updated = updated or combined[1]
            else:
                published = published or combined[1]
            roles[index] = "byline"
            last_marker = position
            continue
        names, more = byline_of(line)
        if names is not None and not authors:
            authors.extend(names)
            roles[index] = "byline"
            names_expected = more
            name_list = not names
            last_marker = position
            continue
        iso, is_update = date_of(line)
        if iso and (published and not is_update or _continues(lines, index)):
            iso = None  # a second plain date, or a line the next one continues: body text
        if iso:
            if is_update:
                updated = updated or iso
            else:
                published = published or iso
            roles[index] = "date"
            last_marker = position
            continue
        if is_relative_date(line):
            roles[index] = "date"  # a header field, though it gives no date
            last_marker = position
            continue
        if position > 0 and is_site_chrome(line):
            # Site chrome between header fields ("From Wikinews, the free news source..."),
            # dropped below if a header field follows it.
            chrome.append((position, index))
            continue
        # An unclassified line: the title, a subtitle line, or the start of the body. Once
        # we are past the subtitle's room, the header cannot reach further down.
        unclassified_before = sum(1 for i in candidates[:position] if i not in roles)
        if unclassified_before > MAX_SUBTITLE_LINES:
            break
    for position, index in chrome:
        if position < last_marker:
            roles[index] = "dropped"
            header.dropped.append(index)
    header_lines = candidates[: last_marker + 1] if last_marker >= 0 else candidates[:1]
    free = [i for i in header_lines if i not in roles]
    if last_marker < 0:
        free = candidates[:1]
    elif not free and last_marker + 1 < len(candidates):
        # Only fields so far (a URL, a date): the title is the next line.
        free = [candidates[last_marker + 1]]
    if free:
        roles[free[0]] = "title"
        header.title = " ".join(lines[free[0]].split())
        deck = free[1:]
        # A title wrapped over two lines: the next line goes on in lower case.
        while deck and lines[deck[0]].strip()[:1].islower() and header.title[-1:] not in ".:?!":
            roles[deck[0]] = "title"
            header.title += " " + " ".join(lines[deck[0]].split())
            deck = deck[1:]
        if deck:
            for index in deck:
                roles[index] = "subtitle"
            header.subtitle = " ".join(" ".join(lines[i].split()) for i in deck)
    people, credits = _people(authors)
    header.authors = people
    header.credit = credits[0] if credits else None
    header.date = published or updated
    header.roles = roles
    header.end = max(roles) + 1 if roles else start
    return header


@cache
def _not_people() -> frozenset[str]:
    names = load_yaml("ingest_publishers.yml").get("not_people", [])
    return frozenset(str(name).lower() for name in names)


def _name_case(name: str) -> str:
    """ "JANE O'NEIL" → "Jane O'Neil": all-capitals bylines are a style, not the name."""
    if not name.isupper():
        return name
    words = re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name.lower()).split()
    particles = _cues()["particles"]
    return " ".join(w.lower() if i and w.lower() in particles else w for i, w in enumerate(words))


def _people(names: list[str]) -> tuple[list[str], list[str]]:
    """Split byline names into people and agency/staff credits."""
    people, credits = [], []
    for name in _dedupe([_name_case(n) for n in names]):
        (credits if name.lower() in _not_people() else people).append(name)
    return people, credits


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    kept = []
    for name in names:
        clean = " ".join(name.split())
        if clean.lower() not in seen:
            seen.add(clean.lower())
            kept.append(clean)
    return kept
