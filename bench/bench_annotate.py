"""Annotation engine: throughput against bare spaCy, warm-cache time, peak memory (issue 3).

On the same texts in one run (the first ``GLOSS_BENCH_ANNOTATE_N`` articles of the Wikinews
corpus, default 60, else the posts in content/articles):

- tokens per second of the engine with a cold cache (parse, entities, claims, curation) against
  bare ``nlp.pipe`` of the full default pipeline (every component, as `spacy.load` gives it),
  with the same worker count. Targets: ratio >= 0.9, past 1.0 by skipping what the
  extraction does not need. Both are timed ROUNDS times, interleaved (alternating which goes
  first), best time kept, since the machine may be shared; the ratio of CPU times (this
  process and its workers) is printed too, as it moves less with other people's load.
- time per article with a warm cache (target <= 5 ms);
- peak memory: the process's maximum resident set, and the Python-level peak of one cold
  engine run (tracemalloc, measured in a separate, untimed run).

Run alone: ``.venv/bin/python -m bench annotate``.
"""

from __future__ import annotations

import json
import os
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path

from eval.corpus import CORPUS as DEFAULT_CORPUS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("GLOSS_BENCH_CORPUS", DEFAULT_CORPUS))
N_ARTICLES = int(os.environ.get("GLOSS_BENCH_ANNOTATE_N", "60"))
ROUNDS = 3
WARM_TARGET_MS = 5.0
RATIO_TARGET = 0.9


def load_texts() -> list[str]:
    if CORPUS.is_file():
        texts = []
        with CORPUS.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                if record.get("paragraphs"):
                    texts.append("\n\n".join(record["paragraphs"]) + "\n")
        return texts[:N_ARTICLES]
    posts = sorted((ROOT / "content" / "articles").rglob("*.md"))
    return [p.read_text(encoding="utf-8").split("\n\n", 1)[-1] for p in posts][:N_ARTICLES]


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _fmt(values: list[float]) -> str:
    return "/".join(f"{v:.1f}" for v in values)


def main() -> None:
    import spacy
    from gloss.annotate import Annotator, load_curation
    from gloss.annotate.nlp import DEFAULT_MODEL, _resolve_model_name, plan_workers

    texts = load_texts()
    if not texts:
        print("annotate: no texts to measure (corpus and content/articles are empty)")
        return
    chars = sum(len(t) for t in texts)
    workers = plan_workers(chars)
    curation = load_curation(ROOT / "content")
    full = spacy.load(_resolve_model_name(DEFAULT_MODEL))  # the full default pipeline
    tokens = sum(len(doc) for doc in full.pipe(texts[:2]))  # warm-up
    engine = Annotator(workers=workers, cache_dir=None, curation=curation)
    engine.annotate_texts(texts[:2])  # loads the engine's pipeline

    def timed(run):  # (wall seconds, CPU seconds of this process and its workers)
        wall, cpu = time.perf_counter(), _cpu_seconds()
        result = run()
        return time.perf_counter() - wall, _cpu_seconds() - cpu, result

    bare_times, engine_times, bare_cpu, engine_cpu = [], [], [], []
    for round_ in range(ROUNDS):
        # Alternate which goes first: on a shared machine, load comes and goes.
        order = ("bare", "engine") if round_ % 2 == 0 else ("engine", "bare")
        for which in order:
            if which == "bare":
                wall, cpu, tokens = timed(
                    lambda: sum(len(doc) for doc in full.pipe(texts, n_process=workers))
                )
                bare_times.append(wall)
                bare_cpu.append(cpu)
                continue
            with tempfile.TemporaryDirectory() as cache:
                cold = Annotator(workers=workers, cache_dir=cache, curation=curation)
                wall, cpu, records = timed(lambda cold=cold: cold.annotate_texts(texts))
                engine_times.append(wall)
                engine_cpu.append(cpu)
                warm = Annotator(workers=workers, cache_dir=cache, curation=curation)
                warm_time, _, warm_records = timed(lambda warm=warm: warm.annotate_texts(texts))
                assert warm_records == records, "a warm cache must give the same records"
    bare, cold_time = min(bare_times), min(engine_times)
    bare_rate, engine_rate = tokens / bare, tokens / cold_time
    ratio = engine_rate / bare_rate
    cpu_ratio = min(bare_cpu) / min(engine_cpu)
    warm_ms = 1000 * warm_time / len(texts)

    tracemalloc.start()
    Annotator(workers=1, cache_dir=None, curation=curation).annotate_texts(texts)
    _, python_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    entities = sum(len(r["entities"]) for r in records)
    claims = sum(len(r["claims"]) for r in records)
    print(
        f"texts: {len(texts)} articles, {chars:,} characters, {tokens:,} tokens; "
        f"workers {workers}; found {entities} entities, {claims} claims"
    )
    print(f"bare nlp.pipe, full pipeline ({', '.join(full.pipe_names)}): {bare_rate:,.0f} tokens/s")
    print(
        f"gloss engine, cold cache ({', '.join(engine.nlp.pipe_names)}): {engine_rate:,.0f} tokens/s"
    )
    verdict = "ok" if ratio >= RATIO_TARGET else "BELOW TARGET"
    print(f"ratio engine/bare: {ratio:.2f}x wall clock (target >= {RATIO_TARGET}x) {verdict}")
    print(
        f"ratio engine/bare by CPU time: {cpu_ratio:.2f}x (steadier on a shared machine); "
        f"rounds wall s: bare {_fmt(bare_times)}, engine {_fmt(engine_times)}"
    )
    verdict = "ok" if warm_ms <= WARM_TARGET_MS else "ABOVE TARGET"
    print(f"warm cache: {warm_ms:.2f} ms per article (target <= {WARM_TARGET_MS} ms) {verdict}")
    print(
        f"peak memory: {rss_mb:,.0f} MB resident (process, both pipelines loaded); "
        f"{python_peak / 2**20:,.0f} MB Python peak of one cold engine run"
    )


if __name__ == "__main__":
    main()
