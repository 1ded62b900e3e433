"""The ``gloss`` command: ``gloss ingest`` and ``gloss annotate``.

Each subcommand lives in its own module (``gloss.ingest.command``,
``gloss.annotate.command``), which adds its arguments to the parser and runs it.
Exit status: 0 all done, 1 some inputs failed (the rest were processed), 2 bad usage,
130 interrupted (Ctrl-C), 141 the reader of the output went away (`gloss … | head`).
"""

from __future__ import annotations

import argparse
import os
import sys

from gloss import __version__
from gloss.errors import GlossError

# What a shell reports for a command ended by SIGPIPE (128 + 13), as `yes | head` gives.
EXIT_BROKEN_PIPE = 141
EXIT_INTERRUPTED = 130

DESCRIPTION = """\
Gloss turns raw captures of news articles into clean Markdown posts (ingest) and
finds the entities and attributed claims in article text (annotate). `make html`
runs both and builds the static archive with Pelican.
"""

EPILOG = """\
exit status: 0 all inputs done, 1 some inputs failed (the rest were processed),
2 bad usage. Run `gloss COMMAND --help` for each command's options.
"""


def build_parser() -> argparse.ArgumentParser:
    from gloss.annotate import command as annotate_command
    from gloss.ingest import command as ingest_command

    parser = argparse.ArgumentParser(
        prog="gloss",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"gloss {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    ingest_command.add_parser(sub)
    annotate_command.add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args) or 0)
    except KeyboardInterrupt:
        print("gloss: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader closed the pipe (`gloss ingest --json DIR | head`): nothing is wrong
        # with the input, so no traceback. Point stdout at /dev/null first, or Python's
        # final flush of the buffered output fails again on exit.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except GlossError as err:
        # Subcommands report bad inputs themselves; this catches one that escapes them
        # (a bad setting, an unreadable folder) so it is still one line, not a traceback.
        print(f"gloss {args.command}: {err}", file=sys.stderr)
        return 1


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (tests capturing it)
        pass
    finally:
        os.close(devnull)
