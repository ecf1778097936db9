"""Adversarial fuzzing of the whole public API: bad input gets the library's error, never a crash.

Every public function and class constructor listed in ``__all__`` of the public modules is
called with arguments built from its signature: mostly valid values (so that the call reaches
deep code) with one or two arguments replaced by garbage. The call must return or raise an
:class:`~aneel_rules.errors.AneelRulesError`; a bare ``ValueError``, ``TypeError``,
``KeyError``, ``OverflowError``, ``decimal.InvalidOperation``… escaping is a defect.

A second property, the *type contract*, hunts silent wrong answers: a call that succeeds with
valid arguments must fail with the library's error when one argument is replaced by a value of
a type its annotation does not admit (``1`` for a ``bool`` flag, a ``datetime`` for a ``date``,
a ``float`` or ``Decimal('NaN')`` for money, ``True`` for a count…).
"""

from __future__ import annotations

import enum
import functools
import importlib
import inspect
import json
import os
import types
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import aneel_rules
from aneel_rules import AneelRulesError, legal, timeline
from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import Deadline, DeadlineUnit
from aneel_rules.documents import uf as uf_module
from aneel_rules.legal import Norm, ren1000
from aneel_rules.portal import Attachment, Flow
from aneel_rules.tariffs import POST_SCHEDULES, PostSchedule

MODULES = (
    "aneel_rules",
    "aneel_rules.tariffs",
    "aneel_rules.billing_cycle",
    "aneel_rules.connection",
    "aneel_rules.calendars",
    "aneel_rules.portal",
    *(
        f"aneel_rules.documents.{name}"
        for name in ("cep", "cnpj", "cpf", "email", "phone", "rg", "uc", "uf")
    ),
)

# The building blocks rule authors use to write the library (citations, timelines, error
# records) are not an input boundary for end users' data: a wrong argument is a programming
# error and gets Python's TypeError/ValueError. (legal.py is frozen foundation code.)
FOUNDATION: frozenset[str] = frozenset(
    {
        *(f"aneel_rules.{n}" for n in ("Determination", "DistributorRule", "FieldError")),
        *(f"aneel_rules.{n}" for n in ("LegalRef", "NormInfo", "Period", "Timeline")),
        "aneel_rules.ren414",
        "aneel_rules.ren1000",
    }
)

# Records the library builds and returns: their constructors are not an input boundary either,
# and a wrong argument is reported by their attrs validators (TypeError/ValueError raised
# inside ``attr``), as attrs documents.
RECORDS: frozenset[str] = frozenset(
    {
        *(f"aneel_rules.tariffs.{n}" for n in ("ModalityOptions", "PeakExemptDay")),
        "aneel_rules.tariffs.GroupBOptionCheck",
        *(f"aneel_rules.tariffs.{n}" for n in ("NationalHoliday", "WhiteTariffAvailability")),
        "aneel_rules.tariffs.IrrigationWindowRule",
        *(
            f"aneel_rules.billing_cycle.{n}"
            for n in (
                "AvailabilityCharge",
                "AverageBilling",
                "BillableConsumption",
                "DuplicatePaymentRefund",
                "MultiMonthBilling",
                "OverdueCollection",
                "ReadingIntervalCheck",
                "ReadingRegularization",
                "Settlement",
                "SettlementLine",
            )
        ),
        # The portal models are what the parsers return (the parsers are the boundary).
        *(
            f"aneel_rules.portal.{n}"
            for n in (
                "AccessRequest",
                "Address",
                "Birth",
                "ConnectionBudgetRequest",
                "Contact",
                "IdentityCard",
                "Load",
                "LoadItem",
                "Location",
                "NewConnectionAttachments",
                "NewConnectionRequest",
                "ProfessionalProfileRequest",
                "Technician",
                "UserRegistration",
            )
        ),
        "aneel_rules.documents.uc.UcLayout",
        *(
            f"aneel_rules.connection.{n}"
            for n in (
                "BudgetRequirement",
                "DeadlineDecision",
                "DeadlineRule",
                "DebtDecision",
                "MeteringDecision",
                "PowerPlantVoltageDecision",
                "SupplyVoltageDecision",
            )
        ),
    }
)

# What cannot be fuzzed generically, and why.
EXCLUDED: Mapping[str, str] = {
    # Internal helper exported for the CLI: it builds an error, it does not validate input.
    "aneel_rules.calendars.out_of_range": "error factory, not an input boundary",
}

Target = Callable[..., object]


