"""CPF/CNPJ validation over a column (numpy, pandas).

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.
Each row gets the answer of :func:`aneel_rules.documents.kind.check` (the validators of
:mod:`~aneel_rules.documents.cpf` and :mod:`~aneel_rules.documents.cnpj`): decided over a
byte matrix by :mod:`aneel_rules.frames._document_fast`, and for the rows it leaves (not
text, non-ASCII, unusual characters) by the scalar check itself.
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from aneel_rules.documents.kind import DocumentKind, check
from aneel_rules.frames._common import invalid
from aneel_rules.frames._document_fast import CODES, SCALAR, VALID, classify

__all__ = ("DOCUMENT_COLUMNS", "document_codes")

DOCUMENT_COLUMNS: Final = ("kind", "valid", "code")
_KINDS: Final = [kind.value for kind in DocumentKind]
_CPF: Final = DocumentKind.CPF


def _values(documents: object) -> tuple[list[object], pd.Index | None]:
    module = type(documents).__module__.partition(".")[0]
    if module == "polars" and type(documents).__name__ == "Series":
        documents = documents.to_arrow()  # type: ignore[attr-defined]  # polars' route to Arrow
        module = "pyarrow"
    if module == "pyarrow" and type(documents).__name__.endswith(("Array", "ChunkedArray")):
        # an Arrow column (Array or ChunkedArray): its values, nulls as None
        return list(documents.to_pylist()), None  # type: ignore[attr-defined]
    if isinstance(documents, pd.Series):
        return documents.tolist(), documents.index
    if isinstance(documents, np.ndarray | pd.Index) and documents.ndim == 1:
        return documents.tolist(), None
    if isinstance(documents, list | tuple):
        return list(documents), None
    raise invalid(
        "documents",
        "not_a_column",
        "{path} must be a column (pandas Series or Index, one-dimensional numpy array, Arrow "
        "array, polars Series, list), got {value}",
        path="documents",
        value=type(documents).__name__,
    )


def document_codes(documents: object) -> pd.DataFrame:
    """See :func:`aneel_rules.frames.document_codes`."""
    values, index = _values(documents)
    kinds, fast_codes = classify(values)
    codes = fast_codes.astype(np.int16)
    names = list(CODES)
    numbers = {name: i for i, name in enumerate(names)}
    for row in np.flatnonzero(fast_codes == SCALAR).tolist():
        kind, code = check(values[row])
        kinds[row] = -1 if kind is None else 0 if kind is _CPF else 1
        if code is None:
            codes[row] = VALID
            continue
        found = numbers.get(code)
        if found is None:
            found = numbers[code] = len(names)
            names.append(code)
        codes[row] = found
    # categories: the codes present, in the order they first appear
    present = np.flatnonzero(codes != VALID)
    used, first = np.unique(codes[present], return_index=True)
    order = used[np.argsort(first)]
    renumber = np.full(len(names) + 1, -1, dtype=np.int16)  # the last entry: VALID (-1)
    renumber[order] = np.arange(order.size, dtype=np.int16)
    return pd.DataFrame(
        {
            "kind": pd.Categorical.from_codes(kinds, categories=pd.Index(_KINDS)),
            "valid": codes == VALID,
            "code": pd.Categorical.from_codes(
                renumber[codes], categories=pd.Index([names[i] for i in order], dtype=object)
            ),
        },
        index=index,
    )
