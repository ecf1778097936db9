"""``aneel-rules audit readings FILE`` and ``audit profile FILE``: the rules over big files.

The file (CSV or Parquet) is read in chunks (``--chunk-rows``), so memory stays flat however
many rows it has; each chunk goes through :mod:`aneel_rules.frames`, the rows are written to
``--output`` (CSV, Parquet or JSON, by its extension) and the command ends with a summary of
the findings by code, each with the articles behind it, in Portuguese (default) or English
(``--lang en``). A progress bar is drawn on stderr when it is a terminal (extra ``progress``,
tqdm); ``--quiet`` turns it off. See ``docs/audit.md``.

Exit status: 0 every row conforms (finding ``ok``); 1 at least one row has another finding;
2 bad arguments, an unreadable file, a missing column or a missing extra (one line on stderr).

pandas is imported only when the command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
import enum
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from aneel_rules._extras import require
from aneel_rules.cli import COMMANDS
from aneel_rules.cli.common import (
    ArgTypeError,
    ArgumentParser,
    Console,
    LangReader,
    add_command,
    add_lang_option,
    print_error,
)
from aneel_rules.cli.numbers import parse_number

if TYPE_CHECKING:
    import pandas as pd

__all__ = ("DOMAIN", "FINDINGS", "MAX_CHUNK_ROWS", "READINGS_SCHEMA", "TEXTS", "register")

DOMAIN: Final = "audit"
"""Message-catalog domain of the audit command."""

READINGS_SCHEMA: Final[Mapping[str, bool]] = MappingProxyType(
    {
        "unit": False,
        "previous": True,
        "current": True,
        "kwh": True,
        "group": False,
        "kind": False,
        "supply": False,
        "low_income": False,
    }
)
"""Role → required, of the columns ``audit readings`` reads (``docs/audit.md``)."""

FINDINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "ok": "interval within the limits",
        "short_interval": "interval shorter than the minimum: measured energy billed, "
        "without the availability charge (group B)",
        "long_interval": "interval longer than the maximum: energy prorated",
        "not_a_date": "a reading date missing or not a date",
        "not_after_previous": "current reading not after the previous one",
        "kind_not_for_group": "reading kind that does not exist for the group",
        "not_an_enum": "unknown group, kind or supply",
        "negative": "negative energy",
        "unverified_ren414": "REN 414/2010 case the library does not model",
        "group_a_exception_outside": "group A exceptional reading outside 15 to 47 days "
        "(the norm is silent)",
        "no_regime": "reading date before REN 414/2010 came into force: no regime to apply",
        "not_a_number": "energy missing or not a number",
        "out_of_range": "energy beyond the range the library reads",
    }
)
"""Meaning of each finding code in the summary (English msgids; codes not listed print alone)."""

_CONFORMING: Final = "ok"
_DEFAULT_CHUNK: Final = 200_000
# A chunk is held in memory several times over (text cells, typed columns, the answer):
# about 1.5 kB a row at its peak (benchmarks/bench_audit_memory.py), so 2 M rows is ~3 GB.
MAX_CHUNK_ROWS: Final = 2_000_000
_ROLE_HELP: Final = "map a column: ROLE=NAME (repeatable), e.g. --column previous=data_anterior"
_SUMMARY_READINGS: Final = "Readings audited: {rows} rows of {file}"
_BY_CODE: Final = "Findings by code:"
_NO_BASIS: Final = "(no article: the row could not be checked)"
_MISSING_PROVISION: Final = "text not verified, so not applied: {provision} [{reason}]: {what}"
_WRITTEN: Final = "Rows written to {file}"
_BAD_ROLE: Final = "unknown column role {value} (use {roles})"
_BAD_MAPPING: Final = "invalid column mapping {value} (use ROLE=NAME)"
_BAD_CHUNK: Final = "invalid chunk size {value} (a whole number of rows from 1 to {largest})"
_BAD_MODALITY: Final = "unknown modality {value} (use verde, azul or branca)"
_BAD_BOOL: Final = "{file}: column {column} has a value that is not true/false on data row {row}"
TEXTS: Final = (
    *FINDINGS.values(),
    _SUMMARY_READINGS,
    _BY_CODE,
    _NO_BASIS,
    _MISSING_PROVISION,
    _WRITTEN,
    _BAD_ROLE,
    _BAD_MAPPING,
    _BAD_CHUNK,
    _BAD_BOOL,
    _BAD_MODALITY,
)
"""Every text of this module (English msgids of the ``audit`` catalog)."""


def _mapping(schema: Mapping[str, bool]) -> Callable[[str], tuple[str, str]]:
    """The ``--column ROLE=NAME`` converter for the roles of ``schema``."""

    def convert(text: str) -> tuple[str, str]:
        role, sep, name = (part.strip() for part in text.partition("="))
        if not sep or not role or not name:
            raise ArgTypeError(_BAD_MAPPING, domain=DOMAIN, value=repr(text))
        if role not in schema:
            raise ArgTypeError(_BAD_ROLE, domain=DOMAIN, value=repr(role), roles=", ".join(schema))
        return role, name

    return convert


@LangReader
def _chunk_rows(text: str, lang: str) -> int:
    """``--chunk-rows``: a whole number of rows from 1 to :data:`MAX_CHUNK_ROWS`.

    Read by the command's number reader (``1.000`` is one thousand in Portuguese, ``1,000``
    in English; a malformed number gets that reader's one-line error); a decimal part, even
    of zeros (``1.000`` in English, ``1,0`` in Portuguese), is refused. Checked when the
    arguments are parsed, before any file is opened.
    """
    from aneel_rules._format import format_decimal  # noqa: PLC0415 (babel only when typed)

    value = parse_number(text, lang)
    # a count has no decimal part, even ",000" ("1.000" in English is not one thousand)
    whole = int(value.as_tuple().exponent) == 0
    if not whole or not 1 <= value <= MAX_CHUNK_ROWS:
        raise ArgTypeError(
            _BAD_CHUNK,
            domain=DOMAIN,
            value=repr(text),
            largest=format_decimal(MAX_CHUNK_ROWS, lang),
        )
    return int(value)


def _add_common(parser: ArgumentParser, schema: Mapping[str, bool]) -> None:
    parser.add_argument("file", metavar="FILE", help="CSV or Parquet file to audit")
    parser.add_argument(
        "--column",
        dest="columns",
        action="append",
        type=_mapping(schema),
        default=[],
        metavar="ROLE=NAME",
        help=_ROLE_HELP,
    )
    parser.add_argument(
        "--output",
        default=None,
        metavar="OUT",
        help="write every row to OUT (.csv, .parquet, .json)",
    )
    parser.add_argument(
        "--chunk-rows",
        type=_chunk_rows,
        default=_DEFAULT_CHUNK,
        metavar="N",
        help="rows read at a time, from 1 to 2,000,000 (default 200,000)",
    )
    parser.add_argument("--sep", default=",", help="CSV field separator (default ,)")
    parser.add_argument(
        "--decimal", default=".", choices=(".", ","), help="CSV decimal separator (default .)"
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def register(subparsers: argparse._SubParsersAction[ArgumentParser]) -> None:
    """Add ``audit readings`` and ``audit profile``."""
    audit = subparsers.add_parser(
        "audit", help=COMMANDS["audit"].summary, description=COMMANDS["audit"].summary
    )
    add_lang_option(audit, default=argparse.SUPPRESS)  # also "audit --lang en readings ..."
    commands = audit.add_subparsers(
        dest="audit_command", metavar="KIND", parser_class=ArgumentParser
    )
    commands.required = True
    readings = add_command(
        commands,
        "readings",
        help_text="reading intervals, billable consumption and availability charge of each row",
        handler=_run_readings,
    )
    _add_common(readings, READINGS_SCHEMA)
    from aneel_rules.cli import _audit_profile as profile_module  # noqa: PLC0415 (no pandas)

    profile = add_command(
        commands,
        "profile",
        help_text="load profile per unit, billing month and tariff post (15-minute intervals)",
        handler=profile_module.run_profile,
    )
    _add_common(profile, profile_module.PROFILE_SCHEMA)
    profile.add_argument(
        "--distributor",
        default="amazonas-energia",
        help="distributor whose tariff posts apply (default: amazonas-energia)",
    )
    profile.add_argument(
        "--modality",
        type=_modality,
        default="verde",
        help="verde (default), azul or branca",
    )
    profile.add_argument(
        "--unit",
        dest="value_unit",
        choices=("kWh", "kW"),
        default="kWh",
        help="unit of the kwh column: energy of the interval (kWh, default) or average power (kW)",
    )
    profile.add_argument(
        "--label",
        choices=("start", "end"),
        default="start",
        help="whether a stamp is the start (default) or the end of its interval",
    )
    profile.add_argument(
        "--capacitive-window",
        type=profile_module.time_arg,
        default=None,
        metavar="HH:MM",
        help="start of the distributor's 6-hour capacitive window (needed with kvarh)",
    )
    profile.add_argument(
        "--plot",
        default=None,
        metavar="OUT.png",
        help="PNG file for the monthly kWh by post (needs the extra plot)",
    )


_MODALITIES: Final = {
    "verde": "GREEN",
    "green": "GREEN",
    "azul": "BLUE",
    "blue": "BLUE",
    "branca": "WHITE",
    "white": "WHITE",
}


def _modality(text: str) -> object:
    from aneel_rules.tariffs import TariffModality  # noqa: PLC0415

    name = _MODALITIES.get(text.strip().lower())
    if name is None:
        raise ArgTypeError(_BAD_MODALITY, domain=DOMAIN, value=repr(text))
    return TariffModality[name]


_FEATURE: Final = "aneel-rules audit"


def require_extras(args: argparse.Namespace) -> None:
    """Refuse a run whose optional extras are missing, before any file is read or written.

    Nothing is imported (:func:`aneel_rules._extras.require`): numpy and pandas always
    (extra ``frames``), pyarrow when the input or ``--output`` is Parquet, matplotlib with
    ``--plot`` (extra ``plot``). The progress bar's tqdm is not required: without it there
    is no bar. A file of unknown format is refused afterwards, when the file is opened.

    Raises:
        MissingExtraError: the first module missing, naming its extra.
    """
    from aneel_rules.cli._audit_stream import FORMATS  # noqa: PLC0415 (no pandas)

    require("frames", feature=_FEATURE, modules=("numpy", "pandas"))
    files = (args.file, getattr(args, "output", None))
    if any(FORMATS.get(Path(f).suffix.lower()) == "parquet" for f in files if f is not None):
        require("frames", feature=_FEATURE, modules=("pyarrow",))
    if getattr(args, "plot", None) is not None:
        require("plot", feature="aneel_rules.plot")


def roles_of(pairs: list[tuple[str, str]], schema: Mapping[str, bool]) -> dict[str, str]:
    """Role → column name: the role's own name unless mapped with ``--column``."""
    return {role: role for role in schema} | dict(pairs)


