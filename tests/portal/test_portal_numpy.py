"""Portal numbers given as numpy scalars are the Python numbers they hold (``_convert``).

A data frame row brings ``np.int64`` as readily as ``np.float64``; both are read by value.
Manual item 4.5 (Amazonas Energia, distributor rule): a single 300 kVA transformer at
220/127 V is not "superior a 300kVA"; 301 kVA is.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.portal import (
    LoginGuard,
    parse_connection_budget_request,
    parse_new_connection_request,
    parse_user_registration,
)

np = pytest.importorskip("numpy")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TODAY = date(2026, 3, 9)


def example(name: str) -> dict[str, object]:
    data = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(("kva", "required"), [(300, False), (301, True)])
def test_budget_numpy_integer_kva(kva: int, required: bool) -> None:
    data = example("budget")
    load = data["load"]
    assert isinstance(load, dict)
    load["transformer_kva"] = np.int64(kva)
    load["expected_demand_kw"] = np.int32(150)
    request = parse_connection_budget_request(data, today=TODAY)
    assert request.load.transformers_kva == (Decimal(kva),)
    assert request.primary_metering.required is required


def test_load_survey_numpy_quantity() -> None:
    data = example("new_connection")
    survey = data["load_survey"]
    assert isinstance(survey, list)
    survey[0]["quantity"] = np.int64(3)
    request = parse_new_connection_request(data, today=TODAY)
    assert request.load_survey[0].quantity == 3


def test_numpy_bool_is_not_a_number() -> None:
    data = example("budget")
    load = data["load"]
    assert isinstance(load, dict)
    load["transformer_kva"] = np.bool_(True)
    with pytest.raises(InvalidInputError) as info:
        parse_connection_budget_request(data, today=TODAY)
    assert [(e.path, e.code) for e in info.value.errors] == [
        ("load.transformer_kva", "not_a_number")
    ]


def test_password_min_length_numpy() -> None:
    data = example("registration")
    data["password"] = "abcdefgh"  # noqa: S105 - 8 characters, below the minimum of 9 asked
    with pytest.raises(InvalidInputError) as info:
        parse_user_registration(data, today=TODAY, password_min_length=np.int64(9))
    assert ("password", "too_short") in [(e.path, e.code) for e in info.value.errors]


def test_guard_counts_numpy() -> None:
    # three wrong passwords lock for 10 minutes (manual, item 1.7 observation)
    at = datetime(2026, 3, 9, 12, 0, tzinfo=UTC)
    guard = LoginGuard().record_failure(at).record_failure(at)
    rebuilt = LoginGuard(
        failures=np.int64(guard.failures),
        lockouts=np.int64(guard.lockouts),
        last_attempt=guard.last_attempt,
    )
    assert rebuilt == guard
    assert type(rebuilt.failures) is int
    assert rebuilt.record_failure(at).locked_until == datetime(2026, 3, 9, 12, 10, tzinfo=UTC)
