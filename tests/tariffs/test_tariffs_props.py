"""Invariants of the tariff rules (hypothesis)."""

# Naive datetimes are the schedule's wall time by design (tariff_post contract).
# ruff: noqa: DTZ001

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aneel_rules import AneelRulesError, InvalidInputError, NotInForceError, RegulatoryGapError
from aneel_rules.tariffs import (
    AMAZONAS_ENERGIA,
    ConsumerClass,
    ConsumerUnit,
    Group,
    PostSchedule,
    TariffModality,
    TariffPost,
    group_a_subgroup,
    is_peak_exempt,
    modality_options,
    peak_exempt_days,
    post_schedule,
    tariff_post,
    tariff_posts,
)

HORARY = st.sampled_from([TariffModality.WHITE, TariffModality.GREEN, TariffModality.BLUE])
DAYS = st.dates(min_value=date(2010, 9, 15), max_value=date(2060, 12, 31))  # REN 414 onwards
STARTS = st.builds(time, st.integers(1, 19), st.integers(0, 59)) | st.just(time(20, 0))
SCHEDULES = st.builds(
    PostSchedule,
    STARTS,
    st.sampled_from(["America/Manaus", "America/Sao_Paulo", "America/Eirunepe", "UTC"]),
)


# REN 414, art. 57 (group B, II) and REN 733/2016: no tarifa branca before 2018.
BRANCA_FROM = date(2018, 1, 1)


def _offered(modality: TariffModality, day: date) -> bool:
    return modality is not TariffModality.WHITE or day >= BRANCA_FROM


@given(st.integers(2011, 2060), HORARY)
def test_every_quarter_hour_of_a_year_gets_exactly_one_post(
    year: int, modality: TariffModality
) -> None:
    start = datetime(year, 1, 1)
    stamps = [start + timedelta(minutes=15 * i) for i in range(4 * 24 * 3)]
    stamps += [datetime(year, 7, 1) + timedelta(minutes=15 * i) for i in range(4 * 24 * 3)]
    if not _offered(modality, start.date()):
        with pytest.raises(NotInForceError):
            tariff_posts(stamps, AMAZONAS_ENERGIA, modality=modality)
        return
    posts = tariff_posts(stamps, AMAZONAS_ENERGIA, modality=modality)
    assert len(posts) == len(stamps)
    assert all(isinstance(p, TariffPost) for p in posts)


@given(DAYS, HORARY, SCHEDULES)
def test_exempt_days_never_have_ponta(
    day: date, modality: TariffModality, schedule: PostSchedule
) -> None:
    stamps = [
        datetime(day.year, day.month, day.day) + timedelta(minutes=m) for m in range(0, 1440, 10)
    ]
    if not _offered(modality, day):
        with pytest.raises(NotInForceError):
            tariff_posts(stamps, schedule, modality=modality)
        return
    posts = tariff_posts(stamps, schedule, modality=modality)
    if is_peak_exempt(day):
        assert set(posts) == {TariffPost.OFF_PEAK}
    else:
        # art. 2º, XXXVIII, "a": exactly 3 hours of ponta on every other day
        assert posts.count(TariffPost.PEAK) == 18
        intermediate = posts.count(TariffPost.INTERMEDIATE)
        assert intermediate == (12 if modality is TariffModality.WHITE else 0)


@given(DAYS)
def test_weekends_are_always_exempt_and_the_year_map_agrees(day: date) -> None:
    if day.weekday() >= 5:
        assert is_peak_exempt(day)
    assert is_peak_exempt(day) is (day in peak_exempt_days(day.year))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2010, 9, 14)))
def test_no_calendar_before_ren414(day: date) -> None:
    with pytest.raises(NotInForceError):
        is_peak_exempt(day)
    with pytest.raises(NotInForceError):
        tariff_posts(
            [datetime(day.year, day.month, day.day, 20)],
            AMAZONAS_ENERGIA,
            modality=TariffModality.GREEN,
        )


@given(st.datetimes(min_value=datetime(2011, 1, 2), max_value=datetime(2060, 12, 30)), HORARY)
def test_bulk_equals_single_and_aware_equals_converted(
    at: datetime, modality: TariffModality
) -> None:
    if not _offered(modality, at.date()):
        with pytest.raises(NotInForceError):
            tariff_post(at, AMAZONAS_ENERGIA, modality=modality)
        with pytest.raises(NotInForceError):
            tariff_posts([at], AMAZONAS_ENERGIA, modality=modality)
        return
    single = tariff_post(at, AMAZONAS_ENERGIA, modality=modality)
    assert tariff_posts([at], AMAZONAS_ENERGIA, modality=modality) == (single,)
    aware = at.replace(tzinfo=AMAZONAS_ENERGIA.tzinfo).astimezone(UTC)
    assert tariff_post(aware, AMAZONAS_ENERGIA, modality=modality) is single


@given(st.decimals(min_value=Decimal("2.3"), max_value=Decimal(800), places=2))
def test_group_a_voltages_get_a_subgroup_or_a_gap_error(voltage: Decimal) -> None:
    try:
        subgroup = group_a_subgroup(voltage)
    except RegulatoryGapError:
        in_gap = (
            (25 < voltage < 30)
            or (44 < voltage < 69)
            or (69 < voltage < 88)
            or (138 < voltage < 230)
        )
        assert in_gap
    else:
        assert subgroup.group is Group.A


@given(
    st.decimals(min_value=Decimal("0.1"), max_value=Decimal(500), places=1),
    st.sampled_from(list(ConsumerClass)),
    st.one_of(st.none(), st.decimals(min_value=Decimal(1), max_value=Decimal(5000), places=0)),
    DAYS,
)
def test_modality_options_are_consistent(
    voltage: Decimal, cls: ConsumerClass, demand: Decimal | None, on: date
) -> None:
    unit = ConsumerUnit(
        connection_voltage_kv=voltage, consumer_class=cls, contracted_demand_kw=demand
    )
    missing: str | None = None
    try:
        options = modality_options(unit, on=on, average_consumption_kwh=Decimal(1000))
    except InvalidInputError as exc:
        missing = exc.errors[0].path
    if missing is not None:
        # the only fact REN 414 may lack is the contracted demand of a group-A unit < 69 kV
        assert missing == "contracted_demand_kw"
        assert demand is None
        return
    assert options.allowed
    assert options.basis
    assert options.default is None or options.default in options.allowed
    horary_only = {TariffModality.BLUE, TariffModality.GREEN}
    if unit.group is Group.A:
        assert options.allowed <= horary_only | {TariffModality.CONVENTIONAL_BINOMIAL}
        if voltage >= 69:
            assert options.allowed == {TariffModality.BLUE}
    else:
        assert TariffModality.CONVENTIONAL_MONOMIAL in options.allowed
        assert options.default is TariffModality.CONVENTIONAL_MONOMIAL


@given(st.text(max_size=8) | st.integers() | st.none())
def test_bad_schedule_names_raise_the_library_error(name: object) -> None:
    with contextlib.suppress(AneelRulesError):
        post_schedule(name)  # type: ignore[arg-type]
