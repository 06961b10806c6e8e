# Memex developer commands. `make demo` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MEMEX := $(VENV)/bin/memex
DEMO_HOME := .memex-demo

.PHONY: install demo test test-reliability fuzz bench bench-quality bench-export lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first and pinned: any other spec would pull a multi-GB CUDA build.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -rf $(DEMO_HOME)
	$(MEMEX) --home $(DEMO_HOME) add examples/sample-vault
	$(MEMEX) --home $(DEMO_HOME) status
	$(MEMEX) --home $(DEMO_HOME) search "INV-2024-0042" -k 3
	$(MEMEX) --home $(DEMO_HOME) ask "When is the weekly sync?"

test: install
	$(PY) -m pytest -q

# 50 kill -9 trials, every damage variant, the bigger hostile files and a 25 s concurrency run (~5 min).
test-reliability: install
	MEMEX_CRASH_TRIALS=50 MEMEX_RELIABILITY_FULL=1 MEMEX_CONCURRENCY_S=25 $(PY) -m pytest -q tests/reliability

# About 60 s of coverage-guided fuzzing of every parser (crash inputs are saved as crash-*).
fuzz: install
	$(PY) -m pip install -q -e '.[fuzz]'
	$(PY) tests/reliability/fuzz_parsers.py -max_total_time=60 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1

bench: install
	$(PY) bench/ingest.py
	$(PY) bench/sync.py
	$(PY) bench/search.py

bench-quality: install
	$(PY) bench/quality.py

# Export/import round trips on the sample and personal vaults, and 10k-note speed and memory (~15 min).
bench-export: install
	nice -n 10 $(PY) bench/export.py

lint: install
	$(VENV)/bin/ruff check src tests bench

clean:
	rm -rf $(VENV) $(DEMO_HOME) build dist src/*.egg-info
