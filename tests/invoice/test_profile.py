"""Load-profile definitions: 15-minute demand, posts by interval start, hourly reactive excess."""

# ruff: noqa: DTZ001 (naive datetimes are the schedule's local wall time, as the API documents)
from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from aneel_rules import InvalidInputError, NotInForceError, UnsupportedCaseError, ren414
from aneel_rules.invoice import (
    MAX_PROFILE_INTERVALS,
    CapacitiveWindow,
    Measurements,
    corrected_demand_kw,
    excess_kwh,
    measurements_from_profile,
    power_factor,
)
from aneel_rules.tariffs import AMAZONAS_ENERGIA, PostSchedule, TariffModality, TariffPost

D = Decimal
BLUE, GREEN, WHITE = TariffModality.BLUE, TariffModality.GREEN, TariffModality.WHITE
MIDNIGHT = CapacitiveWindow(time(0, 0))


def _stamps(start: datetime, count: int) -> list[datetime]:
    return [start + timedelta(minutes=15 * i) for i in range(count)]


# --- reactive definitions (arts. 2º XXI, 302, 304) ---------------------------------------


def test_power_factor_definition_art2_xxi() -> None:
    assert power_factor(D(80), D(60)) == D("0.8")
    assert power_factor(D(80), D(-60)) == D("0.8")
    assert power_factor(D(0), D(0)) == D(1)


@pytest.mark.parametrize(
    ("active", "reactive", "capacitive_hour", "expected"),
    [
        # INVOICE.md §2 DERIVED: 100 kWh at f = 0.80 inductive → 0.015 MWh
        pytest.param(D(100), D(75), False, D(15), id="art304-inductive-outside-window"),
        pytest.param(D(100), D(75), True, D(0), id="art304-p1-I-inductive-ignored-in-window"),
        pytest.param(D(100), D(-75), True, D(15), id="art304-p1-I-capacitive-in-window"),
        pytest.param(D(100), D(-75), False, D(0), id="art304-p1-II-capacitive-ignored-outside"),
        # f = 0.96 ≥ 0.92: no excess (only factors "menores que 0,92")
        pytest.param(D(96), D(28), False, D(0), id="art302-above-reference"),
        # no active energy, reactive drawn: f = 0, the whole 0.92 × S is excess
        pytest.param(D(0), D(50), False, D(46), id="art304-zero-active"),
    ],
)
def test_hourly_excess(active: D, reactive: D, capacitive_hour: bool, expected: D) -> None:
    assert excess_kwh(active, reactive, capacitive_hour=capacitive_hour) == expected


def test_corrected_demand() -> None:
    # INVOICE.md §2 DERIVED: DAM_T 120 kW at f = 0.80 → 138 kW
    assert corrected_demand_kw(D(120), D(90), capacitive_hour=False) == D(138)
    assert corrected_demand_kw(D(120), D(90), capacitive_hour=True) == D(120)
    assert corrected_demand_kw(D(96), D(28), capacitive_hour=False) == D(96)


@pytest.mark.parametrize(
    ("start", "ok"),
    [
        (time(23, 30), True),
        (time(23, 45), True),
        (time(0, 0), True),
        (time(0, 30), True),
        (time(23, 15), False),
        (time(0, 45), False),
        (time(23, 40), False),
        (time(1, 0), False),
    ],
)
def test_capacitive_window_between_2330_and_0630(start: time, ok: bool) -> None:
    if ok:
        window = CapacitiveWindow(start)
        end = (start.hour * 60 + start.minute + 6 * 60) % (24 * 60)
        assert end <= 6 * 60 + 30
        assert window.contains_minute(start.hour * 60 + start.minute)
        assert not window.contains_minute(end)
    else:
        with pytest.raises(InvalidInputError) as info:
            CapacitiveWindow(start)
        assert info.value.codes == ("invalid_capacitive_window",)


# --- demand integration and posts ----------------------------------------------------------


def test_label_end_is_not_counted_in_the_next_post() -> None:
    # Amazonas Energia: ponta 20:00-23:00. A stamp 20:00 labelled by its end is 19:45-20:00.
    stamps = [datetime(2026, 3, 9, 20, 0)]
    start = measurements_from_profile(stamps, ["50"], AMAZONAS_ENERGIA, modality=BLUE, unit="kWh")
    end = measurements_from_profile(
        stamps, ["50"], AMAZONAS_ENERGIA, modality=BLUE, unit="kWh", label="end"
    )
    assert dict(start.demand_kw) == {TariffPost.PEAK: D(200)}
    assert dict(end.demand_kw) == {TariffPost.OFF_PEAK: D(200)}
    # and the last ponta interval labelled by its end (23:00) is still ponta
    last = measurements_from_profile(
        [datetime(2026, 3, 9, 23, 0)], ["50"], AMAZONAS_ENERGIA, modality=BLUE, label="end"
    )
    assert set(last.demand_kw) == {TariffPost.PEAK}


