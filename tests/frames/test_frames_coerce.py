"""frames._coerce: text cells of a file as the columnar rules read them (no rule decided here)."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from aneel_rules.billing_cycle import SupplyType  # noqa: E402
from aneel_rules.frames import _coerce  # noqa: E402
from aneel_rules.tariffs import Group  # noqa: E402


def test_members_by_value_or_name_as_a_categorical() -> None:
    cells = pd.Series(["trifásico", " THREE_PHASE ", "monofásico", "", "hexafásico", "trifásico"])
    out = _coerce.members(cells, SupplyType, None)
    assert isinstance(out.dtype, pd.CategoricalDtype)
    values = [None if pd.isna(v) else v for v in out.tolist()]
    assert values == [
        SupplyType.THREE_PHASE,
        SupplyType.THREE_PHASE,
        SupplyType.SINGLE_PHASE,
        None,  # empty and no default: missing
        "hexafásico",  # kept as it is: the rules report it
        SupplyType.THREE_PHASE,
    ]
    assert out.index.equals(cells.index)


def test_members_default_and_empty_column() -> None:
    out = _coerce.members(pd.Series(["", "a", "nan"], index=[5, 6, 7]), Group, Group.B)
    assert out.tolist() == [Group.B, Group.A, Group.B]
    assert out.index.tolist() == [5, 6, 7]
    assert _coerce.members(pd.Series([], dtype=object), Group, Group.B).tolist() == []
