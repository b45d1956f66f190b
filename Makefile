# 漏えい等対応ウィザード — `make run` starts the wizard, `make test` runs every test.
# Both install what is missing first: Debian packages (when root) and .venv.
PY      := .venv/bin/python
STAMP   := .venv/.installed-$(shell cat requirements.txt requirements-dev.txt | md5sum | cut -c1-12)

.PHONY: run test deps lint bench bundle bundle-windows check contract clean

deps: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt tools/install-system-deps.sh
	@sh tools/install-system-deps.sh
	@test -x $(PY) || python3 -m venv .venv
	@$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	@rm -f .venv/.installed-* && touch $@

run: deps
	$(PY) main.py

test: deps
	@QT_QPA_PLATFORM=offscreen $(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest: no tests collected (exit 5)"; exit 1; fi; exit $$rc

lint: deps
	$(PY) -m ruff check .
	$(PY) -m mypy wizard main.py

check: deps
	$(PY) main.py check

contract: deps
	../shared/contract/run

bench: deps
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_all.py

bundle: deps
	$(PY) -m pip install -q --disable-pip-version-check -r packaging/requirements.txt
	@start=$$(date +%s); \
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/rouei-wizard.spec \
	&& echo "bundle: PyInstaller built dist/rouei-wizard in $$(( $$(date +%s) - start )) s"
	$(PY) packaging/smoke_test.py dist/rouei-wizard/rouei-wizard

# Windows x64: exe, zip and per-user installer in dist-windows/, built and smoke-tested under Wine
# (root installs wine, mingw-w64, nsis, osslsigncode first; see packaging/README.md).
bundle-windows: deps
	bash packaging/windows/bundle-windows.sh

clean:
	rm -rf build dist build-windows dist-windows .pytest_cache .mypy_cache .ruff_cache
