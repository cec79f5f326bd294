# One command runner. `make run` sets everything up and starts the assistant;
# `make test` runs the whole test suite (what .ci/run calls).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOME_DIR ?= $(or $(QUYCHE_HOME),$(CURDIR)/.quyche)
export QUYCHE_HOME := $(HOME_DIR)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run setup tools ocr-deps ingest serve test lint fmt typecheck unit browser eval bench ocr-accuracy clean

run: setup ingest serve

$(BIN)/quyche: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --upgrade --quiet pip
	# torch==2.13.0 is pinned in pyproject.toml: that exact version is the CPU build.
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(BIN)/quyche

setup: $(BIN)/quyche tools ocr-deps

# System tools the readers call: antiword reads old .doc files, LibreOffice (headless
# writer, no GUI) those whose "Điều 1." comes from Word's automatic numbering, which
# antiword drops. apt-get, as root, only when missing; without them .doc files are refused
# with a one-line hint and the rest still works.
DOC_PACKAGES := antiword libreoffice-writer-nogui
tools:
	@if command -v antiword >/dev/null 2>&1 && command -v soffice >/dev/null 2>&1; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $(DOC_PACKAGES) to read .doc files"; \
	  (export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && \
	   apt-get install -y -qq $(DOC_PACKAGES) >/dev/null 2>&1) || \
	    echo ".doc readers could not be installed: .doc files will be refused"; \
	else echo "to read .doc files, as root: apt-get install -y $(DOC_PACKAGES)"; fi

# Scanned PDFs are read by Tesseract with its Vietnamese model (Debian packages); the OCR
# tests draw their scans with DejaVu Sans. Installed only when missing, as root.
DEJAVU := /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
OCR_PACKAGES := tesseract-ocr tesseract-ocr-vie fonts-dejavu-core
ocr-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx vie \
	    && [ -f $(DEJAVU) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "installing $(OCR_PACKAGES) (OCR of scanned PDFs)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    $(OCR_PACKAGES) >/dev/null) || \
	    echo "Tesseract could not be installed: scanned PDFs will be refused, OCR tests skipped"; \
	else \
	  echo "Tesseract OCR (Vietnamese) is missing: scanned PDFs will be refused and OCR tests"; \
	  echo "skipped. As root, run: apt-get install -y $(OCR_PACKAGES)"; \
	fi

ingest: setup
	$(BIN)/quyche ingest data/regulations

serve: setup
	$(BIN)/quyche serve --host 127.0.0.1 --port 7860

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest -q -p no:cacheprovider

test: lint typecheck
	@command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || \
	  { echo "installing chromium for the browser test"; \
	    (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || \
	    echo "chromium could not be installed: browser tests will be skipped"; }
	$(BIN)/pytest -q -p no:cacheprovider

eval: setup
	$(BIN)/quyche eval

bench: setup
	$(BIN)/quyche bench

ocr-accuracy: setup
	$(BIN)/python -m eval.ocr_accuracy

clean:
	rm -rf $(VENV) .quyche .mypy_cache .ruff_cache .pytest_cache
