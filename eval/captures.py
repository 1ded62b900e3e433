"""Synthetic raw captures of known articles, made the way real captures look.

Each capture varies, from a seeded random generator:

* header: byline shapes (none, "By A", "By A, B and C", "By A & B", "Author: A", "By" alone
  with names on the next lines, Spanish/French/German bylines), date formats and languages
  (or no date), URL present or absent, bare or labelled, before or after the other fields;
* body: hard wrap at a width of 60–90 characters, sometimes with per-line jitter (text copied
  from a page in a proportional font), stray short lines inside sentences, some captures with
  blank lines between paragraphs, a few with one unwrapped line per paragraph;
* debris: Blogger/WordPress/share-widget footers in several languages, comment sections, site
  chrome above the header;
* encoding: UTF-8, UTF-8 with BOM, UTF-16, Windows-1252, CRLF line ends.

The truth (paragraphs, metadata, debris lines) comes with each capture.
"""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field
from datetime import date as Date

from eval.corpus import CorpusArticle

FIRST = [
    "Jane",
    "John",
    "Ana",
    "Luis",
    "Marie",
    "Pierre",
    "Hans",
    "Eva",
    "Wei",
    "Priya",
    "Olu",
    "Sara",
    "Tomás",
    "Zoë",
    "Mohammed",
    "Aiko",
    "Kwame",
    "Léa",
    "Giulia",
    "Jan",
]
LAST = ["Doe", "Smith", "de la Cruz", "Müller", "O'Neil", "Nguyen", "van Dijk", "García",
        "Okafor", "Rossi", "Dubois", "Kowalski", "Chen", "Haddad", "Silva", "Fischer-Lang",
        "MacLeod", "Tanaka", "Eriksson", "da Costa"]  # fmt: skip

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "it": [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    "pt": [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
}
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

FOOTERS = [
    ["No hay comentarios:", "Publicar un comentario"],
    ["Share this:", "Twitter", "Facebook", "Like this:", "Like Loading..."],
    [
        "Share this:",
        "Click to share on Twitter (Opens in new window)",
        "Click to share on Facebook (Opens in new window)",
        "Related",
    ],
    [
        "Posted by {name} at {time}",
        "Email This",
        "BlogThis!",
        "Share to Twitter",
        "Share to Facebook",
        "Share to Pinterest",
        "Labels: news, world",
        "No comments:",
        "Post a Comment",
        "Newer Post Older Post Home",
        "Subscribe to: Post Comments (Atom)",
    ],
    [
        "Publicado por {name} en {time}",
        "Enviar por correo electrónico",
        "Escribe un blog",
        "Compartir en Twitter",
        "Compartir en Facebook",
        "Etiquetas: noticias",
        "No hay comentarios:",
        "Publicar un comentario",
        "Entrada más reciente Entrada antigua Página principal",
        "Suscribirse a: Enviar comentarios (Atom)",
    ],
    ["Partager cet article", "Aucun commentaire:", "Publier un commentaire"],
    [
        "Libellés : actualité, monde",
        "Aucun commentaire:",
        "Publier un commentaire",
        "Article plus récent Article plus ancien Accueil",
    ],
    ["Condividi", "Nessun commento:", "Posta un commento"],
    [
        "Teilen mit:",
        "Twitter",
        "Facebook",
        "Gefällt mir:",
        "Gefällt mir Wird geladen …",
        "Ähnliche Beiträge",
    ],
    [
        "Compartilhe isso:",
        "Twitter",
        "Facebook",
        "Curtir isso:",
        "Curtir Carregando...",
        "Nenhum comentário:",
        "Postar um comentário",
    ],
    ["Delen:", "Twitter", "Facebook", "Vind ik leuk:", "Geen opmerkingen:", "Een reactie posten"],
    [
        "{n} comments:",
        "{name} said...",
        "Thanks for posting this, very informative.",
        "{time}",
        "Reply",
        "Post a Comment",
    ],
    ["Leave a Reply", "Cancel reply", "You must be logged in to post a comment."],
    ["Tags: world, politics", "© {year} {site}. All rights reserved."],
]
HEADS = [
    ["Skip to content"],
    ["Skip to content", "Menu"],
    ["Home", "Menu", "Search"],
    ["Advertisement"],
]


@dataclass
class Capture:
    article: CorpusArticle
    data: bytes
    encoding: str
    title: str
    authors: list[str]
    date: str | None  # YYYY-MM-DD as written in the header (None if no date line)
    url: str | None
    paragraphs: list[str]
    debris: list[str] = field(default_factory=list)
    traits: list[str] = field(default_factory=list)  # what this capture exercises


def _names(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in names:
            names.append(name)
    return names


def _byline(rng: random.Random, authors: list[str]) -> list[str]:
    def joined(conj: str) -> str:
        return (
            ", ".join(authors[:-1]) + f" {conj} {authors[-1]}" if len(authors) > 1 else authors[0]
        )

    shapes = [
        lambda: [f"By {joined('and')}"],
        lambda: [f"By {' & '.join(authors)}"] if len(authors) <= 2 else [f"By {joined('and')}"],
        lambda: (
            [f"Author: {authors[0]}"] if len(authors) == 1 else [f"Authors: {', '.join(authors)}"]
        ),
        lambda: [
            "By",
            *[
                a + ("," if i < len(authors) - 2 else (" and" if i == len(authors) - 2 else ""))
                for i, a in enumerate(authors)
            ],
        ],
        lambda: ["By", *authors],
        lambda: [f"Por {joined('y')}"],
        lambda: [f"Par {joined('et')}"],
        lambda: [f"Von {joined('und')}"],
        lambda: [f"By {joined('and')} | Staff Reporter"],
        lambda: [f"BY {joined('AND').upper()}"],
        lambda: [f"By {joined('and')}, {rng.choice(['Reuters', 'Associated Press', 'AFP'])}"],
        lambda: [f"Written by {joined('and')}"],
    ]
    return rng.choice(shapes)()


def _date_line(rng: random.Random, day: Date) -> str:
    en = MONTHS["en"][day.month - 1]
    hour, minute = rng.randrange(6, 23), rng.randrange(60)
    shapes = [
        lambda: f"Published: {en[:3]} {day.day}, {day.year}",
        lambda: f"{day.day} {en} {day.year}",
        lambda: f"{day.isoformat()} {hour:02d}:{minute:02d} GMT",
        lambda: f"Publicado el {day.day} de {MONTHS['es'][day.month - 1]} de {day.year}",
        lambda: (
            f"Updated: {en} {day.day}, {day.year} at {hour % 12 or 12}:{minute:02d} {'p.m.' if hour >= 12 else 'a.m.'} EDT"
        ),
        lambda: (
            f"Publié le {day.day} {MONTHS['fr'][day.month - 1]} {day.year} à {hour}h{minute:02d}"
        ),
        lambda: f"Veröffentlicht am {day.day}. {MONTHS['de'][day.month - 1]} {day.year}",
        lambda: f"Pubblicato il {day.day} {MONTHS['it'][day.month - 1]} {day.year}",
        lambda: f"{WEEKDAYS_EN[day.weekday()]}, {en} {day.day}, {day.year}",
        lambda: f"{day.day:02d}/{day.month:02d}/{day.year}",
        lambda: f"Posted on {en} {day.day}, {day.year}",
        lambda: f"Gepubliceerd op {day.day} {MONTHS['nl'][day.month - 1]} {day.year}",
        lambda: f"Publicado em {day.day} de {MONTHS['pt'][day.month - 1]} de {day.year}",
        lambda: (
            f"{en} {day.day}, {day.year} / {hour % 12 or 12}:{minute:02d} "
            f"{'PM' if hour >= 12 else 'AM'} / Updated 2 hours ago"
        ),
        lambda: (
            f"{WEEKDAYS_EN[day.weekday()][:3]} {day.day} {en[:3]} {day.year} {hour:02d}.{minute:02d} BST"
        ),
        lambda: f"{day.day:02d}.{day.month:02d}.{day.year} {hour:02d}:{minute:02d}",
        lambda: f"Last updated on {day.day} {en} {day.year}",
    ]
    return rng.choice(shapes)()


def _wrap(text: str, width: int, jitter: int, rng: random.Random) -> list[str]:
    """Greedy wrap; with ``jitter``, each line's width is a little narrower at random (the
    way a proportional font wraps a copied page)."""
    if not jitter:
        return textwrap.wrap(text, width=width, break_long_words=False)
    lines: list[str] = []
    words = text.split()
    current = ""
    limit = width - rng.randrange(jitter + 1)
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= limit or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
            limit = width - rng.randrange(jitter + 1)
    if current:
        lines.append(current)
    return lines


_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def _with_stray_break(
    paragraph: str, width: int, jitter: int, rng: random.Random
) -> list[str] | None:
    """Wrap ``paragraph`` with one line cut short inside a sentence, the rest re-wrapped."""
    words = paragraph.split()
    spots = [i for i in range(2, len(words) - 2) if not _SENTENCE_END.search(words[i - 1])]
    if not spots:
        return None
    cut = rng.choice(spots)
    before = _wrap(" ".join(words[:cut]), width, jitter, rng)
    return [*before, *_wrap(" ".join(words[cut:]), width, jitter, rng)]


def make_capture(
    article: CorpusArticle, rng: random.Random, noise: random.Random | None = None
) -> Capture:
    """A capture of ``article``; with ``noise`` (its own generator, so that the capture is
    otherwise the same as without), also the debris of real copies (see
    the "Noise" section below)."""
    traits: list[str] = []
    paragraphs = list(article.paragraphs)
    header: list[tuple[str, list[str]]] = [("title", [article.title])]
    authors = _names(rng, rng.choice([1, 1, 2, 2, 3])) if rng.random() < 0.8 else []
    if authors:
        header.append(("byline", _byline(rng, authors)))
    day = Date.fromisoformat(article.date) if article.date else None
    has_date = day is not None and rng.random() < 0.92
    if has_date:
        header.append(("date", [_date_line(rng, day)]))
        if authors and rng.random() < 0.15:
            # Byline and date on one line: "By A and B | Published: Jun 16, 2022".
            names = (
                ", ".join(authors[:-1]) + f" and {authors[-1]}" if len(authors) > 1 else authors[0]
            )
            separator = rng.choice([" | ", " - ", ", ", " · "])
            header = [h for h in header if h[0] not in ("byline", "date")]
            header.append(("byline", [f"By {names}{separator}{_date_line(rng, day)}"]))
            traits.append("byline-with-date")
    url = article.url if rng.random() < 0.75 else None
    if url:
        line = rng.choice([url, url, f"Source: {url}", f"URL: {url}"])
        header.append(("url", [line]))
    # Order: usually title first; sometimes fields shuffled after it, or the URL first.
    first, rest = header[0], header[1:]
    if rng.random() < 0.3:
        rng.shuffle(rest)
        traits.append("header-shuffled")
    ordered = [first, *rest]
    if url and rng.random() < 0.15:
        ordered = [h for h in ordered if h[0] == "url"] + [h for h in ordered if h[0] != "url"]
        traits.append("url-first")
    lines: list[str] = []
    debris: list[str] = []
    if rng.random() < 0.15:
        head = rng.choice(HEADS)
        lines.extend(head)
        debris.extend(head)
        traits.append("head-debris")
    if noise is not None:
        ordered = header_noise(ordered, authors, noise, traits)
    for _, block in ordered:
        lines.extend(block)
    if rng.random() < 0.2:
        lines.append("")
    width = rng.randrange(60, 91)
    jitter = rng.choice([0, 0, 0, 2, 3]) if rng.random() < 0.5 else 0
    if jitter:
        traits.append("jitter")
    style = rng.random()
    blocks: list[list[str]] = []  # the wrapped lines of each paragraph
    if style < 0.15:
        traits.append("blank-lines")
        blocks = [_wrap(paragraph, width, jitter, rng) for paragraph in paragraphs]
    elif style < 0.2:
        traits.append("unwrapped")
        blocks = [[paragraph] for paragraph in paragraphs]
    else:
        strays = set(
            rng.sample(range(len(paragraphs)), k=min(len(paragraphs), rng.choice([0, 0, 1, 2])))
        )
        if strays:
            traits.append("stray-lines")
        for index, paragraph in enumerate(paragraphs):
            wrapped = _with_stray_break(paragraph, width, jitter, rng) if index in strays else None
            blocks.append(wrapped or _wrap(paragraph, width, jitter, rng))
    blank_lines = style < 0.15
    if noise is not None:
        paragraphs, body = body_noise(
            paragraphs, blocks, blank_lines, width, jitter, noise, traits, debris
        )
    else:
        body = [line for block in blocks for line in [*block, ""][: len(block) + blank_lines]]
        if blank_lines:
            body.pop()
    lines.extend(body)
    if rng.random() < 0.6:
        footer = [
            line.format(
                name=rng.choice(_names(rng, 1)),
                time=f"{rng.randrange(1, 12)}:{rng.randrange(60):02d} PM",
                n=rng.randrange(2, 40),
                year=2020,
                site="World News Blog",
            )
            for line in rng.choice(FOOTERS)
        ]
        if rng.random() < 0.5:
            lines.append("")
        if noise is not None:
            footer = tail_noise(footer, noise, traits)
        lines.extend(footer)
        debris.extend(footer)
        traits.append("footer")
    elif noise is not None:
        footer = tail_noise([], noise, traits)
        lines.extend(footer)
        debris.extend(footer)
    text = "\n".join(lines) + ("\n" if rng.random() < 0.8 else "")
    if noise is not None:
        text = whitespace_noise(text, noise, traits)
    if rng.random() < 0.1:
        text = text.replace("\n", "\r\n")
        traits.append("crlf")
    encoding = rng.choices(["utf-8", "utf-8-sig", "utf-16", "cp1252"], weights=[75, 8, 7, 10])[0]
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        encoding, data = "utf-8", text.encode("utf-8")
    traits.append(encoding)
    return Capture(
        article=article,
        data=data,
        encoding=encoding,
        title=article.title,
        authors=authors,
        date=day.isoformat() if has_date and day else None,
        url=url,
        paragraphs=paragraphs,
        debris=debris,
        traits=traits,
    )


def make_captures(
    articles: list[CorpusArticle], seed: int = 2, noise: bool = False
) -> list[Capture]:
    """One capture per article; the same seed gives the same captures. ``noise`` adds the
    debris of real copies (ads, links, credits, PDF pages and hyphenation...) from a
    generator of its own: the captures are otherwise those without it."""
    rng = random.Random(seed)
    extra = random.Random(seed * 7919 + 17) if noise else None
    return [make_capture(article, rng, extra) for article in articles]


# Saved web pages: the same articles inside a news-site template with the usual clutter.
_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
{author_meta}{date_meta}<link rel="canonical" href="{url}">
<style>.share {{ display: flex }} body {{ font-family: serif }}</style>
<script>window.dataLayer = [{{"event": "pageview"}}]; function track() {{}}</script>
</head>
<body onload="track()">
<header><a href="/">{site}</a><nav><a href="/world">World</a> <a href="/politics">Politics</a>
<a href="/sport">Sport</a> <a href="/subscribe">Subscribe</a></nav></header>
<main><article>
<h1>{title}</h1>
{byline}{dateline}<div class="share"><a href="#" onclick="track()">Share this:</a> <a href="#">Twitter</a> <a href="#">Facebook</a></div>
{body}
</article>
<aside class="related"><h2>Related articles</h2><ul>{related}</ul></aside>
<section id="comments" class="comments"><h3>{n} comments</h3>
<div class="comment"><p>{commenter} said: This is a comment, not part of the article.</p></div>
</section></main>
<footer><p>© 2020 {site}. All rights reserved.</p><script>track()</script></footer>
</body></html>
"""


def make_html_capture(article: CorpusArticle, rng: random.Random) -> Capture:
    """A saved page of ``article``: metadata in the head, clutter around the text."""
    from html import escape

    authors = _names(rng, rng.choice([1, 2])) if rng.random() < 0.7 else []
    has_date = article.date is not None and rng.random() < 0.9
    paragraphs = list(article.paragraphs)
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    related = "".join(f'<li><a href="/a{i}">Another story number {i}</a></li>' for i in range(3))
    page = _PAGE.format(
        title=escape(article.title),
        site="World News Blog",
        url=escape(article.url),
        author_meta=f'<meta name="author" content="{escape(", ".join(authors))}">\n'
        if authors
        else "",
        date_meta=f'<meta property="article:published_time" content="{article.date}T10:00:00Z">\n'
        if has_date
        else "",
        byline=f'<p class="byline">By {escape(" and ".join(authors))}</p>\n' if authors else "",
        dateline="",
        body=body,
        related=related,
        n=rng.randrange(2, 40),
        commenter=rng.choice(FIRST),
    )
    return Capture(
        article=article,
        data=page.encode("utf-8"),
        encoding="utf-8",
        title=article.title,
        authors=authors,
        date=article.date if has_date else None,
        url=article.url,
        paragraphs=paragraphs,
        debris=[
            "Share this:",
            "This is a comment, not part of the article.",
            "Related articles",
            "All rights reserved.",
        ],
        traits=["html"],
    )


def make_html_captures(articles: list[CorpusArticle], seed: int = 2) -> list[Capture]:
    rng = random.Random(seed * 1000 + 1)  # its own stream: text captures stay as they were
    return [make_html_capture(article, rng) for article in articles]


# Noise: the debris of real copies, which the captures above never contain. Text copied from
# a news page brings advertising slots, links to other stories, image credits and captions
# along; text copied from a PDF brings page numbers, running heads and words hyphenated at
# line ends. All the phrases and headlines here are made up for the purpose.

AD_LINES = [
    "Advertisement",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Continue reading the main story",
    "Skip advertisement",
    "Article continues below advertisement",
]
OTHER_HEADLINES = [
    "Council approves new budget for schools",
    "Storm leaves thousands without power",
    "Five things to know about the vote",
    "What happens next for the talks?",
    "Ministers face questions over rail delays",
]
LINK_LINES = ["Read more: {other}", "RELATED: {other}", "Related: {other}", "See also: {other}"]
CREDIT_LINES = [
    "Photo: {name}/Reuters",
    "(AP Photo/{name})",
    "Getty Images",
    "{name}/AFP via Getty Images",
    "Image source, Getty Images",
    "Photograph: {name}/EPA",
]
CAPTIONS = [
    "People gather near the site on {weekday}. (AP Photo/{name})",
    "A view of the building in an undated picture. Photo: {name}/Reuters",
    "Image caption, Officials met on {weekday} to discuss the plan",
    "Volunteers hand out supplies on {weekday}. (Photo: {name})",
]
RUNNING_HEADS = [
    "The Evening Courier",
    "WORLD REPORT",
    "Global Affairs Review",
    "The Weekly Ledger",
]
PAGE_MARKS = ["{n}", "Page {n} of {m}", "- {n} -", "Page {n}"]
DATELINES = ["LONDON (Reuters) - ", "WASHINGTON (AP) — ", "GENEVA, March 3 (AFP) - ", "PARIS — "]
RELATIVE_DATES = ["Updated 3 hours ago", "2 hours ago", "Updated: 45 minutes ago", "Yesterday"]


def header_noise(
    ordered: list[tuple[str, list[str]]],
    authors: list[str],
    rng: random.Random,
    traits: list[str],
) -> list[tuple[str, list[str]]]:
    """A byline split over lines ("By" / "Jane Doe" / "and John Roe"), an "Updated 3 hours
    ago" line."""
    if len(authors) >= 2 and "byline-with-date" not in traits and rng.random() < 0.2:
        split = ["By", *(a + "," for a in authors[:-2]), authors[-2], f"and {authors[-1]}"]
        ordered = [("byline", split) if kind == "byline" else (kind, b) for kind, b in ordered]
        traits.append("byline-split")
    if rng.random() < 0.1:
        ordered = [*ordered, ("date", [rng.choice(RELATIVE_DATES)])]
        traits.append("relative-date")
    return ordered


def _syllable_cut(word: str, room: int) -> int:
    """Where a typesetter could hyphenate ``word`` with at most ``room`` characters (the
    hyphen included) on the line: between two consonants, or before a consonant that starts
    a syllable; 0 if nowhere. Only plain lower-case words of 7 letters or more are cut."""
    core = word.rstrip(".,;:!?\"'”’)")
    if len(core) < 7 or not core.isalpha() or not core.islower():
        return 0
    vowels = set("aeiouy")
    for cut in range(min(room - 1, len(core) - 3), 2, -1):
        left, right = core[cut - 1], core[cut]
        after = core[cut + 1] if cut + 1 < len(core) else ""
        if (left not in vowels and right not in vowels and after in vowels) or (
            left in vowels and right not in vowels and after in vowels
        ):
            return cut
    return 0


def _typeset(paragraphs: list[str], width: int) -> list[str]:
    """Lines of a PDF's column: filled to ``width``, long words hyphenated at the end of a
    line, compounds broken after their hyphen, no blank line between paragraphs."""
    lines: list[str] = []
    for paragraph in paragraphs:
        current = ""
        for word in paragraph.split():
            candidate = f"{current} {word}" if current else word
            if len(candidate) <= width or not current:
                current = candidate
                continue
            room = width - len(current) - 1
            head = word.split("-")[0] + "-" if "-" in word[1:-1] else ""
            if head and len(head) <= room:
                lines.append(f"{current} {head}")
                current = word[len(head) :]
                continue
            cut = _syllable_cut(word, room)
            if cut:
                lines.append(f"{current} {word[:cut]}-")
                current = word[cut:]
                continue
            lines.append(current)
            current = word
        lines.append(current)
    return lines


def _paginate(
    lines: list[str], rng: random.Random, debris: list[str], traits: list[str]
) -> list[str]:
    """Page furniture every 30-45 lines: a page number or marker at the foot, a running
    head at the top, or both; with blank lines around them or not."""
    foot = rng.choice([*PAGE_MARKS, None])
    head = rng.choice([*RUNNING_HEADS, None]) if foot else rng.choice(RUNNING_HEADS)
    blanks = rng.random() < 0.5
    page_length = rng.randrange(30, 46)
    pages = (len(lines) + page_length - 1) // page_length
    out: list[str] = []
    for number in range(1, pages + 1):
        page = lines[(number - 1) * page_length : number * page_length]
        out.extend(page)
        if number == pages:
            break
        furniture = []
        if foot:
            furniture.append(foot.format(n=number, m=pages))
        if head:
            furniture.append(f"{head} {number + 1}" if rng.random() < 0.5 else head)
        debris.extend(furniture)
        out.extend([""] * blanks + furniture + [""] * blanks)
    traits.append("pdf-pages")
    return out


def body_noise(
    paragraphs: list[str],
    blocks: list[list[str]],
    blank_lines: bool,
    width: int,
    jitter: int,
    rng: random.Random,
    traits: list[str],
    debris: list[str],
) -> tuple[list[str], list[str]]:
    """(true paragraphs, body lines) with the noise of a real copy; ``blocks`` are the
    wrapped lines of each paragraph of the clean capture."""
    paragraphs, blocks = list(paragraphs), [list(b) for b in blocks]
    unwrapped = all(len(b) == 1 for b in blocks) and max(map(len, paragraphs)) > 160

    def rewrap(index: int) -> None:
        blocks[index] = (
            [paragraphs[index]] if unwrapped else _wrap(paragraphs[index], width, jitter, rng)
        )

    if rng.random() < 0.1:
        paragraphs[0] = rng.choice(DATELINES) + paragraphs[0]
        rewrap(0)
        traits.append("dateline")
    if rng.random() < 0.1 and len(paragraphs) > 2:
        for number, index in enumerate(sorted(rng.sample(range(len(paragraphs)), 2)), start=1):
            if _SENTENCE_END.search(paragraphs[index]):
                paragraphs[index] += rng.choice([f"[{number}]", "*", "¹"])
                rewrap(index)
        traits.append("footnotes")
    if not blank_lines and not unwrapped and rng.random() < 0.15:
        # A PDF: typeset with hyphenation, page furniture between pages.
        traits.append("pdf-hyphens")
        body = _paginate(_typeset(paragraphs, rng.randrange(60, 101)), rng, debris, traits)
        return paragraphs, body
    inserts: dict[int, list[str]] = {}  # paragraph index → debris block before it
    if len(paragraphs) > 2 and rng.random() < 0.35:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        weekday = rng.choice(WEEKDAYS_EN)
        kinds = rng.sample(["ads", "links", "credits", "captions"], k=rng.randrange(1, 3))
        for kind in kinds:
            where = rng.randrange(1, len(paragraphs))
            if kind == "ads":
                block = [rng.choice(AD_LINES)]
            elif kind == "links":
                block = [rng.choice(LINK_LINES).format(other=rng.choice(OTHER_HEADLINES))]
            elif kind == "credits":
                block = [rng.choice(CREDIT_LINES).format(name=name)]
            else:
                block = [rng.choice(CAPTIONS).format(name=name, weekday=weekday)]
            inserts.setdefault(where, []).extend(block)
            debris.extend(block)
            traits.append(kind)
    around = blank_lines or rng.random() < 0.5
    body: list[str] = []
    for index, block in enumerate(blocks):
        if index in inserts:
            body.extend([""] * around + inserts[index] + [""] * around)
        elif index and blank_lines:
            body.append("")
        body.extend(block)
    return paragraphs, body


def tail_noise(footer: list[str], rng: random.Random, traits: list[str]) -> list[str]:
    """Links to other stories stuck to the end, with no blank line before the footer."""
    if rng.random() >= 0.2:
        return footer
    links = [
        rng.choice(LINK_LINES).format(other=other)
        for other in rng.sample(OTHER_HEADLINES, k=rng.randrange(1, 3))
    ]
    traits.append("tail-links")
    return [*links, "Share this article", *footer] if rng.random() < 0.5 else [*footer, *links]


def whitespace_noise(text: str, rng: random.Random, traits: list[str]) -> str:
    """Non-breaking spaces between some words, trailing spaces and tabs."""
    if rng.random() >= 0.1:
        return text
    traits.append("whitespace")
    out = []
    for line in text.split("\n"):
        if line.strip() and rng.random() < 0.3:
            line = line.replace(" ", "\u00a0", 1)
        if line.strip() and rng.random() < 0.3:
            line += rng.choice(["  ", "\t", " \t "])
        out.append(line)
    return "\n".join(out)
