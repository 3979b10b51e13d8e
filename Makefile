# baocao: two commands on a fresh clone (Python 3.11 on PATH as python3.11 or python3).
#   make demo   set up, ingest the sample reports, build the marts, print a summary
#   make test   set up and run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export DO_NOT_TRACK ?= 1

# converters for .doc/.rtf/.odt (LibreOffice, antiword) and OCR of scanned PDFs (Tesseract + its
# Vietnamese data, poppler's pdftoppm); the rest of baocao runs without them
SYSTEM_PACKAGES := libreoffice-writer-nogui libreoffice-calc-nogui antiword tesseract-ocr tesseract-ocr-vie poppler-utils

.PHONY: setup system-deps demo test lint clean-data

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "baocao needs Python 3.11, found " + sys.version'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

# installs the system tools when run as root on Debian/Ubuntu (CI does), else says how
system-deps:
	@if command -v soffice >/dev/null && command -v antiword >/dev/null && command -v pdftoppm >/dev/null \
	    && tesseract --list-langs 2>/dev/null | grep -qx vie; then echo "system tools: present"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing: $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(SYSTEM_PACKAGES) >/dev/null; \
	else echo "system tools missing (.doc/.rtf and scanned PDFs will be refused with a reason); install: sudo apt-get install $(SYSTEM_PACKAGES)"; fi

demo: $(STAMP)
	$(BIN)/baocao demo

test: $(STAMP) system-deps
	$(BIN)/ruff check flows tests benchmarks
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check flows tests benchmarks
	$(BIN)/ruff format --check flows tests benchmarks

clean-data:
	rm -rf data/inbox/* data/lake/* data/processed/* data/quarantine/* warehouse/*

# --- dashboards as code (Evidence 39, in bi/; docs/bi.md) ---------------------------------------
#   make bi         npm ci (once per package-lock), extract the read copy, build bi/build/
#   make bi-serve   serve bi/build on http://127.0.0.1:$(BI_PORT)/
# bi reads warehouse/baocao_read.duckdb (run `make demo` first), or BAOCAO_READ_COPY / BAOCAO_HOME.
BI_PORT     ?= 3000
BI_STAMP    := bi/node_modules/.installed
BI_PACKAGES := nodejs npm chromium fonts-dejavu-core

.PHONY: bi bi-serve bi-deps

$(BI_STAMP): bi/package.json bi/package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: run 'make bi-deps' (as root) or install Node.js >= 18"; exit 1; }
	cd bi && npm ci --no-audit --no-fund --loglevel=error
	touch $(BI_STAMP)

bi: $(BI_STAMP)
	cd bi && npm run --silent sources && npm run --silent build

bi-serve:
	$(PYTHON) bi/serve.py --port $(BI_PORT) --directory bi/build

# Node.js (>= 18) and npm for the build, Chromium for tests/bi; installed when run as root on
# Debian/Ubuntu (CI does), else says how
bi-deps:
	@if command -v node >/dev/null && command -v npm >/dev/null && command -v chromium >/dev/null \
	    && node -e 'process.exit(+process.versions.node.split(".")[0] >= 18 ? 0 : 1)'; then \
	    echo "bi tools: present (node $$(node --version), $$(chromium --version 2>/dev/null | head -1))"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing: $(BI_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(BI_PACKAGES) >/dev/null; \
	else echo "bi tools missing (make bi and tests/bi need them); install: sudo apt-get install $(BI_PACKAGES)"; fi
