"""Cold start of the ``aneel-rules`` command, as ratios to ``python -c "import aneel_rules"``.

Run with ``.venv/bin/python benchmarks/bench_cli_start.py`` (or ``make bench``). Each command
runs in a fresh interpreter (what typing it in a shell costs), the way the installed script
does it (``from aneel_rules.cli import main``), with its output discarded; every row is the
best of ``REPEAT`` runs, taken in turns so that a busy machine slows every row alike. Bytecode
is cached as after an install (in a temporary ``PYTHONPYCACHEPREFIX``, written by a first
unmeasured run, even when ``PYTHONDONTWRITEBYTECODE`` is set). The aim (issue 7) is at most 2x
the bare library import. What stays above it pays for a dependency the rule needs: ``deadline``
builds a business-day calendar with python-holidays, whose ``holidays.countries`` package
imports every country's module (about 250) before Brazil's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time as clock
from collections.abc import Mapping
from typing import Final

REPEAT: Final = 15
AIM: Final = 2.0
BASELINE: Final = 'python -c "import aneel_rules"'
_SCRIPT: Final = "import sys\nfrom aneel_rules.cli import main\nsys.exit(main({argv!r}))\n"

COMMANDS: Final = {
    'python -c "pass"': "pass",
    BASELINE: "import aneel_rules",
    **{
        f"aneel-rules {' '.join(argv)}": _SCRIPT.format(argv=argv)
        for argv in (
            ["--help"],
            ["post", "2026-03-09T20:30", "--modality", "verde"],
            ["calendar", "2026"],
            ["validate", "cpf", "529.982.247-25"],
            ["reading", "2026-01-05", "2026-02-10", "--kwh", "1.200"],
            ["deadline", "budget", "--requested", "2026-03-04", "--voltage-kv", "13,8"],
            ["post", "--help"],
        )
    },
}


def _run_once(code: str, env: Mapping[str, str]) -> float:
    started = clock.perf_counter()
    subprocess.run(  # noqa: S603 (this interpreter, fixed code)
        [sys.executable, "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
        env=env,
    )
    return clock.perf_counter() - started


def main() -> None:
    best = dict.fromkeys(COMMANDS, float("inf"))
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        for code in COMMANDS.values():
            _run_once(code, env)  # writes the bytecode
        for _ in range(REPEAT):
            for label, code in COMMANDS.items():
                best[label] = min(best[label], _run_once(code, env))
    baseline = best[BASELINE]
    print(f"cold start, best of {REPEAT} runs; ratio to {BASELINE} (aim: at most {AIM:.0f}x)")
    for label, seconds in best.items():
        ratio = seconds / baseline
        flag = "" if ratio <= AIM else "  <- above the aim"
        print(f"  {label:<72} {seconds * 1000:7.1f} ms  {ratio:5.2f}x{flag}")


if __name__ == "__main__":
    main()
