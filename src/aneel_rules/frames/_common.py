"""Helpers shared by the frames modules: message domain, errors and how a row is named.

Private, importable without numpy.

**How an error names a row** (one convention for every dataset face, ``docs/frames.md``):

- :mod:`aneel_rules.frames` names the row of a pandas input by its **index label** when the
  index is a ``RangeIndex`` (a row counter by construction: pandas' default, kept by
  ``read_csv(chunksize=…)`` chunks and by slices), else by its **position** from 0 (numpy,
  Arrow, polars, lists, and pandas objects with any other index, whose labels may be data
  such as a consumer unit number and are never echoed). The field path is
  ``"<column>.<number>"`` and the message says which of the two the number is.
- A file read by the command line, or by a loader that takes a path or a stream, is named
  by its **data row** from 1: the first row under the header is data row 1 (what
  ``pandas.read_csv(file).iloc[n - 1]`` holds; blank lines are not rows), counted across
  chunks.

The kind of number is a param ``where`` holding one of :data:`ROW_LABEL`,
:data:`ROW_POSITION` or :data:`FILE_ROW` (catalog messages, translated with the error:
``nested``), the number is the param ``row`` and the column the param ``column``; a front
end that read a file renames the rows with :func:`in_file_rows`, never parsing a message.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from aneel_rules._billing.messages import DOMAIN as BILLING_DOMAIN
from aneel_rules._billing.messages import TEMPLATES as _BILLING_TEMPLATES
from aneel_rules._tariffs.posts import TariffPost
from aneel_rules.errors import AneelRulesError, FieldError, InvalidInputError, invalid_in

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from aneel_rules.legal import Basis

__all__ = (
    "BILLING_DOMAIN",
    "DOMAIN",
    "FILE_ROW",
    "POST_BY_CODE",
    "READING_REASONS",
    "ROW_LABEL",
    "ROW_POSITION",
    "WHERE",
    "Rows",
    "in_file_rows",
    "invalid",
    "row_invalid",
    "rows_of",
)

POST_BY_CODE: Final = (TariffPost.OFF_PEAK, TariffPost.INTERMEDIATE, TariffPost.PEAK)
"""Tariff post of each ``post_codes`` code: 0 fora de ponta, 1 intermediário, 2 ponta."""

DOMAIN: Final = "frames"
"""Message-catalog domain of the frames modules."""


invalid: Final = invalid_in(DOMAIN)
"""An :class:`~aneel_rules.errors.InvalidInputError` with one field error in this domain."""


READING_REASONS: Final = MappingProxyType(
    {
        key.removeprefix("subject_"): text
        for key, text in _BILLING_TEMPLATES.items()
        if key.startswith("subject_")
    }
)
"""Reason code → the REN 414/2010 case the library does not model (an English msgid).

The ``reason`` of a :func:`~aneel_rules.frames.readings` row whose finding is
``unverified_ren414``: which provision could not be verified in the project's sources. The
text is translated in the ``billing_cycle`` catalog (:data:`BILLING_DOMAIN`).
"""


ROW_LABEL: Final = "index label"
"""``where`` of a row named by its ``RangeIndex`` label (``frame.loc[n]``)."""

ROW_POSITION: Final = "position"
"""``where`` of a row named by its position from 0 (``frame.iloc[n]``, ``array[n]``)."""

FILE_ROW: Final = "data row"
"""``where`` of a row of a file: from 1, the first row under the header (a front end's)."""

WHERE: Final = (ROW_LABEL, ROW_POSITION, FILE_ROW)
"""Every ``where`` (catalog messages of the ``frames`` and ``invoice`` domains)."""


@attrs.frozen
class Rows:
    """How the errors about one column name its rows (see the module's convention).

    Attributes:
        labels: The ``RangeIndex`` of the input as a ``range`` (``None``: positions).
        order: Position in the input of each position the caller checks (a sort's
            permutation), or ``None`` when the caller checks the input's order.
    """

    labels: range | None = None
    order: npt.NDArray[np.intp] | Sequence[int] | None = None

    def reordered(self, order: npt.NDArray[np.intp] | Sequence[int] | None) -> Rows:
        """The same rows, checked in ``order`` (positions in the input)."""
        return Rows(self.labels, order)

    def name(self, position: int) -> tuple[str, int]:
        """``(where, number)`` of the row at ``position`` (of the caller's order)."""
        if self.order is not None:
            position = int(self.order[position])
        if self.labels is None:
            return ROW_POSITION, position
        return ROW_LABEL, self.labels[position]

    def params(self, position: int, column: str) -> dict[str, str]:
        """The params ``where``, ``row``, ``column`` and ``path`` of an error about the row."""
        where, number = self.name(position)
        return {"where": where, "row": str(number), "column": column, "path": f"{column}.{number}"}


def rows_of(column: object) -> Rows:
    """The :class:`Rows` of a column or frame: its ``RangeIndex`` labels, else positions.

    pandas is not imported: a pandas ``Series`` or ``DataFrame`` is known by its index's type.
    """
    index = getattr(column, "index", None)
    if type(index).__name__ == "RangeIndex" and type(index).__module__.startswith("pandas"):
        return Rows(range(index.start, index.stop, index.step))  # type: ignore[union-attr]
    return Rows()


def row_invalid(
    rows: Rows,
    position: int,
    column: str,
    code: str,
    template: str,
    /,
    *,
    basis: Basis | None = None,
    **params: object,
) -> InvalidInputError:
    """An :class:`InvalidInputError` about the row at ``position`` of ``column``.

    The path is ``"<column>.<number>"``; ``template`` may use ``{where}`` (translated),
    ``{row}``, ``{column}`` and ``{path}`` besides its own ``params``.
    """
    named = rows.params(position, column)
    return InvalidInputError(
        (
            FieldError(
                path=named.pop("path"),
                code=code,
                template=template,
                params={**named, **params},
                domain=DOMAIN,
                basis=basis,
                nested=("where",),
            ),
        )
    )


def in_file_rows(
    error: AneelRulesError,
    row_of: Callable[[str, int], int],
    columns: Mapping[str, str] | None = None,
) -> AneelRulesError:
    """``error`` with its rows named as data rows of a file (:data:`FILE_ROW`).

    For a front end that handed the rows of a file to these functions: ``row_of(where,
    number)`` gives the data row (from 1) of the row an error names, ``columns`` the file's
    name of each column of the frame. Errors that name no row are returned as they are.
    """
    names = dict(columns or {})

    def renamed(params: tuple[tuple[str, str], ...]) -> dict[str, str] | None:
        values = dict(params)
        where = values.get("where")
        if where not in {ROW_LABEL, ROW_POSITION} or "row" not in values:
            return None
        row = row_of(where, int(values["row"]))
        column = names.get(values.get("column", ""), values.get("column", ""))
        values.update(where=FILE_ROW, row=str(row), column=column, path=f"{column}.{row}")
        return values

    if isinstance(error, InvalidInputError):
        parts = []
        for part in error.errors:
            values = renamed(part.params)
            if values is not None:
                part = attrs.evolve(part, params=values, path=values["path"])  # noqa: PLW2901
            parts.append(part)
        return error if parts == list(error.errors) else InvalidInputError(parts)
    values = renamed(error.params)
    if values is None:
        return error
    # a new error of the same class and attributes (not copy.copy: tblib, which dask loads,
    # changes how exceptions reduce), with the new params and its English text
    changed = type(error).__new__(type(error))
    changed.__dict__.update(vars(error))
    changed.params = tuple(sorted(values.items()))
    changed.args = (changed.message_in("en"),)
    return changed
