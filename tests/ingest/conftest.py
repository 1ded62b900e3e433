"""The evaluation package (``eval/`` at the project root) is imported by some ingest tests;
make it importable however pytest is started (``python -m pytest`` adds the working folder
to ``sys.path``, the ``pytest`` script does not)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