def test_demand_is_largest_15_minute_average_art2_xiii() -> None:
    stamps = _stamps(datetime(2026, 3, 9, 10, 0), 4)
    kw = measurements_from_profile(
        stamps, [100, 140.5, "90", D(120)], AMAZONAS_ENERGIA, modality=GREEN
    )
    assert dict(kw.demand_kw) == {None: D("140.5")}
    assert kw.energy_kwh[TariffPost.OFF_PEAK] == D("112.625")
    kwh = measurements_from_profile(
        stamps, ["25", "35", "0", "30"], AMAZONAS_ENERGIA, modality=GREEN, unit="kWh"
    )
    assert kwh.demand_kw[None] == D(140)


def test_white_has_three_posts_and_no_demand() -> None:
    stamps = _stamps(datetime(2026, 3, 9, 18, 45), 12)  # 18:45 .. 21:30
    m = measurements_from_profile(stamps, ["1"] * 12, AMAZONAS_ENERGIA, modality=WHITE, unit="kWh")
    assert dict(m.energy_kwh) == {
        TariffPost.OFF_PEAK: D(1),
        TariffPost.INTERMEDIATE: D(4),
        TariffPost.PEAK: D(7),
    }
    assert not m.demand_kw


def test_conventional_no_posts() -> None:
    m = measurements_from_profile(
        _stamps(datetime(2026, 3, 9, 20, 0), 2),
        ["1", "2"],
        AMAZONAS_ENERGIA,
        modality=TariffModality.CONVENTIONAL_MONOMIAL,
        unit="kWh",
    )
    assert dict(m.energy_kwh) == {None: D(3)}


def test_aware_stamps_are_converted_to_the_schedule_zone() -> None:
    utc = datetime(2026, 3, 10, 0, 0, tzinfo=ZoneInfo("UTC"))  # 20:00 in Manaus
    m = measurements_from_profile([utc], ["10"], AMAZONAS_ENERGIA, modality=BLUE, unit="kWh")
    assert set(m.demand_kw) == {TariffPost.PEAK}
    assert list(m.energy_by_day) == [datetime(2026, 3, 9).date()]


def test_reactive_hours_on_the_window_grid() -> None:
    # window 23:30-05:30: hours T run 23:30-00:30, ...; an hour 23:30-00:30 is capacitive
    window = CapacitiveWindow(time(23, 30))
    stamps = _stamps(datetime(2026, 3, 9, 23, 30), 4)
    m = measurements_from_profile(
        stamps,
        ["25"] * 4,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=["-18.75"] * 4,
        capacitive_window=window,
    )
    # P = 100 kWh, Q = -75 kvarh in one capacitive hour: 15 kWh excess, 115 kW corrected
    assert m.reactive_excess_kwh == D(15)
    assert dict(m.reactive_demand_kw) == {None: D("115.00")}
    # the same hour with window 00:00: the 23:30-00:00 half is outside → two partial hours
    m2 = measurements_from_profile(
        stamps,
        ["25"] * 4,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=["-18.75"] * 4,
        capacitive_window=MIDNIGHT,
    )
    # 23:00-24:00 (capacitive outside: ignored) and 00:00-01:00 (P 50, Q -37.5 → 7.5 kWh)
    assert m2.reactive_excess_kwh == D("7.5")


def test_reactive_demand_per_post_for_blue() -> None:
    stamps = _stamps(datetime(2026, 3, 9, 19, 0), 8)  # 19-20 fora de ponta, 20-21 ponta
    m = measurements_from_profile(
        stamps,
        ["30"] * 8,
        AMAZONAS_ENERGIA,
        modality=BLUE,
        unit="kWh",
        reactive=["22.5"] * 4 + ["0"] * 4,
        capacitive_window=MIDNIGHT,
    )
    assert m.reactive_excess_kwh == D(18)  # 120 kWh at f = 0.8 → 0.92 × 150 − 120
    assert dict(m.reactive_demand_kw) == {
        TariffPost.OFF_PEAK: D("138.00"),
        TariffPost.PEAK: D(120),
    }