def _targets() -> list[tuple[str, Target]]:
    found: dict[int, tuple[str, Target]] = {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            qualname = f"{module_name}.{name}"
            if qualname in EXCLUDED or not callable(obj):
                continue
            if inspect.isclass(obj) and issubclass(obj, (enum.Enum, BaseException)):
                continue
            if isinstance(obj, types.UnionType):
                continue
            found.setdefault(id(obj), (qualname, obj))
    return sorted(found.values())


TARGETS = _targets()
HINT_NAMESPACE: dict[str, object] = {**vars(legal), **vars(timeline)}


@functools.cache
def _hints(target: Target) -> dict[str, object]:
    func = target.__init__ if inspect.isclass(target) else target
    return typing.get_type_hints(func, localns=HINT_NAMESPACE)


# --- garbage ----------------------------------------------------------------------------------

MANAUS = ZoneInfo("America/Manaus")


def _extra_scalars() -> list[object]:
    """numpy and pandas scalars, as notebooks produce them (where the extras are installed)."""
    found: list[object] = []
    try:
        import numpy as np  # noqa: PLC0415 (optional extra)
    except ImportError:  # the core environment
        return found
    found += [
        np.float64(310.5),
        np.float32(13.8),
        np.int64(310),
        np.int8(-1),
        np.uint64(2**64 - 1),
        np.bool_(True),
        np.float64("nan"),
        np.float64("inf"),
        np.datetime64("2026-03-09"),
        np.datetime64("2026-03-09T10:00"),
        np.datetime64("NaT"),
        np.datetime64("2026-03-09T10:00:00.000000001"),  # nanoseconds: no datetime holds them
        np.array([1, 2]),
        np.array(5),
        np.str_("12.5"),
    ]
    try:
        import pandas as pd  # noqa: PLC0415 (optional extra)
    except ImportError:
        return found
    found += [
        pd.Timestamp("2026-03-09 10:00", tz="America/Manaus"),
        pd.Timestamp("2026-03-09"),
        pd.Timestamp("2026-03-09 10:00:00.000000001"),
        pd.NaT,
        pd.NA,
        pd.Timedelta(hours=1),
    ]
    return found


_EXTRA_SCALARS = _extra_scalars()
scalar_garbage = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([-1, 0, 10**400, -(10**400), 2**63]),
    st.builds(pow, st.just(10), st.just(5000)),  # longer than str(int) allows: repr() raises
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["", " ", "٣", "١٢٣٤", "𝟙𝟚", "x" * 5_000, "\x00", "NaN", "-0", "1e999999"]),
    st.binary(max_size=20),
    st.sampled_from(
        [
            Decimal("NaN"),
            Decimal("sNaN"),
            Decimal("Infinity"),
            Decimal("-Infinity"),
            Decimal("1E+999999"),
            Decimal("1E-999999"),
            Decimal(-1),
            Decimal("-0"),
        ]
    ),
    st.dates(),
    st.sampled_from([date.min, date.max, datetime.min, datetime.max]),  # noqa: DTZ901 (deliberately naive)
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([UTC, MANAUS])),
    st.times(),
    st.timedeltas(),
    st.sampled_from([object(), type, Flow, Norm.REN_414_2010]),
    *(st.sampled_from(_EXTRA_SCALARS),) if _EXTRA_SCALARS else (),
)
garbage = st.recursive(
    scalar_garbage,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=5), inner, max_size=4),
        st.frozensets(st.integers(), max_size=3),
    ),
    max_leaves=8,
)


# --- valid values, from the annotations -------------------------------------------------------

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
PORTAL_EXAMPLES: Mapping[str, object] = {
    path.stem: json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(EXAMPLES.glob("*.json"))
    if "invalid" not in path.name
}
UFS = sorted(uf_module.UFS)


def _mutate(data: object, draw: st.DrawFn) -> object:
    """A portal example with at most one leaf replaced by garbage."""
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data)))
        return {**data, key: _mutate(data[key], draw)}
    if isinstance(data, list) and data and draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        return [*data[:index], _mutate(data[index], draw), *data[index + 1 :]]
    return draw(st.one_of(st.just(data), garbage))


@st.composite
def portal_data(draw: st.DrawFn, name: str | None = None) -> object:
    """A portal example (of flow ``name``, or any) with at most one leaf replaced by garbage."""
    examples = list(PORTAL_EXAMPLES.values())
    return _mutate(PORTAL_EXAMPLES[name] if name else draw(st.sampled_from(examples)), draw)