def _run_readings(args: argparse.Namespace, console: Console) -> int:
    require_extras(args)  # before any work: a missing extra prints only its error
    from aneel_rules import frames  # noqa: PLC0415
    from aneel_rules.cli import _audit_stream as stream  # noqa: PLC0415 (pandas when run)

    roles = roles_of(args.columns, READINGS_SCHEMA)
    required = [roles[r] for r, needed in READINGS_SCHEMA.items() if needed]
    optional = [roles[r] for r, needed in READINGS_SCHEMA.items() if not needed]
    tally: Counter[tuple[str, str, str]] = Counter()
    rows = 0
    try:
        source = stream.open_source(
            args.file, required, optional, roles=roles, chunk_rows=args.chunk_rows, sep=args.sep
        )
        present = {r: c for r, c in roles.items() if c in source.columns}
        with (
            stream.open_sink(args.output) as sink,
            stream.progress(source.total, source.unit, quiet=args.quiet) as update,
        ):
            for chunk in source:
                frame = _readings_input(chunk, present, args.file, rows, args.decimal)
                result = frames.readings(frame)
                _tally(tally, result)
                if sink is not None:
                    sink.write(_readings_output(chunk, present, result, rows))
                rows += len(chunk)
                update(source.position)
    except stream.AuditFileError as exc:
        print_error(console.t(exc.template, domain=DOMAIN, **exc.params), console.lang)
        return 2
    console.line(
        console.t(_SUMMARY_READINGS, domain=DOMAIN, rows=_count(rows, console), file=args.file)
    )
    _print_summary(tally, console)
    if args.output is not None:
        console.line(console.t(_WRITTEN, domain=DOMAIN, file=args.output))
    return 0 if {code for code, _, _ in tally} <= {_CONFORMING} else 1


