# strikeledger: `make run` serves the sample ledger; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DB ?= sqlite:///strikeledger.db
HOST ?= 127.0.0.1
PORT ?= 8000
STATIC_VENDOR := src/strikeledger/web/static/vendor

.PHONY: install web-assets system-deps sample run test eval realworld bench bench-archive screenshots clean fuzz mutate

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

# Front-end libraries come from npm (web/package-lock.json) and are copied into the package's
# static files; nothing is loaded from a CDN and nothing vendored is committed.
web-assets: $(STATIC_VENDOR)/.built

$(STATIC_VENDOR)/.built: web/package.json web/package-lock.json web/build.mjs
	cd web && npm ci --no-audit --no-fund --loglevel=error
	node web/build.mjs $(STATIC_VENDOR)
	touch $@

# What the tests need from Debian: a PostgreSQL server and Chromium. Installed when we are
# root with apt; otherwise the tests that need them say why they are skipped (never under CI).
system-deps:
	@if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
	  missing=""; \
	  [ -x /usr/lib/postgresql/15/bin/initdb ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  if [ -n "$$missing" ]; then \
	    echo "installing$$missing from Debian's packages"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  fi; \
	else echo "not root with apt: PostgreSQL and Chromium tests run only if they are already installed"; fi

sample: install
	$(VENV)/bin/strikeledger ingest examples/corpus examples/corpus-es --db $(DB) --quiet
	$(VENV)/bin/strikeledger incidents --db $(DB)

run: install web-assets sample
	@echo "Serving the ledger at http://$(HOST):$(PORT)/"
	$(VENV)/bin/strikeledger serve --db $(DB) --host $(HOST) --port $(PORT)

test: install web-assets system-deps
	$(PY) -m pytest -q

# English, Spanish, and both read into one ledger (the Spanish corpus reports strikes of the English gold).
eval: install
	@echo "== English sample"; $(VENV)/bin/strikeledger eval examples/corpus examples/gold.csv
	@echo "== Spanish sample"; $(VENV)/bin/strikeledger eval examples/corpus-es examples/gold-es.csv
	@echo "== both"; $(VENV)/bin/strikeledger eval examples/corpus examples/gold.csv --also examples/corpus-es
	@if [ -d ../shared/corpus/seeds ]; then $(VENV)/bin/strikeledger eval ../shared/corpus/seeds ../shared/corpus/seeds-gold.csv; fi

# The real-text development set (bench/realworld/README.md): articles assembled outside the
# repository, in ../realtext unless REALTEXT says otherwise.
REALTEXT ?= ../realtext
realworld: install
	$(PY) bench/realworld/score.py --folder $(REALTEXT) --language en
	$(PY) bench/realworld/score.py --folder $(REALTEXT) --language es

# Refresh the README's screenshots (docs/img) from the browser tests.
screenshots: install web-assets system-deps
	STRIKELEDGER_DOCS_IMG=1 $(PY) -m pytest -q tests/test_browser.py

bench: install
	$(PY) bench/ingest_speed.py --workers 1
	$(PY) bench/ingest_speed.py --workers 2

# Scanning a synthetic mixed news archive of 100,000 articles (README, "Archives on Dask").
bench-archive: install
	$(PIP) install --quiet -e '.[bench]'
	$(PY) bench/archive_speed.py

# Long runs of what the suite samples (README, "Reliability and security"): many more property
# and schema examples, and 20 SIGKILLs of ingest on SQLite and on PostgreSQL.
FUZZ_EXAMPLES ?= 500
fuzz: install system-deps
	STRIKELEDGER_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) STRIKELEDGER_KILLS=20 $(PY) -m pytest -q \
	  tests/test_properties.py tests/test_api_schema.py tests/test_kill.py

# Mutation testing of the reader and the resolver (mutmut, settings in pyproject.toml), on demand:
# hours for extract/ and resolve/ whole; MUTATE='strikeledger.resolve.merge*' for one module's mutants.
MUTATE ?=
mutate: install
	$(PIP) install --quiet 'mutmut>=3.2'
	$(VENV)/bin/mutmut run $(MUTATE)
	$(VENV)/bin/mutmut results

clean:
	rm -rf $(VENV) web/node_modules $(STATIC_VENDOR) strikeledger.db strikeledger.db-wal strikeledger.db-shm