def test_irrigation_window_energy() -> None:
    stamps = _stamps(datetime(2026, 3, 9, 21, 0), 4 * 10)  # 21:00 .. 06:45
    m = measurements_from_profile(
        stamps,
        ["1"] * 40,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        irrigation_start=time(21, 30),
    )
    assert m.irrigation_kwh == D(34)  # 21:30-06:00 = 8 h 30 min


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"stamps": []}, "profile_size"),
        ({"values": ["1", "2"]}, "length_mismatch"),
        ({"stamps": [datetime(2026, 3, 9, 10, 5)]}, "off_grid"),
        ({"stamps": "x"}, "not_a_sequence"),
        ({"stamps": [date_ := datetime(2026, 3, 9).date()]}, "not_a_datetime"),
        ({"values": ["-1"]}, "negative"),
        ({"values": ["x"]}, "not_a_number"),
        ({"unit": "MWh"}, "invalid_choice"),
        ({"label": "middle"}, "invalid_choice"),
        ({"reactive": ["1"]}, "window_required"),
        ({"schedule": "amazonas"}, "not_a_schedule"),
        ({"modality": "azul"}, "not_a_modality"),
        ({"schedule": PostSchedule(time(18, 10), "America/Manaus")}, "posts_off_grid"),
        ({"irrigation_start": "21:30"}, "not_a_time"),
    ],
)
def test_bad_profile(kwargs: dict[str, object], code: str) -> None:
    args: dict[str, object] = {
        "stamps": [datetime(2026, 3, 9, 10, 0)],
        "values": ["1"],
        "schedule": AMAZONAS_ENERGIA,
        "modality": BLUE,
    }
    args.update(kwargs)
    with pytest.raises(InvalidInputError) as info:
        measurements_from_profile(**args)  # type: ignore[arg-type]
    assert info.value.codes == (code,)


def test_not_increasing_and_size_limit() -> None:
    stamp = datetime(2026, 3, 9, 10, 0)
    with pytest.raises(InvalidInputError) as info:
        measurements_from_profile([stamp, stamp], ["1", "1"], AMAZONAS_ENERGIA, modality=BLUE)
    assert info.value.codes == ("not_increasing",)
    too_many = [stamp] * (MAX_PROFILE_INTERVALS + 1)
    with pytest.raises(InvalidInputError) as info:
        measurements_from_profile(too_many, ["1"] * len(too_many), AMAZONAS_ENERGIA, modality=BLUE)
    assert info.value.codes == ("profile_size",)


def test_measurements_checks() -> None:
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh={"ponta": 1})
    assert info.value.codes == ("not_a_post_key",)
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh={None: 1, TariffPost.PEAK: 2})
    assert info.value.codes == ("mixed_post_keys",)
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh=-1)
    assert info.value.codes == ("negative",)
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh=1, energy_by_day={"2026-01-01": 1})
    assert info.value.codes == ("not_a_date",)
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh=1, energy_by_day={datetime(2026, 1, 1): 1})
    assert info.value.codes == ("not_a_date",)
    with pytest.raises(InvalidInputError) as info:
        Measurements(energy_kwh=1, energy_by_day=[1])
    assert info.value.codes == ("not_a_mapping",)
    m = Measurements(energy_kwh=1, reactive_excess_kwh="2", irrigation_kwh=0)
    assert m.has_reactive
    assert not Measurements(energy_kwh=1).has_reactive


# --- REN 414/2010 dates: art. 96, § 1º (capacitive window, REN 418 wording) not found ----------


def _capacitive_hour(start: datetime, reactive: str, **kwargs: object) -> Measurements:
    # four 15-minute intervals of 25 kWh (P = 100 kWh in the hour) from ``start``
    return measurements_from_profile(
        _stamps(start, 4),
        ["25"] * 4,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=[reactive] * 4,
        capacitive_window=MIDNIGHT,
        **kwargs,  # type: ignore[arg-type]
    )


def test_ren414_profile_with_power_factor_below_092_is_refused() -> None:
    # f = 100 / sqrt(100² + 75²) = 0.8 < 0.92 (REN 414/2010, art. 95: limit 0,92)
    with pytest.raises(UnsupportedCaseError) as caught:
        _capacitive_hour(datetime(2022, 1, 2, 0, 0), "-18.75")
    assert caught.value.code == "unverified_ren414"
    assert caught.value.basis == (ren414(96, paragraph=1),)
    assert "art. 96, § 1º" in caught.value.message_in("pt_BR")


def test_same_profile_from_ren1000_is_answered() -> None:
    # REN 1.000/2021, art. 304: capacitive hour 00:00-01:00, 0.92 × 125 − 100 = 15 kWh
    m = _capacitive_hour(datetime(2022, 1, 3, 0, 0), "-18.75")
    assert m.reactive_excess_kwh == D(15)


