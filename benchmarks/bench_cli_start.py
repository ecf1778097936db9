"""Cold start of the ``aneel-rules`` command, as ratios to ``python -c "import aneel_rules"``.

Run with ``.venv/bin/python benchmarks/bench_cli_start.py`` (or ``make bench``). Every
sub-command of :data:`aneel_rules.cli.COMMANDS` is measured (:data:`ARGVS` must name each
one; ``tests/cli/test_cli.py`` checks it), from the repository root so that the
``examples/`` files are found. Each command runs in a fresh interpreter (what typing it in
a shell costs), the way the installed script does it (``from aneel_rules.cli import
main``), with its output discarded. Every row is the best of ``REPEAT`` runs, taken in
turns so that a busy machine slows every row alike, in CPU time (user + system: other jobs
disturb it much less than wall time, so the aim is read on it) and in wall time. Bytecode
is cached as after an install (in a temporary ``PYTHONPYCACHEPREFIX``, written by a first
unmeasured run, even when ``PYTHONDONTWRITEBYTECODE`` is set).

The aim (issue 7) is at most 2x the bare library import; ``audit`` reads its file with
pandas (extra ``frames``) and is reported, not aimed. A command imports babel
where it formats a number, an amount or a date (babel and the locale data it loads for a first
value cost about 0.4x of ``import aneel_rules``); the library formats with babel, never with
hand-written CLDR data. One run on the development machine (2 cores shared with other jobs)
after the cold-start work of issue 7, item 6: ``bill`` 2.30x (2.60x before), ``invoice check``
2.21x (2.47x), ``deadline`` 2.56-2.60x (its floor 1.88x in the same run), every other command
1.18-1.91x; a row moves by up to 0.1x from run to run. What stays above the aim pays for a
dependency or for classes the rule needs:

- ``deadline`` counts business days with python-holidays, whose own ``import holidays`` (it
  reads its version through ``importlib.metadata``) costs about as much as ``import
  aneel_rules`` (the row :data:`HOLIDAYS`, its floor); only its ``Brazil`` class is loaded,
  not the ~250 modules of ``holidays.countries`` (:mod:`aneel_rules.calendars`). Above the
  floor: the command line itself (argparse and the catalogs, as ``--help``), the deadline
  rules, the ``Brazil`` class with its holiday groups, and babel for the dates it prints.
- ``invoice check`` pays for ``bill`` (the bill rules, the portal's field machinery that reads
  the request, a month of 15-minute load profile) and parses, audits and checks the invoice:
  the invoice, audit and contents rules add a dozen frozen attrs classes, each compiling its
  methods at import (about 0.5 ms apiece), that the check uses.
- ``bill``: the bill rules define some thirty attrs classes, nearly all of which computing a
  bill uses; babel formats its amounts; about 5 ms of it (and of ``invoice check``) is the
  cyclic garbage collector running during the imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time as clock
from collections.abc import Mapping
from pathlib import Path
from typing import Final

REPEAT: Final = 15
AIM: Final = 2.0
ROOT: Final = Path(__file__).resolve().parents[1]
BASELINE: Final = 'python -c "import aneel_rules"'
_SCRIPT: Final = "import sys\nfrom aneel_rules.cli import main\nsys.exit(main({argv!r}))\n"
_COLUMNS: Final = (
    "unit=uc",
    "previous=leitura_anterior",
    "current=leitura_atual",
    "kwh=consumo_kwh",
    "group=grupo",
    "kind=tipo",
    "supply=ligacao",
    "low_income=baixa_renda",
)
EXTRA: Final = frozenset({"audit"})
"""Commands that need an optional extra (reported without the aim)."""

ARGVS: Final = (
    ("--help",),
    ("post", "--help"),
    ("calendar", "2026"),
    ("post", "2026-03-09T20:30", "--modality", "verde"),
    (
        "modality",
        "--voltage-kv",
        "13,8",
        "--class",
        "industrial",
        "--demand-kw",
        "200",
        "--on",
        "2026-01-10",
    ),
    ("reading", "2026-01-05", "2026-02-10", "--kwh", "1.200"),
    ("refund", "--found-on", "2026-03-10", "--direction", "under", "--error", "2025-12:90,00"),
    ("deadline", "budget", "--requested", "2026-03-04", "--voltage-kv", "13,8"),
    (
        "deadline",
        "budget",
        "--requested",
        "2026-03-04",
        "--voltage-kv",
        "13,8",
        "--works",
        "--uf",
        "AM",
    ),
    ("deadline", "inspection", "--notice", "2026-03-04", "--voltage-kv", "0,22"),
    ("metering", "--transformer", "300:220/127", "--transformer", "150:380/220"),
    ("validate", "cpf", "529.982.247-25"),
    ("validate", "request", "budget", "examples/budget.json", "--today", "2026-03-09"),
    ("schema", "budget"),
    ("bill", "examples/bill_azul.json"),
    ("invoice", "check", "examples/invoice_check_azul.json"),
    (
        "audit",
        "readings",
        "examples/readings.csv",
        *(f"--column={column}" for column in _COLUMNS),
        "--quiet",
    ),
)
"""One command line per sub-command (two or three where a sub-command has costlier cases)."""

HOLIDAYS: Final = 'python -c "import aneel_rules, holidays"'
"""What ``deadline`` cannot go below: the library and python-holidays' own package."""

