# newscli: `make run` and `make test` work from a fresh clone with only Python and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SEED := seeds/iran-missiles-live-updates.txt
SHARED ?= ../shared

.DEFAULT_GOAL := help
.PHONY: help install install-dev run test wheel-check lint typecheck docs eval bench fuzz golden clean train-ner

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-12s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

# Byte-compile the package: an editable install leaves that to the first import, and where
# PYTHONDONTWRITEBYTECODE is set every run would compile newscli again (~40 ms of start-up).
$(VENV)/.compiled: $(VENV)/.installed $(wildcard newscli/*.py newscli/*/*.py newscli/*/*/*.py)
	$(BIN)/python -m compileall -q newscli
	@touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	@touch $@

$(VENV)/.installed-train: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,train]'
	@touch $@

install: $(VENV)/.installed $(VENV)/.compiled ## create .venv and install newscli with the test extras

install-dev: $(VENV)/.installed-dev ## also the linters and the peers eval/bench compare with

run: install ## showcase every finished command on seeds/
	$(BIN)/newscli parse --format table $(SEED)
	$(BIN)/newscli readability --format table $(SEED)
	$(BIN)/newscli readability --format table seeds/
	$(BIN)/newscli summarize --format table $(SEED)
	$(BIN)/newscli quotes --format table $(SEED)
	$(BIN)/newscli quotes --by speaker --format table $(SEED)
	$(BIN)/newscli entities --format table $(SEED)
	$(BIN)/newscli analyze --format table seeds/
	$(BIN)/newscli dedupe --format table seeds/
	$(BIN)/newscli quotes --format table seeds/iran-missiles-live-updates.html

test: install ## run the test suite
	$(BIN)/python -m pytest

wheel-check: install ## build the wheel, install it with the stock pip of a fresh venv, read the seeds
	.ci/wheel-check

lint: install-dev ## ruff, and lint-imports: the layers declared in pyproject.toml
	$(BIN)/ruff check newscli tests eval bench tools
	$(BIN)/ruff format --check newscli tests eval bench tools
	$(BIN)/lint-imports --no-cache

typecheck: install-dev ## mypy
	$(BIN)/mypy newscli

# tests/test_docs.py fails when a generated part is stale: run this, and commit what it rewrote
docs: install ## rewrite the generated parts of docs/: each command's options and record fields
	$(BIN)/python -m tools.docs

# every script records its headline figures in .eval/results.json (eval/figures.py); the
# gate then fails the target when one falls below its floor in eval/baseline.json
eval: export NEWSCLI_EVAL_RESULTS = $(CURDIR)/.eval/results.json
eval: install-dev ## score every analysis on $(SHARED)/data; fail below eval/baseline.json's floors; write docs/evaluation.md
	@test -d $(SHARED)/data || { echo "make eval: $(SHARED)/data not found (set SHARED=...)" >&2; exit 1; }
	rm -f $(NEWSCLI_EVAL_RESULTS)
	$(BIN)/python -m eval.sentences $(SHARED)/data/sentences/gum.jsonl
	$(BIN)/python -m eval.readability $(SHARED)/data/readability/onestopenglish-dev.jsonl
	$(BIN)/python -m eval.summarize $(SHARED)/data/summarize
	$(BIN)/python -m eval.summarize_languages $(SHARED)/data
	$(BIN)/python -m eval.quotes $(SHARED)/data/quotes/polnear-train.jsonl $(SHARED)/eval/quote_eval.py
	$(BIN)/python -m eval.dedupe $(SHARED)/data/dedupe/bbc-neardup-dev.jsonl
	$(BIN)/python -m eval.ner $(SHARED)/data/ner/dev
	$(BIN)/python -m eval.ner_languages $(SHARED)/data/ner/multilingual
	$(BIN)/python -m eval.html $(SHARED)/data/html/aeb-dev
	$(BIN)/python -m eval.language $(SHARED)/data
	$(BIN)/python -m eval.gate $(NEWSCLI_EVAL_RESULTS) eval/baseline.json --docs docs/evaluation.md

bench: install-dev ## start-up and throughput, beside the peers
	$(BIN)/python -m bench.startup
	$(BIN)/python -m bench.summarize
	$(BIN)/python -m bench.dedupe
	$(BIN)/python -m bench.dedupe_cluster
	$(BIN)/python -m bench.commands
	$(BIN)/python -m bench.html
	$(BIN)/python -m bench.cluster
	$(BIN)/python -m bench.ner
	$(BIN)/python -m bench.parquet

train-ner: $(VENV)/.installed-train ## retrain newscli/ner/model.npz from $(SHARED)/data/ner/train, the other languages' model from .../multilingual/train, and the name lists (deterministic)
	@test -d $(SHARED)/data/ner/train || { echo "make train-ner: $(SHARED)/data/ner/train not found (set SHARED=...)" >&2; exit 1; }
	$(BIN)/python -m newscli.ner.train $(SHARED)/data/ner/train -o newscli/ner/model.npz
	$(BIN)/python -m newscli.ner.train_languages $(SHARED)/data/ner/multilingual/train \
		--english $(SHARED)/data/ner/train -o newscli/ner
	$(BIN)/python -m newscli.gender

# the hostile inputs get NEWSCLI_FUZZ_EXAMPLES / 20 of each kind; the interrupt stress test
# Ctrl-Cs each of its 7 modes NEWSCLI_INTERRUPTS times (50: 350 interrupts, about 15 minutes)
fuzz: install ## the property tests of every command, hostile inputs and Ctrl-C, for longer (NEWSCLI_FUZZ_EXAMPLES, NEWSCLI_INTERRUPTS)
	NEWSCLI_FUZZ_EXAMPLES=$${NEWSCLI_FUZZ_EXAMPLES:-20000} \
	NEWSCLI_INTERRUPTS=$${NEWSCLI_INTERRUPTS:-50} $(BIN)/python -m pytest -q \
		tests/test_command_properties.py tests/test_hostile_inputs.py tests/test_interrupts.py

golden: install ## regenerate tests/golden from seeds/ (review the diff like code)
	$(BIN)/python -m tests.golden

clean: ## remove the venv and caches
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis .eval
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
