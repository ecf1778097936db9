"""One result shape: every public class with a ``basis`` holds a non-empty tuple of references.

The walk covers every class in every public module's ``__all__``: attrs fields, properties
and enum members alike. A public class without a ``basis`` must be classified below, so a
new result class cannot slip through with a single reference or none.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import typing

import attrs
import pytest

import aneel_rules
from aneel_rules.legal import Basis, check_bases, ren1000, to_bases


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
# Public classes that are not results, so carry no ``basis``, each with the reason.
WITHOUT_BASIS: dict[str, str] = {
    # citation building blocks: they are the references, or hold them per period
    "LegalRef": "a reference",
    "DistributorRule": "a reference",
    "Timeline": "each Period carries its basis",
    # values of a Timeline: the basis is the Period's
    "WhiteTariffAvailability": "Timeline value",
    "NationalHoliday": "Timeline value (cites its law in .law)",
    "IrrigationWindowRule": "Timeline value",
    # facts and settings the caller brings in (inputs, not answers)
    "BillingError": "input",
    "Transformer": "input",
    "Rg": "input",
    "Measurements": "input",
    "CapacitiveWindow": "input",
    "BillOptions": "input",
    "TrialPeriod": "input",
    "FlagMonth": "input",
    "TaxRates": "input",
    "FlagPeriod": "input (as printed on an invoice)",
    "InvoiceLine": "input (as printed on an invoice)",
    "IpcaSeries": "input data (cites its source in .source)",
    "ConsumerUnit": "input",
    "PostSchedule": "input (a distributor's homologated posts; .source)",
    "Escalation": "setting (security standards, not a norm)",
    "UserRegistration": "parsed request",
    "NewConnectionRequest": "parsed request",
    "ProfessionalProfileRequest": "parsed request",
    "AccessRequest": "parsed request",
    "ConnectionBudgetRequest": "parsed request",
    "IdentityCard": "parsed request part",
    "NewConnectionAttachments": "parsed request part",
    "Contact": "parsed request part",
    "Address": "parsed request part",
    "Location": "parsed request part",
    "LoadItem": "parsed request part",
    "Birth": "parsed request part",
    "Load": "parsed request part",
    "Technician": "parsed request part",
    "Attachment": "parsed request part",
    # tools and plain arithmetic (no norm gives the formula)
    "BusinessCalendar": "tool",
    "TaxAmounts": "arithmetic (REN 1.000/2021 gives no tax formula)",
}


def _public_classes() -> dict[type, str]:
    found: dict[type, str] = {}
    for name in _public_modules():
        module = importlib.import_module(name)
        for attr in getattr(module, "__all__", ()):
            value = getattr(module, attr)
            if inspect.isclass(value) and not issubclass(value, BaseException):
                found.setdefault(value, f"{name}.{attr}")
    return found


def _static_basis(cls: type) -> object:
    try:
        return inspect.getattr_static(cls, "basis")
    except AttributeError:
        return None


def _result_classes() -> list[tuple[str, type]]:
    found = {
        cls: qualname
        for cls, qualname in _public_classes().items()
        if attrs.has(cls) and "basis" in attrs.fields_dict(cls) and cls.__name__ not in NOT_RESULTS
    }
    return sorted(((q, c) for c, q in found.items()), key=lambda item: item[0])


def _property_classes() -> list[tuple[str, type]]:
    found = [
        (qualname, cls)
        for cls, qualname in _public_classes().items()
        if isinstance(_static_basis(cls), property)
    ]
    return sorted(found, key=lambda item: item[0])


def _enum_classes() -> list[tuple[str, type[enum.Enum]]]:
    found = [
        (qualname, cls)
        for cls, qualname in _public_classes().items()
        if issubclass(cls, enum.Enum) and _static_basis(cls) is not None
    ]
    return sorted(found, key=lambda item: item[0])


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


@pytest.mark.parametrize(("qualname", "cls"), _property_classes(), ids=str)
def test_a_basis_property_returns_a_tuple(qualname: str, cls: type) -> None:
    prop = _static_basis(cls)
    assert isinstance(prop, property)
    returns = typing.get_type_hints(prop.fget).get("return")
    assert returns == tuple[Basis, ...], f"{qualname}.basis is {returns}, not tuple[Basis, ...]"


@pytest.mark.parametrize(("qualname", "cls"), _enum_classes(), ids=str)
def test_every_member_basis_is_a_non_empty_tuple(qualname: str, cls: type[enum.Enum]) -> None:
    for member in cls:
        basis: object = getattr(member, "basis")  # noqa: B009 (typed as object on purpose)
        assert isinstance(basis, tuple), f"{qualname}.{member.name}.basis is not a tuple"
        check_bases(None, None, basis)


def test_every_public_class_is_classified() -> None:
    without = {
        cls.__name__: qualname
        for cls, qualname in _public_classes().items()
        if not issubclass(cls, enum.Enum) and _static_basis(cls) is None
    }
    unclassified = sorted(q for n, q in without.items() if n not in WITHOUT_BASIS)
    assert not unclassified, (
        f"{unclassified}: a result needs `basis: tuple[Basis, ...]` (legal.to_bases and "
        "legal.check_bases); a class that is not a result goes in WITHOUT_BASIS with its reason"
    )
    assert sorted(set(WITHOUT_BASIS) - set(without)) == [], "stale WITHOUT_BASIS entries"


def test_the_walk_finds_the_results() -> None:
    names = {q.rsplit(".", 1)[1] for q, _ in _result_classes()}
    assert {"Period", "Determination", "SupplyVoltageDecision", "PeakExemptDay"} <= names
    properties = {q.rsplit(".", 1)[1] for q, _ in _property_classes()}
    assert {"AccessGrant", "LoginGuard", "RecoveryGuard", "UcLayout"} <= properties
    enums = {q.rsplit(".", 1)[1] for q, _ in _enum_classes()}
    assert {"SupplyOption", "GroupBOptionCriterion"} <= enums


def test_the_single_reference_results_now_hold_tuples() -> None:
    from datetime import UTC, date, datetime  # noqa: PLC0415

    from aneel_rules.connection import SupplyOption  # noqa: PLC0415
    from aneel_rules.documents import uc  # noqa: PLC0415
    from aneel_rules.portal import (  # noqa: PLC0415
        AccessGrant,
        LoginGuard,
        ProfessionalKind,
        ProfileStatus,
        RecoveryGuard,
    )

    assert SupplyOption.SUBGROUP_AS.basis == (ren1000(23, paragraph=3),)
    layout = uc.layout("000001234500712")
    assert [str(b) for b in layout.basis] == [
        "REN 1.000/2021, art. 659-A (incluído pela REN 1.095/2024)"
    ]
    moment = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
    for guard in (LoginGuard(), RecoveryGuard().record_failure(moment)):
        assert [str(b) for b in guard.basis] == [
            "Amazonas Energia, Manual da Agência Virtual, item 1.7 (regra da distribuidora)"
        ]
    grant = AccessGrant(
        uc="24836494",
        professional_cpf="52998224725",
        profile=ProfessionalKind.ENGINEER,
        profile_status=ProfileStatus.APPROVED,
        registered_on=date(2025, 2, 26),
        valid_until=date(2025, 12, 31),
    )
    assert [str(b) for b in grant.basis] == [
        "Amazonas Energia, Manual da Agência Virtual, item 3.1.2 (regra da distribuidora)"
    ]


def test_old_names_are_aliases_of_the_explain_functions() -> None:
    from aneel_rules import billing_cycle, connection  # noqa: PLC0415

    assert billing_cycle.availability_charge is billing_cycle.explain_availability_charge
    assert (
        connection.connection_budget_deadline_decision
        is connection.explain_connection_budget_deadline
    )
    assert connection.inspection_deadline_decision is connection.explain_inspection_deadline