@pytest.mark.parametrize("reactive", ["7", "-7", "0"])
def test_ren414_profile_without_low_power_factor_is_answered(reactive: str) -> None:
    # 7 kvarh per 25 kWh: f = 25 / sqrt(25² + 7²) = 0.96
    # ≥ 0.92 in every interval, so no hour on any grid is below it: no excess under any reading
    m = _capacitive_hour(datetime(2022, 1, 2, 0, 0), reactive)
    assert m.reactive_excess_kwh == D(0)


# Art. 96 (REN 414, REN 418 wording) and art. 304 (REN 1.000): fT per one-hour interval T, an
# excess only for fT < fR = 0,92. f = 0.92 exactly needs Q / P = sqrt(96) / 23 (irrational):
# no decimal profile has it, so the boundary is the pair of hundredths around it, P = 100:
# Q = 42.59: f = 100 / sqrt(100² + 42.59²) = 100 / 108.6918… = 0.92003… ≥ 0.92 (no excess);
# Q = 42.60: f = 100 / sqrt(100² + 42.60²) = 100 / 108.6957… = 0.91999… < 0.92.
AT_092, BELOW_092 = D("42.59"), D("42.60")


def _one_low_interval(
    start: datetime, q: Decimal, *, at: int = 3, after: str = "25"
) -> Measurements:
    # seven 15-minute intervals of 25 kWh (``after`` kWh after the low one); only interval
    # ``at`` has reactive energy q (inductive): f = 25 / sqrt(25² + q²) ≈ 0.51 alone
    active = ["25"] * (at + 1) + [after] * (6 - at)
    return measurements_from_profile(
        _stamps(start, 7),
        active,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=[q if i == at else D(0) for i in range(7)],
        capacitive_window=MIDNIGHT,
    )


def _art304_excess(p: Decimal, q: Decimal) -> Decimal:
    # art. 304: EEAM_T × (fR / fT − 1) = 0.92 × sqrt(P² + Q²) − P for one hour below 0.92
    return D("0.92") * (p * p + q * q).sqrt() - p


def _near(got: Decimal | None, expected: Decimal) -> bool:
    # 0.92 × sqrt(100² + 42.6²) − 100 = 0.92 × 108.69572… − 100 ≈ 0.0000643 kWh (> 0)
    assert expected > 0
    return got is not None and abs(got - expected) < D("1E-20")


@pytest.mark.parametrize("day", [datetime(2010, 11, 23, 8), datetime(2021, 12, 1, 8)])
def test_ren414_low_15_minutes_with_every_hour_at_092_is_answered(day: datetime) -> None:
    # interval 3 (f ≈ 0.51) is in the hours 0-3, 1-4, 2-5 and 3-6 of the four alignments, each
    # P = 100, Q = 42.59: f = 0.92003 ≥ 0.92; the other hours have Q = 0 (f = 1). No hour on
    # any grid, in or out of any window, of either kind, is below 0,92: excess 0 (art. 96)
    assert _one_low_interval(day, AT_092).reactive_excess_kwh == D(0)


def test_ren414_low_hour_just_below_092_is_refused_ren1000_charges_it() -> None:
    with pytest.raises(UnsupportedCaseError) as caught:
        _one_low_interval(datetime(2021, 12, 1, 8), BELOW_092)
    assert caught.value.code == "unverified_ren414"
    assert caught.value.basis == (ren414(96, paragraph=1),)
    # REN 1.000/2021, art. 304, § 1º, II: 08:00-09:00 outside the window, inductive, f < 0.92
    m = _one_low_interval(datetime(2022, 1, 10, 8), BELOW_092)
    assert _near(m.reactive_excess_kwh, _art304_excess(D(100), BELOW_092))
    assert _one_low_interval(datetime(2022, 1, 10, 8), AT_092).reactive_excess_kwh == D(0)


@pytest.mark.parametrize(
    ("at", "after"),
    [
        # first interval: on the :15 grid the hour 07:15-08:15 holds it alone (f ≈ 0.51)
        (0, "25"),
        # 08:45-09:45 (the :45 grid) is P = 25 + 3 × 1 = 28, Q = 42.59: f ≈ 0.55 < 0.92
        (3, "1"),
    ],
)
def test_ren414_hour_below_092_on_another_grid_is_refused(at: int, after: str) -> None:
    # on the window's grid (whole hours) 08:00-09:00 is P = 100, Q = 42.59, f ≥ 0.92, but the
    # grid of the hours T is not quoted for REN 414 (art. 96, § 1º): the answer depends on it
    with pytest.raises(UnsupportedCaseError) as caught:
        _one_low_interval(datetime(2021, 12, 1, 8), AT_092, at=at, after=after)
    assert caught.value.code == "unverified_ren414"
    # REN 1.000, art. 304: the window's grid, 08:00-09:00 at f = 0.92003: no excess
    m = _one_low_interval(datetime(2022, 1, 10, 8), AT_092, at=at, after=after)
    assert m.reactive_excess_kwh == D(0)