COMMANDS: Final = {
    'python -c "pass"': "pass",
    BASELINE: "import aneel_rules",
    HOLIDAYS: "import aneel_rules, holidays",
    **{f"aneel-rules {' '.join(argv)}": _SCRIPT.format(argv=list(argv)) for argv in ARGVS},
}


def _run_once(code: str, env: Mapping[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run of ``code`` in a new interpreter."""
    started = clock.perf_counter()
    process = subprocess.Popen(  # noqa: S603 (this interpreter, fixed code)
        [sys.executable, "-c", code],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    if not hasattr(os, "wait4"):  # no child's CPU time here (Windows): the wall time stands in
        process.wait()
        wall = clock.perf_counter() - started
        return wall, wall
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = clock.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    wall = dict.fromkeys(COMMANDS, float("inf"))
    cpu = dict.fromkeys(COMMANDS, float("inf"))
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in COMMANDS.values():
            _run_once(code, env)  # writes the bytecode
        for _ in range(REPEAT):
            for label, code in COMMANDS.items():
                seconds, cpu_seconds = _run_once(code, env)
                wall[label] = min(wall[label], seconds)
                cpu[label] = min(cpu[label], cpu_seconds)
    print(
        f"cold start, best of {REPEAT} runs; ratios to {BASELINE} (aim: at most {AIM:.0f}x);\n"
        "the aim is read on CPU time (user + system), which other jobs on the machine disturb "
        "less than wall time"
    )
    print(f"  {'command':<76} {'CPU':>9} {'ratio':>6} {'wall':>9} {'ratio':>6}")
    for label in COMMANDS:
        ratio = cpu[label] / cpu[BASELINE]
        command = label.split()[1] if label.startswith("aneel-rules ") else ""
        if label == HOLIDAYS:
            flag = "  (the floor of deadline)"
        elif command in EXTRA:
            flag = "  (extra: not aimed)"
        else:
            flag = "" if ratio <= AIM else "  <- above the aim"
        print(
            f"  {_short(label):<76} {cpu[label] * 1000:6.1f} ms {ratio:5.2f}x"
            f" {wall[label] * 1000:6.1f} ms {wall[label] / wall[BASELINE]:5.2f}x{flag}"
        )


def _short(label: str, width: int = 76) -> str:
    return label if len(label) <= width else label[: width - 1] + "…"


if __name__ == "__main__":
    main()