def _tally(tally: Counter[tuple[str, str, str]], result: pd.DataFrame) -> None:
    """Add the rows of a chunk's answer by (finding, basis, reason), counted by pandas."""
    keys = ["finding", "basis", "reason"]
    counts = result.groupby(keys, observed=True, sort=False).size().reset_index()
    for finding, basis, reason, count in counts.itertuples(index=False):
        tally[str(finding), str(basis), str(reason)] += int(count)


def _count(value: int, console: Console) -> str:
    from aneel_rules._format import format_decimal  # noqa: PLC0415

    return format_decimal(value, console.lang)


def _print_summary(tally: Counter[tuple[str, str, str]], console: Console) -> None:
    """Findings by code (most frequent first), each with its distinct bases.

    A row the library could not answer shows why under its code: the provision of a
    regulatory gap (its basis) or, for a case it does not model, the reason code and the
    provision that could not be verified (``frames.READING_REASONS``).
    """
    by_code: Counter[str] = Counter()
    details: dict[str, Counter[tuple[str, str]]] = {}
    for (code, basis, reason), count in tally.items():
        by_code[code] += count
        details.setdefault(code, Counter())[basis, reason] += count
    console.line(console.t(_BY_CODE, domain=DOMAIN))
    for code, count in sorted(by_code.items(), key=lambda item: (-item[1], item[0])):
        meaning = FINDINGS.get(code)
        shown = _count(count, console)
        if meaning is None:
            console.line(f"  {code}: {shown}")
        else:
            console.line(f"  {code}: {shown} — {console.t(meaning, domain=DOMAIN)}")
        for (basis, reason), _ in sorted(details[code].items(), key=lambda i: (-i[1], i[0])):
            shown_basis = basis or console.t(_NO_BASIS, domain=DOMAIN)
            if reason:
                console.line(f"      {_reason_line(shown_basis, reason, console)}")
            else:
                console.line(f"      {shown_basis}")


