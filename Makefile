# Entrepairs — every day-to-day task is a target here. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

UV_VERSION := 0.13.9
PYTHON ?= python3
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_LINK_MODE := copy
export DEMO_PASSWORD ?= entrepairs-demo

.PHONY: help setup run test test-postgres lint format messages check-messages compilemessages \
        migrate bootstrap demo clean backup restore bench loadtest browser-deps screenshots \
        lighthouse two-servers

help: ## List the available targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[1m%-16s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Entrepairs needs Python 3.11 or newer as $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --python $(PYTHON)
	@mkdir -p var
	@touch $@

venv: $(VENV)/.synced ## Create the virtual environment from uv.lock

# Pango (libpangoft2) is what WeasyPrint lays the PDFs out with (home/pdf.py).
system-deps: ## Install gettext and Pango if they are missing (Debian)
	@command -v msgfmt >/dev/null || bash scripts/install-system-deps.sh gettext
	@/sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 \
		|| bash scripts/install-system-deps.sh libpango-1.0-0 libpangoft2-1.0-0

# Browser tests: Debian's Chromium (Playwright cannot download browsers here) and axe-core.
browser-deps: node_modules/.package-lock.json ## Install Chromium and axe-core for the browser tests
	@command -v chromium >/dev/null || bash scripts/install-system-deps.sh chromium

node_modules/.package-lock.json: package.json package-lock.json
	@command -v npm >/dev/null || bash scripts/install-system-deps.sh npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

compilemessages: venv system-deps ## Compile the fr and en catalogues (locale/ and locale_overrides/, from LOCALE_PATHS)
	$(MANAGE) compilemessages --ignore '.venv' --ignore '.tools' -v 0

migrate: venv ## Apply database migrations
	@mkdir -p var
	$(MANAGE) migrate --noinput -v 0

bootstrap: migrate ## Create roles, permissions, workflows and the page tree (idempotent)
	$(MANAGE) bootstrap

demo: bootstrap ## Create the demo accounts and demo content (idempotent)
	$(MANAGE) seed_demo

setup: venv compilemessages demo ## Everything needed to run the site (safe to run again)

run: setup ## Set up, then serve the site on http://127.0.0.1:8000 with its task worker
	@$(MANAGE) seed_demo --list-accounts
	$(PY) scripts/run.py 127.0.0.1:8000

test: venv compilemessages browser-deps ## Run the test suite on SQLite (DATABASE_URL to override)
	$(PY) -m pytest -q $(PYTEST_ARGS)

test-postgres: venv compilemessages browser-deps ## Run the test suite on a throwaway PostgreSQL server
	bash scripts/with-postgres.sh $(PY) -m pytest -q $(PYTEST_ARGS)

screenshots: venv compilemessages browser-deps ## Retake the screenshots of docs/screenshots/ (browser tests)
	ENTREPAIRS_SCREENSHOTS=1 $(PY) -m pytest -q -m e2e $(PYTEST_ARGS)

tests/lighthouse/node_modules/.package-lock.json: tests/lighthouse/package.json tests/lighthouse/package-lock.json
	@command -v npm >/dev/null || bash scripts/install-system-deps.sh npm
	cd tests/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

lighthouse: setup browser-deps tests/lighthouse/node_modules/.package-lock.json ## Lighthouse scores of the main pages on the demo site (not CI)
	$(PY) scripts/lighthouse.py

lint: venv ## Check code style (ruff) and migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -c "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))"
	$(MANAGE) makemigrations --check --dry-run -v 1

format: venv ## Reformat the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

messages: venv system-deps ## Extract interface strings into locale/ and check both catalogues
	$(MANAGE) makemessages -l fr -l en --no-obsolete --add-location file --ignore '.venv/*' --ignore '.tools/*' --ignore 'var/*' -v 0
	$(PY) scripts/english_catalogue.py
	$(MAKE) check-messages

check-messages: venv system-deps ## Fail if a catalogue has an untranslated or fuzzy entry
	$(PY) scripts/check_catalogues.py

backup: venv ## Write a backup archive (database, media, private files) to var/backups/
	$(MANAGE) backup

restore: venv ## Restore a backup: make restore BACKUP=var/backups/....tar.gz [FORCE=1]
	@test -n "$(BACKUP)" || { echo "usage: make restore BACKUP=var/backups/entrepairs-....tar.gz [FORCE=1]"; exit 2; }
	$(MANAGE) restore "$(BACKUP)" $(if $(FORCE),--force)

bench: venv ## Pages against a bare Django view in its own process: make bench [SCALE=1,10] (not CI)
	@command -v wrk >/dev/null || bash scripts/install-system-deps.sh wrk
	DJANGO_SETTINGS_MODULE=config.settings.bench $(PY) -m bench.run --scales "$(or $(SCALE),1)" $(BENCH_ARGS)

loadtest: venv ## Ramp up members until p95 passes 500 ms: how many one server holds (not CI)
	DJANGO_SETTINGS_MODULE=config.settings.bench $(PY) -m bench.loadtest --scale "$(or $(SCALE),1)" $(LOADTEST_ARGS)

two-servers: venv ## Two app servers and two task workers on one PostgreSQL and one Redis: coherence, tasks once, SIGKILL (not CI)
	@command -v redis-server >/dev/null || bash scripts/install-system-deps.sh redis-server
	bash scripts/with-postgres.sh $(PY) scripts/two_servers.py $(TWO_SERVERS_ARGS)

clean: ## Remove the virtual environments, the SQLite database and media
	rm -rf $(VENV) $(TOOLS) var
