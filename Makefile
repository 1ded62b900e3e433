# Gloss: `make html` builds the archive, `make test` runs the tests.
# Both set up everything they need first (virtual environment, pinned dependencies, spaCy model).

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PELICAN := $(BIN)/pelican
INPUTDIR := content
OUTPUTDIR := output
CONF := pelicanconf.py
PUBLISHCONF := publishconf.py
PORT ?= 8000
# Pelican's default log handler wraps each message at the terminal's width (80 columns in a
# log file or CI), cutting `gloss: PATH:LINE: message` in two; the plain one keeps it on
# one line, so it can be read, searched and clicked.
PELICAN_OPTS ?= --log-handler plain

.DEFAULT_GOAL := help
.PHONY: help install html ingest publish serve devserver test test-fast lint format bench clean lock

help: ## list the targets
	@echo "Gloss — annotated news archive"
	@echo
	@awk -v port=$(PORT) 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {gsub(/\$$\(PORT\)/, port, $$2); printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The stamp depends on the lock files: `make install` is a no-op until they change.
$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	@test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

install: $(STAMP) ## create .venv and install the pinned dependencies and the spaCy model

# `make ingest` fails when a capture fails; the site targets report it and build the rest
# (each bad capture has its own line above, and the good ones are still written). The site
# targets run it --quiet: no line per unchanged capture, so in a large archive the lines that
# need a look (written, skipped, refused, failed) are not buried; `make ingest` lists all.
INGEST := $(BIN)/gloss ingest --output $(INPUTDIR)/articles $(INPUTDIR)/sources
INGEST_OR_WARN := $(BIN)/gloss ingest --quiet --output $(INPUTDIR)/articles $(INPUTDIR)/sources \
	|| echo "make: some captures failed (see above); building the rest"
# A build that cannot write into output/ (a read-only mount, files of another user) would stop
# half-way with Pelican's traceback: name the first file or folder it cannot write, up front.
CHECK_OUTPUT := unwritable=$$(find $(OUTPUTDIR) ! -writable -print -quit 2>/dev/null); \
	if [ -n "$$unwritable" ]; then \
	echo "make: $$unwritable: not writable, so the site cannot be built (fix its permissions, or remove $(OUTPUTDIR)/)" >&2; \
	exit 1; fi

ingest: install ## turn new captures in content/sources/ into posts in content/articles/
	$(INGEST)

html: install ## ingest new captures, then build the site into output/
	@$(INGEST_OR_WARN)
	@$(CHECK_OUTPUT)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONF) $(PELICAN_OPTS)

publish: install ## the same with publishconf.py (set GLOSS_SITEURL for absolute URLs and feeds)
	@$(INGEST_OR_WARN)
	@$(CHECK_OUTPUT)
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICAN_OPTS)

serve: install ## serve output/ on http://127.0.0.1:$(PORT) (localhost only)
	$(PELICAN) --listen --bind 127.0.0.1 --port $(PORT) -o $(OUTPUTDIR)

devserver: install ## rebuild on change and serve on http://127.0.0.1:$(PORT)
	@$(INGEST_OR_WARN)
	@$(CHECK_OUTPUT)
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONF) --bind 127.0.0.1 --port $(PORT) $(PELICAN_OPTS)

test: install ## lint, then the whole test suite (unit, then end-to-end: builds and browser)
	$(BIN)/ruff check plugins tests eval bench pelicanconf.py publishconf.py
	$(BIN)/python -m pytest -q -m "not slow"
	$(BIN)/python -m pytest -q -m slow

test-fast: install ## run the fast unit tests only
	$(BIN)/python -m pytest -q -m "not slow"

lint: install ## ruff lint and format check
	$(BIN)/ruff check plugins tests eval bench pelicanconf.py publishconf.py
	$(BIN)/ruff format --check plugins tests eval bench pelicanconf.py publishconf.py

format: install ## ruff format and autofix
	$(BIN)/ruff format plugins tests eval bench pelicanconf.py publishconf.py
	$(BIN)/ruff check --fix plugins tests eval bench pelicanconf.py publishconf.py

bench: install ## benchmarks: ratios against baselines measured in the same run
	$(BIN)/python -m bench

clean: ## remove output/ and caches (keeps .venv and content/)
	rm -rf $(OUTPUTDIR) .cache .pytest_cache
	find . -name __pycache__ -not -path './.venv/*' -prune -exec rm -rf {} +

lock: ## re-pin dependencies with hashes (needs uv; network)
	uv pip compile --python-version 3.11 --generate-hashes -q requirements.in -o requirements.lock
	uv pip compile --python-version 3.11 --generate-hashes -q requirements-dev.in -o requirements-dev.lock
