"""Loaders of a path, stream or lines name a refused row by its data row (docs/frames.md).

Data row 1 is the first row under the header; blank lines, ``#`` comments (the IPCA file) and
the header are not rows — the numbering of ``pandas.read_csv(file).iloc[n - 1]`` and of the
command line's audits. Both languages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.invoice import (
    ANEEL_TARIFF_COLUMNS,
    flags_from_aneel_csv,
    rates_from_aneel_csv,
    read_ipca_series,
)
from aneel_rules.tariffs import Subgroup, TariffModality

FLAG_HEADER = "DatCompetencia;NomBandeiraAcionada"
GOOD_FLAGS = ["2024-08-01;Verde", "2024-09-01;Verde", "2024-10-01;Verde"]


def _refusal(call: Callable[[], object]) -> InvalidInputError:
    with pytest.raises(InvalidInputError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("row", [1, 2, 4], ids=["first", "after-a-blank-line", "last"])
def test_flags_name_the_data_row(row: int, tmp_path: Path) -> None:
    rows = [*GOOD_FLAGS, "2024-11-01;Verde"]
    rows[row - 1] = "2024-11-01;Roxa"
    lines = [FLAG_HEADER, rows[0], "", *rows[1:]]  # the blank line is not a row
    for source in (
        lines,
        io.BytesIO("\n".join(lines).encode()),
        _path(tmp_path, "\n".join(lines)),
    ):
        error = _refusal(lambda source=source: flags_from_aneel_csv(source))  # type: ignore[misc]
        assert (error.code, error.errors[0].path) == ("unknown_flag", f"row.{row}")
        assert error.errors[0].message_in("en") == f"data row {row}: unknown tariff flag 'Roxa'"
        assert error.errors[0].message == (
            f"linha de dados {row}: bandeira tarifária desconhecida 'Roxa'"
        )


def _path(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "file.csv"
    path.write_text(text + "\n", encoding="utf-8")
    return path


def test_flag_add_on_and_date_refusals_name_the_data_row() -> None:
    error = _refusal(lambda: flags_from_aneel_csv([FLAG_HEADER, *GOOD_FLAGS, "2024-11-01;Amarela"]))
    assert error.errors[0].message_in("en") == (
        "data row 4: no add-on for Amarela in 2024-11 (pass the Adicional resource)"
    )
    assert error.errors[0].message == (
        "linha de dados 4: não há adicional para Amarela em 2024-11 (informe o recurso Adicional)"
    )
    error = _refusal(lambda: flags_from_aneel_csv([FLAG_HEADER, "nov/24;Verde"]))
    assert error.errors[0].message_in("en") == "data row 1: date is not a date: 'nov/24'"
    assert error.errors[0].message == "linha de dados 1: date não é uma data: 'nov/24'"


@pytest.mark.parametrize("row", [1, 3], ids=["first", "last-after-a-blank-line"])
def test_rates_name_the_data_row(row: int) -> None:
    good = ";".join(["x"] * 17)
    rows = [good, good, good]
    rows[row - 1] = "x;y"
    lines = [";".join(ANEEL_TARIFF_COLUMNS), rows[0], rows[1], "", rows[2]]
    error = _refusal(
        lambda: rates_from_aneel_csv(
            lines,
            distributor="CEMIG-D",
            subgroup=Subgroup.B1,
            modality=TariffModality.CONVENTIONAL_MONOMIAL,
            on=date(2026, 6, 1),
        )
    )
    assert (error.code, error.errors[0].path) == ("bad_row", f"row.{row}")
    assert error.errors[0].message_in("en") == f"data row {row} has 2 fields instead of 17"
    assert error.errors[0].message == f"a linha de dados {row} tem 2 campos em vez de 17"


@pytest.mark.parametrize(
    ("text", "row", "shown"),
    [
        pytest.param(
            "# source: IBGE\n# last_verified_on: 2026-01-10\nmonth,variation_percent\n"
            "2026-01,abc\n2026-02,0.2\n",
            1,
            "'abc'",
            id="first-after-comments-and-header",
        ),
        pytest.param(
            "# source: IBGE\nmonth,variation_percent\n2026-01,0.1\n\n2026-02,abc\n",
            2,
            "'abc'",
            id="last-after-a-blank-line",
        ),
        pytest.param(
            '[{"data": "01/01/2026", "valor": "1"}, {"data": "15/01/2026", "valor": "1"}]',
            2,
            "'15/01/2026'",
            id="sgs-json-second-item",
        ),
    ],
)
def test_ipca_series_names_the_data_row(text: str, row: int, shown: str) -> None:
    error = _refusal(lambda: read_ipca_series(text))
    assert error.code == "bad_series_row"
    assert error.errors[0].message_in("en") == (
        f"data row {row} of the IPCA series is not 'YYYY-MM,variation': {shown}"
    )
    assert error.errors[0].message == (
        f"a linha de dados {row} da série do IPCA não está no formato 'AAAA-MM,variação': {shown}"
    )
