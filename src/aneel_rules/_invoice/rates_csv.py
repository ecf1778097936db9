"""ANEEL's open-data tariff file (tarifas homologadas) read into :class:`TariffRates`.

:func:`rates_from_aneel_csv` reads ANEEL's open-data file "Tarifas de aplicação das
distribuidoras" as published (dataset ``tarifas-distribuidoras-energia-eletrica``, file
``tarifas-homologadas-distribuidoras-energia-eletrica.csv``): ``;``-separated, quoted, latin-1,
decimal comma, 17 columns (:data:`ANEEL_TARIFF_COLUMNS`).

Sources:
    - https://dadosabertos.aneel.gov.br/dataset/tarifas-distribuidoras-energia-eletrica
      (resource ``fcf2906c-7c32-4b9b-a637-054e7a5234f4``); header and format as read by public
      collectors (``shared/INVOICE.md`` §3.3, I17–I19).

Private: import the public names from :mod:`aneel_rules.invoice`.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import IO, Final

import attrs

from aneel_rules._convert import quoted
from aneel_rules._invoice.messages import invalid
from aneel_rules._invoice.opendata import decimal_comma, iso_day, text_lines
from aneel_rules._invoice.rates import TariffRates
from aneel_rules._tariffs.modality_types import TariffModality
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules._tariffs.units import Group, Subgroup

__all__ = ("ANEEL_TARIFF_COLUMNS", "MAX_CSV_ROWS", "rates_from_aneel_csv")

ANEEL_TARIFF_COLUMNS: Final = (
    "DatGeracaoConjuntoDados",
    "DscREH",
    "SigAgente",
    "NumCNPJDistribuidora",
    "DatInicioVigencia",
    "DatFimVigencia",
    "DscBaseTarifaria",
    "DscSubGrupo",
    "DscModalidadeTarifaria",
    "DscClasse",
    "DscSubClasse",
    "DscDetalhe",
    "NomPostoTarifario",
    "DscUnidadeTerciaria",
    "SigAgenteAcessante",
    "VlrTUSD",
    "VlrTE",
)
"""The 17 columns of ANEEL's "tarifas homologadas" file, in order."""

MAX_CSV_ROWS: Final = 2_000_000
"""Rows read at most (the published file has about 330 thousand)."""

_APPLICATION: Final = "tarifa de aplicação"
_NOT_APPLICABLE: Final = "não se aplica"
_MODALITIES: Final = {
    "convencional": None,  # monômia in group B, binômia in group A
    "branca": TariffModality.WHITE,
    "verde": TariffModality.GREEN,
    "azul": TariffModality.BLUE,
}
_POSTS: Final = {
    "ponta": TariffPost.PEAK,
    "fora ponta": TariffPost.OFF_PEAK,
    "fora de ponta": TariffPost.OFF_PEAK,
    "intermediário": TariffPost.INTERMEDIATE,
    "intermediario": TariffPost.INTERMEDIATE,
    _NOT_APPLICABLE: None,
}

# --- reading the open-data file ------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.strip().lower().split())


@attrs.frozen
class _Row:
    act: str
    start: date
    end: date | None
    consumer_class: str
    subclass: str
    post: TariffPost | None
    unit: str
    tusd: Decimal
    te: Decimal


def _act_key(act: str) -> tuple[int, ...]:
    """Sort key of an act's number (``"REH 3.589/2026"`` → ``(2026, 3589)``)."""
    digits = "".join(c if c.isdigit() else " " for c in act).split()
    numbers = [int(d) for d in digits]
    return (numbers[-1], *numbers[:-1]) if numbers else ()


