"""Taxes on the invoice (tributos): PIS/PASEP, COFINS and ICMS grossed up "por dentro".

REN 1.000/2021 requires the invoice to show the taxes (art. 327, IX) but contains no tax
formula: rates come from the caller (each distributor publishes its monthly effective PIS and
COFINS; ICMS is state law) and the gross-up convention is a parameter, because distributors use
two (``shared/INVOICE.md`` §5, both UNVERIFIED as law, both seen in peers):

- :attr:`GrossUp.ADDITIVE` — one divisor: ``price = base / (1 − (PIS + COFINS + ICMS))``
  (ceinmart ``aplicar_tributos_por_dentro``; the passeidireto REH 2.255/2017 example);
- :attr:`GrossUp.MULTIPLICATIVE` — PIS/COFINS on a base without ICMS:
  ``price = base / (1 − PIS − COFINS) / (1 − ICMS)`` (manbomb ``adicionarImpostos``;
  ceinmart ``aplicar_pis_cofins_icms_separados``).

Private: import the public names from :mod:`aneel_rules.invoice`.

Examples:
    >>> rates = TaxRates(pis=Decimal("0.011"), cofins=Decimal("0.0502"), icms=Decimal("0.12"))
    >>> gross_up(Decimal(100), rates, GrossUp.ADDITIVE).quantize(Decimal("0.0001"))
    Decimal('122.1299')
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.money import CTX
from aneel_rules._convert import instance_of, masked, to_money
from aneel_rules._invoice.fields import MONEY, checked
from aneel_rules._invoice.messages import invalid

__all__ = ("GrossUp", "TaxAmounts", "TaxRates", "gross_up", "tax_amounts")

_ONE: Final = Decimal(1)


class GrossUp(enum.Enum):
    """Convention for taxes calculated "por dentro" (cálculo por dentro dos tributos)."""

    ADDITIVE = "divisor único"
    MULTIPLICATIVE = "PIS/COFINS e ICMS em etapas"


def _rate(_inst: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value < 1:
        raise invalid(
            attribute.name,
            "bad_tax_rate",
            "{path} must be a Decimal fraction from 0 to below 1 (0.18 = 18 %), got {value}",
            path=attribute.name,
            value=masked(value),
        )


@attrs.frozen(kw_only=True)
class TaxRates:
    """Tax rates of one invoice, as fractions (``Decimal("0.18")`` = 18 %).

    Attributes:
        pis: PIS/PASEP effective rate.
        cofins: COFINS effective rate.
        icms: ICMS rate (state law; bands by consumption are the caller's choice).
    """

    pis: Decimal = attrs.field(validator=_rate)
    cofins: Decimal = attrs.field(validator=_rate)
    icms: Decimal = attrs.field(validator=_rate)

    def __attrs_post_init__(self) -> None:
        if self.pis + self.cofins + self.icms >= 1:
            raise invalid(
                "icms",
                "taxes_too_high",
                "the tax rates add up to 100 % or more",
            )


@attrs.frozen(kw_only=True, field_transformer=checked)
class TaxAmounts:
    """Taxes of a grossed-up amount: ``base + pis + cofins + icms == gross``."""

    base: Decimal = attrs.field(metadata=MONEY)
    gross: Decimal = attrs.field(metadata=MONEY)
    pis: Decimal = attrs.field(metadata=MONEY)
    cofins: Decimal = attrs.field(metadata=MONEY)
    icms: Decimal = attrs.field(metadata=MONEY)


def gross_up(base: Decimal, rates: TaxRates, method: GrossUp) -> Decimal:
    """``base`` with the taxes calculated por dentro (see the module docstring).

    Examples:
        >>> r = TaxRates(pis=Decimal("0.00998"), cofins=Decimal("0.04614"), icms=Decimal("0.19"))
        >>> gross_up(Decimal("294.572"), r, GrossUp.MULTIPLICATIVE).quantize(Decimal("0.001"))
        Decimal('385.292')
    """
    return tax_amounts(base, rates, method).gross


def tax_amounts(base: Decimal, rates: TaxRates, method: GrossUp) -> TaxAmounts:
    """Each tax of ``base`` grossed up by ``method`` (exact, unrounded).

    Examples:
        >>> r = TaxRates(pis=Decimal("0.011"), cofins=Decimal("0.0502"), icms=Decimal("0.12"))
        >>> t = tax_amounts(Decimal(100), r, GrossUp.MULTIPLICATIVE)
        >>> t.gross.quantize(Decimal("0.01")), t.icms.quantize(Decimal("0.01"))
        (Decimal('121.04'), Decimal('14.53'))
    """
    base = to_money(base, path="base")
    instance_of(
        rates,
        TaxRates,
        "rates",
        "not_tax_rates",
        "{path} must be TaxRates, got {value}",
        invalid=invalid,
    )
    if method is GrossUp.ADDITIVE:
        total = CTX.add(CTX.add(rates.pis, rates.cofins), rates.icms)
        gross = CTX.divide(base, CTX.subtract(_ONE, total))
        pis = CTX.multiply(gross, rates.pis)
        cofins = CTX.multiply(gross, rates.cofins)
        icms = CTX.subtract(CTX.subtract(CTX.subtract(gross, base), pis), cofins)
        return TaxAmounts(base=base, gross=gross, pis=pis, cofins=cofins, icms=icms)
    if method is GrossUp.MULTIPLICATIVE:
        federal = CTX.subtract(CTX.subtract(_ONE, rates.pis), rates.cofins)
        without_icms = CTX.divide(base, federal)
        gross = CTX.divide(without_icms, CTX.subtract(_ONE, rates.icms))
        pis = CTX.multiply(without_icms, rates.pis)
        cofins = CTX.subtract(CTX.subtract(without_icms, base), pis)
        icms = CTX.subtract(gross, without_icms)
        return TaxAmounts(base=base, gross=gross, pis=pis, cofins=cofins, icms=icms)
    raise invalid(
        "gross_up",
        "not_a_gross_up",
        "{path} must be a GrossUp, got {value}",
        path="gross_up",
        value=masked(method),
    )
