# Research notebook suite: see README.md. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CORPUS ?= data/raw
OUT ?= data/processed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))

# Reproducible runs: fixed hash seed, no dates in figure files, UTC, C.UTF-8.
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 0
export TZ := UTC
export LC_ALL := C.UTF-8
export PYDEVD_DISABLE_FILE_VALIDATION := 1
export JUPYTER_PLATFORM_DIRS := 1

.DEFAULT_GOAL := help
.PHONY: help all venv lock data notebooks figures report test unit nbval lab clean docs lint bench

help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

all: data notebooks report ## Build data/processed, execute every notebook in place, write reports/figures and the HTML report

# Every package at the exact version of requirements.lock (transitive ones too: font
# subsetting in the committed PDFs depends on fonttools), then the project without dependencies.
$(STAMP): pyproject.toml requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $(STAMP)

LOCK_VENV := .venv-lock
# Held back: the versions that wrote the committed figures (see the header of requirements.lock).
LOCK_HOLD := fonttools==4.66.1
lock: ## Regenerate requirements.lock: resolve pyproject.toml's pins (with dev) in a fresh venv and freeze every version
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(LOCK_VENV)/bin/python -m pip install --quiet -e '.[dev]' $(LOCK_HOLD)
	{ sed -n '/^#/p' requirements.lock; $(LOCK_VENV)/bin/python -m pip freeze --exclude-editable | grep -v '^analysis'; } > requirements.lock.tmp
	mv requirements.lock.tmp requirements.lock
	rm -rf $(LOCK_VENV)
	@echo "wrote requirements.lock; commit it, then make venv"

venv: $(STAMP) ## Create .venv and install the project (automatic for every target)

data: $(STAMP) ## Build the tables in data/processed from data/raw
	$(BIN)/python -m analysis build --corpus $(CORPUS) --out $(OUT)

notebooks: $(STAMP) ## Execute notebooks/ in order, in place (writes reports/figures)
	$(BIN)/python -m analysis notebooks $(NOTEBOOKS)

figures: data notebooks ## Re-execute the notebooks and rewrite reports/figures

report: $(STAMP) ## Render the executed notebooks to HTML in reports/ (code hidden), linking reports/figures, and one evidence page per built document in reports/evidence/
	$(BIN)/python -m analysis.notebook.report --processed $(OUT) $(NOTEBOOKS)

unit: $(STAMP) ## Run the pytest unit tests and doctests only
	$(BIN)/python -m pytest -q tests --doctest-modules analysis

nbval: $(STAMP) data ## Check the committed notebook outputs with nbval (strict)
	$(BIN)/python -m pytest -q --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

test: $(STAMP) data lint ## Run the whole test suite: lint, unit tests and doctests, then nbval strict on notebooks/
	$(BIN)/python -m pytest -q tests --doctest-modules analysis
	$(BIN)/python -m pytest -q --nbval notebooks --nbval-sanitize-with tests/nbval_sanitize.cfg -p no:cacheprovider

BENCH_SIZES ?= 100,1000,10000
BENCH_JOBS ?= 2
BENCH_CORPUS ?=
BENCH_SIDES ?= US,Russia
BENCH_RESOURCES ?=
bench: $(STAMP) ## Benchmark the build on synthetic corpora (BENCH_SIZES, BENCH_JOBS); with BENCH_CORPUS (+ BENCH_SIDES, BENCH_RESOURCES) also time each notebook against the build
	$(BIN)/python benchmarks/bench.py --sizes $(BENCH_SIZES) --jobs $(BENCH_JOBS)
	@if [ -n "$(BENCH_CORPUS)" ]; then \
	  $(BIN)/python benchmarks/bench_notebooks.py --corpus "$(BENCH_CORPUS)" --sides "$(BENCH_SIDES)" $(if $(BENCH_RESOURCES),--resources "$(BENCH_RESOURCES)"); \
	fi

lab: $(STAMP) ## Open JupyterLab on the notebooks
	$(BIN)/jupyter lab notebooks/

clean: ## Remove .venv and built tables (never data/raw)
	rm -rf $(VENV) $(OUT)/*.parquet $(OUT)/manifest.json

lint: $(STAMP) ## ruff check and ruff format --check over analysis/, tests/, benchmarks/ and notebooks/
	$(BIN)/ruff check analysis tests benchmarks notebooks
	$(BIN)/ruff format --check analysis tests benchmarks notebooks
	$(BIN)/python -m analysis check-notebooks $(NOTEBOOKS)

docs: $(STAMP) ## Regenerate docs/data.md from analysis/core/schema.py
	$(BIN)/python -m analysis schema > docs/data.md
