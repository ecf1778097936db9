"""Time CPF/CNPJ validation: aneel_rules.documents vs python-stdnum, on the same inputs.

Run with ``.venv/bin/python benchmarks/bench_documents.py``. The inputs are a fixed,
seeded mix of valid numbers (compact and formatted) and invalid ones (wrong check
digits, repeated digits, wrong length, letters). Both libraries answer ``is_valid``
for every input; the script prints the time per call and the ratio, and checks that
the two agree on every input where they should (stdnum accepts repeated-digit
numbers and has no alphanumeric CNPJ).
"""

from __future__ import annotations

import random
import timeit
from collections.abc import Callable

from stdnum.br import cnpj as stdnum_cnpj
from stdnum.br import cpf as stdnum_cpf

from aneel_rules.documents import cnpj, cpf

N_INPUTS = 2_000
REPEAT = 7


def _dv(values: list[int], weights: tuple[int, ...]) -> int:
    remainder = sum(v * w for v, w in zip(values, weights, strict=True)) % 11
    return 0 if remainder < 2 else 11 - remainder


def _cpf(rng: random.Random) -> str:
    values = [rng.randrange(10) for _ in range(9)]
    values.append(_dv(values, (10, 9, 8, 7, 6, 5, 4, 3, 2)))
    values.append(_dv(values, (11, 10, 9, 8, 7, 6, 5, 4, 3, 2)))
    return "".join(map(str, values))


_W1 = (5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2)


def _cnpj(rng: random.Random, alphabet: str) -> str:
    base = "".join(rng.choice(alphabet) for _ in range(12))
    values = [ord(c) - 48 for c in base]
    first = _dv(values, _W1)
    return f"{base}{first}{_dv([*values, first], (6, *_W1))}"


def _spoil(rng: random.Random, number: str) -> str:
    kind = rng.randrange(4)
    if kind == 0:  # wrong last check digit
        return number[:-1] + str((int(number[-1]) + 1) % 10)
    if kind == 1:  # repeated digit
        return rng.choice("0123456789") * len(number)
    if kind == 2:  # wrong length
        return number[:-1]
    return number[:3] + "a" + number[4:]  # a stray letter


def _inputs(rng: random.Random, make: Callable[[], str], fmt: Callable[[str], str]) -> list[str]:
    out = []
    for i in range(N_INPUTS):
        number = make()
        if i % 2:
            out.append(_spoil(rng, number))
        else:
            out.append(fmt(number) if i % 4 == 0 else number)
    return out


def _time(check: Callable[[str], bool], inputs: list[str]) -> float:
    """Best seconds per call over REPEAT runs of the whole input list."""
    best = min(timeit.repeat(lambda: [check(x) for x in inputs], number=1, repeat=REPEAT))
    return best / len(inputs)


def _compare(
    name: str, ours: Callable[[str], bool], theirs: Callable[[str], bool], inputs: list[str]
) -> None:
    disagreements = [x for x in inputs if ours(x) != theirs(x)]
    repeated = [x for x in disagreements if len(set(x)) == 1]  # stdnum accepts some
    unexpected = sorted(set(disagreements) - set(repeated))
    t_ours = _time(ours, inputs)
    t_theirs = _time(theirs, inputs)
    print(
        f"{name:<26} aneel_rules {t_ours * 1e9:7.0f} ns/call   stdnum {t_theirs * 1e9:7.0f} ns/call"
        f"   stdnum/ours = {t_theirs / t_ours:4.2f}x   valid {sum(map(ours, inputs))}/{len(inputs)}"
        f"   repeated digits accepted by stdnum only: {len(repeated)}"
    )
    if unexpected:
        raise SystemExit(f"{name}: unexpected disagreements, e.g. {unexpected[:3]}")


def main() -> None:
    rng = random.Random(20260304)
    cpfs = _inputs(rng, lambda: _cpf(rng), lambda n: f"{n[:3]}.{n[3:6]}.{n[6:9]}-{n[9:]}")

    def fmt_cnpj(n: str) -> str:
        return f"{n[:2]}.{n[2:5]}.{n[5:8]}/{n[8:12]}-{n[12:]}"

    cnpjs = _inputs(rng, lambda: _cnpj(rng, "0123456789"), fmt_cnpj)
    alnum = [_cnpj(rng, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(N_INPUTS)]
    print(f"{N_INPUTS} inputs per row, half valid; best of {REPEAT} runs")
    _compare("CPF is_valid", cpf.is_valid, stdnum_cpf.is_valid, cpfs)
    _compare("CNPJ (numeric) is_valid", cnpj.is_valid, stdnum_cnpj.is_valid, cnpjs)
    t_alnum = _time(cnpj.is_valid, alnum)
    accepted = sum(map(stdnum_cnpj.is_valid, alnum))
    print(
        f"{'CNPJ (alphanumeric)':<26} aneel_rules {t_alnum * 1e9:7.0f} ns/call"
        f"   (all valid; stdnum accepts {accepted}/{len(alnum)})"
    )
    print("edge cases (is_valid)            aneel_rules  stdnum")
    for label, module, theirs, value in (
        ("CPF repeated digits", cpf, stdnum_cpf, "11111111111"),
        ("CPF Arabic-Indic digits", cpf, stdnum_cpf, "٥٢٩٩٨٢٢٤٧٢٥"),
        ("CNPJ full-width digits", cnpj, stdnum_cnpj, "１１２２２３３３０００１８１"),
        ("CNPJ alphanumeric, lower case", cnpj, stdnum_cnpj, "12abc34501de35"),
        ("CPF pasted: en dash, NBSP", cpf, stdnum_cpf, "529\u00a0982\u00a0247\u201325"),
        ("CNPJ pasted: full-width solidus", cnpj, stdnum_cnpj, "11.222.333\uff0f0001-81"),
        ("CNPJ look-alike letter (long s)", cnpj, stdnum_cnpj, "12.\u017fBC.345/01DE-35"),
    ):
        print(f"  {label:<30} {module.is_valid(value)!s:<12} {theirs.is_valid(value)}")
    t_validate = _time(lambda x: bool(cpf.validate(x)), [x for x in cpfs if cpf.is_valid(x)])
    print(f"{'CPF validate (valid only)':<26} aneel_rules {t_validate * 1e9:7.0f} ns/call")
    huge = ["1" * 10**7]
    t_huge = _time(cpf.is_valid, huge)
    try:
        stdnum_says = str(stdnum_cpf.is_valid(huge[0]))
    except ValueError as exc:  # int() of 10**7 digits
        stdnum_says = f"raises {type(exc).__name__}"
    print(
        f"{'CPF is_valid(10**7 digits)':<26} aneel_rules {t_huge * 1e6:7.0f} µs/call"
        f" ({t_huge / t_validate:.1f}x a valid CPF: refused unread)   stdnum {stdnum_says}"
    )


if __name__ == "__main__":
    main()
