# Two commands for a newcomer: `make run` (the whole product on embedded stores) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test test-fast setup lint lock bench clean

run: setup
	$(BIN)/atelier serve

# Test files spread over up to 4 processes, each with its own servers (a module's fixtures stay
# in one process); plain `pytest` runs them in one.
PARALLEL := -n auto --maxprocesses 4 --dist loadfile

test: setup
	$(BIN)/pytest $(PARALLEL)

# The fast lane: everything but the real-stack end-to-end tests.
test-fast: setup
	$(BIN)/pytest $(PARALLEL) -m "not slow"

setup: .make/system-deps $(VENV)/.installed node_modules/.installed frontend-demo/dist/app.js

.make/system-deps: scripts/install-system-deps
	scripts/install-system-deps
	@mkdir -p .make && touch $@

# Every dependency at the version requirements/dev.lock pins; `make lock` renews the pins.
$(VENV)/.installed: pyproject.toml requirements/dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements/dev.lock
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

# dev.lock: pyproject.toml with the test and embedded extras; prod.lock: what the image installs
# (the dependencies and the tracing extra), at the same versions. Pins already in a lock file are
# kept unless pyproject.toml needs others; delete a line to take a package's newest release.
LOCK := --quiet --python-version 3.11 --python-platform x86_64-manylinux_2_31 --prerelease allow \
	--custom-compile-command "make lock"
lock: $(VENV)/.installed
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra test --extra embedded $(LOCK) -o requirements/dev.lock
	$(BIN)/uv pip compile pyproject.toml --extra tracing -c requirements/dev.lock $(LOCK) \
		-o requirements/prod.lock

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	@touch $@

frontend-demo/node_modules/.installed: frontend-demo/package.json frontend-demo/package-lock.json
	npm --prefix frontend-demo ci --no-audit --no-fund --loglevel=error
	@touch $@

frontend-demo/dist/app.js: frontend-demo/node_modules/.installed $(wildcard frontend-demo/src/*.js frontend-demo/graphiql/*.js)
	npm --prefix frontend-demo run build

lint: setup
	$(BIN)/ruff check app tests bench scripts/check-schema-changes
	$(BIN)/mypy app

bench: setup
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.convert
	$(BIN)/python -m bench.render
	$(BIN)/python -m bench.scene_query

clean:
	rm -rf $(VENV) node_modules .make frontend-demo/node_modules frontend-demo/dist
