"""The ponta of a day cites art. 2º, XXXVIII, "a" in the wording in force that day.

REN 1.101/2024 (27 Aug 2024) rewrote the whole alínea "a" (the 3-hour ponta and its list of
days): from that day the ponta is cited "redação dada pela REN 1.101/2024", as the exempt
days already were; before, the original wording; under REN 414/2010, its art. 2º.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from aneel_rules.legal import Norm, ren414, ren1000
from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality, TariffPost, explain_tariff_post

MANAUS = ZoneInfo("America/Manaus")
ORIGINAL = ren1000(2, item="XXXVIII", subitem="a")
REN1101 = ren1000(2, item="XXXVIII", subitem="a", amended_by=Norm.REN_1101_2024)


@pytest.mark.parametrize(
    ("day", "basis"),
    [
        pytest.param(date(2021, 12, 30), ren414(2), id="ren414-last-thursday"),
        pytest.param(date(2022, 1, 3), ORIGINAL, id="ren1000-first-day"),
        pytest.param(date(2024, 8, 26), ORIGINAL, id="day-before-ren1101"),
        pytest.param(date(2024, 8, 27), REN1101, id="ren1101-first-day"),
        pytest.param(date(2026, 3, 9), REN1101, id="2026"),
    ],
)
def test_ponta_basis_by_date(day: date, basis: object) -> None:
    # Amazonas Energia: ponta 20:00-23:00, Manaus time
    at = datetime(day.year, day.month, day.day, 20, 30, tzinfo=MANAUS)
    result = explain_tariff_post(at, AMAZONAS_ENERGIA, modality=TariffModality.BLUE)
    assert result.value is TariffPost.PEAK
    assert result.basis[0] == basis


def test_other_posts_keep_their_alinea() -> None:
    at = datetime(2026, 3, 9, 19, 30, tzinfo=MANAUS)  # intermediário, alínea "b" (not amended)
    result = explain_tariff_post(at, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)
    assert result.basis[0] == ren1000(2, item="XXXVIII", subitem="b")
