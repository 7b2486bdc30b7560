# ParkBench: `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY_SYS ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
DB ?= build/parkbench.sqlite
PORT ?= 8501
STAMP := $(VENV)/.installed

## help: list the targets
help:
	@grep -E '^## ' $(MAKEFILE_LIST) | sed -e 's/^## /  /'

$(STAMP): pyproject.toml
	test -x $(PY) || $(PY_SYS) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[dev]'
	touch $(STAMP)

## venv: create .venv and install ParkBench with its test and benchmark tools
venv: $(STAMP)

## system: install the Debian packages the tests need (chromium, CJK fonts, Pango for PDFs, nginx, PostgreSQL); skips those present
SYS_PKGS := chromium chromium-driver fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 nginx-light \
	postgresql postgresql-contrib
system:
	@missing=$$(for p in $(SYS_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; \
	done); \
	if [ -z "$$missing" ]; then \
		echo "system packages present: $(SYS_PKGS)"; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

## db: build the SQLite database from the curated data in the repo
db: $(STAMP)
	$(VENV)/bin/parkbench build --db $(DB)

## economics: refit the city wage and rent estimates (data/reference/economics/estimates.csv)
economics: $(STAMP)
	PYTHONPATH=. $(PY) scripts/estimate_city_economics.py

## run: set everything up and start the portal on http://localhost:8501
run: db
	$(VENV)/bin/parkbench serve --db $(DB) --port $(PORT)

## test: set everything up (system packages included) and run the whole test suite
test: $(STAMP) system
	$(PY) -m pytest

## lint: ruff check and format check
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## bench: print the benchmark table (store, normaliser, models, scrapers, portal)
bench: $(STAMP)
	$(PY) -m benchmarks

## verbatim: list runs of saved page text found in tracked files (needs scrapers/corpus/pages/)
verbatim: $(STAMP)
	$(PY) -m scrapers.corpus.verbatim

## clean: remove the built database and caches (keeps .venv)
clean:
	rm -rf build .pytest_cache test-artifacts

.PHONY: help venv system db economics run test lint bench verbatim clean
