"""``gloss ingest``: captures → Markdown posts (or JSON records with ``--json``)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from gloss.errors import GlossError

if TYPE_CHECKING:
    from rich.progress import Progress

    from gloss.ingest.store import PostStore

CAPTURE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".xhtml"}
PROGRESS_FROM = 50  # show a progress bar for this many files even without a terminal

HELP = "turn raw captures (text or HTML) into clean Markdown posts"
DESCRIPTION = """\
Read raw captures of news articles (plain text or saved HTML pages, any common encoding)
and clean them: header (title, subtitle, authors, date, URL), hard-wrapped lines joined
into paragraphs, blog and share-widget debris removed from the top and bottom.

Without --json, writes one Pelican Markdown post per new capture under
DIR/<year>/<slug>.md (DIR/undated/ without a date) and prints one line per input:
written, skipped and why, or failed and why. Existing posts are never overwritten; an
unchanged capture is a no-op (--quiet leaves out its line).
With --json, writes nothing and prints one JSON object per input, one a line, in input
order: {"source", "title", "subtitle", "authors", "date", "url", "publisher", "lang",
"paragraphs", "dropped"} (a field not found is null, authors []), or {"source", "error"}.
"""
EPILOG = """\
PATH may be a folder: its .txt/.html/.htm files are read in name order (sub-folders too).
--force rewrites posts whose capture changed (or to apply a newer Gloss), but only posts
nobody edited by hand (each post carries a hash of what Gloss wrote); edited ones are
refused with a message.

exit status: 0 all inputs done, 1 some inputs failed (the rest were processed),
2 bad usage.

examples:
  gloss ingest content/sources            ingest every new capture (`make ingest`)
  gloss ingest --quiet content/sources    the same, silent about unchanged captures
                                          (what `make html` runs)
  gloss ingest --json capture.txt | jq .  see what would be extracted, write nothing
"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "ingest",
        help=HELP,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="capture file or folder of captures"
    )
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--json", action="store_true", help="print JSON records, one per input, and write nothing"
    )
    mode.add_argument(
        "--quiet",
        action="store_true",
        help="print only the lines that need a look (written, rewritten, skipped, refused, "
        "failed) and the summary, not one per unchanged capture",
    )
    parser.add_argument(
        "--force", action="store_true", help="rewrite existing posts that nobody edited by hand"
    )
    parser.add_argument(
        "--output",
        metavar="DIR",
        default="content/articles",
        help="folder for the posts (default: content/articles; capture paths are recorded relative to its parent)",
    )
    parser.set_defaults(run=run)
    return parser


def expand_inputs(paths: list[str]) -> Iterator[tuple[str, GlossError | None]]:
    """Each capture file named or found in a named folder, in order; a missing PATH is an
    input that failed (the others are still processed)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in CAPTURE_SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for file in found:
                yield str(file), None
        elif path.exists():
            yield raw, None
        else:
            yield raw, GlossError("no such file or folder", path=raw)


# --quiet leaves out the lines of captures that needed nothing: in a large archive, `make html`
# would otherwise print hundreds of them and bury the one that failed.
QUIET_STATUSES = {"unchanged"}


def _progress(total: int, quiet: bool = False) -> Progress | None:
    """A rich progress bar on stderr when it helps (a terminal, or a long run); else None.
    Quiet runs show it on a terminal only: in a log, its final count is one more line."""
    if total < 2 or not (sys.stderr.isatty() or (total >= PROGRESS_FROM and not quiet)):
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=sys.stderr.isatty(),  # elsewhere (a log), leave the final count behind
    )


def run(args: argparse.Namespace) -> int:
    """Ingest every input; exit status 1 if any failed (the others are still processed)."""
    from gloss.ingest.store import PostStore

    inputs = list(expand_inputs(args.paths))
    store = None if args.json else PostStore(args.output)
    counts: Counter[str] = Counter()
    progress = _progress(len(inputs), quiet=args.quiet)
    task = progress.add_task("ingest", total=len(inputs)) if progress else None
    out = sys.stdout  # rich's live display moves these lines above the bar on a terminal
    if progress:
        progress.start()
    try:
        for source, error in inputs:
            status, line = _one(source, error, args, store)
            counts[status] += 1
            if not (args.quiet and status in QUIET_STATUSES):
                print(line, file=out, flush=True)
            if progress and task is not None:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if not args.json:
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        print(f"ingest: {len(inputs)} input(s): {summary or 'nothing to do'}", file=sys.stderr)
    return 1 if counts["failed"] else 0


def _one(
    source: str, error: GlossError | None, args: argparse.Namespace, store: PostStore | None
) -> tuple[str, str]:
    """Process one input; returns (status, the line to print)."""
    from gloss.ingest.capture import ingest_path

    try:
        if error is not None:
            raise error
        article = ingest_path(source)
        if args.json or store is None:
            return "done", _json_line(article.to_json())
        outcome = store.save(article, source, force=args.force)
        return outcome.status, _report_line(source, outcome.status, outcome.message)
    except GlossError as exc:
        reason = exc.message if exc.path == source else str(exc)
        if args.json:
            return "failed", _json_line({"source": source, "error": reason})
        return "failed", _report_line(source, "failed", reason)
    except (OSError, UnicodeError, ValueError) as exc:  # unexpected but input-related
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())
        if args.json:
            return "failed", _json_line({"source": source, "error": reason})
        return "failed", _report_line(source, "failed", reason)


def _report_line(source: str, status: str, message: str) -> str:
    """``SOURCE: STATUS: message`` on one line, whatever the file is called: a newline or an
    escape sequence in a name is shown as ``\\n``, ``\\x1b`` (see ``printable_name``)."""
    from gloss.ingest.store import printable_name

    return printable_name(f"{source}: {status}: {message}")


def _json_line(record: dict[str, object]) -> str:
    """One JSON object; JSON escapes control characters itself, but a file name whose bytes
    are not UTF-8 (lone surrogates) cannot be printed as UTF-8: then everything is escaped."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line
