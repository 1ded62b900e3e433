"""`make bench`: every benchmark prints ratios against a baseline measured in the same run.

Each module in this package named ``bench_*.py`` has a ``main() -> None`` that measures and
prints its own figures. Run one alone with ``python -m bench NAME`` (e.g. ``ingest``).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(
        m.name[len("bench_") :]
        for m in pkgutil.iter_modules([str(here)])
        if m.name.startswith("bench_")
    )
    chosen = argv or names
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        print(
            f"bench: unknown benchmark(s) {', '.join(unknown)}; have {', '.join(names)}",
            file=sys.stderr,
        )
        return 2
    for name in chosen:
        print(f"== {name}", flush=True)
        importlib.import_module(f"bench.bench_{name}").main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
