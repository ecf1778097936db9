"""Regenerate ``src/aneel_rules/data/ipca_monthly.csv`` from a downloaded monthly IPCA series.

Usage: ``.venv/bin/python tools/update_ipca.py SERIES.json [--since 2016-01] [--verified YYYY-MM-DD]
[--source TEXT]``. ``SERIES.json`` is the Banco Central SGS series 433 export
(``[{"data": "01/01/2024", "valor": "0.42"}, ...]``) or the same data keyed ``YYYY-MM-DD``
(``[{"data": "2024-01-01", "valor": 0.42}, ...]``). No network: download the file yourself, check
a few months against IBGE's release, then run this and commit the CSV with a "Regulatory data"
line in CHANGELOG.md.
"""

from __future__ import annotations

import argparse
import json
from decimal import Decimal
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "src" / "aneel_rules" / "data" / "ipca_monthly.csv"


def _month(text: str) -> str:
    if "/" in text:
        _day, month, year = text.split("/")
        return f"{year}-{month}"
    return text[:7]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("series", type=Path)
    parser.add_argument("--since", default="2016-01")
    parser.add_argument("--verified", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args(argv)
    rows = json.loads(args.series.read_text(encoding="utf-8"), parse_float=Decimal)
    values = {_month(str(r["data"])): Decimal(str(r["valor"])) for r in rows}
    lines = [
        "# IPCA (IBGE), variação mensal (%), Brasil: the monthly variations IBGE publishes.",
        f"# source: {args.source}",
        f"# last_verified_on: {args.verified}",
        "month,variation_percent",
    ]
    lines += [f"{m},{v:.2f}" for m, v in sorted(values.items()) if m >= args.since]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 4} months to {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
