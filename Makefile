# Every target creates .venv on first use, so a fresh clone needs nothing but Python 3.11.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: test demo try help lint image bench clean

$(BIN)/.installed: requirements.txt requirements-dev.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

# The suite keeps bytecode caches (__pycache__/, ignored by git) even where the environment turns
# them off (PYTHONDONTWRITEBYTECODE): its integration tests start many interpreters, and pytest
# otherwise rewrites every test module's asserts again in each worker on every run.
test: $(BIN)/.installed
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest

demo: $(BIN)/.installed
	$(BIN)/python -m demo

# make try ACTION=get_user: the step's sample, run against the local demo Okta org.
try: $(BIN)/.installed
	$(BIN)/python -m demo.try_action "$(ACTION)"

help: $(BIN)/.installed
	$(BIN)/python -m komand_okta.runtime.helpdoc plugin.spec.yaml > help.md

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

image:
	docker build -t komand/okta:$$(grep '^version:' plugin.spec.yaml | awk '{print $$2}') .

bench: $(BIN)/.installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV)
