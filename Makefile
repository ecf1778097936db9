# Quick start: `make demo` (set up and run the tour) and `make test` (set up and run every check).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/aneel-rules

CORE_VENV := .venv-core

.PHONY: demo test test-core lint typecheck pytest bench fmt catalogs clean

$(VENV)/.demo-stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[frames]'
	touch $@

$(VENV)/.dev-stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.demo-stamp

# `make demo`: each command is printed as typed ("$ aneel-rules ..."), then run.
# SHOW runs a command that must succeed; SHOW_INVALID one that must fail with the status given
# first (1: invalid document or request; 2: bad arguments), so the tour still exits 0.
SHOW = sh -c 'printf "\n$$ aneel-rules"; for a in "$$@"; do case "$$a" in *" "*) printf " \"%s\"" "$$a";; *) printf " %s" "$$a";; esac; done; echo; exec "$$0" "$$@"' $(CLI)
SHOW_INVALID = sh -c 'want=$$1; shift; printf "\n\# exemplo inválido de propósito (status esperado: %s)\n$$ aneel-rules" "$$want"; for a in "$$@"; do case "$$a" in *" "*) printf " \"%s\"" "$$a";; *) printf " %s" "$$a";; esac; done; echo; "$$0" "$$@"; got=$$?; echo "(status $$got)"; test $$got -eq $$want' $(CLI)

# SHOW_FINDINGS runs an audit whose sample has findings on purpose (status 1).
SHOW_FINDINGS = sh -c 'printf "\n\# amostra com achados de propósito (status esperado: 1)\n$$ aneel-rules"; for a in "$$@"; do printf " %s" "$$a"; done; echo; "$$0" "$$@"; got=$$?; echo "(status $$got)"; test $$got -eq 1' $(CLI)

demo: $(VENV)/.demo-stamp
	@echo "=== 1. Postos tarifários (REN 1.000/2021, art. 2º, XXXVIII; Amazonas Energia) ==="
	@$(SHOW) calendar 2026 --distributor amazonas-energia
	@$(SHOW) post 2026-03-09T20:30 --distributor amazonas-energia --modality branca
	@$(SHOW) post 2026-03-09T20:30 --modality verde --lang en
	@echo
	@echo "=== 2. Modalidades tarifárias permitidas (arts. 219-220) ==="
	@$(SHOW) modality --voltage-kv 13,8 --class industrial --demand-kw 200 --on 2026-01-10
	@echo
	@echo "=== 3. Leitura e faturamento (arts. 260, 285 e 323) ==="
	@$(SHOW) reading 2026-01-05 2026-02-10 --kwh 360
	@$(SHOW) reading 2026-01-05 2026-02-10 --kind first-billing
	@$(SHOW) refund --found-on 2026-03-10 --direction under --error 2025-12:90,00 --error 2026-01:60,00 --error 2026-02:70,25
	@$(SHOW) refund --found-on 2026-03-10 --direction over --error 2026-01:1.123,45 --error 2026-02:98,70 --window-cycles 60
	@echo
	@echo "=== 4. Conexão: prazos (arts. 64, 91 e 656) e medição em MT (manual, item 4.5) ==="
	@$(SHOW) deadline budget --requested 2026-03-04 --voltage-kv 13,8 --works --uf AM
	@$(SHOW) deadline inspection --notice 2026-03-04 --voltage-kv 0,22
	@$(SHOW) metering --transformer 300:220/127 --transformer 150:380/220
	@echo
	@echo "=== 5. Documentos e solicitações do portal (Agência Virtual) ==="
	@$(SHOW) validate cpf 529.982.247-25
	@$(SHOW_INVALID) 1 validate phone "(92) 3333-4444" --mobile
	@$(SHOW) validate request budget examples/budget.json --today 2026-03-09
	@$(SHOW_INVALID) 1 validate request budget examples/budget_invalid.json --today 2026-03-09
	@$(SHOW) validate request new-connection examples/new_connection_without_rg.json --today 2026-03-09
	@echo
	@echo "=== 6. Fatura A4 azul de uma curva de carga de 15 minutos (examples/azul_profile.csv) e auditoria da fatura emitida (arts. 294, 301, 304, 307, 327, 657) ==="
	@$(SHOW) bill examples/bill_azul.json
	@$(SHOW_INVALID) 1 invoice check examples/invoice_check_azul.json
	@echo
	@echo "=== 7. Erros de uso: uma linha, em português, status 2 ==="
	@$(SHOW_INVALID) 2 modality --voltage-kv 13,8 --class industrial
	@$(SHOW_INVALID) 2 deadline orcamento --requested 2026-03-04
	@$(SHOW_INVALID) 2 reading 2026-01-05 2026-02-10 --kwh 1.23
	@echo
	@echo "=== 8. Auditoria de arquivos: leituras (arts. 260, 285, 291) e curva de carga (arts. 2º, XIII, 304) ==="
	@$(SHOW_FINDINGS) audit readings examples/readings.csv --column unit=uc --column previous=leitura_anterior --column current=leitura_atual --column kwh=consumo_kwh --column group=grupo --column kind=tipo --column supply=ligacao --column low_income=baixa_renda --quiet
	@$(SHOW_FINDINGS) audit profile examples/profile.csv --column unit=uc --column stamp=datahora --column kwh=consumo_kwh --column kvarh=reativo_kvarh --capacitive-window 00:00 --modality azul --quiet

test: $(VENV)/.dev-stamp lint typecheck pytest

# The core suite in an environment without the optional extras (numpy, pandas, dask, matplotlib):
# tests of the extras skip themselves there, everything else must pass.
$(CORE_VENV)/.stamp: pyproject.toml
	$(PYTHON) -m venv $(CORE_VENV)
	$(CORE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(CORE_VENV)/bin/python -m pip install --quiet -e '.[test]'
	touch $@

test-core: $(CORE_VENV)/.stamp
	$(CORE_VENV)/bin/python -m pytest -q

lint: $(VENV)/.dev-stamp
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(VENV)/.dev-stamp
	$(PY) -m mypy --strict src tests tools $(wildcard benchmarks/*.py)

pytest: $(VENV)/.dev-stamp
	$(PY) -m pytest --cov --cov-report=term -q

bench: $(VENV)/.dev-stamp
	$(PY) benchmarks/bench_posts.py
	$(PY) benchmarks/bench_documents.py
	$(PY) benchmarks/bench_hostile.py
	$(PY) benchmarks/bench_readings.py
	$(PY) benchmarks/bench_profile.py
	$(PY) benchmarks/bench_document_codes.py
	$(PY) benchmarks/bench_bill.py
	$(PY) benchmarks/bench_cli_start.py
	$(PY) benchmarks/bench_audit.py
	$(PY) benchmarks/bench_dask.py
	$(PY) benchmarks/bench_audit_memory.py

fmt: $(VENV)/.dev-stamp
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

catalogs: $(VENV)/.dev-stamp
	$(PY) tools/compile_catalogs.py

clean:
	rm -rf $(VENV) $(CORE_VENV) .pytest_cache .mypy_cache .ruff_cache .coverage
