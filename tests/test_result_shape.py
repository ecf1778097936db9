"""One result shape: every public class with a ``basis`` holds a non-empty tuple of references."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import attrs
import pytest

import aneel_rules
from aneel_rules.legal import check_bases, ren1000, to_bases


def _public_modules() -> list[str]:
    names = ["aneel_rules"]
    for info in pkgutil.walk_packages(aneel_rules.__path__, prefix="aneel_rules."):
        parts = info.name.split(".")
        if any(p.startswith("_") for p in parts) or parts[1] in {"cli", "frames"}:
            continue
        names.append(info.name)
    return names


# Not results: a field error cites the rule broken, if any (errors carry their own shape), and
# NormInfo.basis is the provision that dates an act.
NOT_RESULTS = frozenset({"FieldError", "NormInfo"})
# The invoice records (issue 9, other helpers' work in progress) validate their own tuple.
OWN_VALIDATOR = frozenset({"Bill", "BillLine"})


def _result_classes() -> list[tuple[str, type]]:
    found: dict[type, str] = {}
    for name in _public_modules():
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isclass(value) and attrs.has(value):
                fields = attrs.fields_dict(value)
                if "basis" in fields and attr not in NOT_RESULTS:
                    found.setdefault(value, f"{name}.{attr}")
    return sorted(((q, c) for c, q in found.items()), key=lambda item: item[0])


@pytest.mark.parametrize(("qualname", "cls"), _result_classes(), ids=str)
def test_basis_is_a_non_empty_tuple(qualname: str, cls: type) -> None:
    field = attrs.fields_dict(cls)["basis"]
    assert str(field.type).startswith("tuple["), qualname
    if cls.__name__ in OWN_VALIDATOR or not field.init:  # computed by the class itself
        return
    shared: tuple[object, object] = (to_bases, check_bases)
    assert (field.converter, field.validator) == shared, qualname


def test_the_shared_field_refuses_an_empty_basis() -> None:
    assert to_bases(ren1000(1)) == (ren1000(1),)
    with pytest.raises(ValueError, match="non-empty"):
        check_bases(None, None, ())
    with pytest.raises(ValueError, match="non-empty"):
        check_bases(None, None, to_bases(42))


class _NotIterableByValue:
    """Iterable by its type, but iterating it raises TypeError (like a 0-d numpy array)."""

    def __iter__(self) -> _NotIterableByValue:
        raise TypeError("iteration over a 0-d array")


def test_a_value_iterable_only_by_type_is_one_bad_item() -> None:
    bad = _NotIterableByValue()
    got: tuple[object, ...] = to_bases(bad)
    assert got == (bad,)
    with pytest.raises(ValueError, match="non-empty"):
        check_bases(None, None, to_bases(bad))


def test_the_walk_finds_the_results() -> None:
    names = {q.rsplit(".", 1)[1] for q, _ in _result_classes()}
    assert {"Period", "Determination", "SupplyVoltageDecision", "PeakExemptDay"} <= names


def test_old_names_are_aliases_of_the_explain_functions() -> None:
    from aneel_rules import billing_cycle, connection  # noqa: PLC0415

    assert billing_cycle.availability_charge is billing_cycle.explain_availability_charge
    assert (
        connection.connection_budget_deadline_decision
        is connection.explain_connection_budget_deadline
    )
    assert connection.inspection_deadline_decision is connection.explain_inspection_deadline
