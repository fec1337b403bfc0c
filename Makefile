# The two commands that matter: `make run` and `make test`. Everything else is what they use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test setup install lint data-check browser smoke bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

install: $(STAMP)

# Database (embedded PostgreSQL under .data/ unless DATABASE_URL names a server), schema, data.
setup: $(STAMP)
	$(BIN)/python manage.py ensure_database
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_fixtures --quiet-warnings
	$(BIN)/python manage.py collectstatic --noinput -v0

run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C stops the site and its database)"
	$(BIN)/python manage.py runserver --noreload 127.0.0.1:$(PORT)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run -v0

browser:
	@bash scripts/ensure-chromium.sh

test: setup lint browser
	$(BIN)/python -m pytest

smoke: setup
	$(BIN)/python manage.py smoke

bench: setup
	$(BIN)/python bench/search_bench.py

clean:
	rm -rf $(VENV) .data .pytest_cache .ruff_cache