def _matches(
    fields: Mapping[str, str], *, distributor: str, subgroup: Subgroup, modality: TariffModality
) -> bool:
    agent = _norm(fields["SigAgente"])
    cnpj = "".join(c for c in fields["NumCNPJDistribuidora"] if c.isdigit())
    wanted = _norm(distributor)
    if wanted not in {agent, cnpj}:
        return False
    if _norm(fields["DscBaseTarifaria"]) != _APPLICATION:
        return False
    if fields["DscSubGrupo"].strip() != subgroup.value:
        return False
    # SCEE, APE and other detail rows carry a different tariff: left out.
    if _norm(fields["DscDetalhe"]) != _NOT_APPLICABLE:
        return False
    if _norm(fields["SigAgenteAcessante"]) not in {_NOT_APPLICABLE, ""}:
        return False
    kind = _norm(fields["DscModalidadeTarifaria"])
    if kind not in _MODALITIES:
        return False
    found = _MODALITIES[kind]
    if found is None:
        found = (
            TariffModality.CONVENTIONAL_MONOMIAL
            if subgroup.group is Group.B
            else TariffModality.CONVENTIONAL_BINOMIAL
        )
    return found is modality


def _read_rows(
    source: object, *, distributor: str, subgroup: Subgroup, modality: TariffModality, on: date
) -> list[_Row]:
    reader = csv.reader(text_lines(source, "latin-1"), delimiter=";", quotechar='"')
    header = next(reader, None)
    names = tuple(h.strip().lstrip("\ufeff") for h in header or ())
    if names != ANEEL_TARIFF_COLUMNS:
        raise invalid(
            "source",
            "bad_header",
            "the file does not have the 17 columns of ANEEL's tariff file, got {value}",
            value=quoted(names[:17]),
        )
    rows: list[_Row] = []
    number = 0  # data rows from 1 (the first under the header; blank lines are not rows)
    for line, values in enumerate(reader, start=2):
        if line > MAX_CSV_ROWS:
            raise invalid(
                "source",
                "too_many_rows",
                "the file has more than {maximum} rows",
                maximum=str(MAX_CSV_ROWS),
            )
        if not values:
            continue
        number += 1
        if len(values) != len(ANEEL_TARIFF_COLUMNS):
            raise invalid(
                f"row.{number}",
                "bad_row",
                "data row {row} has {value} fields instead of 17",
                row=str(number),
                value=str(len(values)),
            )
        fields = dict(zip(ANEEL_TARIFF_COLUMNS, values, strict=True))
        if not _matches(fields, distributor=distributor, subgroup=subgroup, modality=modality):
            continue
        start = iso_day(fields["DatInicioVigencia"], number, "DatInicioVigencia")
        end = iso_day(fields["DatFimVigencia"], number, "DatFimVigencia")
        # vigência inclusive at both ends
        if start is None or start > on or (end is not None and end < on):
            continue
        post_name = _norm(fields["NomPostoTarifario"])
        if post_name not in _POSTS:
            raise invalid(
                f"row.{number}.NomPostoTarifario",
                "unknown_post",
                "data row {row}: unknown tariff post {value}",
                row=str(number),
                value=quoted(fields["NomPostoTarifario"]),
            )
        rows.append(
            _Row(
                act=fields["DscREH"].strip(),
                start=start,
                end=end,
                consumer_class=fields["DscClasse"].strip(),
                subclass=fields["DscSubClasse"].strip(),
                post=_POSTS[post_name],
                unit=_norm(fields["DscUnidadeTerciaria"]),
                tusd=decimal_comma(fields["VlrTUSD"], number, "VlrTUSD"),
                te=decimal_comma(fields["VlrTE"], number, "VlrTE"),
            )
        )
    return rows


def _pick_vigencia(rows: list[_Row]) -> list[_Row]:
    """Rows of the one vigência that wins among overlapping ones.

    Latest start, then latest act, then shortest vigência (an open end counts as longest) —
    the rule of the public "observatório" method note on this dataset (INVOICE.md §3.3, I19).
    """

    def key(row: _Row) -> tuple[date, tuple[int, ...], int]:
        length = (row.end - row.start).days if row.end is not None else 10**6
        return (row.start, _act_key(row.act), -length)

    best = max(key(row) for row in rows)
    return [row for row in rows if key(row) == best]


