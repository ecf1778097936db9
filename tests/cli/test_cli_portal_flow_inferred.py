"""``validate request FILE`` without the flow, as issue 4 writes it: told by the request's keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aneel_rules.cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("name", "flow"),
    [
        ("budget", "budget"),
        ("registration", "registration"),
        ("new_connection", "new-connection"),
        ("professional_profile", "professional-profile"),
        ("access", "access"),
    ],
)
def test_flow_told_by_keys(capsys: pytest.CaptureFixture[str], name: str, flow: str) -> None:
    file = str(EXAMPLES / f"{name}.json")
    inferred = run(capsys, "validate", "request", file, "--today", "2026-03-09")
    named = run(capsys, "validate", "request", flow, file, "--today", "2026-03-09")
    assert inferred == named
    assert inferred[0] == 0


def test_invalid_request_lists_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    file = str(EXAMPLES / "budget_invalid.json")
    status, out, _ = run(capsys, "validate", "request", file, "--today", "2026-03-09")
    assert status == 1
    assert out.splitlines()[0].endswith("problema(s) encontrado(s):")
    assert run(capsys, "validate", "request", "budget", file, "--today", "2026-03-09")[1] == out


@pytest.mark.parametrize("data", [{}, {"uc": "24836494", "name": "Ana"}, [1, 2]])
def test_undecidable_flow_asks_for_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: object
) -> None:
    # {} matches no flow; "uc" is a budget and an access key, "name" a registration and a
    # profile key: a tie of two flows is never guessed
    file = tmp_path / "request.json"
    file.write_text(json.dumps(data), encoding="utf-8")
    status, out, err = run(capsys, "validate", "request", str(file), "--lang", "en")
    assert (status, out) == (2, "")
    assert err == (
        f"aneel-rules: error: cannot tell which flow {file} is: name it before the file "
        "(one of: registration, new-connection, professional-profile, access, budget)\n"
    )
    status, _, err = run(capsys, "validate", "request", str(file))
    assert status == 2
    assert err.startswith("aneel-rules: erro: não é possível saber de que fluxo é ")
