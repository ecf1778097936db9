"""The provisions an invoice audit cites, by the regime of the invoice's reading date.

A finding cites the rule of the regime the bill was computed under: REN 1.000/2021 from
3 Jan 2022, REN 414/2010 before (with the wording in force on the date, from
``docs/sources.md``). REN 414 counterparts used:

- ultrapassagem and the billed demand: art. 93 (book quote, ``_invoice/demand.py``);
- complementary demand: art. 105 (the number ABRADEE gives on ANEEL's REN 1.000 FAQ; its text
  was not found, so the citation only names where the rule lives);
- reactive excess: arts. 95–96, in the wording of REN 418/2010 from 23 Nov 2010. Art. 95 fixes
  f_R "para as unidades consumidoras dos grupos A e B": under REN 414 a group B unit with
  appropriate metering may be charged, so REN 1.000's art. 303 is never cited for it;
- flags: REN 547/2013, art. 3º in the wording of REN 626/2014 (tarifa "proporcional aos dias
  de vigência de cada bandeira");
- the availability charge: art. 98;
- reading dates on the invoice: art. 119, I, "g" ("datas e registros das leituras anterior e
  atual dos medidores", study note);
- incorrect billing by the distributor: art. 113, in the wording of REN 479/2012 from
  3 Apr 2012.

Private: the audit (:mod:`aneel_rules._invoice.audit`) is its only user.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Final

from aneel_rules._invoice.parse import LineCode
from aneel_rules.legal import Basis, LegalRef, Norm, in_force_from, ren414, ren1000

__all__ = (
    "demand_floor_basis",
    "flag_days_basis",
    "incorrect_billing_basis",
    "not_allowed_basis",
    "reading_period_basis",
)

# Why a charge the bill does not have is not allowed, by line code (REN 1.000/2021).
_NOT_ALLOWED_1000: Final[Mapping[LineCode, Basis]] = {
    LineCode.DEMAND_OVERRUN: ren1000(301),
    LineCode.COMPLEMENTARY_DEMAND: ren1000(300),
    LineCode.REACTIVE_ENERGY: ren1000(304),
    LineCode.REACTIVE_DEMAND: ren1000(304),
    LineCode.FLAG: ren1000(307),
    LineCode.AVAILABILITY: ren1000(290),
}
_FLAGS_414: Final = LegalRef(norm=Norm.REN_547_2013, article=3, amended_by=Norm.REN_626_2014)
_NOT_ALLOWED_414: Final[Mapping[LineCode, Basis]] = {
    LineCode.DEMAND_OVERRUN: ren414(93),
    LineCode.COMPLEMENTARY_DEMAND: ren414(105),
    LineCode.FLAG: _FLAGS_414,
    LineCode.AVAILABILITY: ren414(98),
}
_REACTIVE: Final = frozenset({LineCode.REACTIVE_ENERGY, LineCode.REACTIVE_DEMAND})
_REN418_SINCE: Final = in_force_from(Norm.REN_418_2010)
_REN479_SINCE: Final = in_force_from(Norm.REN_479_2012)


def incorrect_billing_basis(norm: Norm, end: date) -> Basis:
    """What was billed wrongly is charged or refunded: art. 323 (REN 414: art. 113).

    Examples:
        >>> str(incorrect_billing_basis(Norm.REN_414_2010, date(2019, 5, 31)))
        'REN 414/2010, art. 113 (redação dada pela REN 479/2012)'
    """
    if norm is Norm.REN_1000_2021:
        return ren1000(323)
    # REN 414/2010, art. 113: caput–§ 3º in the wording of REN 479/2012 from 3 Apr 2012
    if end >= _REN479_SINCE:
        return ren414(113, amended_by=Norm.REN_479_2012)
    return ren414(113)


def not_allowed_basis(code: LineCode, *, group_b: bool, norm: Norm, end: date) -> Basis:
    """Why a printed charge with no counterpart in the bill is not allowed.

    Examples:
        >>> str(not_allowed_basis(LineCode.REACTIVE_ENERGY, group_b=True,
        ...                       norm=Norm.REN_1000_2021, end=date(2026, 6, 30)))
        'REN 1.000/2021, art. 303'
        >>> str(not_allowed_basis(LineCode.REACTIVE_ENERGY, group_b=True,
        ...                       norm=Norm.REN_414_2010, end=date(2019, 6, 30)))
        'REN 414/2010, art. 96 (redação dada pela REN 418/2010)'
    """
    if norm is Norm.REN_1000_2021:
        # REN 1.000/2021, art. 303: group B has no reference power factor
        if code in _REACTIVE and group_b:
            return ren1000(303)
        return _NOT_ALLOWED_1000.get(code, ren1000(323))
    if code in _REACTIVE:
        # REN 414/2010, art. 96 (REN 418/2010 wording): charged with appropriate metering
        if end >= _REN418_SINCE:
            return ren414(96, amended_by=Norm.REN_418_2010)
        return ren414(96)
    return _NOT_ALLOWED_414.get(code, incorrect_billing_basis(norm, end))


def demand_floor_basis(norm: Norm) -> Basis:
    """The billable demand is at least the measured one: art. 294 (REN 414: art. 93)."""
    return ren1000(294) if norm is Norm.REN_1000_2021 else ren414(93)


def flag_days_basis(norm: Norm) -> Basis:
    """Flags pro rata by their days: art. 307 (REN 414 era: REN 547/2013, art. 3º)."""
    return ren1000(307) if norm is Norm.REN_1000_2021 else _FLAGS_414


def reading_period_basis(norm: Norm) -> Basis:
    """The invoice's reading period: art. 327, IV (REN 414: art. 119, I, "g")."""
    if norm is Norm.REN_1000_2021:
        return ren1000(327, item="IV")
    return ren414(119, item="I", subitem="g")