def _reason_line(provision: str, reason: str, console: Console) -> str:
    """The REN 414/2010 provision the row needs, its reason code and the case, translated."""
    from aneel_rules.frames._common import BILLING_DOMAIN, READING_REASONS  # noqa: PLC0415

    text = READING_REASONS.get(reason)
    what = reason if text is None else console.t(text, domain=BILLING_DOMAIN)
    return console.t(
        _MISSING_PROVISION, domain=DOMAIN, provision=provision, reason=reason, what=what
    )


def _readings_input(
    chunk: pd.DataFrame, present: Mapping[str, str], file: str, offset: int, decimal: str
) -> pd.DataFrame:
    """The chunk with our column names and types, as :func:`aneel_rules.frames.readings` reads."""
    import pandas as pd  # noqa: PLC0415 (lazy extra)

    from aneel_rules.billing_cycle import ReadingKind, SupplyType  # noqa: PLC0415
    from aneel_rules.cli._audit_stream import AuditFileError  # noqa: PLC0415
    from aneel_rules.frames import _coerce  # noqa: PLC0415
    from aneel_rules.tariffs import Group  # noqa: PLC0415

    data: dict[str, pd.Series] = {
        "previous": _coerce.dates(chunk[present["previous"]]),
        "current": _coerce.dates(chunk[present["current"]]),
        "measured_kwh": _coerce.numbers(chunk[present["kwh"]], decimal),
    }
    enums: tuple[tuple[str, type[enum.Enum], enum.Enum | None], ...] = (
        ("group", Group, Group.B),
        ("kind", ReadingKind, ReadingKind.REGULAR),
        ("supply", SupplyType, None),
    )
    for role, cls, default in enums:
        if role in present:
            data[role] = _coerce.members(chunk[present[role]], cls, default)
    if "low_income" in present:
        column = chunk[present["low_income"]]
        bad = _coerce.first_bad_flag(column)
        if bad is not None:
            # the row is named, the value is not printed (a social benefit is personal data)
            raise AuditFileError(
                _BAD_BOOL, file=file, column=repr(present["low_income"]), row=str(offset + bad + 1)
            )
        data["low_income"] = _coerce.flags(column)
    return pd.DataFrame(data, index=chunk.index)


def _readings_output(
    chunk: pd.DataFrame, present: Mapping[str, str], result: pd.DataFrame, offset: int
) -> pd.DataFrame:
    """The rows written: row number (1 = first data row), the input columns, the answers."""
    import pandas as pd  # noqa: PLC0415 (lazy extra)

    columns: dict[str, object] = {"row": range(offset + 1, offset + len(chunk) + 1)}
    for role, name in present.items():
        columns[role] = chunk[name].array  # as read: no copy to numpy objects and back
    out = pd.DataFrame(columns, index=chunk.index)
    return pd.concat([out, result], axis=1).reset_index(drop=True)
