"""Consumer-unit number (número de identificação da unidade consumidora, UC).

Since REN 1.095/2024 the distributor must code the number of each consumer unit
and other installation in 15 positions (REN 1.000/2021, art. 659-A), read from
left to right:

- positions 15 to 6 (10 digits): sequential number assigned by the distributor;
- positions 5 to 3 (3 digits): identification number of the distributor,
  "conforme instruções da Aneel";
- positions 2 and 1 (2 digits): check digits, "conforme instruções da Aneel".

The norm does not give the distributor codes nor the check-digit algorithm (they
are left to ANEEL instructions that are not in the text), so this module **does
not verify** the check digits or the distributor code: :func:`layout` only splits
a 15-digit number into its parts. :func:`validate` accepts 6 to 15 digits, so
numbers issued before the layout (legacy numbers such as ``24836494`` in the
Amazonas Energia portal manual) are accepted: the migration to the layout is set by
REN 1.095/2024's own transitional articles, which are not part of REN 1.000's text
(secondary sources report a deadline of 31.12.2025 and both numbers shown for at
least a year; not verified in the act), and a request names the number its bill
shows. Art. 659-A, § 1º (a number is not changed save on a change between groups A
and B or of subgroup within group A) governs numbers once in the layout; it does
not make legacy numbers permanent. A 15-digit number cannot be told apart from a
15-digit legacy one.

The minimum of 6 digits is a library choice (:data:`MIN_LENGTH`): the norm states
none for legacy numbers. Six is the shortest an art. 659-A number can be written
when its leading zeros are dropped (at least one significant digit of the sequential
part, the 3 of the distributor and the 2 check digits), as distributors print it
(Light's "101.059-21"); the portal manual's legacy example has 8 digits and the
legacy numbers seen on bills (installation numbers of 8 to 10 digits) are longer. A
one- to five-digit "number" is a typing slip, not a unit. Unicode dashes, dots and
spaces of pasted text are ignored like their ASCII forms; messages mask the number
(it identifies a household).

Sources:
    - REN 1.000/2021, art. 659-A, caput and §§ 1º–3º (included by REN 1.095/2024),
      ``shared/sources/ren1000_compilado.txt``.

Examples:
    >>> validate("24836494")
    '24836494'
    >>> parts = layout("000001234500712")
    >>> parts.sequential, parts.distributor_id, parts.check_digits
    ('0000012345', '007', '12')
    >>> [str(ref) for ref in parts.basis]
    ['REN 1.000/2021, art. 659-A (incluído pela REN 1.095/2024)']
"""

from __future__ import annotations

from typing import Final

import attrs

from aneel_rules.documents._common import (
    MAX_INPUT,
    Problem,
    fail,
    not_a_string,
    oversized,
    pasted_punctuation,
    personal,
    resolve,
    shape_problem,
)
from aneel_rules.legal import AmendmentKind, Basis, Norm, ren1000

__all__ = (
    "LAYOUT_BASIS",
    "LAYOUT_LENGTH",
    "MIN_LENGTH",
    "UcLayout",
    "compact",
    "format",
    "is_valid",
    "layout",
    "validate",
)

_PATH: Final = "uc"
_MESSAGES: Final = {
    "not_a_string": "consumer unit number must be text, not {type}",
    "empty": "consumer unit number is empty",
    "non_ascii_digits": "consumer unit number {value} contains non-ASCII digits (use 0-9)",
    "invalid_format": "consumer unit number {value} contains the invalid character {char}",
    "invalid_length": (
        "consumer unit number {value} has more than the {length} digits of "
        "REN 1.000/2021 art. 659-A"
    ),
    "too_short": "consumer unit number {value} must have at least {length} digits",
    "not_659a_layout": (
        "consumer unit number {value} does not have the {length} digits of the "
        "REN 1.000/2021 art. 659-A layout"
    ),
}
_STRIP: Final = pasted_punctuation(" .-/")
_DIGITS: Final = "0123456789"

LAYOUT_LENGTH: Final = 15
"""Positions of the art. 659-A number (REN 1.000/2021, art. 659-A, caput)."""

MIN_LENGTH: Final = 6
"""Fewest digits accepted: a library choice (see the module docstring), not the norm's."""