# Valid values the annotations cannot say, per target (module or function) and parameter, so that
# the calls pass the first checks and reach the deep code.
_DOCS = "aneel_rules.documents."
_HOUR_DEADLINES = [d for d in Deadline if d.rule.unit is DeadlineUnit.HOURS]
_PARSERS = (
    ("access_request", "access"),
    ("connection_budget_request", "budget"),
    ("new_connection_request", "new_connection"),
    ("professional_profile", "professional_profile"),
    ("user_registration", "registration"),
)


@functools.cache
def _overrides(qualname: str) -> Mapping[str, st.SearchStrategy[object]]:
    table: dict[str, dict[str, st.SearchStrategy[object]]] = {
        f"{_DOCS}cpf": {"s": st.sampled_from(["529.982.247-25", "52998224725"])},
        f"{_DOCS}cnpj": {"s": st.sampled_from(["11.222.333/0001-81", "12.ABC.345/01DE-35"])},
        f"{_DOCS}cep": {"s": st.sampled_from(["69005-010", "01310-100"])},
        f"{_DOCS}phone": {"s": st.sampled_from(["(92) 99123-4567", "92 3211-4567"])},
        f"{_DOCS}email": {"s": st.sampled_from(["maria@example.com.br", "A@B.CO"])},
        f"{_DOCS}rg": {
            "s": st.sampled_from(["1234567", "12.345.678-9"]),
            "number": st.just("1234567"),
        },
        f"{_DOCS}uc": {"s": st.sampled_from(["24836494", "123456789012345"])},
        f"{_DOCS}uf": {"s": st.sampled_from(UFS), "code": st.sampled_from(UFS)},
        "aneel_rules.connection.reconnection_due": {"deadline": st.sampled_from(_HOUR_DEADLINES)},
        "aneel_rules.tariffs.PostSchedule": {
            "peak_start": st.integers(1, 20).map(lambda hour: time(hour, 0)),
            "timezone": st.sampled_from(["America/Manaus", "America/Sao_Paulo"]),
        },
        **{f"aneel_rules.portal.parse_{fn}": {"data": portal_data(name)} for fn, name in _PARSERS},
    }
    return table.get(qualname) or table.get(qualname.rsplit(".", 1)[0], {})


def _construct(cls: type, kwargs: dict[str, object]) -> object:
    try:
        return cls(**kwargs)
    except (AneelRulesError, TypeError, ValueError):  # a record's own attrs validators
        return None


def _by_name(name: str) -> st.SearchStrategy[object] | None:
    """Strategies for parameters whose name says more than their type."""
    special: dict[str, st.SearchStrategy[object]] = {
        "uf": st.sampled_from(UFS),
        "subdiv": st.one_of(st.none(), st.sampled_from(UFS)),
        "year": st.integers(1990, 2060),
        "today": st.dates(date(2021, 12, 1), date(2030, 12, 31)),
        "name": st.sampled_from([*POST_SCHEDULES, "Amazonas Energia", "x"]),
        "flow": st.sampled_from([*Flow, *(f.value for f in Flow), *(f.name.lower() for f in Flow)]),
        "filename": st.sampled_from(["rg.pdf", "planta.png", "a.exe", ""]),
        "content": st.sampled_from([b"%PDF-1.4\n%%EOF\n", b"\x89PNG\r\n\x1a\n\x00", b""]),
    }
    return special.get(name)


_STRATEGIES: dict[tuple[object, str, int], st.SearchStrategy[object]] = {}


def valid(hint: object, name: str = "", depth: int = 0) -> st.SearchStrategy[object]:
    """A strategy of plausible, well-typed values for ``hint`` (built once per key)."""
    key = (hint, name, depth)
    if key not in _STRATEGIES:
        _STRATEGIES[key] = _valid(hint, name, depth)
    return _STRATEGIES[key]


