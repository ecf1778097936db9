"""Worst-case cost of hostile input to a portal backend (issue 8), as ratios to a baseline.

Run with ``.venv/bin/python benchmarks/bench_hostile.py``. The baseline is parsing the
repository's valid access request (two documents), timed in the same run; every hostile
case is timed the same way (best of a few runs) and printed with its ratio to the baseline,
the time, and the length of the error message (bounded: at most 100 problems listed).
Building the hostile inputs is not timed. The script fails if a case takes a second or
more, if its message is not bounded, or if anything but the library's error escapes.
"""

from __future__ import annotations

import base64
import json
import timeit
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from aneel_rules import AneelRulesError
from aneel_rules.documents import cnpj, cpf, email, uf
from aneel_rules.portal import Attachment, Escalation, LoginGuard, parse_request

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
TODAY = date(2026, 3, 9)
REPEAT = 3
MB = 1024 * 1024


def _example(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _outcome(call: Callable[[], object]) -> int:
    """The length of the library's error message (0 if the call returned)."""
    try:
        call()
    except AneelRulesError as exc:
        return len(str(exc))
    return 0


def _best(call: Callable[[], object]) -> float:
    return min(timeit.repeat(lambda: _outcome(call), number=1, repeat=REPEAT))


def _cases() -> list[tuple[str, Callable[[], object]]]:
    access = _example("access")
    budget = _example("budget")
    registration = _example("registration")
    million_keys = {**access, **{f"campo_desconhecido_numero_{i:012d}": 1 for i in range(10**6)}}
    long_text = {**registration, "name": "A" * (50 * MB)}
    long_choice = {**budget, "purpose": " " * (10 * MB) + "MEDIÇÃO ÚNICA"}
    huge_int = {**budget, "load": {**budget["load"], "expected_demand_kw": 10**100_000}}
    survey = _example("new_connection")
    many_items = {**survey, "load_survey": [{"equipment": "x", "quantity": 1}] * 10**6}
    bad_items = {**survey, "load_survey": [{"equipment": "", "quantity": -1}] * 500}
    over_b64 = "A" * (28 * MB)
    site_plan = {"filename": "planta.pdf", "content_base64": over_b64}
    big_attachment = {**budget, "site_plan": site_plan}
    pdf = b"%PDF-1.7\n" + b" " * (20 * MB - 16) + b"%%EOF\n"
    at_limit = {"filename": "planta.pdf", "content_base64": base64.b64encode(pdf).decode()}
    full_attachment = {**budget, "site_plan": at_limit}
    start = datetime(2026, 3, 9, 10, tzinfo=UTC)

    def hundred_failures() -> object:
        guard = LoginGuard(escalation=Escalation(factor=1))
        at = start
        for _ in range(100):
            guard = guard.record_failure(at)
            at = guard.locked_until or at + timedelta(seconds=1)
        return guard

    return [
        ("baseline: valid access request", lambda: parse_request("access", access, today=TODAY)),
        ("cpf.validate('1' * 10**7)", lambda: cpf.validate("1" * 10**7)),
        ("cpf.is_valid(10**7 blanks)", lambda: cpf.is_valid(" " * 10**7)),
        ("cnpj.validate(10**7 × 'ſ')", lambda: cnpj.validate("ſ" * 10**7)),
        ("email.validate('a' * 10**7)", lambda: email.validate("a" * 10**7)),
        ("uf.validate(10**7 blanks + 'AM')", lambda: uf.validate(" " * 10**7 + "AM")),
        (
            "request: 10**6 unknown keys (~40 MB)",
            lambda: parse_request("access", million_keys, today=TODAY),
        ),
        (
            "request: a 50 MB name",
            lambda: parse_request("registration", long_text, today=TODAY),
        ),
        (
            "request: a 10 MB choice",
            lambda: parse_request("budget", long_choice, today=TODAY),
        ),
        ("request: 10**100000 kW", lambda: parse_request("budget", huge_int, today=TODAY)),
        (
            "request: 10**6 load-survey lines",
            lambda: parse_request("new-connection", many_items, today=TODAY),
        ),
        (
            "request: 500 bad lines (1000 problems)",
            lambda: parse_request("new-connection", bad_items, today=TODAY),
        ),
        (
            "request: 28 MiB of base64",
            lambda: parse_request("budget", big_attachment, today=TODAY),
        ),
        (
            "request: a 20 MiB PDF (accepted)",
            lambda: parse_request("budget", full_attachment, today=TODAY),
        ),
        ("Attachment: 20 MiB PDF structure", lambda: Attachment("a.pdf", pdf)),
        ("LoginGuard: 100 failures, escalation", hundred_failures),
    ]


def main() -> None:
    cases = _cases()
    baseline = _best(cases[0][1])
    print(f"best of {REPEAT} runs; ratio = case time / baseline time ({baseline * 1e6:.0f} µs)")
    worst = 0.0
    for label, call in cases:
        seconds = _best(call)
        length = _outcome(call)
        worst = max(worst, seconds)
        print(
            f"{label:<42} {seconds * 1e3:9.2f} ms  {seconds / baseline:9.0f}x"
            f"   message {length:>6} characters"
        )
        if seconds >= 1.0 or length > 20_000:
            raise SystemExit(f"{label}: {seconds:.2f} s, message of {length} characters")
    print(f"worst case {worst * 1e3:.0f} ms")


if __name__ == "__main__":
    main()
