"""Ingest throughput for plain-text captures (files per second, one core).

The files are synthetic captures of the Wikinews corpus (``eval/captures.py``, fixed seed:
wrapped text, headers, footers, several encodings) written to a temporary folder, plus the
captures in ``content/sources/``. Baseline, measured in the same run on the same files:
reading each file and decoding its bytes with the codec it was written in (the floor for
any ingest). Target (issue 2): at least 200 files/s.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_FILES_PER_SECOND = 200
ROUNDS = 3


def _captures(folder: Path) -> list[tuple[Path, str]]:
    """(path, encoding) of every capture to measure, written into ``folder``."""
    files: list[tuple[Path, str]] = []
    try:
        from eval.captures import make_captures
        from eval.corpus import CORPUS, load_corpus

        if CORPUS.exists():
            for number, capture in enumerate(make_captures(load_corpus(), seed=2)):
                path = folder / f"{number:04d}.txt"
                path.write_bytes(capture.data)
                files.append((path, capture.encoding))
    except ImportError:
        pass
    for path in sorted((ROOT / "content" / "sources").glob("*.txt")):
        files.append((path, "utf-8"))
    return files


def _best_rate(work: Callable[[Path, str], None], files: list[tuple[Path, str]]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        start = time.perf_counter()
        for path, encoding in files:
            work(path, encoding)
        best = min(best, time.perf_counter() - start)
    return len(files) / best


def main() -> None:
    from gloss.ingest import ingest_path

    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as tmp:
        files = _captures(Path(tmp))
        size = sum(path.stat().st_size for path, _ in files)

        def baseline(path: Path, encoding: str) -> None:
            path.read_bytes().decode(encoding)

        def ingest(path: Path, encoding: str) -> None:
            ingest_path(path)

        for path, encoding in files[:20]:  # warm up: data files, lazy imports
            ingest(path, encoding)
        base_rate = _best_rate(baseline, files)
        ingest_rate = _best_rate(ingest, files)
    verdict = "meets" if ingest_rate >= TARGET_FILES_PER_SECOND else "MISSES"
    print(
        f"ingest: {len(files)} text captures, {size / 1e6:.1f} MB, best of {ROUNDS} rounds, one core"
    )
    print(f"  baseline (read + decode):   {base_rate:10.0f} files/s")
    print(
        f"  gloss.ingest.ingest_path:   {ingest_rate:10.0f} files/s  ({1000 / ingest_rate:.2f} ms/file)"
    )
    print(
        f"  ratio ingest/baseline:      {ingest_rate / base_rate:10.4f}  (baseline is {base_rate / ingest_rate:.0f}x faster)"
    )
    print(f"  target {TARGET_FILES_PER_SECOND} files/s: {verdict}")


if __name__ == "__main__":
    main()