def _valid(hint: object, name: str, depth: int) -> st.SearchStrategy[object]:
    """A strategy of plausible, well-typed values for ``hint``."""
    if (by_name := _by_name(name)) is not None:
        return by_name
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        return st.one_of(*(valid(arg, name, depth) for arg in args))
    if hint is type(None):
        return st.none()
    if hint is bool:
        return st.booleans()
    if hint is int:
        return st.integers(0, 400)
    if hint is Decimal:
        return st.decimals(0, 5000, places=2)
    if hint is float:
        return st.floats(0, 500)
    if hint is datetime:
        low, high = date(2009, 1, 1), date(2035, 12, 31)  # bounds are naive by hypothesis' API
        return st.datetimes(
            datetime.combine(low, time.min),
            datetime.combine(high, time.min),
            timezones=st.sampled_from([MANAUS, UTC]),
        )
    if hint is date:
        return st.dates(date(2009, 1, 1), date(2035, 12, 31))
    if hint is time:
        return st.times()
    if hint is timedelta:
        return st.timedeltas(timedelta(0), timedelta(days=2))
    if hint is str:
        return st.one_of(st.from_regex(r"[0-9A-Za-z.\-/ @()]{0,18}", fullmatch=True), st.text())
    if hint is bytes:
        return st.binary(max_size=30)
    if hint is object or isinstance(hint, typing.TypeVar):
        return st.one_of(st.decimals(0, 500, places=1), st.integers(0, 500), st.booleans())
    if inspect.isclass(hint) and issubclass(hint, enum.Enum):
        return st.sampled_from(list(hint))
    if hint is PostSchedule:
        return st.sampled_from(list(POST_SCHEDULES.values()))
    if hint is BusinessCalendar:
        return st.builds(BusinessCalendar, subdiv=st.sampled_from([None, "AM", "SP"]))
    if hint is Attachment:
        return st.just(Attachment("rg.pdf", b"%PDF-1.4\n%%EOF\n"))
    if origin in (Mapping, dict) and args == (str, object):
        return portal_data()
    if origin in (Mapping, dict) and len(args) == 2:
        return st.dictionaries(valid(args[0], depth=depth + 1), valid(args[1], depth=depth + 1))
    if origin in (tuple, Sequence, Iterable, list, frozenset):
        item = valid(args[0], depth=depth + 1)
        if origin is frozenset:
            return st.frozensets(item, max_size=4)
        return st.lists(item, max_size=14).map(tuple if origin is tuple else list)
    if hint is legal.LegalRef:
        return st.just(ren1000(260, paragraph=1))
    if inspect.isclass(hint) and hint.__module__.startswith("aneel_rules") and depth < 3:
        hints = _hints(typing.cast("Target", hint))
        params = inspect.signature(hint).parameters
        fields = {
            p: valid(hints.get(p, object), p, depth + 1)
            for p, param in params.items()
            if param.kind is not param.VAR_KEYWORD
        }
        return (
            st.fixed_dictionaries(fields)
            .map(lambda kw: _construct(hint, kw))
            .filter(lambda obj: obj is not None)
        )
    return garbage


# --- calls ------------------------------------------------------------------------------------


@functools.cache
def _parameters(target: Target) -> tuple[inspect.Parameter, ...]:
    return tuple(
        p
        for p in inspect.signature(target).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
    )


def _arguments(
    qualname: str, target: Target, data: st.DataObject, *, corrupt: bool
) -> tuple[list[object], dict[str, object]]:
    hints = _hints(target)
    params = _parameters(target)
    overrides = _overrides(qualname)
    names = [p.name for p in params]
    bad = (
        set(data.draw(st.lists(st.sampled_from(names), max_size=2))) if corrupt and names else set()
    )
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for param in params:
        if param.name not in bad and param.default is not param.empty and data.draw(st.booleans()):
            continue
        override = overrides.get(param.name)
        if param.name in bad:
            strategy = garbage
        elif override is not None:
            strategy = override
        else:
            strategy = valid(hints.get(param.name, object), param.name)
        value = data.draw(strategy, label=param.name)
        if param.kind is param.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[param.name] = value
    return args, kwargs


BOUNDARY = [(q, t) for q, t in TARGETS if q not in FOUNDATION and q not in RECORDS]
BUILT = [(q, t) for q, t in TARGETS if q in FOUNDATION or q in RECORDS]
FUZZ = settings(
    max_examples=20, suppress_health_check=(HealthCheck.too_slow, HealthCheck.filter_too_much)
)


def _call_with_garbage(qualname: str, target: Target, data: st.DataObject) -> None:
    args, kwargs = _arguments(qualname, target, data, corrupt=True)
    try:
        target(*args, **kwargs)
    except AneelRulesError:
        pass
    except (TypeError, ValueError) as exc:
        if qualname in FOUNDATION or (qualname in RECORDS and _raised_by_attrs(exc)):
            return
        raise


@pytest.mark.parametrize(("qualname", "target"), BOUNDARY, ids=[q for q, _ in BOUNDARY])
@FUZZ
@given(data=st.data())
def test_returns_or_raises_the_librarys_error(
    qualname: str, target: Target, data: st.DataObject
) -> None:
    _call_with_garbage(qualname, target, data)


