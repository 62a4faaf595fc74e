# One-command entry points; each sets up what it needs first (idempotent).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test test-standard lint bench bench-smoke bench-ingest bench-load schema clean

SERVE_STAMP := $(VENV)/.installed-serve
# uv installs the same pins in a fraction of pip's time; pip when uv is not there.
INSTALL = $(if $(shell command -v uv),uv pip install --quiet --python $(BIN)/python,$(BIN)/pip install --quiet --disable-pip-version-check)

$(VENV)/bin/python:
	@echo "flightgraph: creating $(VENV)"
	@$(PYTHON) -m venv $(VENV)

# What serving needs (make serve), then what the tests and benchmarks need on top.
$(SERVE_STAMP): pyproject.toml | $(VENV)/bin/python
	@echo "flightgraph: installing the server's dependencies (first run only)"
	@$(INSTALL) -e .
	@touch $@

$(STAMP): pyproject.toml $(SERVE_STAMP)
	@echo "flightgraph: installing the test and benchmark dependencies"
	@$(INSTALL) -e ".[test,bench]"
	@touch $@

# JS test tools, pinned by each package-lock.json. Without npm the tests that need them skip
# (CI sets FLIGHTGRAPH_REQUIRE_SERVICES=1, which turns such a skip into a failure).
NODE_PROJECTS := tests/federation tests/subscriptions tests/gateway/http/js gateway/http/graphiql
NODE_STAMPS := $(addsuffix /node_modules/.package-lock.json,$(NODE_PROJECTS))

%/node_modules/.package-lock.json: %/package-lock.json
	@if command -v npm >/dev/null; then \
		echo "flightgraph: npm ci in $*"; \
		cd $* && npm ci --no-audit --no-fund --prefer-offline --loglevel=error >/dev/null; \
	else echo "npm not found: tests needing $* will skip"; fi

serve: $(SERVE_STAMP) gateway/http/graphiql/node_modules/.package-lock.json
	@echo "flightgraph: starting the server (GraphiQL at /graphql; the first start loads demo data)"
	@$(BIN)/flightgraph serve

# pytest-xdist workers: two, as CI has two cores (much of the suite waits on processes,
# sockets and fsync, so a second worker pays even beside PostgreSQL); 0 runs in one process.
# loadgroup spreads single tests and keeps each xdist_group on one worker.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

test: $(STAMP) $(NODE_STAMPS)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(PYTEST)

# The GraphQL-facing tests again on graphql-core's standard executor (the compiled one is
# the default): the suite must pass either way (CI runs both).
test-standard: $(STAMP) $(NODE_STAMPS)
	FLIGHTGRAPH_COMPILED_EXECUTION=false $(PYTEST) tests/schema tests/gateway \
		tests/loaders --ignore=tests/schema/compiled

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

# The benchmark harness (bench/__main__.py): PostGraphile 5 and autocannon are pinned in
# bench/postgraphile/package-lock.json; data sets are cached in bench/.cache.
BENCH_NODE := bench/postgraphile/node_modules/.package-lock.json

bench: $(STAMP) $(BENCH_NODE)
	$(BIN)/python -m bench $(BENCH_ARGS)

bench-smoke: $(STAMP) $(BENCH_NODE)
	$(BIN)/python -m bench --smoke

bench-ingest: $(STAMP)
	$(BIN)/python -m bench.ingest

bench-load: $(STAMP)
	$(BIN)/python -m bench.load

schema: $(STAMP)
	$(BIN)/python -m schema.export > schema.graphql

clean:
	rm -rf $(VENV) var bench/.cache
