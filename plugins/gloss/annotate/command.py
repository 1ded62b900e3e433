"""``gloss annotate``: find the entities and attributed claims in article texts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gloss.annotate.cache import DEFAULT_CACHE_DIR
from gloss.annotate.curation import Curation, load_curation
from gloss.annotate.engine import Annotator, text_sha256
from gloss.annotate.model import empty_record
from gloss.annotate.nlp import DEFAULT_MODEL
from gloss.errors import GlossError
from gloss.ingest.decode import decode_bytes

HELP = "find entities and attributed claims in article texts"

DESCRIPTION = """\
Find the named entities (people, organisations, places, ...) and the attributed claims
(who said what) in plain article texts, paragraphs separated by blank lines. Files are
decoded like `gloss ingest` reads captures (UTF-8, UTF-16, Windows-1252, ...; CRLF line
ends become LF, mojibake is repaired); offsets count in the decoded text. An empty, binary
or over-5 MB file is an error.

Without --json, prints a short summary per input. With --json, prints one
gloss.annotations/1 object per input, one a line, in input order (schema in
plugins/gloss/data/schema/gloss.annotations-1.json; offsets are code points, end
exclusive). An input that cannot be read or annotated gives a valid object with an "error",
empty lists (and, if it could not be read, the hash of the empty text); the other
inputs are still done.

The archive's curation files are applied: CONTENT/entities.yml (canonical names, aliases,
names to ignore) and CONTENT/annotations/<slug>.yml, where <slug> is the input's file name
without extension. Mistakes in them are reported with file and line and skipped.
"""

EPILOG = """\
examples:
  gloss annotate content/sources/000_8877f4eaf635df03.txt
  gloss annotate --json article.txt other.txt > annotations.jsonl
  cat article.txt | gloss annotate --json -
  gloss annotate --json --no-cache --workers 1 article.txt

exit status: 0 all inputs done, 1 some inputs failed (the rest were processed),
2 bad usage. See docs/annotate.md.
"""


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def _folder(value: str) -> Path:
    """A folder argument: one that does not exist yet is fine (a cache is created, no curation
    is no curation), but an existing file would be silently ignored, so it is bad usage."""
    path = Path(value)
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"not a folder: {value!r}")
    return path


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "annotate",
        help=HELP,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "paths", nargs="+", metavar="PATH", help="a text file, or - for standard input"
    )
    parser.add_argument("--json", action="store_true", help="print gloss.annotations/1 JSON lines")
    parser.add_argument(
        "--model",
        default=DEFAULT_MODEL,
        metavar="NAME",
        help=f"installed spaCy pipeline to use (default: {DEFAULT_MODEL})",
    )
    parser.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="processes for parsing (default: the machine's cores; small batches use one)",
    )
    cache = parser.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache-dir",
        type=_folder,
        default=DEFAULT_CACHE_DIR,
        metavar="DIR",
        help=f"cache of the model's output by content hash (default: {DEFAULT_CACHE_DIR})",
    )
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    curation = parser.add_mutually_exclusive_group()
    curation.add_argument(
        "--content",
        type=_folder,
        default=Path("content"),
        metavar="DIR",
        help="folder holding entities.yml and annotations/ (default: content)",
    )
    curation.add_argument(
        "--no-curation", action="store_true", help="ignore the curation files: the engine alone"
    )
    parser.add_argument(
        "--raw-entities",
        action="store_true",
        help="report the model's entity spans uncleaned and ungrouped (to measure the engine)",
    )
    parser.set_defaults(run=run)
    return parser


def read_input(path: str) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it cannot be read, in one line). The bytes are decoded the
    way ``gloss ingest`` decodes a capture, with its errors for empty, binary and huge files."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except IsADirectoryError:
        return None, "is a folder, not a text file"
    except OSError as exc:
        return None, exc.strerror or str(exc)
    try:
        text, _encoding = decode_bytes(data, path)
    except GlossError as exc:
        return None, exc.message
    return text, None


def _summary(record: dict[str, Any]) -> str:
    source = record.get("source") or "-"
    if "error" in record:
        return f"{source}: failed: {record['error']}"
    lines = [f"{source}: {len(record['entities'])} entities, {len(record['claims'])} claims"]
    for e in record["entities"]:
        lines.append(f"  {e['label']:<11} {e['name']} ({len(e['mentions'])}×)")
    for c in record["claims"]:
        speaker = c.get("speaker") or {}
        content = " ".join(((c.get("content") or {}).get("text") or "").split())
        if len(content) > 70:
            content = content[:67] + "..."
        lines.append(f"  {c['id']:<4} {speaker.get('name') or '?'} [{c.get('mode')}]: {content}")
    return "\n".join(lines)


def _load_curation(args: argparse.Namespace) -> Curation | None:
    if args.no_curation or args.raw_entities:
        return None
    curation = load_curation(args.content)
    for error in curation.errors:
        print(f"gloss annotate: {error}", file=sys.stderr)
    return curation


def run(args: argparse.Namespace) -> int:
    try:
        annotator = Annotator(
            model=args.model,
            workers=args.workers,
            cache_dir=None if args.no_cache else args.cache_dir,
            curation=_load_curation(args),
            raw_entities=args.raw_entities,
        )
        texts: list[str] = []
        sources: list[str] = []
        slugs: list[str | None] = []
        failed: dict[int, str] = {}
        for i, path in enumerate(args.paths):
            text, problem = read_input(path)
            if problem is not None:
                failed[i] = problem
                continue
            assert text is not None
            texts.append(text)
            sources.append(path)
            slugs.append(None if path == "-" else Path(path).stem)
        records = iter(_annotate(annotator, texts, sources, slugs))
        for warning in annotator.curation.unmatched if annotator.curation else []:
            print(f"gloss annotate: warning: {warning}", file=sys.stderr)
    except GlossError as exc:
        print(f"gloss annotate: {exc}", file=sys.stderr)
        return 1
    status = 0
    for i, path in enumerate(args.paths):
        if i in failed:
            # Still a valid record (empty lists, the hash of the empty text it stands for),
            # so that a consumer validating every line against the schema keeps going.
            record: dict[str, Any] = {**empty_record(path, text_sha256("")), "error": failed[i]}
        else:
            record = next(records)
        if "error" in record:
            status = 1
            print(f"gloss annotate: {path}: {record['error']}", file=sys.stderr)
        if args.json:
            print(json.dumps(record, ensure_ascii=False), flush=False)
        else:
            print(_summary(record))
    sys.stdout.flush()
    return status


def _annotate(
    annotator: Annotator, texts: list[str], sources: list[str], slugs: list[str | None]
) -> list[dict[str, Any]]:
    """Annotate with a progress bar on an interactive terminal."""
    if len(texts) < 2 or not sys.stderr.isatty():
        return annotator.annotate_texts(texts, sources, slugs)
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("annotating", total=len(texts))
        return annotator.annotate_texts(
            texts, sources, slugs, progress=lambda done, total: bar.update(task, completed=done)
        )
