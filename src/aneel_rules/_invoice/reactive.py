"""Power factor and reactive excess (fator de potência e reativo excedente), hour by hour.

The one definition of the load-profile quantities behind the reactive charge of REN 1.000/2021,
arts. 302–304 (the scalar face; :mod:`aneel_rules.frames` builds its columnar face on the same
constants and formulas):

- power factor of an hour T (art. 2º, XXI): ``f_T = P / sqrt(P² + Q²)`` with ``P`` the active
  energy (kWh) and ``Q`` the reactive energy (kvarh) of the hour;
- reference power factor ``f_R = 0.92`` (art. 302);
- an hour counts only if its power factor is below 0.92 *of the kind the hour looks at*
  (art. 304, § 1º): capacitive inside the distributor's 6-hour window between 23:30 and 06:30,
  inductive in the rest of the day;
- excess energy of a counted hour: ``EEAM_T × (f_R / f_T − 1) = f_R × S − P`` with
  ``S = sqrt(P² + Q²)`` (kWh; the ``E_RE`` sum is this times VR_ERE);
- corrected demand of an hour: ``DAM_T × f_R / f_T = f_R × S`` when counted, else ``DAM_T``
  (with 1-hour integration ``DAM_T`` in kW equals ``P`` in kWh); ``D_RE(p)`` charges the largest
  corrected demand of the post above the billable demand ``DAF(p)``.

Sign convention of ``Q``: positive = inductive (reactive energy drawn, lagging), negative =
capacitive (reactive energy supplied, leading), as four-quadrant meters export them.

The equations of art. 304 are images in the compiled text (only the variables are text). The
reading used — ``E_RE = Σ_T EEAM_T × (f_R/f_T − 1) × VR_ERE`` and
``D_RE(p) = [MAX_T(DAM_T × f_R/f_T) − DAF(p)] × VR_DRE``, an hour outside its kind taken at
``f_T = f_R`` — is the form of the predecessor rules (REN 456/2000, REN 414/2010 arts. 96–97
variable lists quoted by EDP Escelsa) and of every secondary source the dossier found
(``shared/INVOICE.md`` §2). No second official rendering of the image could be read.

Private: import the public names from :mod:`aneel_rules.invoice`.

Examples:
    >>> excess_kwh(Decimal(100), Decimal(75), capacitive_hour=False)  # f = 0.80 inductive
    Decimal('15.00')
    >>> corrected_demand_kw(Decimal(120), Decimal(90), capacitive_hour=False)
    Decimal('138.00')
"""

from __future__ import annotations

from datetime import time
from decimal import Decimal
from typing import Final

import attrs

from aneel_rules._billing.money import CTX
from aneel_rules._convert import masked, non_negative, to_bool, to_quantity
from aneel_rules._invoice.messages import invalid
from aneel_rules.legal import ren1000

__all__ = (
    "CAPACITIVE_WINDOW_EARLIEST",
    "CAPACITIVE_WINDOW_HOURS",
    "CAPACITIVE_WINDOW_LATEST",
    "REFERENCE_POWER_FACTOR",
    "CapacitiveWindow",
    "corrected_demand_kw",
    "counts",
    "below_reference",
    "excess_kwh",
    "hour_terms",
    "power_factor",
)

REFERENCE_POWER_FACTOR: Final = Decimal("0.92")
"""Reference power factor f_R, inductive or capacitive (REN 1.000/2021, art. 302)."""

CAPACITIVE_WINDOW_HOURS: Final = 6
"""Length of the capacitive window in hours (art. 304, § 1º, I)."""

CAPACITIVE_WINDOW_EARLIEST: Final = time(23, 30)
"""Earliest start of the capacitive window (between 23:30 and 06:30, art. 304, § 1º, I)."""

CAPACITIVE_WINDOW_LATEST: Final = time(0, 30)
"""Latest start of the capacitive window (it must end by 06:30)."""

_MINUTES_PER_DAY: Final = 24 * 60
_EARLIEST_MINUTE: Final = 23 * 60 + 30
_LATEST_MINUTE: Final = 30
_QUARTER: Final = 15


