# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make reproduce   validate, re-run every notebook, refresh figures/ and the HTML report
#   make test        the validator, the data checks and every notebook under nbval
# Each creates .venv from the locked requirements.txt (with the package installed editable) when it is
# missing, out of date or made for another folder.

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
# Python may cache the project's compiled modules (in __pycache__, ignored by git): with PYTHONDONTWRITEBYTECODE
# set, every test worker, notebook kernel and validator subprocess compiled dprk_kursk and the tests afresh.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: audit release reproduce test validate notebooks summary report dist sqlite docs bench mutation lab lock lint clean

reproduce: validate notebooks summary docs report

test: $(STAMP)
	$(BIN)/ruff check --quiet .
	$(BIN)/ruff format --check --quiet .
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

# Mutation testing of the core modules (about an hour, not part of test); writes bench/mutation.{json,md}.
# `make mutation modules="rules changes"` runs only those.
mutation: $(STAMP)
	$(BIN)/python scripts/mutation.py $(modules)

# uv (pinned) installs the locked requirements in about a third of pip's time; pip only bootstraps it.
# --compile-bytecode: write .pyc at install, as pip does (imports stay fast where PYTHONDONTWRITEBYTECODE is set).
# --require-hashes: every locked wheel is checked against its sha256 in the lock. The package itself goes in
# editable (-e .) without build isolation, so its build backend is the locked, hash-checked setuptools.
UV_VERSION := 0.13.8
LOCK := --generate-hashes --python-version 3.11 --quiet --custom-compile-command "make lock"

# A venv made for another folder (after `cp -a` or `mv` of the project) would run the other folder's code
# and data: .venv/.root records the folder it was made for, and a mismatch rebuilds it here.
ifneq ($(shell cat $(VENV)/.root 2>/dev/null),$(CURDIR))
.PHONY: $(STAMP)
endif

# $(call venv,DIR,LOCKFILE): DIR made for this folder, holding LOCKFILE's pins and the package, editable.
define venv
	@if [ -d $(1) ] && [ "$$(cat $(1)/.root 2>/dev/null)" != "$(CURDIR)" ]; then \
	  echo "make: $(1) was made for $$(cat $(1)/.root 2>/dev/null || echo 'an older layout'); rebuilding it for $(CURDIR)"; \
	  rm -rf $(1); fi
	test -x $(1)/bin/python || $(PYTHON) -m venv $(1)
	$(1)/bin/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(1)/bin/uv pip install --quiet --compile-bytecode --require-hashes --python $(1)/bin/python -r $(2)
	$(1)/bin/uv pip install --quiet --no-deps --no-build-isolation --python $(1)/bin/python -e .
	echo "$(CURDIR)" > $(1)/.root
endef

$(STAMP): requirements.txt pyproject.toml
	$(call venv,$(VENV),requirements.txt)
	touch $(STAMP)

# JupyterLab, kept out of .venv so validation and tests stay fast; runs as root too (containers).
lab:
	$(call venv,.venv-lab,requirements-lab.txt)
	.venv-lab/bin/jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root)

# Compile the locks from pyproject.toml (the only list of dependencies), with hashes.
lock:
	test -x $(BIN)/uv || ($(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip install --quiet uv==$(UV_VERSION))
	$(BIN)/uv pip compile pyproject.toml --extra test $(LOCK) -o requirements.txt
	$(BIN)/uv pip compile pyproject.toml --extra test --extra lab $(LOCK) -o requirements-lab.txt

# ruff's rules and format (settings in pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) .venv-lab dist report .pytest_cache build dprk_kursk.egg-info

summary: $(STAMP)
	$(BIN)/python scripts/build_summary.py

# The release step: after bumping the version (datapackage.json, pyproject.toml, CITATION.cff, CHANGELOG.md).
release: $(STAMP)
	$(BIN)/python scripts/validate.py
	$(BIN)/python scripts/build_changes.py
	$(BIN)/python scripts/record_release.py

# Known vulnerabilities in the pinned requirements (needs the package index; kept out of .venv).
audit:
	test -x .venv-audit/bin/python || $(PYTHON) -m venv .venv-audit
	.venv-audit/bin/python -m pip install --quiet pip-audit==2.10.1
	.venv-audit/bin/pip-audit --requirement requirements.txt --disable-pip --no-deps
