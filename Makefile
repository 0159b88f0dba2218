# Two commands set everything up on a fresh machine: `make serve` and `make test`.
# Each target installs what it needs first (pinned Python packages in .venv, npm
# packages in node_modules, Debian's chromium and its headless shell for browser tests).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE_STAMP := $(VENV)/.site-installed
TEST_STAMP := $(VENV)/.test-installed
# ProperDocs, the maintained fork of MkDocs 1.6, in a venv of its own: `make test` builds the
# site with it too (tests/platform/, handbook/platform.md); the default build stays MkDocs.
PROPERDOCS_VENV := .venv-properdocs
PROPERDOCS_STAMP := $(PROPERDOCS_VENV)/.installed
SITE_DIR ?= site
DEV_ADDR ?= 127.0.0.1:8000
NPM_STAMP := node_modules/.npm-installed
CHROMIUM := /usr/bin/chromium
HEADLESS_SHELL := /usr/bin/chromium-headless-shell
PDFTOTEXT := /usr/bin/pdftotext
# Material prints its end-of-life notice once per `mkdocs` process (build or serve); it is not
# silenced here. The tests silence it themselves (devkit/build.py, tests/conftest.py).

.PHONY: serve build build-site pdf test test-fast lint install install-test clean

# A build for publishing names the address it will be published at: canonical links,
# sitemap.xml and the embed snippets are written from it. Checked first,
# before anything is installed or built; mkdocs.yml has no default either (sitegen/address.py).
# `make serve` passes the dev server's address itself.
.PHONY: site-url
GOAL := $(or $(firstword $(MAKECMDGOALS)),build)
site-url:
	@test -n "$(SITE_URL)" || { \
	  echo "make $(GOAL) needs the site's public address, the folder it will be published in:" >&2; \
	  echo "  SITE_URL=https://clinic.example/guide/ make $(GOAL)" >&2; \
	  exit 2; }

serve: install ## Serve the site with live reload at http://127.0.0.1:8000
	SITE_URL=http://$(DEV_ADDR)/ $(PY) -m mkdocs serve --dev-addr $(DEV_ADDR)

build: site-url build-site pdf ## Build the static site into site/, with the offline PDF (needs SITE_URL)

build-site: site-url install ## Build the static site into site/, without the PDF (needs SITE_URL)
	$(PY) -m mkdocs build --strict --site-dir $(SITE_DIR)

pdf: site-url build-site ## Export the built guide as one PDF: site/downloads/guide.pdf (needs SITE_URL)
	$(PY) -m sitegen.pdf --site-dir $(SITE_DIR) --output $(SITE_DIR)/downloads/guide.pdf

# Three workers on this 2-core machine: a test that waits (a throttled download, the dev server's
# file watcher, a timer) leaves a core idle, and the third fills it (figures: handbook/tests.md).
XDIST := -n 3 --dist worksteal

test: install-test ## Run the whole test suite, on three workers (pytest-xdist)
	$(PY) -m pytest $(XDIST)

# Every test that needs no browser, plus a browser smoke (the tests marked `smoke`: the walk of
# every page in both schemes with both quizzes scored by Pyodide, an offline second visit, an
# embed). Markers: pyproject.toml; tests/conftest.py marks every chromium test `browser`.
test-fast: install-test ## Every non-browser test and a browser smoke, on three workers
	$(PY) -m pytest $(XDIST) -m "not browser or smoke"

# Checks only, never fixes: a finding stops CI (.ci/run) before the tests. Settings in
# pyproject.toml (ruff, mypy) and eslint.config.mjs. Fix import order with
# `.venv/bin/ruff check --fix --select I .`.
lint: install-test ## ruff, mypy (strict on hooks.py, sitegen, quizzes, devkit) and eslint
	$(VENV)/bin/ruff check .
	$(PY) -m mypy
	node_modules/.bin/eslint .

.PHONY: audit install-audit
audit: install-audit ## Lighthouse and the Nu Html Checker on a fresh build; writes audit/results.json (not in `make test`)
	$(PY) -m audit

install-audit: install $(CHROMIUM) ## Install the audit's tools: npm's lighthouse and vnu-jar (via install), Java, chromium
	@command -v java >/dev/null || { \
	  echo "Installing Debian's default-jre-headless for the Nu Html Checker (needs root)."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }

.PHONY: bench
bench: install-test ## Measure build, PDF, reader's wait, weight, main thread; writes bench/results.json
	$(PY) -m bench

install: $(SITE_STAMP) $(NPM_STAMP) ## Install the pinned site dependencies

install-test: install $(TEST_STAMP) $(PROPERDOCS_STAMP) $(CHROMIUM) $(HEADLESS_SHELL) $(PDFTOTEXT) ## Install the site and test dependencies, and the ProperDocs venv

# Every install checks each downloaded file against the sha256 in the lock (`make lock`).
PIP_INSTALL := -m pip install --quiet --disable-pip-version-check --require-hashes

$(SITE_STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) $(PIP_INSTALL) -r requirements.txt
	touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt
	$(PY) $(PIP_INSTALL) -r requirements-test.txt
	touch $@

$(PROPERDOCS_STAMP): requirements-properdocs.txt requirements.txt
	test -x $(PROPERDOCS_VENV)/bin/python || $(PYTHON) -m venv $(PROPERDOCS_VENV)
	$(PROPERDOCS_VENV)/bin/python $(PIP_INSTALL) -r requirements-properdocs.txt
	touch $@

# The locks: each requirements*.in (exact pins, edited by hand) compiled by pip-tools into
# requirements*.txt with the sha256 of every file PyPI holds for each pin. Run after editing a .in.
LOCK_VENV := .venv-lock
PIP_TOOLS := pip-tools==7.6.2
LOCKS := requirements.txt requirements-test.txt requirements-properdocs.txt

.PHONY: lock
lock: ## Write requirements*.txt (with hashes) from the pins in requirements*.in
	test -x $(LOCK_VENV)/bin/pip-compile || { $(PYTHON) -m venv $(LOCK_VENV) && \
	  $(LOCK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(PIP_TOOLS); }
	for lock in $(LOCKS); do \
	  CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	    --no-emit-index-url --no-emit-find-links --annotation-style=line \
	    --output-file $$lock $${lock%.txt}.in || exit 1; \
	done

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages for the tests: chromium-headless-shell (browser tests), chromium (the bench
# and the audit: what readers run), poppler-utils (reading PDFs back). Both chromium packages
# come from one Debian source package, so they are always the same release.
$(CHROMIUM) $(HEADLESS_SHELL) $(PDFTOTEXT):
	@echo "Installing Debian's chromium, chromium-headless-shell and poppler-utils for the tests (needs root)."
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-headless-shell poppler-utils

clean: ## Remove the built site, the build cache and all installed dependencies
	rm -rf site .build-cache $(VENV) $(PROPERDOCS_VENV) $(LOCK_VENV) node_modules .pytest_cache
