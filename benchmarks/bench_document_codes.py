"""Time ``frames.document_codes`` on 1 M CPF/CNPJ against a loop over ``document_kind``.

Run with ``.venv/bin/python benchmarks/bench_document_codes.py`` (or ``make bench``). Seeded
mix: half CPF, half CNPJ (a quarter alphanumeric), half of each formatted, a quarter spoiled.
The baseline is the loop an analyst writes with the scalar API (``document_kind`` in a
``try``, the error's code on failure); both must give the same code on every row. Goal
(issue 10): 1 M rows in about 2 s.
"""

from __future__ import annotations

import random
import time as clock

import pandas as pd
from bench_documents import _cnpj, _cpf, _spoil

from aneel_rules import InvalidInputError
from aneel_rules.documents import cnpj, cpf, document_kind
from aneel_rules.frames import document_codes

ROWS = 1_000_000
DIGITS = "0123456789"
ALPHANUMERIC = DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def column(rows: int) -> pd.Series:
    rng = random.Random(2026)
    values = []
    for i in range(rows):
        if i % 2:
            number = _cpf(rng)
            shown = cpf.format(number) if i % 4 == 1 else number
        else:
            number = _cnpj(rng, ALPHANUMERIC if i % 8 == 0 else DIGITS)
            shown = cnpj.format(number) if i % 4 == 0 else number
        values.append(_spoil(rng, number) if i % 16 in {3, 6, 9, 12} else shown)
    return pd.Series(values)


def loop(values: list[str]) -> list[str | None]:
    codes: list[str | None] = []
    for value in values:
        try:
            document_kind(value)
        except InvalidInputError as error:
            codes.append(error.errors[0].code)
        else:
            codes.append(None)
    return codes


def main() -> None:
    series = column(ROWS)
    started = clock.perf_counter()
    out = document_codes(series)
    columnar = clock.perf_counter() - started
    values = series.tolist()
    started = clock.perf_counter()
    expected = loop(values)
    scalar = clock.perf_counter() - started
    got = [None if pd.isna(c) else c for c in out["code"].tolist()]
    print(f"{ROWS:,} CPF/CNPJ (half formatted, a quarter spoiled)")
    print(f"frames.document_codes:          {columnar:6.2f} s (goal ~2 s)")
    print(f"rows per second (one core):     {ROWS / columnar:,.0f}")
    print(f"loop over document_kind (try):  {scalar:6.2f} s")
    print(f"ratio loop / columnar: {scalar / columnar:.1f}x")
    print(f"valid: {int(out['valid'].sum()):,}; same codes on every row: {got == expected}")


if __name__ == "__main__":
    main()
