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
SYS_STAMP := build/.system-packages-v2

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

## system: install the Debian packages the tests need (chromium, CJK fonts, PostgreSQL server)
system: $(SYS_STAMP)
$(SYS_STAMP):
	mkdir -p build
	@if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi 'noto sans cjk' \
		&& ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
		&& ls /usr/share/postgresql/*/extension/pg_trgm.control >/dev/null 2>&1; then \
		echo "chromium, CJK fonts and PostgreSQL present"; \
	else \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq \
			chromium chromium-driver fonts-noto-cjk postgresql postgresql-contrib; \
	fi
	touch $(SYS_STAMP)

## db: build the SQLite database from the curated data in the repo
db: $(STAMP)
	$(VENV)/bin/parkbench build --db $(DB)

## run: set everything up and start the portal on http://localhost:8501
run: db
	$(VENV)/bin/parkbench serve --db $(DB) --port $(PORT)

## test: set everything up (system packages included) and run the whole test suite
test: $(STAMP) $(SYS_STAMP)
	$(PY) -m pytest

## lint: ruff check and format check
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

## bench: print the benchmark table (store, normaliser, models, scrapers, portal)
bench: $(STAMP)
	$(PY) -m benchmarks

## clean: remove the built database and caches (keeps .venv)
clean:
	rm -rf build .pytest_cache test-artifacts

.PHONY: help venv system db run test lint bench clean
