"""Tariffs as data: ANEEL's open-data file, the proportional tariff, flags, taxes."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from aneel_rules import InvalidInputError, UnsupportedCaseError
from aneel_rules.invoice import (
    ANEEL_TARIFF_COLUMNS,
    FlagMonth,
    GrossUp,
    TariffFlag,
    TariffRates,
    TaxRates,
    flag_shares,
    flags_from_aneel_csv,
    gross_up,
    proportional_tariff,
    prorate_rates,
    rates_from_aneel_csv,
    tax_amounts,
)
from aneel_rules.legal import ren1000
from aneel_rules.tariffs import Subgroup, TariffModality, TariffPost

D = Decimal
SAMPLE = Path(__file__).resolve().parent / "data" / "tarifas-homologadas-amostra-do-projeto.csv"
CONV = TariffModality.CONVENTIONAL_MONOMIAL


def test_sample_is_latin1_with_the_17_columns() -> None:
    raw = SAMPLE.read_bytes()
    assert "Aplicação".encode("latin-1") in raw
    header = raw.decode("latin-1").splitlines()[0].split(";")
    assert tuple(header) == ANEEL_TARIFF_COLUMNS
    assert len(header) == 17


def test_peer_vector_cemig_b1() -> None:
    # INVOICE.md §9.4 (I19): CEMIG-D B1 Residencial REH 3.589/2026, 200 kWh x 903.29 / 1000
    rates = rates_from_aneel_csv(
        SAMPLE, distributor="CEMIG-D", subgroup=Subgroup.B1, modality=CONV, on=date(2026, 6, 1)
    )
    assert rates.tusd_mwh[None] == D("593.08")
    assert rates.te_mwh[None] == D("310.21")
    assert D(200) * rates.energy_kwh(None) == D("180.658")
    assert rates.act == "REH 3.589/2026"
    assert (rates.valid_from, rates.valid_to) == (date(2026, 5, 28), date(2027, 5, 27))
    assert rates.basis == (ren1000(2, item="XLIX"), ren1000(173))


@pytest.mark.parametrize(
    ("on", "te"),
    [
        pytest.param(date(2025, 5, 31), D("300.00"), id="only-first-vigencia"),
        # overlapping vigências: the latest start wins
        pytest.param(date(2025, 6, 1), D("310.00"), id="overlap-latest-start"),
        pytest.param(date(2025, 12, 31), D("310.00"), id="overlap-end-inclusive"),
        pytest.param(date(2026, 5, 31), D("310.00"), id="end-inclusive"),
    ],
)
def test_vigencia_and_overlaps(on: date, te: D) -> None:
    rates = rates_from_aneel_csv(
        SAMPLE,
        distributor="EXEMPLO",
        subgroup=Subgroup.B1,
        modality=CONV,
        on=on,
        subclass="Residencial",
    )
    assert rates.te_mwh[None] == te  # never the SCEE (100,00) or Base Econômica (290,00) row


def test_subclass_must_be_chosen_when_several_match() -> None:
    with pytest.raises(InvalidInputError) as info:
        rates_from_aneel_csv(
            SAMPLE, distributor="EXEMPLO", subgroup=Subgroup.B1, modality=CONV, on=date(2025, 7, 1)
        )
    assert info.value.codes == ("ambiguous_class",)
    low = rates_from_aneel_csv(
        SAMPLE,
        distributor="00000000000191",
        subgroup=Subgroup.B1,
        modality=CONV,
        on=date(2025, 7, 1),
        subclass="baixa renda",
    )
    assert low.te_mwh[None] == D("305.00")


def test_white_blue_green_rows() -> None:
    on = date(2025, 7, 1)
    with SAMPLE.open("rb") as stream:
        white = rates_from_aneel_csv(
            stream,
            distributor="EXEMPLO",
            subgroup=Subgroup.B1,
            modality=TariffModality.WHITE,
            on=on,
        )
    assert set(white.te_mwh) == {TariffPost.PEAK, TariffPost.INTERMEDIATE, TariffPost.OFF_PEAK}
    assert white.tusd_mwh[TariffPost.PEAK] == D("1200.00")
    blue = rates_from_aneel_csv(
        SAMPLE, distributor="EXEMPLO", subgroup=Subgroup.A4, modality=TariffModality.BLUE, on=on
    )
    # the APE detail row (10,00) is left out
    assert dict(blue.demand_kw) == {TariffPost.PEAK: D("60.00"), TariffPost.OFF_PEAK: D("30.00")}
    text = SAMPLE.read_bytes().decode("latin-1").splitlines()
    green = rates_from_aneel_csv(
        text, distributor="EXEMPLO", subgroup=Subgroup.A4, modality=TariffModality.GREEN, on=on
    )
    assert dict(green.demand_kw) == {None: D("30.00")}


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (["a;b"], "bad_header"),
        ([";".join(ANEEL_TARIFF_COLUMNS), "x;y"], "bad_row"),
        ([";".join(ANEEL_TARIFF_COLUMNS)], "no_rates"),
        ("not lines", "not_a_source"),
        ([b"bytes"], "not_a_line"),
    ],
)
def test_bad_files(source: object, code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        rates_from_aneel_csv(
            source,  # type: ignore[arg-type]
            distributor="X",
            subgroup=Subgroup.B1,
            modality=CONV,
            on=date(2025, 1, 1),
        )
    assert info.value.codes == (code,)


def _row(**changes: str) -> list[str]:
    values = dict(
        zip(
            ANEEL_TARIFF_COLUMNS,
            (
                "2026-09-01",
                "REH 1/2025",
                "X",
                "1",
                "2025-01-01",
                "",
                "Tarifa de Aplicação",
                "B1",
                "Convencional",
                "Residencial",
                "Residencial",
                "Não se aplica",
                "Não se aplica",
                "MWh",
                "Não se aplica",
                "1,00",
                "2,00",
            ),
            strict=True,
        )
    )
    values.update(changes)
    return [";".join(ANEEL_TARIFF_COLUMNS), ";".join(values.values())]


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"VlrTE": "abc"}, "bad_csv_number"),
        ({"VlrTE": "-1,00"}, "bad_csv_number"),
        ({"DatInicioVigencia": "01/01/2025"}, "bad_csv_date"),
        ({"NomPostoTarifario": "Madrugada"}, "unknown_post"),
    ],
)
def test_bad_rows(changes: dict[str, str], code: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        rates_from_aneel_csv(
            _row(**changes),
            distributor="X",
            subgroup=Subgroup.B1,
            modality=CONV,
            on=date(2025, 1, 1),
        )
    assert info.value.codes == (code,)


def test_open_ended_vigencia_and_act_tiebreak() -> None:
    lines = _row() + _row(DscREH="REH 2/2025", VlrTE="3,00")[1:]
    rates = rates_from_aneel_csv(
        lines, distributor="x", subgroup=Subgroup.B1, modality=CONV, on=date(2030, 1, 1)
    )
    assert rates.te_mwh[None] == D("3.00")  # same start: the latest act wins
    assert rates.valid_to is None


# --- art. 173, § 2º ----------------------------------------------------------------------


def _rates(te: str, since: date, until: date | None = None) -> TariffRates:
    return TariffRates(
        distributor="X",
        subgroup=Subgroup.B1,
        modality=CONV,
        te_mwh=D(te),
        tusd_mwh=D(0),
        valid_from=since,
        valid_to=until,
    )


def test_proportional_tariff_art173_p2() -> None:
    # INVOICE.md §3.2 DERIVED: 10 days at 600 + 20 days at 660, D = 30 → 640
    assert proportional_tariff([(D("600.00"), 10), (D("660.00"), 20)]) == D(640)
    old, new = _rates("600", date(2025, 1, 1), date(2026, 5, 10)), _rates("660", date(2026, 5, 11))
    # reading 30 Apr → 30 May: 1-10 May (10 days) old, 11-30 May (20 days) new
    rates, basis = prorate_rates([old, new], start=date(2026, 4, 30), end=date(2026, 5, 30))
    assert rates.te_mwh[None] == D(640)
    assert basis == (ren1000(173, paragraph=2),)
    one, none = prorate_rates([new], start=date(2026, 5, 11), end=date(2026, 6, 10))
    assert one is new
    assert none == ()


def test_prorate_refusals() -> None:
    old, new = _rates("600", date(2021, 1, 1), date(2021, 5, 10)), _rates("660", date(2021, 5, 11))
    with pytest.raises(UnsupportedCaseError):
        prorate_rates([old, new], start=date(2021, 4, 30), end=date(2021, 5, 30))
    with pytest.raises(InvalidInputError) as info:
        prorate_rates([new], start=date(2021, 4, 30), end=date(2021, 5, 30))
    assert info.value.codes == ("rates_do_not_cover",)
    with pytest.raises(InvalidInputError):
        proportional_tariff([])


# --- flags (arts. 307–309) -------------------------------------------------------------------


def test_flag_days_peer_vector() -> None:
    # INVOICE.md §9.3 (manbomb): 2024-06-12 → 2024-07-12: 18 days verde + 12 days amarela 18.85
    flags = [
        FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0)),
        FlagMonth(date(2024, 7, 1), TariffFlag.YELLOW, D("18.85")),
    ]
    shares = flag_shares(flags, start=date(2024, 6, 12), end=date(2024, 7, 12))
    days = [len(d) for _, d in shares]
    assert days == [18, 12]
    average = sum(f.add_on_mwh * len(d) for f, d in shares) / sum(days)
    assert average == D("7.54")


def test_flag_days_cocel_example() -> None:
    # INVOICE.md §4.1 / I23: reading on 10/10/2019 → 20 September days + 10 October days
    flags = [
        FlagMonth(date(2019, 9, 1), TariffFlag.RED_1, D(40)),
        FlagMonth(date(2019, 10, 1), TariffFlag.YELLOW, D(15)),
    ]
    shares = flag_shares(flags, start=date(2019, 9, 10), end=date(2019, 10, 10))
    assert [len(d) for _, d in shares] == [20, 10]


def test_flag_shares_errors() -> None:
    with pytest.raises(InvalidInputError) as info:
        flag_shares([], start=date(2024, 6, 1), end=date(2024, 6, 30))
    assert info.value.codes == ("missing_flag",)
    a = FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(0))
    b = FlagMonth(date(2024, 6, 1), TariffFlag.YELLOW, D(1))
    with pytest.raises(InvalidInputError) as info:
        flag_shares([a, b], start=date(2024, 6, 1), end=date(2024, 6, 30))
    assert info.value.codes == ("two_flags",)
    with pytest.raises(InvalidInputError):
        flag_shares(["x"], start=date(2024, 6, 1), end=date(2024, 6, 30))  # type: ignore[list-item]
    with pytest.raises(InvalidInputError):
        FlagMonth(date(2024, 6, 2), TariffFlag.GREEN, D(0))
    with pytest.raises(InvalidInputError):
        FlagMonth(date(2024, 6, 1), TariffFlag.GREEN, D(-1))


def test_flags_from_aneel_csv_with_and_without_values() -> None:
    acionamento = io.BytesIO(
        b"DatCompetencia;NomBandeiraAcionada;VlrAdicionalBandeira\n"
        b"2024-10-01;Vermelha P2;78,77\n2024-11-01;Amarela;\n2024-12-01;Verde;\n"
    )
    adicional = [
        "DatGeracaoConjuntoDados;DscResolucao;DatVigencia;NomBandeiraAcionada;VlrAdicionalBandeiraRSMWh",
        "2026-01-01;REH 3.306/2024;2024-04-01;Amarela;18,85",
        "2026-01-01;REH 3.306/2024;2024-04-01;Vermelha Patamar 2;78,77",
    ]
    months = flags_from_aneel_csv(acionamento, adicional=adicional)
    assert [(m.flag, m.add_on_mwh) for m in months] == [
        (TariffFlag.RED_2, D("78.77")),
        (TariffFlag.YELLOW, D("18.85")),
        (TariffFlag.GREEN, D(0)),
    ]
    with pytest.raises(InvalidInputError) as info:
        flags_from_aneel_csv(["DatCompetencia;NomBandeiraAcionada", "2024-11-01;Amarela"])
    assert info.value.codes == ("no_add_on",)
    with pytest.raises(InvalidInputError) as info:
        flags_from_aneel_csv(["DatCompetencia;NomBandeiraAcionada", "2024-11-01;Roxa"])
    assert info.value.codes == ("unknown_flag",)
    with pytest.raises(InvalidInputError) as info:
        flags_from_aneel_csv(["Mes;Bandeira"])
    assert info.value.codes == ("missing_columns",)
    with pytest.raises(InvalidInputError) as info:
        flags_from_aneel_csv(["DatCompetencia;NomBandeiraAcionada", "nov/24;Verde"])
    assert info.value.codes == ("bad_csv_date",)


def test_flags_from_path(tmp_path: Path) -> None:
    path = tmp_path / "acionamento.csv"
    path.write_bytes(
        "DatCompetencia;NomBandeiraAcionada;VlrAdicionalBandeira\n"
        "2021-09-01;Escassez Hídrica;142,00\n".encode("latin-1")
    )
    (month,) = flags_from_aneel_csv(path, encoding="latin-1")
    assert month.flag is TariffFlag.WATER_SCARCITY
    assert month.add_on_mwh == D("142.00")


# --- taxes (INVOICE.md §5) -------------------------------------------------------------------


def test_gross_up_peer_vectors() -> None:
    # ceinmart tests: 100 with PIS 1.1 %, COFINS 5.02 %, ICMS 12 % (additive) → 122.1299
    ceinmart = TaxRates(pis=D("0.011"), cofins=D("0.0502"), icms=D("0.12"))
    assert gross_up(D(100), ceinmart, GrossUp.ADDITIVE).quantize(D("0.0001")) == D("122.1299")
    assert gross_up(D(100), ceinmart, GrossUp.MULTIPLICATIVE).quantize(D("0.01")) == D("121.04")
    # manbomb README: TE 294.572 → 385.291 (ICMS 19 %, PIS 0.998 %, COFINS 4.614 %)
    manbomb = TaxRates(pis=D("0.00998"), cofins=D("0.04614"), icms=D("0.19"))
    te = gross_up(D("294.572"), manbomb, GrossUp.MULTIPLICATIVE)
    assert te.quantize(D("0.001")) == D("385.292")
    assert abs(te - D("385.291")) < D("0.001")
    assert gross_up(D("7.54"), manbomb, GrossUp.MULTIPLICATIVE).quantize(D("0.000001")) == D(
        "9.862103"
    )
    # passeidireto (REH 2.255/2017): 0.44056 / (1 - 0.3626) = 0.69118; x 176.1 kWh = 121.72
    example = TaxRates(pis=D("0.013"), cofins=D("0.0596"), icms=D("0.29"))
    price = gross_up(D("0.44056"), example, GrossUp.ADDITIVE)
    assert price.quantize(D("0.00001")) == D("0.69118")
    assert (price * D("176.1")).quantize(D("0.01")) == D("121.72")


@pytest.mark.parametrize("method", list(GrossUp))
def test_tax_amounts_add_up(method: GrossUp) -> None:
    rates = TaxRates(pis=D("0.0165"), cofins=D("0.076"), icms=D("0.25"))
    t = tax_amounts(D("1234.56"), rates, method)
    assert (t.base + t.pis + t.cofins + t.icms - t.gross).copy_abs() < D("1e-20")


def test_tax_rate_checks() -> None:
    with pytest.raises(InvalidInputError):
        TaxRates(pis=D("0.5"), cofins=D("0.3"), icms=D("0.25"))
    with pytest.raises(InvalidInputError):
        TaxRates(pis=D(18), cofins=D(0), icms=D(0))
    with pytest.raises(InvalidInputError):
        tax_amounts(D(1), TaxRates(pis=D(0), cofins=D(0), icms=D(0)), "x")  # type: ignore[arg-type]
