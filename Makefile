# One-command entry points; each sets up what it needs first (idempotent).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve test test-standard lint bench bench-smoke bench-ingest bench-load schema clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $(STAMP)

# JS test tools, pinned by each package-lock.json. Without npm the tests that need them skip
# (CI sets FLIGHTGRAPH_REQUIRE_SERVICES=1, which turns such a skip into a failure).
NODE_PROJECTS := tests/federation tests/subscriptions tests/gateway/http/js gateway/http/graphiql
NODE_STAMPS := $(addsuffix /node_modules/.package-lock.json,$(NODE_PROJECTS))

%/node_modules/.package-lock.json: %/package-lock.json
	@if command -v npm >/dev/null; then \
		cd $* && npm ci --no-audit --no-fund --prefer-offline --loglevel=error; \
	else echo "npm not found: tests needing $* will skip"; fi

serve: $(STAMP) gateway/http/graphiql/node_modules/.package-lock.json
	$(BIN)/flightgraph serve

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
