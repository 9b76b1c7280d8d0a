# The project's vocabulary. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
# Runs a command against DATABASE_URL, or against the project-local embedded PostgreSQL.
WITH_DB := $(BIN)/python -m cstonews.embedded_db

# Tests run with production settings (DEBUG off), minus the TLS redirect; Django serves
# uploads for the browser tests, whose Playwright event loop needs ASYNC_UNSAFE.
TEST_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=test-only-secret-key-not-for-any-deployment-0000 \
	DJANGO_ALLOWED_HOSTS=testserver,localhost,127.0.0.1 DJANGO_SECURE_SSL_REDIRECT=0 \
	DJANGO_SERVE_MEDIA=1 DJANGO_ALLOW_ASYNC_UNSAFE=true

.PHONY: install run run-edge serve test lint format demo migrations-check check-deploy clean-db messages compile bench-data bench-search bench loadtest backup restore

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable '.[dev]'
	@touch $@

install: $(VENV)/.installed

## run: install, migrate, load the demo content, print the admin login, serve on :8000
run: install compile
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) sh -c '\
		$(MANAGE) migrate --noinput && \
		$(MANAGE) load_demo && \
		$(MANAGE) create_demo_superuser && \
		echo "Serving on http://127.0.0.1:8000/  (newsroom: http://127.0.0.1:8000/admin/)" && \
		exec $(MANAGE) runserver 127.0.0.1:8000'

## run-edge: as `make run`, under production settings, with Varnish in front (:8000 edge, :8001 origin)
EDGE_ENV := DJANGO_DEBUG=0 DJANGO_SECRET_KEY=local-edge-only-key-0000000000000000000000 \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 \
	DJANGO_HSTS_SECONDS=0 DJANGO_SERVE_MEDIA=1 DJANGO_TWO_FACTOR_REQUIRED=0
run-edge: install compile
	@command -v varnishd >/dev/null || (apt-get update -qq && apt-get install -y -qq varnish varnish-modules >/dev/null)
	$(EDGE_ENV) $(WITH_DB) sh -c '\
		$(MANAGE) migrate --noinput && $(MANAGE) collectstatic --noinput -v0 && \
		$(MANAGE) load_demo && $(MANAGE) create_demo_superuser && \
		exec $(BIN)/python -m tools.varnish'

## test: the whole suite
test: install compile
	$(TEST_ENV) $(WITH_DB) $(BIN)/python -m pytest $(PYTEST_ARGS)

## lint: ruff's checks and format check
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## demo: add N scaled articles for benchmarks, e.g. `make demo SCALE=100000`
SCALE ?= 1000
demo: install
	DJANGO_DEBUG=1 $(WITH_DB) sh -c '$(MANAGE) migrate --noinput && $(MANAGE) load_demo --scale $(SCALE)'

## migrations-check: fail when a model change has no migration
migrations-check: install
	$(TEST_ENV) $(WITH_DB) $(MANAGE) makemigrations --check --dry-run

## check-deploy: Django's deployment checklist with production-like settings
check-deploy: install
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
		DJANGO_ALLOWED_HOSTS=news.example.org DATABASE_URL=$${DATABASE_URL:-postgres://localhost/cstonews} \
		$(MANAGE) check --deploy --fail-level WARNING

## backup: one archive (pg_dump custom format + media + manifest) in $(BACKUP_DIR)
BACKUP_DIR ?= backups
backup: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) $(MANAGE) backup --output $(BACKUP_DIR)

## restore: bring BACKUP=archive back into an empty installation, checking rows and files
restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=backups/cstonews-YYYYmmdd-HHMMSS.tar" && false)
	DJANGO_DEBUG=$${DJANGO_DEBUG:-1} $(WITH_DB) $(MANAGE) restore $(BACKUP)

## clean-db: delete the embedded database (all local data)
clean-db:
	rm -rf .data/postgres

## messages: update the message catalogues from the code (then translate locale/*/LC_MESSAGES)
MESSAGES_ENV := DJANGO_DEBUG=1 DATABASE_URL=postgres://localhost/unused
messages: install
	$(MESSAGES_ENV) $(MANAGE) makemessages --all --no-obsolete --ignore='.venv/*' --ignore='tests/*' --ignore='staticfiles/*'
	$(MESSAGES_ENV) $(MANAGE) makemessages --all --no-obsolete -d djangojs --ignore='.venv/*' --ignore='tests/*' --ignore='staticfiles/*' --ignore='static/vendor/*'
	msgen --no-wrap locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po

## compile: the .mo files the site runs on (built from the .po files, never committed)
compile: $(VENV)/.installed
	$(MESSAGES_ENV) $(MANAGE) compilemessages --ignore='.venv/*' -v0

## bench-data: the benchmark's own database in .data/bench, 100,000 articles (built once)
BENCH_DB := $(CURDIR)/.data/bench
# Production's shared cache (Redis): kept fragments live only in one (apps/core/fragments.py).
BENCH_REDIS := redis://127.0.0.1:6379/2
BENCH_ENV := EMBEDDED_POSTGRES_DIR=$(BENCH_DB)/postgres DJANGO_DEBUG=0 \
	DJANGO_SECRET_KEY=bench-only-secret-key-000000000000000000000 \
	DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost DJANGO_SECURE_SSL_REDIRECT=0 \
	CACHE_URL=$${CACHE_URL:-$(BENCH_REDIS)} CACHE_KEY_PREFIX=cstonews-bench
bench-data: install compile
	mkdir -p $(BENCH_DB)
	$(BENCH_ENV) $(WITH_DB) sh -c '\
		$(MANAGE) collectstatic --noinput -v0 && $(MANAGE) migrate --noinput -v0 && $(MANAGE) load_demo -v0 && \
		if [ $$($(MANAGE) shell -v0 -c "from apps.news.models import Article; print(Article.objects.count())") -lt 100000 ]; \
			then start=$$(date +%s) && $(MANAGE) load_demo --scale 100000 --seed 1 && \
			echo $$(( $$(date +%s) - start )) > $(BENCH_DB)/load_seconds; fi'

## bench-search: search latency at 100,000 articles
bench-search: bench-data
	$(BENCH_ENV) $(WITH_DB) $(BIN)/python -m tools.bench search

## loadtest: 50 clients for 2 minutes under gunicorn while PostgreSQL restarts (issue 9)
loadtest: bench-data
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null)
	$(BENCH_ENV) $(WITH_DB) $(BIN)/python -m tools.bench loadtest

## bench: pages, newsroom lists, throughput under gunicorn and memory against issue 8's targets
bench: bench-data
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk >/dev/null) \
		|| (echo "make bench needs wrk (Debian/Ubuntu: apt-get install wrk; macOS: brew install wrk)" && false)
	@command -v varnishd >/dev/null && command -v nginx >/dev/null \
		|| (apt-get update -qq && apt-get install -y -qq varnish varnish-modules nginx-light >/dev/null) \
		|| echo "make bench measures the edge with varnish, varnish-modules and nginx: not installed"
	@redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || ( \
		(command -v redis-server >/dev/null || (apt-get update -qq && apt-get install -y -qq redis-server >/dev/null)) \
		&& redis-server --bind 127.0.0.1 --port 6379 --save "" --daemonize yes >/dev/null)
	$(BENCH_ENV) $(WITH_DB) $(BIN)/python -m tools.bench pages