def test_ren414_hour_netting_to_zero_with_each_kind_below_092_is_refused() -> None:
    # 08:00-09:00: 25 kWh each, +50, −50, 0, 0 kvarh. Net: Q = 0, f = 1; each kind apart
    # (the meter's inductive and capacitive registers): 100 / sqrt(100² + 50²) ≈ 0.894 < 0.92.
    # Whether the hour's reactive energy is net is not quoted for REN 414 (§ 1º): refused
    def hour(start: datetime) -> Measurements:
        return measurements_from_profile(
            _stamps(start, 4), ["25"] * 4, AMAZONAS_ENERGIA, modality=GREEN, unit="kWh",
            reactive=["50", "-50", "0", "0"], capacitive_window=MIDNIGHT,
        )  # fmt: skip

    with pytest.raises(UnsupportedCaseError):
        hour(datetime(2021, 12, 1, 8))
    assert hour(datetime(2022, 1, 10, 8)).reactive_excess_kwh == D(0)  # art. 304 code: net


def test_before_ren418_a_low_15_minutes_is_still_refused() -> None:
    # REN 414's 2010 wording of art. 96 (before REN 418/2010, 2010-11-23) was not found: T of
    # one hour is not quoted, so the 15-minute interval at f ≈ 0.51 may be the one counted
    with pytest.raises(UnsupportedCaseError) as caught:
        _one_low_interval(datetime(2010, 11, 22, 8), AT_092)
    assert caught.value.code == "unverified_ren414"


@pytest.mark.parametrize("day", [datetime(2010, 11, 22, 8), datetime(2021, 12, 1, 8)])
def test_ren414_every_15_minutes_at_092_is_answered(day: datetime) -> None:
    # 25 kWh and 42.59 / 4 kvarh every 15 minutes: f = 0.92003 in every interval and hour
    m = measurements_from_profile(
        _stamps(day, 4), ["25"] * 4, AMAZONAS_ENERGIA, modality=GREEN, unit="kWh",
        reactive=[AT_092 / 4] * 4, capacitive_window=MIDNIGHT,
    )  # fmt: skip
    assert m.reactive_excess_kwh == D(0)


@pytest.mark.parametrize("day", [datetime(2021, 12, 1, 8), datetime(2022, 1, 10, 8)])
def test_every_15_minutes_just_below_092_both_regimes(day: datetime) -> None:
    # 25 kWh and 42.60 / 4 kvarh every 15 minutes: f = 0.91999 < 0.92 in every interval
    def profile() -> Measurements:
        return measurements_from_profile(
            _stamps(day, 4), ["25"] * 4, AMAZONAS_ENERGIA, modality=GREEN, unit="kWh",
            reactive=[BELOW_092 / 4] * 4, capacitive_window=MIDNIGHT,
        )  # fmt: skip

    if day.year == 2021:  # REN 414: every grid's hour is below 0.92, of a kind § 1º may count
        with pytest.raises(UnsupportedCaseError):
            profile()
    else:  # REN 1.000, art. 304, § 1º, II: 08:00-09:00 inductive outside the window
        assert _near(profile().reactive_excess_kwh, _art304_excess(D(100), BELOW_092))


def test_profile_ending_under_ren1000_is_answered() -> None:
    # last interval 2022-01-03 00:45: the regime of the profile's last day is REN 1.000
    m = measurements_from_profile(
        _stamps(datetime(2022, 1, 2, 23, 0), 8),
        ["25"] * 8,
        AMAZONAS_ENERGIA,
        modality=GREEN,
        unit="kWh",
        reactive=["-18.75"] * 8,
        capacitive_window=MIDNIGHT,
    )
    # 23:00-24:00 capacitive outside the window (ignored); 00:00-01:00 inside: 15 kWh
    assert m.reactive_excess_kwh == D(15)


def test_reactive_profile_before_ren414_is_not_in_force() -> None:
    with pytest.raises(NotInForceError):
        measurements_from_profile(
            _stamps(datetime(2010, 9, 14, 0, 0), 4),
            ["25"] * 4,
            AMAZONAS_ENERGIA,
            modality=TariffModality.CONVENTIONAL_BINOMIAL,
            unit="kWh",
            reactive=["-18.75"] * 4,
            capacitive_window=MIDNIGHT,
        )
