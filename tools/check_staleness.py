"""List every Timeline whose ``last_verified_on`` is older than a number of days (default 180).

A script, not a test: tests do not read the clock. Run ``.venv/bin/python tools/check_staleness.py
[--days N] [--today YYYY-MM-DD]``; it exits 1 when any timeline is due for re-verification against
the sources (new amendments of REN 1.000/2021, despachos, tariff reviews).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
from datetime import date, timedelta

import aneel_rules
from aneel_rules.timeline import Timeline


def timelines() -> list[tuple[str, Timeline[object]]]:
    """Every module-level Timeline of the package, by qualified name."""
    found: dict[int, tuple[str, Timeline[object]]] = {}
    for info in pkgutil.walk_packages(aneel_rules.__path__, prefix="aneel_rules."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ModuleNotFoundError:
            # the private modules of aneel_rules.frames need an optional extra (numpy…)
            if info.name.startswith("aneel_rules.frames._"):
                continue
            raise
        for name, value in vars(module).items():
            if isinstance(value, Timeline) and id(value) not in found:
                found[id(value)] = (f"{module.__name__}.{name}", value)
    return sorted(found.values(), key=lambda item: item[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=180)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today())  # noqa: DTZ011
    args = parser.parse_args(argv)
    limit = args.today - timedelta(days=args.days)
    stale = 0
    for qualname, timeline in timelines():
        flag = "STALE" if timeline.last_verified_on < limit else "ok"
        stale += flag == "STALE"
        print(f"{flag:5} {timeline.last_verified_on.isoformat()}  {qualname} ({timeline.label_pt})")
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
