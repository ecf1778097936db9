"""The invoice module's public helpers: the dossier's values, and bad input refused as the
library's error (never a foreign exception, never personal data echoed).

Values come from ``shared/INVOICE.md``: §5 and §9 (tax gross-up vectors of two peers and a
distributor-style example), §3.2 (proportional tariff), §4.1 and §9.4 (flag days), §6.2
(tarifa social slices), §2 (reactive excess), REN 1.000/2021, art. 305 (losses adder) and
art. 2º, XIII (15-minute demand).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError
from aneel_rules.billing_cycle import InvoiceRounding
from aneel_rules.invoice import (
    SOCIAL_TARIFF_TIERS,
    SOCIAL_TARIFF_TIERS_INDIGENOUS,
    FlagMonth,
    GrossUp,
    IpcaSeries,
    TariffFlag,
    TaxRates,
    TrialPeriod,
    corrected_demand_kw,
    excess_kwh,
    flag_shares,
    gross_up,
    interval_demand_kw,
    losses_factor,
    power_factor,
    proportional_tariff,
    prorate_rates,
    round_amount,
    tax_amounts,
    tier_slices,
)
from aneel_rules.timeline import Timeline

D = Decimal
PERSONAL = "Maria da Silva 529.982.247-25"
CEINMART = TaxRates(pis=D("0.011"), cofins=D("0.0502"), icms=D("0.12"))


def _refused(call: object, *args: object, **kwargs: object) -> InvalidInputError:
    assert callable(call)
    with pytest.raises(InvalidInputError) as caught:
        call(*args, **kwargs)
    for text in (str(caught.value), caught.value.message, caught.value.message_in("en")):
        assert "529.982" not in text
        assert "Maria" not in text
    return caught.value


# --- values --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base", "rates", "method", "places", "expected"),
    [
        # INVOICE.md §9.2 (ceinmart test): 100 at PIS 1.1 %, COFINS 5.02 %, ICMS 12 %, additive
        pytest.param("100", CEINMART, GrossUp.ADDITIVE, "0.0001", "122.1299", id="ceinmart"),
        # INVOICE.md §5: the same rates in two stages, 121.04
        pytest.param("100", CEINMART, GrossUp.MULTIPLICATIVE, "0.01", "121.04", id="two-stage"),
        # INVOICE.md §9.4 (I26): 0.44056 / (1 − 0.3626) = 0.69118 R$/kWh
        pytest.param(
            "0.44056",
            TaxRates(pis=D("0.013"), cofins=D("0.0596"), icms=D("0.29")),
            GrossUp.ADDITIVE,
            "0.00001",
            "0.69118",
            id="I26",
        ),
        # INVOICE.md §9.3 (manbomb README): TE 294.572 → 385.2917; flag 7.54 → 9.862103
        pytest.param(
            "294.572",
            TaxRates(pis=D("0.00998"), cofins=D("0.04614"), icms=D("0.19")),
            GrossUp.MULTIPLICATIVE,
            "0.0001",
            "385.2917",
            id="manbomb-te",
        ),
        pytest.param(
            "7.54",
            TaxRates(pis=D("0.00998"), cofins=D("0.04614"), icms=D("0.19")),
            GrossUp.MULTIPLICATIVE,
            "0.000001",
            "9.862103",
            id="manbomb-flag",
        ),
    ],
)
def test_gross_up_vectors(
    base: str, rates: TaxRates, method: GrossUp, places: str, expected: str
) -> None:
    assert gross_up(D(base), rates, method).quantize(D(places)) == D(expected)
    taxes = tax_amounts(D(base), rates, method)
    parts = taxes.base + taxes.pis + taxes.cofins + taxes.icms  # the test's 28-digit context
    assert abs(parts - taxes.gross) < D("1E-20")


def test_proportional_tariff_vector() -> None:
    # INVOICE.md §3.2: 10 days at 600.00 and 20 days at 660.00 R$/MWh → 640.00
    assert proportional_tariff([(D("600.00"), 10), (D("660.00"), 20)]) == D("640.00")
    # a tariff in force for zero days weighs nothing
    assert proportional_tariff([(D("600.00"), 0), (D("660.00"), 30)]) == D("660.00")


def test_flag_days_vectors() -> None:
    # INVOICE.md §4.1 (manbomb): 2024-06-12 → 2024-07-12 = 18 days Verde + 12 days Amarela
    june = FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0))
    july = FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, D("18.85"))
    shares = flag_shares([june, july], start=date(2024, 6, 12), end=date(2024, 7, 12))
    assert [(f.flag, len(days)) for f, days in shares] == [
        (TariffFlag.GREEN, 18),
        (TariffFlag.YELLOW, 12),
    ]
    # INVOICE.md §9.4 (Cocel 2019): a reading on 10 Oct → 20 September days + 10 October days
    sep = FlagMonth(date(2019, 9, 1), TariffFlag.RED_1, D(40))
    oct_ = FlagMonth(date(2019, 10, 1), TariffFlag.YELLOW, D(15))
    shares = flag_shares([sep, oct_], start=date(2019, 9, 10), end=date(2019, 10, 10))
    assert [len(days) for _, days in shares] == [20, 10]


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # INVOICE.md §6.2: 150 kWh → 30×0.35 + 70×0.60 + 50×0.90 = 97.5 kWh-equivalents
        pytest.param(date(2025, 7, 4), D("97.5"), id="art179-p1-original-last-day"),
        # from 5 Jul 2025: 150 − 80 = 70
        pytest.param(date(2025, 7, 5), D("70"), id="art179-p1-MP1300-first-day"),
    ],
)
def test_tier_slices_tarifa_social_vector(on: date, expected: Decimal) -> None:
    slices = tier_slices(D(150), SOCIAL_TARIFF_TIERS.value_on(on))
    assert sum(kwh * (1 - cut) for kwh, cut in slices) == expected


def test_losses_factor_both_sides_of_69_kv() -> None:
    # REN 1.000/2021, art. 305: I 1 % at 69 kV or more, II 2.5 % below
    assert losses_factor(D(69))[0] == D("1.01")
    assert losses_factor(D("68.9"))[0] == D("1.025")


def test_reactive_helpers_dossier_vector() -> None:
    # INVOICE.md §2: 100 kWh at f = 0.80 (Q = 75 kvarh) → 0.92 × 125 − 100 = 15 kWh excess;
    # DAM 120 kW at f = 0.80 (Q = 90) → corrected 138 kW
    assert power_factor(D(100), D(75)) == D("0.8")
    assert excess_kwh(D(100), D(75), capacitive_hour=False) == D(15)
    assert corrected_demand_kw(D(120), D(90), capacitive_hour=False) == D(138)
    # inductive reactive energy inside the capacitive window is not counted (art. 304, § 1º, I)
    assert excess_kwh(D(100), D(75), capacitive_hour=True) == 0


def test_interval_demand_from_energy() -> None:
    # art. 2º, XI and XIII: 25 kWh in 15 minutes is an average 100 kW
    assert interval_demand_kw(D(25), "kWh") == D(100)
    assert interval_demand_kw(D(100), "kW") == D(100)


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("base", [None, 1.5, D("NaN"), PERSONAL, True, [1]])
def test_gross_up_refuses_a_bad_base(base: object) -> None:
    _refused(gross_up, base, CEINMART, GrossUp.ADDITIVE)
    _refused(tax_amounts, base, CEINMART, GrossUp.MULTIPLICATIVE)


@pytest.mark.parametrize("rates", [None, PERSONAL, {"pis": D("0.01")}])
def test_gross_up_refuses_what_is_not_tax_rates(rates: object) -> None:
    assert _refused(gross_up, D(100), rates, GrossUp.ADDITIVE).code == "not_tax_rates"


@pytest.mark.parametrize(
    "parts",
    [
        None,
        PERSONAL,
        [(D(600), -1), (D(600), 2)],  # a negative number of days
        [(D(600), True)],  # a bool is not a number of days
        [(D(600), 2.5)],
        [(D(600),)],
        [(D("NaN"), 30)],
        [(PERSONAL, 30)],
        [(600.0, 30)],  # money never takes a float
    ],
)
def test_proportional_tariff_refuses_bad_parts(parts: object) -> None:
    _refused(proportional_tariff, parts)


@pytest.mark.parametrize("voltage", [None, D("NaN"), D(-1), D(0), PERSONAL, True])
def test_losses_factor_refuses_a_bad_voltage(voltage: object) -> None:
    _refused(losses_factor, voltage)


@pytest.mark.parametrize(
    ("active", "reactive"),
    [(None, D(1)), (D(1), None), (D(-1), D(1)), (D("NaN"), D(1)), (PERSONAL, D(1)), (D(1), True)],
)
def test_reactive_helpers_refuse_bad_energies(active: object, reactive: object) -> None:
    _refused(power_factor, active, reactive)
    _refused(excess_kwh, active, reactive, capacitive_hour=False)
    _refused(corrected_demand_kw, active, reactive, capacitive_hour=False)


def test_reactive_helpers_refuse_a_truthy_flag() -> None:
    _refused(excess_kwh, D(100), D(75), capacitive_hour=1)
    _refused(corrected_demand_kw, D(100), D(75), capacitive_hour=None)


@pytest.mark.parametrize(
    ("value", "unit"), [(None, "kW"), (D(-1), "kWh"), (PERSONAL, "kW"), (D(1), "MW"), (D(1), None)]
)
def test_interval_demand_refuses_bad_input(value: object, unit: object) -> None:
    _refused(interval_demand_kw, value, unit)


@pytest.mark.parametrize("amount", [None, 1.5, D("NaN"), PERSONAL])
def test_round_amount_refuses_a_bad_amount(amount: object) -> None:
    _refused(round_amount, amount, InvoiceRounding.ABNT)


def test_round_amount_refuses_a_bad_rule() -> None:
    assert _refused(round_amount, D("1.005"), "ABNT").code == "not_a_rounding"


@pytest.mark.parametrize(
    ("kwh", "tiers", "families"),
    [
        (None, ((None, D(0)),), 1),
        (D(-1), ((None, D(0)),), 1),
        (PERSONAL, ((None, D(0)),), 1),
        (D(10), None, 1),
        (D(10), ((D(80), D(2)),), 1),  # a reduction above 100 %
        (D(10), ((D(-80), D(1)),), 1),
        (D(10), (PERSONAL,), 1),
        (D(10), ((None, D(0)),), 0),  # art. 179, § 3º counts families from one
        (D(10), ((None, D(0)),), True),
    ],
)
def test_tier_slices_refuses_bad_input(kwh: object, tiers: object, families: object) -> None:
    _refused(tier_slices, kwh, tiers, families=families)


def test_flag_shares_refuses_bad_periods_and_flags() -> None:
    june = FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0))
    assert _refused(flag_shares, [june], start=date(2024, 6, 12), end=date(2024, 6, 12)).code == (
        "end_not_after_start"
    )
    _refused(flag_shares, [june], start=PERSONAL, end=date(2024, 6, 30))
    _refused(flag_shares, None, start=date(2024, 6, 1), end=date(2024, 6, 30))
    _refused(flag_shares, [PERSONAL], start=date(2024, 6, 1), end=date(2024, 6, 30))


def test_flag_shares_bounded_on_a_huge_period() -> None:
    # the months are checked before any day is listed: ~3.6 M days cost nothing here
    june = FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0))
    caught = _refused(flag_shares, [june], start=date(1, 1, 1), end=date(9999, 12, 31))
    assert caught.code == "missing_flag"


def test_prorate_rates_refuses_bad_input() -> None:
    _refused(prorate_rates, [], start=date(2026, 5, 1), end=date(2026, 4, 1))
    _refused(prorate_rates, [PERSONAL], start=date(2026, 4, 1), end=date(2026, 5, 1))
    _refused(prorate_rates, None, start=date(2026, 4, 1), end=date(2026, 5, 1))
    assert _refused(prorate_rates, [], start=date(2026, 4, 1), end=date(2026, 5, 1)).code == (
        "rates_do_not_cover"
    )


def test_records_callers_build_refuse_bad_fields() -> None:
    _refused(IpcaSeries, variations=None, source="x")
    assert _refused(TrialPeriod, kind=None).code == "not_a_trial_kind"


def test_numpy_integers_count_as_the_int_they_hold() -> None:
    np = pytest.importorskip("numpy")
    # the input policy: a numpy integer is the int it holds (art. 173, § 2º days; § 3º families)
    assert proportional_tariff([(D("600.00"), np.int64(10)), (D("660.00"), 20)]) == D("640.00")
    slices = tier_slices(
        D(150), SOCIAL_TARIFF_TIERS.value_on(date(2025, 7, 5)), families=np.int8(2)
    )
    assert slices == ((D(150), D(1)),)


# --- BillOptions: a fact is refused, never read by its truthiness --------------------------

_PERSONAL_TEXT = PERSONAL


@pytest.mark.parametrize(
    ("field", "value"),
    [
        # "no" read as true would bill a non-seasonal unit by art. 294, I (10 % of the history)
        # instead of art. 294, II (the contracted demand)
        ("seasonal", "no"),
        ("seasonal", 1),
        ("seasonal", None),
        ("secondary_metering", "no"),  # art. 305 losses adder
        ("adjustment_period", 1),  # art. 316
        ("indigenous_or_quilombola", _PERSONAL_TEXT),
        ("families", 0),  # art. 179, § 3º counts families from one
        ("families", "2"),
        ("families", True),
        ("taxes", _PERSONAL_TEXT),
        ("gross_up", "additive"),
        ("test_period", "start"),
        ("supply", _PERSONAL_TEXT),
        ("irrigation_region", 1),
        ("social_rates", {}),
        ("availability_rates", _PERSONAL_TEXT),
        ("scee_compensated_kwh", D(-1)),  # art. 307, § 2º: a negative would add flag energy
        ("scee_compensated_kwh", _PERSONAL_TEXT),
    ],
)
def test_bill_options_refuse_wrong_facts(field: str, value: object) -> None:
    from aneel_rules.invoice import BillOptions  # noqa: PLC0415

    _refused(BillOptions, **{field: value})


def test_bill_options_keep_real_values() -> None:
    np = pytest.importorskip("numpy")
    from aneel_rules.invoice import BillOptions  # noqa: PLC0415

    opts = BillOptions(seasonal=np.bool_(True), families=np.int64(3), scee_compensated_kwh=1.5)
    assert opts.seasonal is True
    assert opts.families == 3
    assert opts.scee_compensated_kwh == D("1.5")


# --- files: the readers' failures are the library's error, never OSError/UnicodeError -------


def _readers(source: object, encoding: str = "utf-8") -> list[object]:
    from aneel_rules.invoice import flags_from_aneel_csv, rates_from_aneel_csv  # noqa: PLC0415
    from aneel_rules.tariffs import Subgroup, TariffModality  # noqa: PLC0415

    def rates() -> object:
        return rates_from_aneel_csv(
            source,  # type: ignore[arg-type]
            distributor="X",
            subgroup=Subgroup.B1,
            modality=TariffModality.CONVENTIONAL_MONOMIAL,
            on=date(2026, 1, 1),
        )

    def flags() -> object:
        return flags_from_aneel_csv(source, encoding=encoding)  # type: ignore[arg-type]

    return [rates, flags]


def test_readers_refuse_unreadable_files(tmp_path: Path) -> None:
    binary = tmp_path / "Maria 529.982.247-25.csv"
    binary.write_bytes(b"DatCompetencia;NomBandeiraAcionada\n\xff\xfe\xfa\n")
    for source in (tmp_path / "missing.csv", tmp_path):
        for call in _readers(source):
            assert _refused(call).code == "unreadable_source"
    rates, flags = _readers(binary)
    _refused(rates)  # latin-1 reads any byte: the header is what is refused
    assert _refused(flags).code == "unreadable_source"  # not UTF-8
    (flags,) = _readers(binary, encoding="no-such-codec")[1:]
    assert _refused(flags).code == "unreadable_source"


@pytest.mark.parametrize("source", ["a\x00b", "\ud800", "Maria 529.982.247-25"])
def test_ipca_reader_refuses_unreadable_paths(source: str) -> None:
    from aneel_rules.invoice import read_ipca_series  # noqa: PLC0415

    assert _refused(read_ipca_series, source).code == "unreadable_series"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("subgroup", None),
        ("subgroup", "B1"),
        ("modality", PERSONAL),
        ("valid_from", None),
        ("valid_from", "2026-13-01"),
        ("valid_to", PERSONAL),
    ],
)
def test_tariff_rates_refuse_wrong_fields(field: str, value: object) -> None:
    from aneel_rules.invoice import TariffRates  # noqa: PLC0415
    from aneel_rules.tariffs import Subgroup, TariffModality  # noqa: PLC0415

    fields: dict[str, object] = {
        "distributor": "X",
        "subgroup": Subgroup.B1,
        "modality": TariffModality.CONVENTIONAL_MONOMIAL,
        "te_mwh": D(300),
        "tusd_mwh": D(200),
        "valid_from": date(2026, 1, 1),
    }
    _refused(TariffRates, **{**fields, field: value})


@pytest.mark.parametrize("timeline", [SOCIAL_TARIFF_TIERS, SOCIAL_TARIFF_TIERS_INDIGENOUS])
@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # compiled REN 1.000, art. 179 caput: "(Vide: Despacho 1.731/2025 - aplicação da tarifa
        # social de energia elétrica)"; § 1º in its first wording until REN 1.147/2025
        pytest.param(
            date(2025, 7, 5),
            (
                "REN 1.000/2021, art. 179 (vide Despacho ANEEL 1.731/2025)",
                "REN 1.000/2021, art. 179, § 1º",
            ),
            id="despacho-1731-first-day",
        ),
        pytest.param(
            date(2025, 12, 15),
            (
                "REN 1.000/2021, art. 179 (vide Despacho ANEEL 1.731/2025)",
                "REN 1.000/2021, art. 179, § 1º",
            ),
            id="day-before-REN1147-DOU",
        ),
        # "§ 1º ... (Redação dada pela REN ANEEL 1.147, de 09.12.2025)", DOU 16 Dec 2025
        pytest.param(
            date(2025, 12, 16),
            ("REN 1.000/2021, art. 179, § 1º (redação dada pela REN 1.147/2025)",),
            id="REN1147-in-force",
        ),
    ],
)
def test_social_tiers_cite_the_text_in_force(
    timeline: Timeline[tuple[tuple[Decimal | None, Decimal], ...]],
    on: date,
    expected: tuple[str, ...],
) -> None:
    assert tuple(str(ref) for ref in timeline.period_on(on).basis) == expected
    # the 80 kWh at 100 % of MP 1.300/2025 across the whole change of wording
    assert timeline.value_on(on)[0] == (D(80), D(1))


def test_ipca_series_is_keyed_by_first_days_of_month() -> None:
    # the série do IPCA gives one variation per month; ipca_factor reads it by first day
    error = _refused(IpcaSeries, variations={date(2025, 1, 1): D("0.16"), date(2025, 2, 15): 1})
    assert (error.code, error.errors[0].path) == ("not_a_month", "variations.1")
    assert "2025-02-15" in error.message_in("en")
    assert "primeiro dia" in error.message
    series = IpcaSeries(variations={date(2025, 2, 1): D("1.31"), date(2025, 1, 1): D("0.16")})
    assert (series.first, series.last) == (date(2025, 1, 1), date(2025, 2, 1))