def rates_from_aneel_csv(
    source: os.PathLike[str] | IO[bytes] | Iterable[str],
    *,
    distributor: str,
    subgroup: Subgroup,
    modality: TariffModality,
    on: date,
    consumer_class: str | None = None,
    subclass: str | None = None,
) -> TariffRates:
    """The tariffs in force on a date, from ANEEL's open-data tariff file.

    Keeps the rows of ``distributor`` (``SigAgente`` or CNPJ digits), ``subgroup`` and
    ``modality`` with ``DscBaseTarifaria`` "Tarifa de Aplicação", ``DscDetalhe`` and
    ``SigAgenteAcessante`` "Não se aplica" (SCEE, APE and other detail rows carry other
    tariffs), ``consumer_class``/``subclass`` when given, and a vigência containing ``on``
    (both ends inclusive). Where vigências overlap, the latest start wins, then the latest act,
    then the shortest vigência. Energy rows (``MWh``) give TE and TUSD in R$/MWh; demand rows
    (``kW``) give the TUSD in R$/kW.

    Args:
        source: A path, a binary stream (decoded as latin-1), or decoded text lines.
        distributor: ``SigAgente`` (``"CEMIG-D"``) or the CNPJ (digits).
        subgroup: Subgroup (``DscSubGrupo``).
        modality: Modality; "Convencional" is monômia in group B and binômia in group A.
        on: Date the rates must be in force.
        consumer_class: ``DscClasse`` text, to choose among classes.
        subclass: ``DscSubClasse`` text, to choose among subclasses.

    Raises:
        InvalidInputError: not the 17-column header, a malformed row, no row matching, or rows
            of several classes/subclasses left (pass ``consumer_class``/``subclass``).

    Examples:
        >>> lines = [";".join(ANEEL_TARIFF_COLUMNS),
        ...          '"2026-09-01";"REH 3.589/2026";"CEMIG-D";"17155730000164";"2026-05-28";'
        ...          '"2027-05-27";"Tarifa de Aplicação";"B1";"Convencional";"Residencial";'
        ...          '"Residencial";"Não se aplica";"Não se aplica";"MWh";"Não se aplica";'
        ...          '"593,08";"310,21"']
        >>> r = rates_from_aneel_csv(lines, distributor="CEMIG-D", subgroup=Subgroup.B1,
        ...                          modality=TariffModality.CONVENTIONAL_MONOMIAL,
        ...                          on=date(2026, 6, 1))
        >>> r.te_mwh[None], r.tusd_mwh[None], r.act
        (Decimal('310.21'), Decimal('593.08'), 'REH 3.589/2026')
    """
    if not isinstance(subgroup, Subgroup) or not isinstance(modality, TariffModality):
        raise invalid(
            "modality",
            "not_a_modality",
            "{path} must be a TariffModality, got {value}",
            path="subgroup/modality",
            value=quoted((subgroup, modality)),
        )
    rows = _read_rows(source, distributor=distributor, subgroup=subgroup, modality=modality, on=on)
    rows = [
        row
        for row in rows
        if (consumer_class is None or _norm(row.consumer_class) == _norm(consumer_class))
        and (subclass is None or _norm(row.subclass) == _norm(subclass))
    ]
    if not rows:
        raise invalid(
            "source",
            "no_rates",
            "no Tarifa de Aplicação row for {value} in force on {on}",
            value=f"{distributor} {subgroup.value} {modality.value}",
            on=on.isoformat(),
        )
    rows = _pick_vigencia(rows)
    classes = {(row.consumer_class, row.subclass) for row in rows}
    if len(classes) > 1:
        raise invalid(
            "source",
            "ambiguous_class",
            "rows of several classes/subclasses match ({value}): pass consumer_class and subclass",
            value="; ".join(sorted(f"{c}/{s}" for c, s in classes)),
        )
    te: dict[TariffPost | None, Decimal] = {}
    tusd: dict[TariffPost | None, Decimal] = {}
    demand: dict[TariffPost | None, Decimal] = {}
    for row in rows:
        if row.unit == "kw":
            demand[row.post] = row.tusd
        else:
            te[row.post] = row.te
            tusd[row.post] = row.tusd
    first = rows[0]
    return TariffRates(
        distributor=distributor,
        subgroup=subgroup,
        modality=modality,
        te_mwh=te,
        tusd_mwh=tusd,
        demand_kw=demand or None,
        act=first.act,
        valid_from=first.start,
        valid_to=first.end,
        consumer_class=first.consumer_class,
        subclass=first.subclass,
    )