@pytest.mark.parametrize(("qualname", "target"), BUILT, ids=[q for q, _ in BUILT])
@settings(FUZZ, max_examples=8)
@given(data=st.data())
def test_records_fail_only_in_their_validators(
    qualname: str, target: Target, data: st.DataObject
) -> None:
    _call_with_garbage(qualname, target, data)


def _raised_by_attrs(exc: BaseException) -> bool:
    """True if the innermost frame of ``exc`` is in the attrs package (a field validator)."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and f"{os.sep}attr{os.sep}" in tb.tb_frame.f_code.co_filename


def test_every_public_module_is_walked() -> None:
    walked = {qualname.rsplit(".", 1)[0] for qualname, _ in TARGETS}
    assert walked == set(MODULES)
    assert len(TARGETS) > 100
    assert aneel_rules.norm_in_force in [target for _, target in TARGETS]


# --- type contract: a wrong type is refused, never answered ----------------------------------

NAIVE_NOON = datetime(2026, 3, 9, 12, 0)  # noqa: DTZ001 (deliberately naive)


def _admitted(hint: object) -> set[object]:
    """The runtime types an annotation admits (unions flattened, generics to their origin)."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return {t for arg in typing.get_args(hint) for t in _admitted(arg)}
    return {typing.get_origin(hint) or hint}


# Physical quantities take a float by design (``_convert.to_quantity`` reads it through its
# shortest repr: 13.8 kV is Decimal("13.8")); money never does (docs/design.md, "Input").
PHYSICAL = frozenset({"kwh", "history", "measured_kwh", "average_consumption_kwh"})
PHYSICAL_SUFFIXES = ("_kv", "_kw", "_kwh", "_kva", "_kvarh")
# stdnum convention: ``is_valid``/``is_mobile`` never raise; a bad argument gives False.
PREDICATES = frozenset({"is_valid", "is_mobile"})


def probes(hint: object, name: str) -> list[object]:
    """Values of a type ``hint`` does not admit, each of which must be refused."""
    admitted = _admitted(hint)
    if name in PHYSICAL or name.endswith(PHYSICAL_SUFFIXES):
        admitted.add(float)
    if object in admitted or any(isinstance(t, typing.TypeVar) for t in admitted):
        return []
    found: list[object] = []
    if type(None) not in admitted:
        found.append(None)
    if bool in admitted and int not in admitted:
        found += [1, 0, "yes"]
    if int in admitted and bool not in admitted:
        found += [True] if float in admitted else [True, 2.5]
    if Decimal in admitted:
        found += [Decimal("NaN"), Decimal("-Infinity"), True]
        if float not in admitted:
            found.append(1.5)
    if float in admitted:
        found += [float("nan"), float("inf")]
    if date in admitted and datetime not in admitted:
        found.append(NAIVE_NOON)
    if datetime in admitted and date not in admitted:
        found.append(date(2026, 3, 9))
    if str in admitted or any(inspect.isclass(t) and issubclass(t, enum.Enum) for t in admitted):
        found.append(b"bytes")
    return found


@pytest.mark.parametrize(("qualname", "target"), BOUNDARY, ids=[q for q, _ in BOUNDARY])
@settings(FUZZ, max_examples=10)
@given(data=st.data())
def test_wrong_types_are_refused(qualname: str, target: Target, data: st.DataObject) -> None:
    args, kwargs = _arguments(qualname, target, data, corrupt=False)
    try:
        target(*args, **kwargs)
    except AneelRulesError:
        return  # the valid draw was not valid together; nothing to compare with
    hints = _hints(target)
    for name in kwargs:
        for probe in probes(hints.get(name, object), name):
            try:
                answer = target(*args, **{**kwargs, name: probe})
            except AneelRulesError:
                continue
            if qualname.rsplit(".", 1)[1] in PREDICATES and answer is False:
                continue
            pytest.fail(f"{qualname}({name}={probe!r}) was answered instead of refused")


# --- hostile input (issue 8): surrogates, odd keys, the ends of the calendar -----------------

hostile_text = st.one_of(
    st.text(alphabet=st.characters(codec=None, categories=["Cs", "Cc", "Cf"]), max_size=12),
    st.sampled_from(
        [
            "\ud800",
            "529.982.247-2\udfff",
            "a\u202eb",
            "\x00" * 3,
            "\ufeff52998224725",
            "1" * 70_000,
            "ſp",
            "ﬁ",
        ]
    ),
)


