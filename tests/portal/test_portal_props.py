"""Properties of the portal parsers: any input gives a model or InvalidInputError, nothing else."""

from __future__ import annotations

import copy
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aneel_rules import InvalidInputError
from aneel_rules.portal import (
    Attachment,
    Flow,
    LoginGuard,
    RecoveryGuard,
    check_verification_code,
    parse_new_connection_request,
    parse_request,
)

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"
TODAY = date(2026, 3, 9)
FILES = {
    Flow.REGISTRATION: "registration",
    Flow.NEW_CONNECTION: "new_connection",
    Flow.PROFESSIONAL_PROFILE: "professional_profile",
    Flow.ACCESS: "access",
    Flow.BUDGET: "budget",
}
VALID = {
    flow: json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    for flow, name in FILES.items()
}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**300, max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩０１２３ .-/()+@", max_size=30),
    st.text(min_size=1000, max_size=3000),
    st.binary(max_size=20),
    st.dates(),
    st.datetimes(),
    st.sampled_from(["", " ", "2026-13-01", "NaN", "-Infinity", "1e999", "ACR", "carga"]),
)
json_like = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.one_of(st.text(max_size=12), st.integers()), children, max_size=5),
    ),
    max_leaves=25,
)


def assert_error_is_well_formed(error: InvalidInputError) -> None:
    assert error.errors
    for item in error.errors:
        assert isinstance(item.path, str)
        assert item.path
        assert item.code
        assert item.message  # renders in Portuguese (all placeholders filled)
        assert item.message_in("en")


def outcome(flow: Flow, data: object) -> None:
    try:
        parse_request(flow, data, today=TODAY)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        assert_error_is_well_formed(exc)


@given(flow=st.sampled_from(list(Flow)), data=json_like)
def test_arbitrary_data_gives_a_model_or_invalid_input(flow: Flow, data: object) -> None:
    outcome(flow, data)


def paths(value: object, prefix: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Flow, object]:
    flow = draw(st.sampled_from(list(Flow)))
    data = copy.deepcopy(VALID[flow])
    targets = paths(data)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        target = draw(st.sampled_from(targets))
        parent: object = data
        try:
            for key in target[:-1]:
                parent = parent[key]  # type: ignore[index]
            if draw(st.booleans()):
                parent[target[-1]] = draw(json_like)  # type: ignore[index]
            elif isinstance(parent, dict):
                del parent[target[-1]]
        except (KeyError, IndexError, TypeError):
            pass
    return flow, data


@given(case=mutated())
@settings(max_examples=300)
def test_mutated_valid_requests_give_a_model_or_invalid_input(case: tuple[Flow, object]) -> None:
    flow, data = case
    outcome(flow, data)


@given(flow=st.sampled_from(list(Flow)))
def test_parsing_is_deterministic_and_does_not_mutate(flow: Flow) -> None:
    data = copy.deepcopy(VALID[flow])
    first = parse_request(flow, data, today=TODAY)
    assert data == VALID[flow]
    assert parse_request(flow, data, today=TODAY) == first


@given(filename=st.one_of(st.text(max_size=300), st.none(), st.integers()), content=st.binary())
def test_attachment_is_valid_or_rejected_with_reasons(filename: object, content: bytes) -> None:
    try:
        attachment = Attachment(filename=filename, content=content)  # type: ignore[arg-type]
    except InvalidInputError as exc:
        assert_error_is_well_formed(exc)
    else:
        assert 0 < attachment.size <= 20 * 1024 * 1024
        assert attachment.filename.lower().endswith((".jpg", ".jpeg", ".png", ".pdf"))


@given(
    steps=st.lists(
        st.tuples(st.booleans(), st.integers(min_value=0, max_value=2 * 24 * 3600)), max_size=20
    ),
    recovery=st.booleans(),
)
def test_guard_matches_a_reference_model(steps: list[tuple[bool, int]], recovery: bool) -> None:
    """Three consecutive failures lock for the stated time; attempts while locked are ignored."""
    guard: LoginGuard | RecoveryGuard = RecoveryGuard() if recovery else LoginGuard()
    lock = timedelta(hours=24) if recovery else timedelta(minutes=10)
    start = datetime(2026, 3, 9, tzinfo=UTC)
    failures, locked_until = 0, None
    elapsed = 0
    for success, gap in steps:
        elapsed += gap
        at = start + timedelta(seconds=elapsed)
        locked = locked_until is not None and at < locked_until
        assert guard.is_locked(at) is locked
        if locked:
            if not success:
                assert guard.record_failure(at) == guard
            continue
        if success:
            guard = guard.record_success(at)
            failures, locked_until = 0, None
        else:
            guard = guard.record_failure(at)
            failures = 1 if locked_until is not None else failures + 1
            locked_until = None
            if failures >= 3:
                locked_until = at + lock
        assert guard.locked_until == locked_until


@given(code=st.text(max_size=20), other=st.text(max_size=20))
def test_verification_code_equality(code: str, other: str) -> None:
    # A blank expected code matches nothing (issue 8); otherwise equality after stripping.
    assert check_verification_code(code, code.strip()) is bool(code.strip())
    assert check_verification_code(other, code) is (other.strip() == code and bool(code.strip()))


@given(latitude=st.decimals(min_value=-90, max_value=90, places=4))
def test_latitude_accepted_iff_inside_the_box(latitude: Decimal) -> None:
    data = copy.deepcopy(VALID[Flow.BUDGET])
    data["location"]["latitude"] = str(latitude)
    inside = Decimal("-33.76") <= latitude <= Decimal("5.28")
    if inside:
        assert parse_request(Flow.BUDGET, data, today=TODAY)
    else:
        with pytest.raises(InvalidInputError) as info:
            parse_request(Flow.BUDGET, data, today=TODAY)
        codes = [(e.path, e.code) for e in info.value.errors]
        assert codes == [("location.latitude", "outside_brazil")]


@given(
    drop_card=st.booleans(),
    drop_scan=st.booleans(),
    require_rg=st.booleans(),
    today=st.dates(min_value=date(2022, 1, 3), max_value=date(2030, 12, 31)),
)
def test_rg_needed_only_when_required(
    drop_card: bool, drop_scan: bool, require_rg: bool, today: date
) -> None:
    """REN 1.000/2021, art. 659-B: the RG block is optional unless the caller requires it."""
    data = copy.deepcopy(VALID[Flow.NEW_CONNECTION])
    data["rg"]["issued_on"] = "2015-06-10"
    if drop_card:
        del data["rg"]
    if drop_scan:
        del data["attachments"]["rg"]
    missing = drop_card or drop_scan
    if require_rg and missing:
        with pytest.raises(InvalidInputError) as info:
            parse_new_connection_request(data, today=today, require_rg=True)
        assert {e.code for e in info.value.errors} == {"required"}
    else:
        request = parse_new_connection_request(data, today=today, require_rg=require_rg)
        assert request.rg_requirement.value is require_rg
        assert (request.rg is None) is drop_card
