"""``aneel-rules bill`` and ``aneel-rules invoice check``."""

from __future__ import annotations

import json
import string
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aneel_rules._invoice.audit_messages import DOMAIN, TEMPLATES
from aneel_rules.cli import invoice as cli_invoice
from aneel_rules.cli import main
from aneel_rules.i18n import translate

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
CHECK = EXAMPLES / "invoice_check.json"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


SAME_IN_BOTH = {"{code} {post}: {quantity} {unit} × {rate} = {amount}", "{code} {post}: {amount}"}


@pytest.mark.parametrize("template", [*cli_invoice.TEXTS, *TEMPLATES.values()])
def test_every_text_is_translated(template: str) -> None:
    translated = translate(template, domain=DOMAIN, lang="pt_BR")
    assert translated != template or template in SAME_IN_BOTH
    assert _fields(translated) == _fields(template)


def test_invoice_check_lists_findings_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "invoice", "check", str(CHECK))
    assert status == 1
    assert err == ""
    assert out.startswith("8 achado(s):")
    assert "[demand_below_measured]" in out
    assert "REN 1.000/2021, art. 294" in out
    assert "Itens obrigatórios ausentes (REN 1.000/2021):" in out
    status, out, _ = run(capsys, "--lang", "en", "invoice", "check", str(CHECK))
    assert status == 1
    assert out.startswith("8 finding(s):")
    assert "line demand (fora de ponta): amount 3000.00 printed, 3180.00 computed" in out
    assert "Mandatory items missing (REN 1.000/2021):" in out


def test_invoice_check_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "invoice", "check", str(CHECK), "--json")
    assert status == 1
    result = json.loads(out)
    assert [f["code"] for f in result["findings"]][-1] == "total_differs"
    assert result["expected_total"] == "9611.28"
    assert result["invoice_total"] == "9567.00"
    assert result["missing_items"][0]["basis"] == ["REN 1.000/2021, art. 327, X"]


def _write(tmp_path: Path, data: Any) -> str:
    path = tmp_path / "data.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _clean_check() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CHECK.read_text(encoding="utf-8"))
    data["invoice"]["lines"] = [
        {k: v for k, v in line.items() if k != "basis"} for line in data["expected"]["lines"]
    ]
    data["invoice"]["total"] = "9611.28"
    data["invoice"]["flags"] = [{"name": "Verde", "days": 18}, {"name": "Amarela", "days": 12}]
    data["invoice"]["present"].append(
        "código para pagamento e linha digitável ou mensagem de débito automático"
    )
    return data


def test_a_correct_invoice_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "invoice", "check", _write(tmp_path, _clean_check()))
    assert status == 0
    assert out.splitlines() == [
        "A fatura confere com o cálculo: nenhum achado.",
        "Todos os itens obrigatórios constam da fatura (REN 1.000/2021).",
    ]


def test_the_contents_date_can_be_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = _clean_check()
    data["on"] = "2021-12-31"
    status, out, _ = run(capsys, "--lang", "en", "invoice", "check", _write(tmp_path, data))
    assert status == 1
    assert "Mandatory items missing (REN 414/2010):" in out


@pytest.mark.parametrize(
    ("data", "code"),
    [
        pytest.param([1], "cli_not_an_object", id="not-an-object"),
        pytest.param({"invoice": 1, "expected": {}}, "cli_not_an_object", id="no-invoice"),
        pytest.param({"on": "x"}, "not_a_date", id="bad-on"),
        pytest.param({"tolerance": "x"}, "not_a_number", id="bad-tolerance"),
    ],
)
def test_invoice_check_bad_files_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Any, code: str
) -> None:
    if isinstance(data, dict) and "invoice" not in data:
        data = {**_clean_check(), **data}
    status, out, err = run(capsys, "invoice", "check", _write(tmp_path, data))
    assert status == 2
    assert f"[{code}]" in out + err


def test_unreadable_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "invoice", "check", str(tmp_path / "none.json"))
    assert status == 2
    assert err
    status, _, err = run(capsys, "bill", str(tmp_path / "none.json"))
    assert status == 2


def test_bill_prints_every_line_with_its_basis(capsys: pytest.CaptureFixture[str]) -> None:
    expected = json.loads(CHECK.read_text(encoding="utf-8"))["expected"]
    path = EXAMPLES / "bill_explicit.json"
    assert json.loads(path.read_text(encoding="utf-8")) == expected
    status, out, _ = run(capsys, "bill", str(path))
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Fatura 2026-06-01 → 2026-07-01 (REN 1.000/2021)"
    assert lines[1].startswith("demand ponta: 100 kW × 45")
    assert lines[2] == "    fundamento: REN 1.000/2021, art. 294, II"
    assert "Total da fatura (arredondamento ABNT): R$" in out
    assert "9.611,28" in out
    status, out, _ = run(capsys, "bill", str(path), "--lang", "en")
    assert "Invoice total (arredondamento ABNT): R$9,611.28" in out
    assert "    basis: REN 1.000/2021, art. 307" in out


def test_bill_json_and_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, _ = run(capsys, "bill", str(EXAMPLES / "bill_explicit.json"), "--json")
    assert status == 0
    result = json.loads(out)
    assert result["invoice_total"] == "9611.28"
    assert result["lines"][4]["label"] == "Amarela"
    assert result["lines"][0]["basis"] == ["REN 1.000/2021, art. 294, II"]
    status, out, err = run(capsys, "bill", _write(tmp_path, {"start": "2026-06-01"}))
    assert status == 2
    assert "[required]" in out + err
    status, out, err = run(capsys, "bill", _write(tmp_path, [1]))
    assert status == 2
    # a municipal line without rate prints without rate
    data = {
        "start": "2026-06-01",
        "end": "2026-07-01",
        "lines": [
            {
                "code": "municipal",
                "quantity": 1,
                "unit": "R$",
                "amount": "12.50",
                "label": "CIP",
                "basis": [{"norm": "REN 1.000/2021", "article": "476"}],
            }
        ],
    }
    status, out, _ = run(capsys, "bill", _write(tmp_path, data))
    assert status == 0
    assert out.splitlines()[1] == "municipal [CIP]: R$ 12,50"


