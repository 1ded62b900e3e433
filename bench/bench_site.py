"""Site build speed: Gloss against plain Pelican on the same corpus, measured in one run.

Corpus: the seed plus N Wikinews articles (``eval/data/wikinews.jsonl``) made into raw
captures and ingested into posts by ``gloss ingest``, in a temporary folder. Every build runs
``pelican`` in a fresh process (so plugin state never leaks between builds) and is timed from
the outside, wall clock.

- plain: Pelican with its default theme, no plugins, default settings (no reader cache);
- spaCy: load ``en_core_web_sm`` and parse the same texts (the floor of any annotation);
- Gloss cold: the project's settings, theme and plugin, empty caches;
- Gloss warm: the same again (Pelican's reader cache and Gloss's caches answer);
- Gloss one changed: one article's text edited, then a build (spaCy and the model load in the
  preload worker while Pelican reads: ``gloss.site.preload``);
- the same without the preload worker (``GLOSS_PRELOAD = False``: loaded in the build process);
- autoreload-style rebuilds: one process (as ``pelican --autoreload`` keeps), a warm build,
  then an article edited and ``Pelican.run()`` again; against plain Pelican rebuilt the same
  way in its own process. The model stays loaded between rebuilds, so an edit costs one parse.

Targets (issue 4): warm <= 1.0x plain, one changed <= 1.1x plain, cold <= 1.1x (plain + spaCy).
Plain builds are interleaved with the warm and one-changed builds (the same load from other work
for both), and the processor time of each kind of build is printed too (steadier than wall
clock on a shared machine).
Run alone: ``python -m bench site`` (``GLOSS_BENCH_ARTICLES`` sets N, default 100).
"""

from __future__ import annotations

import compileall
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.corpus import CORPUS as DEFAULT_CORPUS
from eval.corpus import wikinews_repost

ROOT = Path(__file__).resolve().parent.parent
CORPUS = DEFAULT_CORPUS
SEED = ROOT / "tests" / "fixtures" / "000_8877f4eaf635df03.txt"  # kept when content/ is emptied
PYTHON = sys.executable
REPEATS = 3


