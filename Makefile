# rasid — the two commands: `make demo` and `make test`. Both create .venv if missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
STAMP := $(VENV)/.installed

.PHONY: demo test test-fast bench train eval score serve clean-venv help

help:
	@echo "make demo   - set up .venv and run rasid extract on bundled sample articles"
	@echo "make test   - set up .venv (with test extras) and run the whole test suite"
	@echo "make test-fast - the tests that take under ten seconds each (pytest -m 'not slow'; under a minute)"
	@echo "make bench  - throughput and memory benchmarks over ../shared/data/corpus"
	@echo "make train  - rebuild the shipped models and indexes from ../shared/data"
	@echo "make score  - run ../shared/eval/score.py over the gold cases"
	@echo "make serve  - the web UI over demo.db (made by make demo)"

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/python -m rasid.demo

serve: $(STAMP)
	$(BIN)/rasid serve --db demo.db

test: $(STAMP)
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow"

bench: $(STAMP)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/run.py --stages clean,tokens,sentences,mentions,entities,places,names,quotes,dates,events
	$(BIN)/python bench/ner.py --limit 2000
	$(BIN)/python bench/store.py --limit 1000
	$(BIN)/python bench/long.py

# Rebuild every shipped model and index from ../shared/data (reproducible; a few minutes on 2 cores).
train: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python -m rasid.train.geo --data $(SHARED)/data
	$(BIN)/python -m rasid.train.names --shared $(SHARED)
	$(BIN)/python -m rasid.train.western_names
	$(BIN)/python -m rasid.train.ner --data $(SHARED)/data
	$(BIN)/python -m rasid.train.everyday --data $(SHARED)/data
	$(BIN)/python -m rasid.train.common_words --data $(SHARED)/data
	$(BIN)/python -m rasid.train.events
	$(BIN)/python -m rasid.train.roles
	$(BIN)/python -m rasid.train.speakers
	$(BIN)/python -m rasid.train.actor_evidence

score: $(STAMP)
	$(BIN)/python $(SHARED)/eval/score.py $(SHARED)/eval/cases --cmd "$(BIN)/rasid extract --format json"

clean-venv:
	rm -rf $(VENV)