def _is_text_hint(hint: object) -> bool:
    return str in _admitted(hint)


@pytest.mark.parametrize(("qualname", "target"), BOUNDARY, ids=[q for q, _ in BOUNDARY])
@settings(FUZZ, max_examples=4)
@given(data=st.data())
def test_hostile_text_gets_the_librarys_error(
    qualname: str, target: Target, data: st.DataObject
) -> None:
    """Lone surrogates, controls, bidi marks and huge text in every text argument."""
    args, kwargs = _arguments(qualname, target, data, corrupt=False)
    hints = _hints(target)
    texts = [name for name in kwargs if _is_text_hint(hints.get(name, object))]
    if not texts:
        return
    name = data.draw(st.sampled_from(texts))
    try:
        target(*args, **{**kwargs, name: data.draw(hostile_text)})
    except AneelRulesError as exc:
        str(exc).encode("utf-8", "backslashreplace")


hostile_keys = st.one_of(
    st.integers(),
    st.builds(pow, st.just(10), st.just(5000)),  # st.just() would repr() it
    st.builds(pow, st.just(-10), st.just(5001)),
    st.none(),
    st.tuples(st.integers(), st.integers()),
    st.frozensets(st.integers(), max_size=2),
    st.sampled_from([Decimal("NaN"), float("nan"), b"holder_document", date.max]),
    hostile_text,
)


@pytest.mark.parametrize("flow", list(Flow), ids=[f.value for f in Flow])
@settings(FUZZ, max_examples=10)
@given(data=st.data())
def test_mappings_with_hostile_keys_get_the_librarys_error(flow: Flow, data: st.DataObject) -> None:
    """Non-string, enormous and unprintable keys, at the top level and in nested objects."""
    example = PORTAL_EXAMPLES[
        {
            Flow.REGISTRATION: "registration",
            Flow.NEW_CONNECTION: "new_connection",
            Flow.PROFESSIONAL_PROFILE: "professional_profile",
            Flow.ACCESS: "access",
            Flow.BUDGET: "budget",
        }[flow]
    ]
    assert isinstance(example, dict)
    extra = data.draw(st.dictionaries(hostile_keys, garbage, min_size=1, max_size=3))
    nested = data.draw(
        st.sampled_from([k for k, v in example.items() if isinstance(v, dict)] or [""])
    )
    body: dict[object, object] = {**example, **extra}
    if nested:
        body[nested] = {**example[nested], **extra}
    with pytest.raises(AneelRulesError) as info:
        aneel_rules.portal.parse_request(flow, body, today=date(2026, 3, 9))  # type: ignore[arg-type]
    assert len(str(info.value)) < 20_000
    for error in info.value.errors:  # type: ignore[attr-defined]
        error.path.encode("utf-8")


extreme_instants = st.one_of(
    st.sampled_from(
        [
            datetime.max.replace(tzinfo=UTC),
            datetime.max.replace(tzinfo=MANAUS),
            datetime.min.replace(tzinfo=UTC),
            datetime.min.replace(tzinfo=ZoneInfo("Asia/Tokyo")),
            datetime.max.replace(tzinfo=UTC) - timedelta(minutes=5),
            datetime.max.replace(tzinfo=UTC) - timedelta(hours=23),
        ]
    ),
    st.datetimes(
        min_value=datetime(9999, 12, 30),  # noqa: DTZ001 (hypothesis bounds are naive)
        timezones=st.sampled_from([UTC, MANAUS, ZoneInfo("Pacific/Kiritimati")]),
    ),
)


@pytest.mark.parametrize("guard_class", ["LoginGuard", "RecoveryGuard"])
@settings(FUZZ, max_examples=15)
@given(times=st.lists(extreme_instants, min_size=1, max_size=6), escalate=st.booleans())
def test_guards_near_the_ends_of_the_calendar_get_the_librarys_error(
    guard_class: str, times: list[datetime], escalate: bool
) -> None:
    cls = getattr(aneel_rules.portal, guard_class)
    guard = cls(escalation=aneel_rules.portal.Escalation() if escalate else None)
    for at in sorted(times, key=lambda t: (t.replace(tzinfo=None), str(t.tzinfo))):
        for step in (
            guard.is_locked,
            guard.record_failure,
            guard.record_failure,
            guard.record_success,
        ):
            try:
                result = step(at)
            except AneelRulesError:
                continue
            if isinstance(result, cls):
                guard = result
