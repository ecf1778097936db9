"""CPF/CNPJ validation over a column (pandas).

Private: needs the ``frames`` extra; the public names are in :mod:`aneel_rules.frames`.
Each row gets the answer of :func:`aneel_rules.documents.kind.check` (the validators of
:mod:`~aneel_rules.documents.cpf` and :mod:`~aneel_rules.documents.cnpj`).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from aneel_rules.documents.kind import DocumentKind, check
from aneel_rules.frames._common import invalid
from aneel_rules.frames._document_fast import fast_valid

__all__ = ("DOCUMENT_COLUMNS", "document_codes")

DOCUMENT_COLUMNS: Final = ("kind", "valid", "code")
_KINDS: Final = [kind.value for kind in DocumentKind]
_CPF: Final = DocumentKind.CPF


def document_codes(documents: object) -> pd.DataFrame:
    """See :func:`aneel_rules.frames.document_codes`."""
    if isinstance(documents, pd.Series):
        values, index = documents.tolist(), documents.index
    elif isinstance(documents, np.ndarray | list | tuple | pd.Index):
        values, index = list(documents), None
    else:
        raise invalid(
            "documents",
            "not_a_column",
            "{path} must be a column (pandas Series or Index, numpy array, list), got {value}",
            path="documents",
            value=type(documents).__name__,
        )
    kinds = np.empty(len(values), dtype=np.int8)
    codes = np.empty(len(values), dtype=np.int16)
    labels: dict[str | None, int] = {None: -1}
    valid, fast_kinds = fast_valid(values)
    kinds[valid] = fast_kinds[valid]
    codes[valid] = -1
    for row in np.flatnonzero(~valid).tolist():
        value = values[row]
        kind, code = check(value)
        kinds[row] = -1 if kind is None else 0 if kind is _CPF else 1
        found = labels.get(code)
        if found is None:
            found = labels[code] = len(labels) - 1
        codes[row] = found
    names = [code for code in labels if code is not None]
    return pd.DataFrame(
        {
            "kind": pd.Categorical.from_codes(kinds, categories=pd.Index(_KINDS)),
            "valid": codes == -1,
            "code": pd.Categorical.from_codes(codes, categories=pd.Index(names, dtype=object)),
        },
        index=index,
    )
