# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make reproduce   validate, re-run every notebook, refresh figures/ and the HTML report
#   make test        the validator, the data checks and every notebook under nbval
# Each creates .venv from the pinned requirements.txt when it is missing or out of date.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# Reproducible output: no locale, time-zone or hash-seed dependence; matplotlib caches stay inside .venv.
export TZ := UTC
export LC_ALL := C.UTF-8
export PYTHONHASHSEED := 0
export SOURCE_DATE_EPOCH := 0
export MPLCONFIGDIR := $(CURDIR)/$(VENV)/mplconfig
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: audit release reproduce test validate notebooks summary report dist sqlite docs bench mutation audit lab lock clean

reproduce: validate notebooks summary docs report

test: $(STAMP)
	$(BIN)/python -m pytest

validate: $(STAMP)
	$(BIN)/python scripts/validate.py

notebooks: $(STAMP)
	$(BIN)/python scripts/run_notebooks.py

report: dist
	$(BIN)/python scripts/build_report.py

dist: $(STAMP)
	$(BIN)/python scripts/build_dist.py

sqlite: $(STAMP)
	$(BIN)/python scripts/build_sqlite.py

docs: $(STAMP)
	$(BIN)/python scripts/build_docs.py

# Times the committed HEAD in a scratch clone against the budgets; writes bench/results.{json,md}.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Mutation testing of the core modules (minutes, not part of test); writes bench/mutation.{json,md}.
mutation: $(STAMP)
	$(BIN)/python scripts/mutation.py

# uv (pinned) installs the pinned requirements in about a third of pip's time; pip only bootstraps it.
# --compile-bytecode: write .pyc at install, as pip does (imports stay fast where PYTHONDONTWRITEBYTECODE is set).
UV_VERSION := 0.13.8

$(STAMP): requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --compile-bytecode --python $(BIN)/python -r requirements.txt
	$(BIN)/python scripts/link_package.py
	touch $(STAMP)

lab: $(STAMP)
	test -x .venv-lab/bin/python || $(PYTHON) -m venv .venv-lab
	.venv-lab/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	.venv-lab/bin/uv pip install --quiet --compile-bytecode --python .venv-lab/bin/python -r requirements.txt -r requirements-lab.txt
	.venv-lab/bin/python scripts/link_package.py
	.venv-lab/bin/jupyter lab notebooks/

lock:
	rm -rf /tmp/lock-venv && $(PYTHON) -m venv /tmp/lock-venv
	/tmp/lock-venv/bin/python -m pip install --quiet -r requirements.in
	(echo "# Generated from requirements.in by 'make lock' (pip freeze in a fresh venv). Do not edit by hand."; \
	 /tmp/lock-venv/bin/python -m pip freeze --exclude-editable) > requirements.txt

clean:
	rm -rf $(VENV) .venv-lab dist report .pytest_cache

summary: $(STAMP)
	$(BIN)/python scripts/build_summary.py

# The release step: after bumping the version (datapackage.json, CITATION.cff, CHANGELOG.md).
release: $(STAMP)
	$(BIN)/python scripts/validate.py
	$(BIN)/python scripts/record_release.py

# Known vulnerabilities in the pinned requirements (needs the package index; kept out of .venv).
audit:
	test -x .venv-audit/bin/python || $(PYTHON) -m venv .venv-audit
	.venv-audit/bin/python -m pip install --quiet pip-audit==2.10.1
	.venv-audit/bin/pip-audit --requirement requirements.txt --disable-pip --no-deps
