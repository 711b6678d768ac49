# Privacy governance DAGs. `make demo` and `make test` are all a new user needs.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3.11
VENV := $(CURDIR)/.venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The project root on PYTHONPATH (`from include.governance import ...`), Airflow's state in a
# git-ignored folder of the project, and the project's own DAGs and plugins only.
export PYTHONPATH := $(CURDIR)
export PATH := $(BIN):$(PATH)
export AIRFLOW_HOME ?= $(CURDIR)/var/airflow
export AIRFLOW__CORE__DAGS_FOLDER := $(CURDIR)/dags
export AIRFLOW__CORE__PLUGINS_FOLDER := $(CURDIR)/plugins
export AIRFLOW__CORE__LOAD_EXAMPLES := False
export AIRFLOW__CORE__PARALLELISM ?= 4
export AIRFLOW__LOGGING__LOGGING_LEVEL ?= INFO

# make demo SCALE=50000 builds a bigger demo warehouse; RUN_DATE fixes the run's logical date.
SCALE ?= 2000
RUN_DATE ?= $(shell date -u +%Y-%m-%d)

.PHONY: help install demo warehouse airflow-db airflow test lint format bench policy-draft subject-request clean

help:
	@echo "make demo     set up, build the demo warehouse, run every DAG end to end, print a summary"
	@echo "make test     set up and run the test suite (starts PostgreSQL and MariaDB, installs Chromium)"
	@echo "make airflow  start Airflow (standalone) with the project's DAGs on http://localhost:8080"
	@echo "make lint     ruff check and format check"
	@echo "make bench    benchmarks at scale (PostgreSQL); prints figures"
	@echo "make policy-draft [URL=...] [OUT=...]  draft policy.yml's tables: from the last scan's register"
	@echo "make subject-request TYPE=access|erasure KIND=email|phone|national_id|customer_id CASE=ref"
	@echo "               record a data-subject request (the identifier is asked for); prints its id"

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

install: $(STAMP)

# Benchmark-only packages (Presidio, the inventory's peer), on top of the test setup.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): $(STAMP) benchmarks/requirements.txt
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	@touch $@

airflow-db: install
	@mkdir -p $(AIRFLOW_HOME)
	@airflow db migrate > $(AIRFLOW_HOME)/db-migrate.log 2>&1 \
		|| { tail -20 $(AIRFLOW_HOME)/db-migrate.log; exit 1; }

warehouse: install
	python -m include.demo --scale $(SCALE) --as-of $(RUN_DATE)

# Demo-only pseudonymisation keys (VERSION:SECRET), one per purpose, as Airflow variables
# from the environment, for `make demo` only (unless you export your own): public, so
# refused beside any warehouse but the embedded one. Elsewhere Airflow's keys are used.
demo: export AIRFLOW_VAR_PSEUDONYM_SECRET_ANALYTICS ?= demo-1:demo-analytics-secret-not-for-real-data
demo: export AIRFLOW_VAR_PSEUDONYM_SECRET_MARKETING ?= demo-1:demo-marketing-secret-not-for-real-data
demo: airflow-db warehouse
	python -m include.demo.walkthrough --run-date $(RUN_DATE)

airflow: airflow-db
	@echo "Airflow UI: http://localhost:8080  (user admin; the password is printed below and"
	@echo "kept in $(AIRFLOW_HOME)/simple_auth_manager_passwords.json.generated)"
	AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS=admin:admin airflow standalone

test: install
	scripts/test-prerequisites
	python -m pytest -n auto --dist loadfile --durations=10 $(PYTEST_ARGS)

lint: install
	ruff check .
	ruff format --check .

format: install
	ruff format .
	ruff check --fix .

bench: $(BENCH_STAMP)
	@for script in benchmarks/bench_*.py; do echo "== $$script"; python $$script || exit 1; done

# The draft's tables: section from the register of the last scan; URL defaults to
# $$WAREHOUSE_URL, else the embedded SQLite warehouse; nothing in policy.yml changes.
OUT ?= var/policy-draft.yml
policy-draft: install
	python -m include.governance.inventory.draft $(if $(URL),--url '$(URL)') --out $(OUT)

clean:
	rm -rf var .pytest_cache .ruff_cache

# A data-subject request for the subject_request DAG: the identifier is asked for (not an
# argument: arguments stay in shell history); URL as for policy-draft.
subject-request: install
	python -m include.governance.subjects.record --type "$(TYPE)" --kind "$(KIND)" \
		--case "$(CASE)" $(if $(URL),--url "$(URL)")
