"""Vectorised check digits of CPF and CNPJ in the usual layouts (numpy), for document_codes.

Private. Only *answers "valid"* for rows in one of four exact layouts (CPF ``00000000000`` or
``000.000.000-00``; CNPJ ``000000000000 00`` compact or ``00.000.000/0000-00``, base digits or
upper-case letters) whose check digits are right and that are not one repeated digit — the
rules of :mod:`aneel_rules.documents.cpf` and :mod:`~aneel_rules.documents.cnpj`, on the same
weights. Every other row goes to the scalar check, which also gives the error codes; the
tests compare both on every row.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ("fast_valid",)

_CPF_W1: Final = np.array([10, 9, 8, 7, 6, 5, 4, 3, 2])
_CPF_W2: Final = np.array([11, 10, 9, 8, 7, 6, 5, 4, 3, 2])
_CNPJ_W1: Final = np.array([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
_CNPJ_W2: Final = np.array([6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2])
_WIDTH: Final = 18
# (length, positions of the characters, punctuation {position: byte}, kind)
_LAYOUTS: Final[tuple[tuple[int, tuple[int, ...], dict[int, int], int], ...]] = (
    (11, tuple(range(11)), {}, 0),
    (14, (0, 1, 2, 4, 5, 6, 8, 9, 10, 12, 13), {3: 46, 7: 46, 11: 45}, 0),
    (14, tuple(range(14)), {}, 1),
    (18, (0, 1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 16, 17), {2: 46, 6: 46, 10: 47, 15: 45}, 1),
)


def _digit_check(
    values: npt.NDArray[np.int64], weights: npt.NDArray[np.int64]
) -> npt.NDArray[np.int64]:
    # dv = 0 if Σ mod 11 < 2 else 11 − Σ mod 11, i.e. (10·Σ) mod 11 mod 10
    return (values @ weights) * 10 % 11 % 10


def fast_valid(texts: list[object]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.int8]]:
    """Rows proven valid by the vectorised check, and their kind (0 CPF, 1 CNPJ, -1 unknown)."""
    size = len(texts)
    valid = np.zeros(size, dtype=np.bool_)
    kinds = np.full(size, -1, dtype=np.int8)
    strings = np.array(
        [t if type(t) is str and len(t) <= _WIDTH else "" for t in texts], dtype=f"<U{_WIDTH}"
    )
    if not size:
        return valid, kinds
    try:
        raw = strings.astype(f"S{_WIDTH}")
    except UnicodeEncodeError:  # non-ASCII text somewhere: replaced, so it fails the layouts
        raw = np.strings.encode(strings, "ascii", "replace").astype(f"S{_WIDTH}")
    matrix = raw.view(np.uint8).reshape(size, _WIDTH)
    lengths = np.strings.str_len(strings)
    for length, positions, punctuation, kind in _LAYOUTS:
        rows = np.flatnonzero(lengths == length)
        if not rows.size:
            continue
        block = matrix[rows]
        ok = np.ones(rows.size, dtype=np.bool_)
        for position, byte in punctuation.items():
            ok &= block[:, position] == byte
        chars = block[:, list(positions)].astype(np.int64)
        digits = (chars >= 48) & (chars <= 57)
        values = chars - 48
        if kind == 0:
            ok &= digits.all(axis=1)
            first = _digit_check(values[:, :9], _CPF_W1)
            second = _digit_check(values[:, :10], _CPF_W2)
        else:
            letters = (chars >= 65) & (chars <= 90)
            ok &= (digits | letters)[:, :12].all(axis=1) & digits[:, 12:].all(axis=1)
            first = _digit_check(values[:, :12], _CNPJ_W1)
            second = _digit_check(values[:, :13], _CNPJ_W2)
        ok &= (values[:, -2] == first) & (values[:, -1] == second)
        # one repeated digit is never issued
        ok &= ~(chars == chars[:, :1]).all(axis=1)
        valid[rows[ok]] = True
        kinds[rows[ok]] = kind
    return valid, kinds