LAYOUT_BASIS: Final = ren1000(
    "659-A", amended_by=Norm.REN_1095_2024, amendment_kind=AmendmentKind.INSERTED
)
"""The provision that fixes the layout (included by REN 1.095/2024)."""
_LAYOUT_BASES: Final[tuple[Basis, ...]] = (LAYOUT_BASIS,)


@attrs.frozen
class UcLayout:
    """The parts of a 15-digit UC number (REN 1.000/2021, art. 659-A).

    The check digits and the distributor code follow "instruções da Aneel" that
    the norm does not reproduce: they are exposed as read, never verified.

    Attributes:
        sequential: Positions 15–6, the sequential number assigned by the distributor.
        distributor_id: Positions 5–3, the distributor's identification number.
        check_digits: Positions 2–1, the check digits (not verified).
    """

    sequential: str
    distributor_id: str
    check_digits: str = attrs.field(kw_only=True)

    @property
    def basis(self) -> tuple[Basis, ...]:
        """REN 1.000/2021, art. 659-A, as a tuple like every result's basis."""
        return _LAYOUT_BASES

    def __str__(self) -> str:
        return f"{self.sequential}{self.distributor_id}{self.check_digits}"


def compact(s: str) -> str:
    """The number without spaces, dots, hyphens or slashes (not validated)."""
    if not isinstance(s, str):
        fail(_PATH, _MESSAGES, not_a_string(s))
    return s.translate(_STRIP).strip()


def _check(s: object) -> str | Problem:
    if not isinstance(s, str):
        return not_a_string(s)
    if len(s) > MAX_INPUT:
        return oversized(s, LAYOUT_LENGTH)
    n = s.translate(_STRIP).strip()
    # Art. 659-A: at most 15 positions; shorter (legacy, pre-layout) numbers are accepted as
    # a bill may still show them (see the module docstring).
    if not 0 < len(n) <= LAYOUT_LENGTH or not n.isascii() or not n.isdigit():
        return shape_problem(s, n, _DIGITS, LAYOUT_LENGTH, personal=True)
    # Library choice: fewer than MIN_LENGTH digits is no unit's number (module docstring).
    if len(n) < MIN_LENGTH:
        return ("too_short", {**personal(s), "length": str(MIN_LENGTH)})
    return n


def validate(s: str) -> str:
    """The compact UC number (6 to 15 ASCII digits, leading zeros kept).

    Legal basis:
        - REN 1.000/2021, art. 659-A, caput (15 positions). Shorter legacy numbers
          are accepted down to :data:`MIN_LENGTH` digits (a library choice: the migration
          is in REN 1.095/2024's own transitional articles, not in REN 1.000).

    Raises:
        InvalidInputError: one error on path ``"uc"``, code ``not_a_string``, ``empty``,
            ``non_ascii_digits``, ``invalid_format``, ``invalid_length`` or ``too_short``.
    """
    result = _check(s)
    if not isinstance(result, str):
        problem = resolve(result)
        # Art. 659-A, caput: the number has at most 15 positions.
        basis = LAYOUT_BASIS if problem[0] == "invalid_length" else None
        fail(_PATH, _MESSAGES, problem, basis=basis)
    return result


def is_valid(s: object) -> bool:
    """Whether ``s`` is a valid UC number; never raises."""
    return isinstance(_check(s), str)


def format(s: str) -> str:  # noqa: A001 (the stdnum name)
    """The UC number as printed: the compact digits (the norm gives no punctuation)."""
    return validate(s)


def layout(s: str) -> UcLayout:
    """Split a 15-digit UC number into the parts of art. 659-A (check digits not verified).

    Legal basis:
        - REN 1.000/2021, art. 659-A, caput (redação incluída pela REN 1.095/2024).

    Raises:
        InvalidInputError: the number is invalid, or does not have 15 digits
            (code ``not_659a_layout``).

    Examples:
        >>> layout("24836494")
        Traceback (most recent call last):
        ...
        aneel_rules.errors.InvalidInputError: uc: consumer unit number '******94' does not ...
    """
    n = validate(s)
    # Art. 659-A, caput: positions 15–6 sequential, 5–3 distributor, 2–1 check digits.
    if len(n) != LAYOUT_LENGTH:
        problem = ("not_659a_layout", {**personal(s), "length": str(LAYOUT_LENGTH)})
        fail(_PATH, _MESSAGES, resolve(problem), basis=LAYOUT_BASIS)
    return UcLayout(n[:10], n[10:13], check_digits=n[13:])
