"""Chunked reading and writing for ``aneel-rules audit`` (CSV, Parquet, JSON), and progress.

Private to the CLI. pandas, pyarrow and tqdm are imported inside the functions, so importing
this module stays cheap; memory is bounded by the chunk size, not by the file.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Final

from aneel_rules._extras import needs

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

__all__ = (
    "FORMATS",
    "TEXTS",
    "AuditFileError",
    "Sink",
    "Source",
    "file_format",
    "open_sink",
    "open_source",
    "progress",
)

FORMATS: Final = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".json": "json"}
"""File extension → format read or written."""

_NOT_FOUND: Final = "{file} does not exist"
_IS_DIRECTORY: Final = "{file} is a directory, not a file"
_NO_PERMISSION: Final = "no permission to read {file}"
_CANNOT_READ: Final = "cannot read {file}: {error}"
_CANNOT_WRITE: Final = "cannot write {file}: {error}"
_UNKNOWN_FORMAT: Final = "{file}: unknown format (use a .csv, .parquet or .json file)"
_INPUT_FORMAT: Final = "{file}: unknown format (use a .csv or .parquet file)"
_NO_COLUMN: Final = "{file} has no column {column} (role {role}; map it with --column {role}=NAME)"
TEXTS: Final = (
    _NOT_FOUND,
    _IS_DIRECTORY,
    _NO_PERMISSION,
    _CANNOT_READ,
    _CANNOT_WRITE,
    _UNKNOWN_FORMAT,
    _INPUT_FORMAT,
    _NO_COLUMN,
)
"""Every text of this module (English msgids of the ``audit`` catalog)."""

_FEATURE: Final = "aneel-rules audit"


class AuditFileError(Exception):
    """A file the audit cannot read or write: a catalog template and its parameters."""

    def __init__(self, template: str, **params: str) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params


def file_format(path: str, *, reading: bool) -> str:
    """``"csv"``, ``"parquet"`` or ``"json"`` from the extension of ``path``.

    Raises:
        AuditFileError: an extension the audit does not read (or write).
    """
    found = FORMATS.get(Path(path).suffix.lower())
    if found is None or (reading and found == "json"):
        raise AuditFileError(_INPUT_FORMAT if reading else _UNKNOWN_FORMAT, file=path)
    return found


def _check_readable(path: str) -> None:
    target = Path(path)
    if not target.exists():
        raise AuditFileError(_NOT_FOUND, file=path)
    if target.is_dir():
        raise AuditFileError(_IS_DIRECTORY, file=path)


class Source:
    """The chunks of a CSV or Parquet file, with the columns asked, and the progress total.

    Attributes:
        total: Rows (Parquet) or bytes (CSV) to read, for the progress bar.
        unit: ``"rows"`` or ``"B"``.
    """

    def __init__(
        self,
        path: str,
        columns: Sequence[str],
        optional: Sequence[str],
        *,
        roles: dict[str, str],
        chunk_rows: int,
        sep: str,
        decimal: str,
    ) -> None:
        self.path = path
        _check_readable(path)
        self.kind = file_format(path, reading=True)
        self._chunk_rows = chunk_rows
        self._sep = sep
        self._decimal = decimal
        try:
            names = self._names()
        except PermissionError:
            raise AuditFileError(_NO_PERMISSION, file=path) from None
        for column in columns:
            if column not in names:
                role = next((r for r, c in roles.items() if c == column), column)
                raise AuditFileError(_NO_COLUMN, file=path, column=repr(column), role=role)
        self.columns = [*columns, *(c for c in optional if c in names)]
        self.total = self._total()
        self.unit = "rows" if self.kind == "parquet" else "B"
        self.position = 0

    def _parquet(self) -> pq.ParquetFile:
        with needs("frames", feature=_FEATURE):
            import pyarrow.parquet as pq  # noqa: PLC0415 (lazy extra)
        try:
            return pq.ParquetFile(self.path)
        except (OSError, ValueError) as exc:
            raise AuditFileError(_CANNOT_READ, file=self.path, error=type(exc).__name__) from exc

    def _names(self) -> list[str]:
        if self.kind == "parquet":
            return list(self._parquet().schema_arrow.names)
        with needs("frames", feature=_FEATURE):
            import pandas as pd  # noqa: PLC0415 (lazy extra)
        try:
            head = pd.read_csv(self.path, sep=self._sep, nrows=0, encoding="utf-8")
        except (UnicodeDecodeError, ValueError) as exc:
            raise AuditFileError(_CANNOT_READ, file=self.path, error=type(exc).__name__) from exc
        return [str(c) for c in head.columns]

    def _total(self) -> int:
        if self.kind == "parquet":
            return int(self._parquet().metadata.num_rows)
        return Path(self.path).stat().st_size

    def __iter__(self) -> Iterator[pd.DataFrame]:
        """Chunks of at most ``chunk_rows`` rows, every column as text (CSV) or typed (Parquet)."""
        if self.kind == "parquet":
            for batch in self._parquet().iter_batches(
                batch_size=self._chunk_rows, columns=self.columns
            ):
                frame = batch.to_pandas()
                self.position += len(frame)
                yield frame
            return
        with needs("frames", feature=_FEATURE):
            import pandas as pd  # noqa: PLC0415 (lazy extra)
        with Path(self.path).open("rb") as handle:
            reader = pd.read_csv(
                handle,
                sep=self._sep,
                usecols=self.columns,
                dtype=str,
                keep_default_na=False,
                chunksize=self._chunk_rows,
                encoding="utf-8",
            )
            try:
                for frame in reader:
                    # the parser reads ahead: the position is approximate (a progress bar)
                    self.position = handle.tell()
                    yield frame
            except (UnicodeDecodeError, ValueError) as exc:
                raise AuditFileError(
                    _CANNOT_READ, file=self.path, error=type(exc).__name__
                ) from exc


def open_source(
    path: str,
    columns: Sequence[str],
    optional: Sequence[str] = (),
    *,
    roles: dict[str, str],
    chunk_rows: int,
    sep: str = ",",
    decimal: str = ".",
) -> Source:
    """The chunks of ``path``; ``columns`` must be present, ``optional`` are read if present.

    Raises:
        AuditFileError: missing or unreadable file, unknown format, a required column missing.
        MissingExtraError: pandas or pyarrow is not installed (extra ``frames``).
    """
    return Source(
        path,
        columns,
        optional,
        roles=roles,
        chunk_rows=chunk_rows,
        sep=sep,
        decimal=decimal,
    )


class Sink:
    """Rows written chunk by chunk to a CSV, Parquet or JSON (array of objects) file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.kind = file_format(path, reading=False)
        self._handle: IO[str] | None = None
        self._writer: pq.ParquetWriter | None = None
        self._schema: pa.Schema | None = None
        self._rows = 0
        try:
            if self.kind != "parquet":
                self._handle = Path(path).open("w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise AuditFileError(_CANNOT_WRITE, file=path, error=type(exc).__name__) from exc
        if self.kind == "json":
            self._text("[")

    def _text(self, text: str) -> None:
        assert self._handle is not None  # noqa: S101 (opened for csv and json)
        self._handle.write(text)

    def write(self, frame: pd.DataFrame) -> None:
        """Append the rows of ``frame`` (same columns on every call)."""
        with needs("frames", feature=_FEATURE):
            import pyarrow as pa  # noqa: PLC0415 (lazy extra)
            import pyarrow.parquet as pq  # noqa: PLC0415
        frame = _stable_types(frame)
        if self.kind == "csv":
            self._text(frame.to_csv(index=False, header=self._rows == 0, lineterminator="\n"))
        elif self.kind == "json":
            records = frame.to_json(orient="records", force_ascii=False, date_format="iso")
            if len(frame):
                self._text(
                    ("," if self._rows else "") + "\n" + records[1:-1].replace("},{", "},\n{")
                )
        else:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._writer is None:
                self._schema = table.schema
                try:
                    self._writer = pq.ParquetWriter(self.path, table.schema)
                except OSError as exc:
                    raise AuditFileError(
                        _CANNOT_WRITE, file=self.path, error=type(exc).__name__
                    ) from exc
            self._writer.write_table(table.cast(self._schema))
        self._rows += len(frame)

    def close(self) -> None:
        """Finish the file (the JSON array's bracket, the Parquet footer)."""
        if self.kind == "json":
            self._text("\n]\n")
        if self._handle is not None:
            self._handle.close()
        if self._writer is not None:
            self._writer.close()


def _stable_types(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns as pandas strings, so that every chunk has the same Arrow schema."""
    with needs("frames", feature=_FEATURE):
        import pandas as pd  # noqa: PLC0415 (lazy extra)
    out = frame.copy()
    for name in out.columns:
        if out[name].dtype == object:
            out[name] = out[name].astype(pd.StringDtype())
    return out


@contextlib.contextmanager
def open_sink(path: str | None) -> Iterator[Sink | None]:
    """A :class:`Sink` for ``path`` (``None``: no output file), closed at the end."""
    if path is None:
        yield None
        return
    sink = Sink(path)
    try:
        yield sink
    finally:
        sink.close()


@contextlib.contextmanager
def progress(total: int, unit: str, *, quiet: bool) -> Iterator[Callable[[int], None]]:
    """``update(position)``: a tqdm bar on stderr when it is a terminal and not ``quiet``.

    Without the ``progress`` extra (tqdm) there is no bar; nothing else changes.
    """
    bar = None
    if not quiet and sys.stderr.isatty():
        with contextlib.suppress(ImportError):
            from tqdm import tqdm  # noqa: PLC0415 (optional extra)

            bar = tqdm(total=total, unit=unit, unit_scale=True, file=sys.stderr, leave=False)
    done = 0

    def update(position: int) -> None:
        nonlocal done
        if bar is not None:
            bar.update(max(position - done, 0))
        done = position

    try:
        yield update
    finally:
        if bar is not None:
            bar.close()


def dumps(value: object) -> str:
    """JSON text of a summary value (UTF-8, not ASCII-escaped)."""
    return json.dumps(value, ensure_ascii=False)
