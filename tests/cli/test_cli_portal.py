"""The `validate` and `schema` commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aneel_rules.cli import json_input, main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        pytest.param("cpf", "52998224725", "529.982.247-25", id="cpf"),
        pytest.param("cnpj", "12abc34501de35", "12.ABC.345/01DE-35", id="cnpj-alphanumeric"),
        pytest.param("cep", "69088315", "69088-315", id="cep"),
        pytest.param("phone", "+55 92 99999-9999", "(92) 99999-9999", id="phone"),
        pytest.param("email", "ana@example.com", "ana@example.com", id="email"),
        pytest.param("uc", "24836494", "24836494", id="uc-legacy"),
    ],
)
def test_valid_document(
    capsys: pytest.CaptureFixture[str], kind: str, value: str, expected: str
) -> None:
    assert run(capsys, "validate", kind, value) == (0, expected + "\n", "")


def test_invalid_document_pt_and_en(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "validate", "cpf", "111.111.111-11")
    assert status == 1
    assert out.splitlines()[0] == "1 problema(s) encontrado(s):"
    assert out.splitlines()[1].startswith("cpf [repeated_digits]: ")
    status, out, _ = run(capsys, "validate", "cpf", "111.111.111-11", "--lang", "en")
    assert status == 1
    assert out.splitlines()[0] == "1 problem(s) found:"


def test_phone_mobile_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "validate", "phone", "(92) 3333-4444")[0] == 0
    status, out, _ = run(capsys, "validate", "phone", "(92) 3333-4444", "--mobile")
    assert status == 1
    assert "[not_mobile]" in out


def test_valid_budget_request(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(
        capsys,
        "validate",
        "request",
        "budget",
        str(EXAMPLES / "budget.json"),
        "--today",
        "2026-03-09",
    )
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        "solicitação de orçamento de conexão válida",
        "medição em tensão primária (MT) obrigatória: não",
        (
            "fundamento: Amazonas Energia, Manual Orçamento de Conexão através da Agência Virtual, "
            "item 4.5 (regra da distribuidora)"
        ),
    ]


def test_budget_with_mt_metering_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads((EXAMPLES / "budget.json").read_text(encoding="utf-8"))
    data["load"].update(transformer_kva=[500, 300], secondary_voltage="380/220")
    path = tmp_path / "budget.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    status, out, _ = run(
        capsys, "validate", "request", "budget", str(path), "--today", "2026-03-09", "--lang", "en"
    )
    assert status == 0
    assert out.splitlines()[1:4] == [
        "primary-voltage (MT) metering required: yes",
        "  - installation with more than one transformer",
        "  - transformer(s) with a secondary voltage other than 220/127 V",
    ]


def test_valid_new_connection_request(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "validate",
        "request",
        "new-connection",
        str(EXAMPLES / "new_connection.json"),
        "--today",
        "2026-03-09",
        "--lang",
        "en",
    )
    assert status == 0
    assert out.splitlines() == [
        "valid new connection request",
        "a connection budget must follow the new connection: no",
        "basis: Amazonas Energia, Manual da Agência Virtual, item 2.7 (regra da distribuidora)",
        "RG required: no",
        "basis: REN 1.000/2021, art. 659-B (incluído pela REN 1.095/2024)",
    ]


def test_new_connection_without_rg_and_require_rg(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads((EXAMPLES / "new_connection.json").read_text(encoding="utf-8"))
    del data["rg"], data["attachments"]["rg"]
    path = tmp_path / "no_rg.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    argv = ("validate", "request", "new-connection", str(path), "--today", "2026-03-09")
    status, out, _ = run(capsys, *argv)
    assert status == 0
    assert "RG exigido: não" in out.splitlines()
    status, out, _ = run(capsys, *argv, "--require-rg")
    assert status == 1
    assert "rg [required]: campo obrigatório" in out
    assert "attachments.rg [required]: campo obrigatório" in out
    status, out, _ = run(
        capsys,
        "validate",
        "request",
        "new-connection",
        str(EXAMPLES / "new_connection.json"),
        "--today",
        "2026-03-09",
        "--require-rg",
    )
    assert status == 0
    manual = "Amazonas Energia, Manual da Agência Virtual, item 2.3 (regra da distribuidora)"
    assert out.splitlines()[-2:] == ["RG exigido: sim", f"fundamento: {manual}"]


@pytest.mark.parametrize(
    ("flow", "name", "label"),
    [
        ("registration", "registration", "de cadastro"),
        ("professional-profile", "professional_profile", "de perfil profissional"),
        ("access", "access", "de acesso"),
    ],
)
def test_other_valid_requests(
    capsys: pytest.CaptureFixture[str], flow: str, name: str, label: str
) -> None:
    status, out, _ = run(
        capsys, "validate", "request", flow, str(EXAMPLES / f"{name}.json"), "--today", "2026-03-09"
    )
    assert (status, out) == (0, f"solicitação {label} válida\n")


def test_invalid_budget_prints_every_problem(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(
        capsys,
        "validate",
        "request",
        "budget",
        str(EXAMPLES / "budget_invalid.json"),
        "--today",
        "2026-03-09",
    )
    lines = out.splitlines()
    assert status == 1
    assert lines[0] == "10 problema(s) encontrado(s):"
    assert len(lines) == 11
    assert (
        "load.works_end [end_before_start]: o término 2024-10-04 é anterior ao início 2024-10-05"
        in lines
    )


def test_default_today_is_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, _ = run(capsys, "validate", "request", "access", str(EXAMPLES / "access.json"))
    assert status == 0


@pytest.mark.parametrize(
    ("argv", "fragment"),
    [
        pytest.param(["validate"], "argumentos são obrigatórios: KIND", id="no-kind"),
        pytest.param(
            ["validate", "request", "nope", "x.json"], "fluxo desconhecido", id="bad-flow"
        ),
        pytest.param(
            ["validate", "request", "access", "x.json", "--today", "9/3/2026"],
            "--today",
            id="bad-today",
        ),
        pytest.param(["schema", "nope"], "fluxo desconhecido: 'nope'", id="schema-bad-flow"),
    ],
)
def test_usage_errors(capsys: pytest.CaptureFixture[str], argv: list[str], fragment: str) -> None:
    status, _, err = run(capsys, *argv)
    assert status == 2
    assert err.startswith("aneel-rules: erro:")
    assert fragment in err
    assert err.count("\n") == 1


def test_unreadable_and_bad_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "validate", "request", "access", str(tmp_path / "missing.json"))
    assert status == 2
    assert err.endswith("missing.json não existe\n")
    bad = tmp_path / "bad.json"
    bad.write_text('{\n  "uc": 1,\n}', encoding="utf-8")
    status, _, err = run(capsys, "validate", "request", "access", str(bad), "--lang", "en")
    assert status == 2
    assert err == f"aneel-rules: error: {bad} is not valid JSON (line 3, column 1)\n"
    status, _, err = run(capsys, "validate", "request", "access", str(bad))
    assert err == f"aneel-rules: erro: {bad} não é um JSON válido (linha 3, coluna 1)\n"


def test_duplicate_json_keys_are_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"uc": "1", "holder_document": "52998224725", "uc": "2"}', encoding="utf-8")
    status, out, err = run(capsys, "validate", "request", "access", str(path))
    assert (status, out) == (2, "")
    assert "repete a chave 'uc'" in err
    assert err.count("\n") == 1


def test_before_ren1000_is_a_one_line_error(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(
        capsys,
        "validate",
        "request",
        "access",
        str(EXAMPLES / "access.json"),
        "--today",
        "2021-12-31",
    )
    assert status == 2
    assert "REN 1.000/2021" in err


def test_json_top_level_not_an_object(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    status, out, _ = run(
        capsys, "validate", "request", "access", str(path), "--today", "2026-03-09"
    )
    assert status == 1
    assert "(solicitação inteira) [not_an_object]" in out


@pytest.mark.parametrize(
    ("error", "pt"),
    [
        pytest.param(IsADirectoryError, "é uma pasta, não um arquivo", id="directory"),
        pytest.param(PermissionError, "sem permissão para ler", id="permission"),
        pytest.param(OSError, "não foi possível ler", id="other-os-error"),
    ],
)
def test_unreadable_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    error: type[OSError],
    pt: str,
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> str:
        raise error

    # the module's own name ``open`` (it reads the file with the builtin)
    monkeypatch.setattr(json_input, "open", refuse, raising=False)
    status, out, err = run(capsys, "validate", "request", "access", "x.json")
    assert (status, out) == (2, "")
    assert err.startswith("aneel-rules: erro: ")
    assert pt in err
    assert err.count("\n") == 1


def test_directory_and_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "validate", "request", "access", str(tmp_path), "--lang", "en")
    assert (status, err) == (2, f"aneel-rules: error: {tmp_path} is a directory, not a file\n")
    binary = tmp_path / "latin1.json"
    binary.write_bytes('{"nome": "João"}'.encode("latin-1"))
    status, _, err = run(capsys, "validate", "request", "access", str(binary))
    assert (status, err) == (2, f"aneel-rules: erro: {binary} não é texto UTF-8\n")


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema", "budget")
    assert status == 0
    schema = json.loads(out)
    assert schema["$id"] == "urn:aneel-rules:portal:budget"
    assert "geração distribuída" in out


def test_schema_command_require_rg(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "schema", "new-connection")
    assert status == 0
    assert "rg" not in json.loads(out)["required"]
    status, out, _ = run(capsys, "schema", "new-connection", "--require-rg")
    assert status == 0
    assert "rg" in json.loads(out)["required"]
