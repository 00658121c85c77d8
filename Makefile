# Quick start: `make run` (demo window) and `make test` (every check and test).
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test system-test-packages lint typecheck imports pytest dist selftest-dist deb clean

$(STAMP): pyproject.toml
	bash scripts/system-packages.sh run
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m kiosk --windowed

lint: $(STAMP)
	$(PY) -m ruff check kiosk tests bench deploy
	$(PY) -m ruff format --check kiosk tests bench deploy

typecheck: $(STAMP)
	$(PY) -m mypy
	$(PY) -m mypy deploy/build_deb.py deploy/unit_file.py

# The layers of design.md section 1 ([tool.importlinter] in pyproject.toml).
imports: $(STAMP)
	$(VENV)/bin/lint-imports

system-test-packages:
	bash scripts/system-packages.sh test

pytest: $(STAMP) system-test-packages
	$(PY) -m pytest

test: lint typecheck imports pytest

dist: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,build]'
	$(PY) -m PyInstaller --noconfirm --clean build.spec

# The frozen app plays a scripted patient offscreen and checks its own PDF.
selftest-dist: dist
	QT_QPA_PLATFORM=offscreen dist/postpartum-run-kiosk/postpartum-run-kiosk --self-test
	$(PY) -m pytest -q -p no:cacheprovider tests/test_build_spec.py

# The Debian package of the self-tested folder: dist/postpartum-run-kiosk_<version>_<arch>.deb
# (ldd over the folder first: a library missing here stops the build; see deploy/build_deb.py).
deb: selftest-dist
	$(PY) deploy/build_deb.py build dist/postpartum-run-kiosk dist
	$(PY) -m pytest -q -p no:cacheprovider tests/test_deb.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .import_linter_cache .grimp_cache
