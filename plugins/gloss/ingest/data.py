"""Loading the ingest data files in ``plugins/gloss/data/`` (cached: read once per process)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@cache
def load_yaml(name: str) -> dict[str, Any]:
    """``plugins/gloss/data/<name>`` parsed as YAML."""
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


@cache
def load_lines(relative: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a text data file (``#`` starts a comment line)."""
    path = DATA_DIR / relative
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return tuple(lines)
