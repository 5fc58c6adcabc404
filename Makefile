# Servicedisk — `make run` opens the demo office, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO_DIR ?= $(CURDIR)/.demo-office
DEMO_DAYS ?= 120
export QT_API := pyside6
I18N_TS := app/resources/i18n/servicedisk_en.ts
I18N_QM := app/resources/i18n/servicedisk_en.qm

.PHONY: run test check lint bench schema screenshots clean venv package translations translations-qm

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml
	$(PY) -m pip install --quiet -e '.[desk]'
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

# The demo office lives in a data dir of its own, filled on first start,
# so an office's real store is never touched.
run: $(VENV)/.installed $(I18N_QM)
	@$(PY) -m app.preflight  # a missing system library named, with the apt line, before Qt
	@test -f "$(DEMO_DIR)/.demo-filled" || \
		{ $(PY) -m app --data-dir "$(DEMO_DIR)" demo --days $(DEMO_DAYS) --seed 1 && \
		  touch "$(DEMO_DIR)/.demo-filled"; }
	$(PY) -m app --data-dir "$(DEMO_DIR)" $(RUN_ARGS)

test: $(VENV)/.installed-test $(I18N_QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q $(PYTEST_ARGS)

# The day-to-day loop: lint, types and every test not marked slow (CI runs `make test`).
check: lint $(I18N_QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow" $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check app tests bench
	$(VENV)/bin/ruff format --check app tests bench
	$(VENV)/bin/mypy

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(BENCH_ARGS)

# After adding a migration: the head schemas a store is checked against (SQLite and server).
schema: $(VENV)/.installed-test
	$(PY) -m tests.write_schemas

screenshots: $(VENV)/.installed-test $(I18N_QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m app.ui.screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(PY) -m app.ui.screenshots --language en docs/screenshots/en
	# The visitor's side: the kiosk, the display in other languages, the printouts
	SERVICEDISK_SHOTS=docs/screenshots SERVICEDISK_TICKET_SHOTS=docs/screenshots \
	  QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:randomly tests/ui/test_kiosk.py \
	  tests/ui/test_display_languages.py tests/ui/test_printout_languages.py \
	  tests/ui/test_booking_check_in.py -k "render"
	$(PY) -m tests.receiver_live_shot docs/screenshots  # needs chromium

# The installable app: a one-folder bundle in dist/servicedisk/ (docs/packaging.md), built
# from a venv of its own with only what an office PC runs (no test tools), then its size.
# Its Python is made on Debian 11 (packaging/portable-python: root, once, a few minutes),
# so that the bundle needs glibc 2.34 (Qt's: RHEL 9, Ubuntu 22.04), not this machine's.
# PACKAGE_PYTHON=python3 builds with this machine's Python: quicker, for here only.
PACKAGE_VENV := .venv-package
PACKAGE_PYTHON ?= build/portable-python/bin/python3.11
PACKAGE_STAMP := $(PACKAGE_VENV)/.installed-$(subst /,_,$(PACKAGE_PYTHON))

build/portable-python/bin/python3.11:
	packaging/portable-python build/portable-python

$(PACKAGE_STAMP): pyproject.toml | $(filter build/%,$(PACKAGE_PYTHON))
	rm -rf $(PACKAGE_VENV)
	$(PACKAGE_PYTHON) -m venv $(PACKAGE_VENV)
	$(PACKAGE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PACKAGE_VENV)/bin/python -m pip install --quiet -e '.[package]'
	touch $@

package: $(PACKAGE_STAMP)
	$(PACKAGE_VENV)/bin/pyside6-lrelease -silent $(I18N_TS) -qm $(I18N_QM)
	$(PACKAGE_VENV)/bin/pyinstaller --noconfirm --log-level WARN \
	  --distpath dist --workpath build/pyinstaller packaging/servicedisk.spec
	@echo "dist/servicedisk: $$(du -sm dist/servicedisk | cut -f1) MB, $$(find dist/servicedisk -type f | wc -l) files"

# The staff's screens in English (Swedish is the source; docs in app/ui/shell/language.py).
# `make translations` brings the .ts up to date with the code, keeping what is translated
# and dropping what the code no longer says; translate what it marks unfinished (Qt
# Linguist: .venv/bin/pyside6-linguist). The .qm is built from it whenever it changed.
# The display, the kiosk and the ticket are the visitors': Swedish beside their languages.
I18N_SOURCES = $(filter-out app/ui/display app/ui/kiosk app/ui/__pycache__,$(wildcard app/ui/*))

translations: $(VENV)/.installed
	$(VENV)/bin/pyside6-lupdate -silent -extensions py -locations none -no-obsolete \
	  -source-language sv_SE -target-language en_GB $(I18N_SOURCES) -ts $(I18N_TS)

$(I18N_QM): $(I18N_TS) $(VENV)/.installed
	$(VENV)/bin/pyside6-lrelease -silent $(I18N_TS) -qm $(I18N_QM)

translations-qm: $(I18N_QM)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