def _check_start(_inst: object, _attr: object, value: time) -> None:
    minute = value.hour * 60 + value.minute if isinstance(value, time) else -1
    if (
        not isinstance(value, time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
        or minute % _QUARTER
        or not (minute >= _EARLIEST_MINUTE or minute <= _LATEST_MINUTE)
    ):
        raise invalid(
            "capacitive_window",
            "invalid_capacitive_window",
            "{path} must start on a quarter hour from 23:30 to 00:30 (six hours between 23:30 "
            "and 06:30), got {value}",
            basis=ren1000(304, paragraph=1, item="I"),
            path="capacitive_window",
            value=masked(value),
        )


@attrs.frozen
class CapacitiveWindow:
    """The distributor's 6-hour capacitive window (período de 6 horas, art. 304, § 1º, I).

    Between 23:30 and 06:30, six consecutive hours, announced at least one full billing cycle
    ahead (§ 2º). Inside it only capacitive power factors below 0.92 count; in the rest of the
    day only inductive ones (§ 1º, II). The one-hour intervals T are taken on the grid of the
    window (a window starting at 23:30 makes hours 23:30–00:30, 00:30–01:30…), so that the
    window is exactly six of them.

    Attributes:
        start: Local wall time the window starts (23:30 to 00:30, on a quarter hour).

    Examples:
        >>> w = CapacitiveWindow(time(0, 0))
        >>> w.contains_minute(5 * 60 + 59), w.contains_minute(6 * 60)
        (True, False)
        >>> CapacitiveWindow(time(23, 30)).hour_offset
        30
    """

    start: time = attrs.field(validator=_check_start)

    @property
    def start_minute(self) -> int:
        """Minute of the day the window starts."""
        return self.start.hour * 60 + self.start.minute

    @property
    def hour_offset(self) -> int:
        """Minutes past the hour where the one-hour intervals T begin (0, 15, 30 or 45)."""
        return self.start_minute % 60

    def contains_minute(self, minute: int) -> bool:
        """Whether minute-of-day ``minute`` lies in the window (half-open)."""
        return (minute - self.start_minute) % _MINUTES_PER_DAY < CAPACITIVE_WINDOW_HOURS * 60


def _apparent(active: Decimal, reactive: Decimal) -> Decimal:
    return CTX.sqrt(CTX.add(CTX.multiply(active, active), CTX.multiply(reactive, reactive)))


def _energies(active_kwh: object, reactive_kvarh: object) -> tuple[Decimal, Decimal]:
    """The public functions' inputs: active energy not negative, reactive signed (± kvarh)."""
    active = non_negative(active_kwh, "active_kwh", invalid=invalid)
    return active, to_quantity(reactive_kvarh, path="reactive_kvarh")


def power_factor(active_kwh: Decimal, reactive_kvarh: Decimal) -> Decimal:
    """Power factor of one interval (fator de potência, art. 2º, XXI).

    ``P / sqrt(P² + Q²)``; ``1`` when both energies are zero (nothing drawn, nothing to charge).

    Examples:
        >>> power_factor(Decimal(80), Decimal(60)), power_factor(Decimal(0), Decimal(0))
        (Decimal('0.8'), Decimal('1'))
    """
    active_kwh, reactive_kvarh = _energies(active_kwh, reactive_kvarh)
    apparent = _apparent(active_kwh, reactive_kvarh)
    if not apparent:
        return Decimal(1)
    return CTX.divide(active_kwh, apparent)


def counts(reactive_kvarh: Decimal, *, capacitive_hour: bool) -> bool:
    """Whether an hour's reactive energy is of the kind its period looks at (art. 304, § 1º).

    Capacitive (``Q < 0``) inside the capacitive window, inductive (``Q > 0``) outside it.
    """
    return reactive_kvarh < 0 if capacitive_hour else reactive_kvarh > 0


_FR_SQUARED: Final = REFERENCE_POWER_FACTOR * REFERENCE_POWER_FACTOR  # 0.8464, exact


def below_reference(active_kwh: Decimal, reactive_kvarh: Decimal) -> bool:
    """Whether ``f = P / sqrt(P² + Q²)`` is below 0.92, decided exactly (no square root).

    ``f < 0.92`` ⟺ ``P² < 0.8464 × (P² + Q²)``; exactly 0.92 is not below it.

    Examples:
        >>> below_reference(Decimal(96), Decimal(28)), below_reference(Decimal(4), Decimal(3))
        (False, True)
    """
    p2 = CTX.multiply(active_kwh, active_kwh)
    s2 = CTX.add(p2, CTX.multiply(reactive_kvarh, reactive_kvarh))
    return p2 < CTX.multiply(_FR_SQUARED, s2)


def hour_terms(
    active_kwh: Decimal, reactive_kvarh: Decimal, *, capacitive_hour: bool
) -> tuple[Decimal, Decimal]:
    """``(excess energy kWh, corrected demand kW)`` of one hour (art. 304; see the module).

    An hour that does not count, or whose power factor is not below 0.92, gives
    ``(0, DAM_T)``; otherwise ``(0.92·S − P, 0.92·S)``.

    Examples:
        >>> hour_terms(Decimal(120), Decimal(90), capacitive_hour=False)
        (Decimal('18.00'), Decimal('138.00'))
    """
    if not counts(reactive_kvarh, capacitive_hour=capacitive_hour) or not below_reference(
        active_kwh, reactive_kvarh
    ):
        return Decimal(0), active_kwh
    corrected = CTX.multiply(REFERENCE_POWER_FACTOR, _apparent(active_kwh, reactive_kvarh))
    return CTX.subtract(corrected, active_kwh), corrected


def excess_kwh(active_kwh: Decimal, reactive_kvarh: Decimal, *, capacitive_hour: bool) -> Decimal:
    """Reactive excess energy of one hour, in kWh (energia reativa excedente, art. 304).

    ``EEAM_T × (f_R / f_T − 1)``, i.e. ``0.92 × sqrt(P² + Q²) − P`` when the hour counts and its
    power factor is below 0.92; ``0`` otherwise.

    Examples:
        >>> excess_kwh(Decimal(100), Decimal(-75), capacitive_hour=False)  # capacitive, outside
        Decimal('0')
        >>> excess_kwh(Decimal(100), Decimal(-75), capacitive_hour=True)
        Decimal('15.00')
    """
    active, reactive = _energies(active_kwh, reactive_kvarh)
    counted = to_bool(capacitive_hour, path="capacitive_hour")
    return hour_terms(active, reactive, capacitive_hour=counted)[0]


def corrected_demand_kw(
    active_kwh: Decimal, reactive_kvarh: Decimal, *, capacitive_hour: bool
) -> Decimal:
    """Hourly demand corrected to the reference power factor, in kW (art. 304, ``DAM_T·f_R/f_T``).

    With 1-hour integration the hour's demand ``DAM_T`` (kW) equals its active energy (kWh).
    An hour that does not count keeps ``DAM_T``.

    Examples:
        >>> corrected_demand_kw(Decimal(120), Decimal(30), capacitive_hour=False)  # f ≈ 0.97
        Decimal('120')
    """
    active, reactive = _energies(active_kwh, reactive_kvarh)
    counted = to_bool(capacitive_hour, path="capacitive_hour")
    return hour_terms(active, reactive, capacitive_hour=counted)[1]
