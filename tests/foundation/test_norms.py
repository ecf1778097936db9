"""legal.NORMS: every act cited is dated, and rules switch on the act's entry into force."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from aneel_rules import NotInForceError, Timeline
from aneel_rules.legal import LAST_VERIFIED, NORMS, LegalRef, Norm, in_force_from
from tests.conftest import library_modules

ROOT = Path(__file__).resolve().parents[2]

# Dates a rule sets for itself (not an act's entry into force): REN 733/2016's phase-in of the
# tarifa branca (1 Jan 2018, 2019 and 2020), as the press reported it.
RULE_DATES = frozenset({date(2018, 1, 1), date(2019, 1, 1), date(2020, 1, 1)})
# Wording applied before the act that wrote it into REN 1.000 took effect, on purpose: the
# 80 kWh of art. 291, III applies from Despacho 1.731/2025 (MP 1.300/2025), and REN 1.147/2025
# only codified it (the reading is documented on the timeline).
# The tarifa social tiers of art. 179, § 1º follow the same reading (aneel_rules.invoice).
EARLY_WORDING = frozenset(
    {
        ("three_phase_low_income_availability_kwh", Norm.DSP_1731_2025),
        ("social_tariff_tiers", Norm.DSP_1731_2025),
        ("social_tariff_tiers_indigenous", Norm.DSP_1731_2025),
    }
)


def _timelines() -> list[tuple[str, Timeline[object]]]:
    return [
        (f"{module.__name__}.{name}", value)
        for module in library_modules()
        for name, value in vars(module).items()
        if isinstance(value, Timeline)
    ]


def test_every_norm_is_dated() -> None:
    assert set(NORMS) == set(Norm)
    for norm, info in NORMS.items():
        assert info.norm is norm
        assert info.source, norm


@pytest.mark.parametrize("norm", list(Norm), ids=lambda n: n.name)
def test_dates_in_order(norm: Norm) -> None:
    info = NORMS[norm]
    known = [d for d in (info.signed_on, info.published_on) if d is not None]
    assert known == sorted(known), norm
    if info.in_force_from is not None and known:
        # An act can never apply before its date (nor before its publication, when known).
        assert info.in_force_from >= max(known), norm
    if info.published_on is None and info.in_force_from is not None:
        assert "publication" in info.note.lower() or info.basis is not None, norm


@pytest.mark.parametrize(
    ("norm", "signed", "in_force"),
    [
        # Art. 679: "Esta Resolução entra em vigor em 3 de janeiro de 2022."
        pytest.param(Norm.REN_1000_2021, date(2021, 12, 7), date(2022, 1, 3), id="REN1000-art679"),
        # "REN ANEEL 1.059, de 07.02.2023"; DOU nº 30 of 10 Feb 2023 (issue 8, The law, 4).
        pytest.param(Norm.REN_1059_2023, date(2023, 2, 7), date(2023, 2, 10), id="REN1059-DOU"),
        # "REN ANEEL 1.095, de 18.06.2024"; DOU of 26 Jun 2024 (secondary source).
        pytest.param(Norm.REN_1095_2024, date(2024, 6, 18), date(2024, 6, 26), id="REN1095-DOU"),
        # "REN ANEEL 1.147, de 09.12.2025"; DOU of 16 Dec 2025, p. 155.
        pytest.param(Norm.REN_1147_2025, date(2025, 12, 9), date(2025, 12, 16), id="REN1147-DOU"),
    ],
)
def test_in_force_from_publication_not_signature(norm: Norm, signed: date, in_force: date) -> None:
    assert NORMS[norm].signed_on == signed
    assert in_force_from(norm) == in_force


def test_in_force_from_unknown_raises_library_error() -> None:
    with pytest.raises(NotInForceError):
        in_force_from(Norm.REN_733_2016)


@pytest.mark.parametrize(("name", "timeline"), _timelines(), ids=lambda v: str(v)[:60])
def test_timelines_switch_on_norms(name: str, timeline: Timeline[object]) -> None:
    """Every period starts when an act took effect (from NORMS) or on a date the rule sets."""
    starts = {info.in_force_from for info in NORMS.values()}
    assert timeline.last_verified_on == LAST_VERIFIED, name
    for period in timeline.periods:
        assert period.since in starts or period.since in RULE_DATES, (name, period.since)
        for ref in (period.basis,):
            if isinstance(ref, LegalRef) and ref.amended_by is not None:
                applied_by = {n for n in Norm if NORMS[n].in_force_from == period.since}
                if any((timeline.name, n) in EARLY_WORDING for n in applied_by):
                    continue
                # an amended wording never applies before the amending act is in force
                assert period.since >= in_force_from(ref.amended_by), (name, ref)


def test_sources_table_matches_norms() -> None:
    text = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    rows = {
        cells[0]: cells[1:4]
        for line in text.splitlines()
        if line.startswith("| ") and (cells := [c.strip() for c in line.strip("|").split("|")])
    }

    def show(day: date | None, *, empty: str = "—") -> str:
        return day.isoformat() if day else empty

    for norm, info in NORMS.items():
        assert rows[norm.value] == [
            show(info.signed_on),
            show(info.published_on),
            show(info.in_force_from, empty="not switched on"),
        ], norm


def test_no_act_date_copied_in_rule_modules() -> None:
    """Act dates live in legal.NORMS only: no other module builds one of them."""
    dates = {
        d
        for info in NORMS.values()
        for d in (info.signed_on, info.published_on, info.in_force_from, info.revoked_from)
        if d is not None
    }
    pattern = re.compile(r"(?<!>>> )\bdate\((\d{4}), (\d{1,2}), (\d{1,2})\)")
    for path in (ROOT / "src" / "aneel_rules").rglob("*.py"):
        if path.name == "legal.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith(("...", ">>>")):
                continue
            for match in pattern.finditer(line):
                day = date(*(int(g) for g in match.groups()))
                assert day not in dates, f"{path.name}: {line.strip()}"