# --- a bill computed from a shipped 15-minute profile ------------------------------------------

AZUL = EXAMPLES / "bill_azul.json"


def test_bill_from_the_shipped_profile(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "bill", str(AZUL), "--json")
    assert status == 0
    result = json.loads(out)
    by = {(line["code"], line["post"]): line for line in result["lines"]}
    # the profile's highest fora-de-ponta demand is 112 kW against 100 kW contracted: billed
    # demand is the measured one (art. 294, II) and 12 % > 5 % adds the overrun at twice the
    # demand tariff on the excess (art. 301): (112 − 100) × 2 × 30 = 720
    assert Decimal(by[("demand", "fora de ponta")]["quantity"]) == 112
    assert Decimal(by[("demand", "fora de ponta")]["amount"]) == 3360
    assert Decimal(by[("demand_overrun", "fora de ponta")]["amount"]) == 720
    # ponta: measured below the 70 kW contracted, so the contracted demand is billed
    assert Decimal(by[("demand", "ponta")]["quantity"]) == 70
    assert result["norm"] == "REN 1.000/2021"
    status, out, _ = run(capsys, "bill", str(AZUL))
    assert status == 0
    assert "demand_overrun fora de ponta: 12 kW × 60 = R$ 720,00" in out


def test_invoice_check_against_a_computed_bill(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys, "--lang", "en", "invoice", "check", str(EXAMPLES / "invoice_check_azul.json")
    )
    assert status == 1
    assert "[line_missing] line demand_overrun (fora de ponta) is missing: 720.00 expected" in out
    assert "[demand_below_measured]" in out
    assert "Every mandatory item is on the invoice (REN 1.000/2021)." in out


def _request(tmp_path: Path, profile: str | None, **changes: Any) -> str:
    data = json.loads(AZUL.read_text(encoding="utf-8"))
    data.update(changes)
    if profile is not None:
        (tmp_path / "p.csv").write_text(profile, encoding="utf-8")
        data["profile"]["file"] = "p.csv"
    return _write(tmp_path, data)


@pytest.mark.parametrize(
    ("profile", "changes", "code"),
    [
        pytest.param(
            None, {"unit": {"consumer_class": "fábrica"}}, "not_in_choices", id="bad-field"
        ),
        pytest.param("timestamp,kw\n2026-03-01T00:00\n", {}, "bad_profile_row", id="short-row"),
        pytest.param("2026-03-01 xx,1\n", {}, "bad_profile_row", id="bad-stamp"),
        pytest.param("2026-03-01T00:00,1\n" * 40_002, {}, "profile_too_large", id="too-large"),
    ],
)
def test_bill_request_errors(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    profile: str | None,
    changes: dict[str, Any],
    code: str,
) -> None:
    status, out, err = run(capsys, "bill", _request(tmp_path, profile, **changes))
    assert status == 2
    assert f"[{code}]" in out + err


def test_bill_request_missing_profile_and_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads(AZUL.read_text(encoding="utf-8"))
    data["profile"]["file"] = "absent.csv"
    status, out, err = run(capsys, "bill", _write(tmp_path, data))
    assert status == 2
    assert "[unreadable_profile]" in out + err
    data = json.loads(AZUL.read_text(encoding="utf-8"))
    data["profile"]["file"] = str(EXAMPLES / "azul_profile.csv")
    data["profile"]["capacitive_window"] = "25:99"
    status, out, err = run(capsys, "bill", _write(tmp_path, data))
    assert status == 2
    data["profile"]["capacitive_window"] = "00:00"
    del data["taxes"]
    del data["gross_up"]
    data["contracted_demand"] = 100
    data["rates"]["modality"] = "horária verde"
    data["rates"]["demand_kw"] = "30"
    data["rates"]["te_mwh"] = {"ponta": "450", "fora de ponta": "280"}
    status, out, err = run(capsys, "bill", _write(tmp_path, data), "--json")
    assert status == 0, out + err
    assert not [line for line in json.loads(out)["lines"] if line["code"] in {"icms", "pis_pasep"}]
    status, _, _ = run(capsys, "bill", _write(tmp_path, [1, 2]))
    assert status == 2


@pytest.mark.parametrize(
    ("window", "code"),
    [
        pytest.param("25:99", "bad_capacitive_window", id="not-a-time"),
        pytest.param("12:00", "invalid_capacitive_window", id="outside-23:30-06:30"),
    ],
)
def test_bill_request_capacitive_window_has_its_own_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, window: str, code: str
) -> None:
    data = json.loads(AZUL.read_text(encoding="utf-8"))
    data["profile"]["file"] = str(EXAMPLES / "azul_profile.csv")
    data["profile"]["capacitive_window"] = window
    status, out, err = run(capsys, "bill", _write(tmp_path, data), "--lang", "en")
    assert status == 2
    assert f"[{code}]" in out + err
    assert "data row" not in out + err
    status, out, err = run(capsys, "bill", _write(tmp_path, data))
    assert status == 2
    assert "linha de dados" not in out + err
    if code == "bad_capacitive_window":
        assert "HH:MM" in out + err
        assert "período capacitivo" in out + err
