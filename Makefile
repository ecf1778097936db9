# Quick start: `make demo` (set up and run the tour) and `make test` (set up and run every check).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
CLI := $(VENV)/bin/aneel-rules

.PHONY: demo test lint typecheck pytest bench fmt catalogs clean

$(VENV)/.demo-stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.dev-stamp: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.demo-stamp

demo: $(VENV)/.demo-stamp
	@echo "== Dias sem posto de ponta em 2026 (Amazonas Energia) =="
	$(CLI) calendar 2026 --distributor amazonas-energia
	@echo "== Posto tarifário de 2026-03-09 20:30 =="
	$(CLI) post 2026-03-09T20:30 --distributor amazonas-energia --modality branca
	@echo "== Modalidades permitidas =="
	$(CLI) modality --voltage-kv 13.8 --class industrial --demand-kw 200 --on 2026-01-10
	@echo "== Prazo do orçamento de conexão (REN 1.000/2021, art. 64) =="
	$(CLI) deadline budget --requested 2026-03-04 --voltage-kv 13.8 --works --uf AM
	@echo "== Prazo de vistoria e medição (art. 91) =="
	$(CLI) deadline inspection --notice 2026-03-04 --voltage-kv 0.22
	@echo "== Medição em tensão primária (Amazonas Energia, manual item 4.5) =="
	$(CLI) metering --transformer 300:220/127 --transformer 150:380/220
	@echo "== Intervalo de leitura (REN 1.000/2021, art. 260) =="
	$(CLI) reading 2026-01-05 2026-02-10 --kwh 360
	@echo "== Primeiro faturamento (art. 260, § 1º) =="
	$(CLI) reading 2026-01-05 2026-02-10 --kind first-billing
	@echo "== Faturamento a menor pela distribuidora (art. 323, I) =="
	$(CLI) refund --found-on 2026-03-10 --direction under --error 2025-10:80,00 --error 2025-11:75,50 --error 2025-12:90,00 --error 2026-01:60,00 --error 2026-02:70,25
	@echo "== Faturamento a maior: devolução em dobro (art. 323, II e § 2º; prazo de 60 ciclos suspenso) =="
	$(CLI) refund --found-on 2026-03-10 --direction over --error 2026-01:123,45 --error 2026-02:98,70 --window-cycles 60
	@echo "== Validar CPF e telefone celular (documentos) =="
	$(CLI) validate cpf 529.982.247-25
	-$(CLI) validate phone "(92) 3333-4444" --mobile
	@echo "== Pedido de orçamento de conexão válido (manual da Agência Virtual, item 4) =="
	$(CLI) validate request budget examples/budget.json --today 2026-03-09
	@echo "== Pedido inválido: todos os problemas de uma vez (sai com status 1) =="
	-$(CLI) validate request budget examples/budget_invalid.json --today 2026-03-09
	@echo "== Ligação nova sem RG: o CPF basta (REN 1.000/2021, art. 659-B, incl. REN 1.095/2024) =="
	$(CLI) validate request new-connection examples/new_connection_without_rg.json --today 2026-03-09

test: $(VENV)/.dev-stamp lint typecheck pytest

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

fmt: $(VENV)/.dev-stamp
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

catalogs: $(VENV)/.dev-stamp
	$(PY) tools/compile_catalogs.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .coverage