def make_corpus(folder: Path, count: int) -> Path:
    content = folder / "content"
    sources = content / "sources"
    sources.mkdir(parents=True)
    shutil.copy(SEED, sources / SEED.name)
    written = 0
    with CORPUS.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            if not article.get("date") or not article.get("paragraphs"):
                continue
            written += 1
            capture = sources / f"wn_{written:04d}.txt"
            capture.write_text(wikinews_repost(article), encoding="utf-8")
            if written == count:
                break
    subprocess.run(
        [PYTHON, "-m", "gloss", "ingest", "--output", str(content / "articles"), str(sources)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return content


def plain_settings(folder: Path, content: Path) -> Path:
    path = folder / "site_plain.py"
    path.write_text(
        f"PATH = {str(content)!r}\nARTICLE_PATHS = ['articles']\nSTATIC_PATHS = ['sources']\n"
        "TIMEZONE = 'UTC'\nSITEURL = ''\nRELATIVE_URLS = True\n",
        encoding="utf-8",
    )
    return path


def snapshot(folder: Path) -> Path:
    """A copy of the code, theme and settings: builds minutes apart must run the same code
    (the engine's cache key covers its own code, so any edit would turn a warm build cold)."""
    code = folder / "code"
    shutil.copytree(
        ROOT / "plugins", code / "plugins", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copytree(ROOT / "theme", code / "theme")
    shutil.copy(ROOT / "pelicanconf.py", code / "pelicanconf.py")
    # Byte-compiled like an installed package (pip compiles what it installs, and Pelican's own
    # modules are compiled): with PYTHONDONTWRITEBYTECODE set, every Gloss build would compile
    # the plugin's modules from source while plain Pelican never does.
    compileall.compile_dir(code / "plugins", quiet=1)
    return code


def gloss_settings(
    folder: Path, content: Path, code: Path = ROOT, name: str = "site_gloss", extra: str = ""
) -> Path:
    path = folder / f"{name}.py"  # not gloss.py: Pelican imports it as a module
    path.write_text(
        f"import sys\nsys.path.insert(0, {str(code)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PATH = {str(content)!r}\nTHEME = {str(code / 'theme')!r}\n"
        f"PLUGIN_PATHS = [{str(code / 'plugins')!r}]\n"
        f"CACHE_PATH = {str(folder / 'cache' / 'pelican')!r}\n"
        f"GLOSS_CACHE_PATH = {str(folder / 'cache' / 'gloss')!r}\n{extra}",
        encoding="utf-8",
    )
    return path


ENV = dict(os.environ)


SUMMARIES: dict[str, str] = {}  # the last "Gloss: ..." line of each kind of build
CPU: dict[str, float] = {}  # the least processor time (user + system) of each kind of build


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pelican(settings: Path, output: Path, kind: str = "") -> float:
    cpu_before = children_cpu()
    started = time.perf_counter()
    done = subprocess.run(
        [PYTHON, "-m", "pelican", "-s", str(settings), "-o", str(output)],
        check=True,
        capture_output=True,
        text=True,
        cwd=settings.parent,
        env=ENV,
    )
    elapsed = time.perf_counter() - started
    cpu = children_cpu() - cpu_before
    if kind:
        CPU[kind] = min(CPU.get(kind, cpu), cpu)
    summary = " ".join(done.stdout.split())
    if "Gloss:" in summary:
        SUMMARIES[kind] = summary[summary.index("Gloss:") :].split(" Done:")[0]
    return elapsed


# The same pipeline the engine loads (en_core_web_sm without the components it never uses),
# parsing the post bodies in one process: what any annotation must pay at least.
SPACY_SCRIPT = """
import sys
from gloss.annotate.nlp import load_pipeline
texts = [open(p, encoding="utf-8").read().split("\\n\\n", 1)[-1] for p in sys.argv[1:]]
nlp = load_pipeline("en_core_web_sm")
for doc in nlp.pipe(texts):
    pass
"""


def bare_spacy(posts: list[Path]) -> float:
    started = time.perf_counter()
    subprocess.run([PYTHON, "-c", SPACY_SCRIPT, *map(str, posts)], check=True, env=ENV)
    return time.perf_counter() - started


def best(measure, repeats: int = REPEATS) -> float:
    return min(measure() for _ in range(repeats))


EDITS = iter(range(1, 10**6))


def change_one_article(content: Path) -> None:
    """Append a sentence (a new one each time: the text is new to every cache)."""
    posts = sorted((content / "articles").rglob("*.md"))
    post = posts[len(posts) // 2]
    text = post.read_text(encoding="utf-8")
    post.write_text(
        text.rstrip("\n") + f" Officials in Paris said talks would resume on {next(EDITS)} May.\n",
        "utf-8",
    )


# Rebuilds in one process, as `pelican --autoreload` runs them: a first (warm) build, then for
# each round an article edited (by the parent, between rounds) and `Pelican.run()` again.
REBUILD_SCRIPT = """
import sys, time
from pelican import Pelican
from pelican.settings import read_settings
settings = read_settings(sys.argv[1], override={"OUTPUT_PATH": sys.argv[2]})
pelican = Pelican(settings)
pelican.run()
print("@@ready", flush=True)
for line in sys.stdin:
    started = time.perf_counter()
    pelican.run()
    print(f"@@{time.perf_counter() - started}", flush=True)
"""


def rebuilds(settings: Path, output: Path, content: Path, rounds: int = REPEATS) -> float:
    """The best of ``rounds`` in-process rebuilds, each after one article was edited."""
    process = subprocess.Popen(
        [PYTHON, "-c", REBUILD_SCRIPT, str(settings), str(output)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=settings.parent,
        env=ENV,
    )
    assert process.stdin is not None and process.stdout is not None

    def answer() -> str:  # the script's own lines start with @@ (Pelican prints too)
        for line in process.stdout:  # type: ignore[union-attr]
            if line.startswith("@@"):
                return line[2:].strip()
        raise RuntimeError("the rebuilding process ended early")

    times = []
    try:
        answer()  # the first build
        for _ in range(rounds):
            change_one_article(content)
            process.stdin.write("build\n")
            process.stdin.flush()
            times.append(float(answer()))
    finally:
        process.stdin.close()
        process.wait(timeout=120)
    return min(times)


def main() -> None:
    count = int(os.environ.get("GLOSS_BENCH_ARTICLES", "100"))
    with tempfile.TemporaryDirectory(prefix="gloss-bench-site-") as tmp:
        folder = Path(tmp)
        content = make_corpus(folder, count)
        posts = sorted((content / "articles").rglob("*.md"))
        code = snapshot(folder)
        # The snapshot's package comes first on the path (before the editable install).
        ENV["PYTHONPATH"] = os.pathsep.join([str(code / "plugins"), ENV.get("PYTHONPATH", "")])
        plain, gloss = plain_settings(folder, content), gloss_settings(folder, content, code)
        in_process = gloss_settings(
            folder, content, code, name="site_no_preload", extra="GLOSS_PRELOAD = False\n"
        )

        t_plain = best(lambda: pelican(plain, folder / "plain-out", "plain"))
        t_spacy = best(lambda: bare_spacy(posts), repeats=2)

        def cold() -> float:
            shutil.rmtree(folder / "cache", ignore_errors=True)
            shutil.rmtree(folder / "gloss-out", ignore_errors=True)
            return pelican(gloss, folder / "gloss-out", "cold")

        t_cold = best(cold, repeats=2)
        if not (folder / "gloss-out" / "entities" / "index.html").is_file():
            raise RuntimeError("the Gloss build wrote no entity index: is the plugin loaded?")

        # Plain builds are interleaved with Gloss builds, so that both see the same load from
        # other work on the machine (the best of each is kept).
        def warm() -> float:
            nonlocal t_plain
            t_plain = min(t_plain, pelican(plain, folder / "plain-out", "plain"))
            return pelican(gloss, folder / "gloss-out", "warm")

        t_warm = best(warm)

        def one_changed() -> float:
            nonlocal t_plain
            t_plain = min(t_plain, pelican(plain, folder / "plain-out", "plain"))
            change_one_article(content)
            return pelican(gloss, folder / "gloss-out", "one changed")

        t_changed = best(one_changed)

        def one_changed_in_process() -> float:
            nonlocal t_plain
            t_plain = min(t_plain, pelican(plain, folder / "plain-out", "plain"))
            change_one_article(content)
            return pelican(in_process, folder / "gloss-out", "one changed, no preload")

        t_changed_here = best(one_changed_in_process)
        t_plain_rebuild = rebuilds(plain, folder / "plain-out", content)
        t_rebuild = rebuilds(gloss, folder / "gloss-out", content)

    print(f"site: {len(posts)} articles; each figure is the best of several builds (wall clock)")
    print(f"  plain Pelican (default theme, no plugins)  {t_plain:6.2f} s")
    print(f"  bare spaCy (load + parse the same texts)   {t_spacy:6.2f} s")
    print(
        f"  Gloss cold cache     {t_cold:6.2f} s  = {t_cold / (t_plain + t_spacy):.2f}x (plain + spaCy)  target <= 1.10"
    )
    print(
        f"  Gloss warm cache     {t_warm:6.2f} s  = {t_warm / t_plain:.2f}x plain  target <= 1.00"
    )
    for kind, summary in SUMMARIES.items():
        print(f"  last {kind} build: {summary}")
    print(
        f"  Gloss one changed    {t_changed:6.2f} s  = {t_changed / t_plain:.2f}x plain  target <= 1.10"
        "  (fresh process, model loaded by the preload worker)"
    )
    print(
        f"  Gloss one changed    {t_changed_here:6.2f} s  = {t_changed_here / t_plain:.2f}x plain"
        "  (fresh process, GLOSS_PRELOAD = False: model loaded in the build process)"
    )
    print(
        f"  autoreload-style rebuild after one edit, in one process (best of {REPEATS}):"
        f" plain {t_plain_rebuild:.2f} s, Gloss {t_rebuild:.2f} s"
        f" = {t_rebuild / t_plain_rebuild:.2f}x plain  target <= 1.10"
    )
    # Processor time moves less than wall clock when other work loads the machine (the
    # preload worker's time is included: it is a child of the build).
    print("  processor time (user + system), best of each:")
    for kind in ("plain", "warm", "one changed", "one changed, no preload"):
        if kind in CPU:
            print(f"    {kind:24} {CPU[kind]:6.2f} s  = {CPU[kind] / CPU['plain']:.2f}x plain")


if __name__ == "__main__":
    main()
