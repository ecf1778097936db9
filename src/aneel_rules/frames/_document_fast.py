"""Vectorised CPF/CNPJ codes of a column (numpy), for ``document_codes``.

Private: needs the ``frames`` extra. Each row of ASCII letters, digits and the punctuation
``" ./-"`` (at most 20 characters: every formatted CPF or CNPJ, and its usual mistakes) is
decided here with the rules of :func:`aneel_rules.documents.kind.check`, on a byte matrix:
the punctuation dropped, the compact length says CPF (11) or CNPJ (14), then the shape,
repeated digits and the mod-11 check digits as matrix products, on the same weights as
:mod:`~aneel_rules.documents.cpf` and :mod:`~aneel_rules.documents.cnpj`. Every other row
(not text, non-ASCII, other characters, longer) is left to the scalar check, which also
knows their codes; the tests compare both on every row.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import numpy.typing as npt

__all__ = ("CODES", "SCALAR", "VALID", "classify")

CODES: Final = (
    "empty",
    "invalid_length",
    "invalid_format",
    "non_numeric_check_digits",
    "repeated_digits",
    "invalid_checksum",
)
"""Codes decided here, by their index in the code column."""
VALID: Final = -1
SCALAR: Final = -2  # left to the scalar check
_EMPTY, _LENGTH, _FORMAT, _CHECK_LETTERS, _REPEATED, _CHECKSUM = range(len(CODES))
_CPF, _CNPJ = 0, 1
_WIDTH: Final = 20
_CPF_LENGTH: Final = 11
_CNPJ_LENGTH: Final = 14
_CPF_W1: Final = np.array([10, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int32)
_CPF_W2: Final = np.array([11, 10, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int32)
_CNPJ_W1: Final = np.array([5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int32)
_CNPJ_W2: Final = np.array([6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2], dtype=np.int32)
# per byte: whether it is kept (an ASCII letter or digit), and its weight in the check that
# a row is plain: 1 for a letter, a digit or " ./-", 0 for NUL (the padding), and more than
# any row's length for anything else, so the weights of a row add up to its length only if
# it is plain (no NUL in it either)
_KEPT: Final = np.zeros(256, dtype=np.bool_)
_PLAIN: Final = np.full(256, 2 * _WIDTH + 1, dtype=np.uint16)
_PLAIN[0] = 0
for _chars in ("0123456789", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"):
    _KEPT[[ord(c) for c in _chars]] = True
    _PLAIN[[ord(c) for c in _chars]] = 1
_PLAIN[[ord(c) for c in " ./-"]] = 1
_NOT_PLAIN: Final = "\x01"
# the usual layouts: (pattern of kept places, their positions), as bits of the pattern
_LAYOUTS: Final = {
    _CPF_LENGTH: ("00000000000", "000.000.000-00"),
    _CNPJ_LENGTH: ("00000000000000", "00.000.000/0000-00"),
}


def _pattern_of(layout: str) -> tuple[int, npt.NDArray[np.intp]]:
    positions = [i for i, c in enumerate(layout) if c.isalnum()]
    return sum(1 << i for i in positions), np.array(positions, dtype=np.intp)


_KNOWN: Final = {
    length: tuple(_pattern_of(layout) for layout in layouts) for length, layouts in _LAYOUTS.items()
}

Int8Array = npt.NDArray[np.int8]


def _check_digit(
    values: npt.NDArray[np.int32], weights: npt.NDArray[np.int32]
) -> npt.NDArray[np.int32]:
    # dv = 0 if Σ mod 11 < 2 else 11 − Σ mod 11, i.e. (10·Σ) mod 11 mod 10
    result: npt.NDArray[np.int32] = (values @ weights) * 10 % 11 % 10
    return result


def classify(texts: list[object]) -> tuple[Int8Array, Int8Array]:
    """Kind (0 CPF, 1 CNPJ, -1 neither) and code of each row.

    The code is :data:`VALID`, an index of :data:`CODES`, or :data:`SCALAR` for a row to
    check one by one (its kind is then -1 here).
    """
    size = len(texts)
    kinds = np.full(size, -1, dtype=np.int8)
    codes = np.full(size, SCALAR, dtype=np.int8)
    if not size:
        return kinds, codes
    # rows that can be bytes: ASCII text, short enough; any other row becomes a character
    # that is not plain, so it stays SCALAR
    plain = [
        t if type(t) is str and len(t) <= _WIDTH and t.isascii() else _NOT_PLAIN for t in texts
    ]
    lengths = np.fromiter(map(len, plain), dtype=np.int64, count=size)
    matrix = np.array(plain, dtype=f"S{_WIDTH}").view(np.uint8).reshape(size, _WIDTH)
    simple = _PLAIN[matrix].sum(axis=1, dtype=np.int64) == lengths
    keep = _KEPT[matrix]
    compact_lengths = keep.sum(axis=1)
    # the rules of documents.kind: the compact length decides which number it must be
    codes[simple] = _LENGTH
    codes[simple & (compact_lengths == 0)] = _EMPTY
    bits = np.packbits(keep, axis=1, bitorder="little").astype(np.int64)
    patterns = bits[:, 0] | bits[:, 1] << 8 | bits[:, 2] << 16
    for length, kind in ((_CPF_LENGTH, _CPF), (_CNPJ_LENGTH, _CNPJ)):
        rows = np.flatnonzero(simple & (compact_lengths == length))
        if rows.size:
            kinds[rows] = kind
            chars = _compacted(matrix[rows], keep[rows], patterns[rows], length)
            codes[rows] = _cpf_codes(chars) if kind == _CPF else _cnpj_codes(chars)
    return kinds, codes


def _compacted(
    matrix: npt.NDArray[np.uint8],
    keep: npt.NDArray[np.bool_],
    patterns: npt.NDArray[np.int64],
    length: int,
) -> npt.NDArray[np.uint8]:
    """The kept characters of each row, moved to its start (``length`` of them per row).

    Rows in a usual layout take its positions; the others are sorted, kept places first.
    """
    out = np.empty((matrix.shape[0], length), dtype=np.uint8)
    done = np.zeros(matrix.shape[0], dtype=np.bool_)
    for pattern, positions in _KNOWN[length]:
        hit = patterns == pattern
        out[hit] = matrix[hit][:, positions]
        done |= hit
    rest = np.flatnonzero(~done)
    if rest.size:
        order = np.argsort(~keep[rest], axis=1, kind="stable")[:, :length]
        out[rest] = np.take_along_axis(matrix[rest], order, axis=1)
    return out


def _cpf_codes(chars: npt.NDArray[np.uint8]) -> Int8Array:
    codes = np.full(chars.shape[0], VALID, dtype=np.int8)
    values = chars.astype(np.int32) - ord("0")
    first = _check_digit(values[:, :9], _CPF_W1)
    second = _check_digit(values[:, :10], _CPF_W2)
    codes[(values[:, 9] != first) | (values[:, 10] != second)] = _CHECKSUM
    # one repeated digit is never issued (checked before the check digits)
    codes[(chars == chars[:, :1]).all(axis=1)] = _REPEATED
    # a CPF is digits only: a letter is the first character outside them
    codes[(chars > ord("9")).any(axis=1)] = _FORMAT
    return codes


def _cnpj_codes(chars: npt.NDArray[np.uint8]) -> Int8Array:
    codes = np.full(chars.shape[0], VALID, dtype=np.int8)
    upper = np.where(chars >= ord("a"), chars - (ord("a") - ord("A")), chars)
    values = upper.astype(np.int32) - ord("0")
    first = _check_digit(values[:, :12], _CNPJ_W1)
    second = _check_digit(values[:, :13], _CNPJ_W2)
    codes[(values[:, 12] != first) | (values[:, 13] != second)] = _CHECKSUM
    codes[(upper == upper[:, :1]).all(axis=1)] = _REPEATED
    # letters may stand in the first twelve places (alphanumeric CNPJ), not in the last two
    codes[(upper[:, 12:] > ord("9")).any(axis=1)] = _CHECK_LETTERS
    return codes
