# Tiến Độ — `make run` starts the whole product on this machine; `make test` runs every check.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FRONTEND_SOURCES := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json frontend/openapi.json -type f 2>/dev/null)

# What a first visit may download (gzip), checked after every build; see docs/frontend.md.
FIRST_LOAD_BUDGET_KB ?= 300

.PHONY: run test lint pytest deps frontend migrate openapi clean

run: $(VENV)/.installed frontend
	$(BIN)/python -m tiendo run

test: deps $(VENV)/.installed frontend lint
	cd frontend && npm test
	node frontend/scripts/bundle-report.mjs --budget-kb $(FIRST_LOAD_BUDGET_KB)
	$(BIN)/python -m pytest

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

pytest: $(VENV)/.installed
	$(BIN)/python -m pytest

migrate: $(VENV)/.installed
	$(BIN)/python -m tiendo migrate

# The frontend's API client is generated from this document; refresh it after changing an endpoint.
openapi: $(VENV)/.installed
	$(BIN)/python -m tiendo openapi --out frontend/openapi.json

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

frontend: frontend/dist/index.html

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

# System packages the tests drive: Debian's Chromium (never a downloaded browser) and kubectl for kustomize.
deps:
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }
	@command -v kubectl >/dev/null || { apt-get update -qq && apt-get install -y -qq kubectl || apt-get install -y -qq kubernetes-client; }

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist .pytest_cache .mypy_cache .ruff_cache
