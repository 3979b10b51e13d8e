# baocao: two commands on a fresh clone (Python 3.11 on PATH as python3.11 or python3).
#   make demo   set up, ingest the sample reports, build the marts, print a summary
#   make test   set up and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

.PHONY: setup demo test lint clean-data

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "baocao needs Python 3.11, found " + sys.version'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/baocao demo

test: $(STAMP)
	$(BIN)/ruff check flows tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check flows tests benchmarks
	$(BIN)/ruff format --check flows tests benchmarks

clean-data:
	rm -rf data/inbox/* data/lake/* data/processed/* data/quarantine/* warehouse/*
