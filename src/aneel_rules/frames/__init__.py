"""Rules over columns (regras em colunas): the columnar face of the library (numpy, pandas).

An optional extra: ``pip install aneel-rules[frames]`` (numpy, pandas, pyarrow). Each function
gives, row by row, the answer of the scalar function it names (``tariff_post``,
``check_reading_interval``…), computed once per distinct fact (a day, a month) and vectorised
over the rows.

Importing this module never imports numpy or pandas: each function imports its private
implementation module (``aneel_rules.frames._posts``…, which import numpy at the top) when it
is called, and a missing extra raises :class:`MissingExtraError` naming it. Only the private
modules of this package may import an extra at module level; every other module, public
ones included, imports extras inside functions (``with needs("frames"): import …``).

Sources:
    - As the scalar functions: REN 1.000/2021, art. 2º, XXXVIII (tariff posts).

Examples:
    >>> import numpy as np
    >>> from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality
    >>> stamps = np.array(["2026-03-09T19:45", "2026-03-09T20:00", "2026-03-08T20:00"],
    ...                   dtype="datetime64[m]")
    >>> codes = post_codes(stamps, AMAZONAS_ENERGIA, modality=TariffModality.WHITE)
    >>> codes.tolist(), [POST_BY_CODE[c].value for c in codes]
    ([1, 2, 0], ['intermediário', 'ponta', 'fora de ponta'])
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from aneel_rules._extras import MissingExtraError, needs
from aneel_rules._invoice.reactive import CapacitiveWindow
from aneel_rules._tariffs.modalities import TariffModality
from aneel_rules._tariffs.posts import PostSchedule
from aneel_rules.frames._common import POST_BY_CODE, READING_REASONS

if TYPE_CHECKING:
    from collections.abc import Mapping

    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = (
    # errors
    "MissingExtraError",
    # tariff posts
    "POST_BY_CODE",
    "post_codes",
    # load profiles (group A measurements)
    "PROFILE_COLUMNS",
    "load_profile",
    # readings (billing cycle)
    "READING_COLUMNS",
    "READING_REASONS",
    "readings",
    # documents
    "DOCUMENT_COLUMNS",
    "document_codes",
)

DOCUMENT_COLUMNS: Final = ("kind", "valid", "code")
"""Columns of the frame :func:`document_codes` returns, in order."""

PROFILE_COLUMNS: Final = (
    "unit",
    "month",
    "post",
    "intervals",
    "kwh",
    "demand_kw",
    "reactive_excess_kwh",
    "reactive_demand_kw",
)
"""Columns of the frame :func:`load_profile` returns, in order."""

READING_COLUMNS: Final = (
    "days",
    "minimum_days",
    "maximum_days",
    "interval_ok",
    "billable_kwh",
    "prorated",
    "availability_applies",
    "availability_kwh",
    "finding",
    "basis",
    "availability_basis",
    "reason",
)
"""Columns of the frame :func:`readings` returns, in order."""


def post_codes(
    stamps: object, schedule: PostSchedule, *, modality: TariffModality
) -> npt.NDArray[np.uint8]:
    """Tariff post code of each timestamp of a column (posto tarifário), as ``uint8``.

    ``POST_BY_CODE[code]`` is the :class:`~aneel_rules.tariffs.TariffPost`; every code is
    the answer :func:`~aneel_rules.tariffs.tariff_post` gives for that stamp. The calendar is
    looked up once per day present and the post of each minute of a day once per call.

    Args:
        stamps: numpy ``datetime64`` array, pandas ``DatetimeIndex`` or ``Series`` (naive
            or tz-aware), pyarrow timestamp ``Array``/``ChunkedArray`` or polars ``Datetime``
            series. Naive stamps are the schedule's wall time; aware ones are converted to
            the schedule's time zone (zoneinfo). Seconds are ignored, as by ``tariff_post``.
        schedule: The distributor's posts.
        modality: Horária branca, verde or azul.

    Returns:
        One code per stamp (0 fora de ponta, 1 intermediário, 2 ponta).

    Raises:
        MissingExtraError: numpy (the ``frames`` extra) is not installed.
        InvalidInputError: not a timestamp column; a missing stamp (NaT, null) or one from year
            10000 on (the path ``stamps.<n>`` names the first: the label of a pandas
            ``RangeIndex``, else the position; the message says which, ``docs/frames.md``);
            the modalities of :func:`~aneel_rules.tariffs.tariff_post`.
        NotInForceError: a stamp before REN 414/2010 (15 Sep 2010), or horária branca before
            it was offered (1 Jan 2018); the message names the first such row.

    Legal basis:
        - REN 1.000/2021, art. 2º, XXXVIII, "a" to "c"; arts. 212–214 (as ``tariff_post``).

    Examples:
        >>> import pandas as pd
        >>> from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality
        >>> utc = pd.date_range("2026-03-10 00:00", periods=4, freq="h", tz="UTC")
        >>> post_codes(utc, AMAZONAS_ENERGIA, modality=TariffModality.BLUE).tolist()
        [2, 2, 2, 0]
    """
    with needs("frames", feature="post_codes"):
        from aneel_rules.frames._posts import post_codes_at  # noqa: PLC0415 (lazy extra)
    return post_codes_at(stamps, schedule, modality, "stamps")


def readings(frame: object, *, columns: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Reading interval, billable consumption and availability charge of each row (leituras).

    Row by row the answers of :func:`~aneel_rules.billing_cycle.check_reading_interval`,
    :func:`~aneel_rules.billing_cycle.billable_consumption` and
    :func:`~aneel_rules.billing_cycle.availability_charge` (group B rows, when a ``supply``
    column is given), under the regime in force on the current reading. The scalar rules are
    called once per distinct combination of the facts they read, so a register of a million
    readings costs a few thousand scalar calls and numpy work per row.

    Args:
        frame: A pandas DataFrame (or a mapping of column name → column). Columns:
            ``previous`` and ``current`` (dates of the readings: ``datetime.date`` objects or
            datetime64 at midnight, naive or tz-aware (the local date), numpy or Arrow),
            ``measured_kwh`` (energy registered, numbers: numpy, nullable or Arrow; a missing
            one is that row's refusal), and optionally ``group`` (``"A"``/``"B"``, default B),
            ``kind`` (:class:`~aneel_rules.billing_cycle.ReadingKind` or its value, default
            regular), ``supply`` (:class:`~aneel_rules.billing_cycle.SupplyType` or its value)
            and ``low_income`` (bools: numpy, nullable ``boolean`` or Arrow; a missing one is
            that row's refusal, as the scalar rule refuses ``None``). Categorical columns are
            read by their values; an empty frame of any column types gives an empty answer.
        columns: Our column name → the frame's, for frames that name them otherwise
            (``{"previous": "data_leitura_anterior"}``).

    Returns:
        A DataFrame with the frame's index and the columns of :data:`READING_COLUMNS`:
        ``days``, ``minimum_days``, ``maximum_days``, ``interval_ok`` (the interval check);
        ``billable_kwh``, ``prorated``, ``availability_applies`` (billable consumption);
        ``availability_kwh``; ``finding``: ``"ok"``, ``"short_interval"`` (art. 285, I /
        286, I), ``"long_interval"`` (art. 285, II / 286, II) or the code of the error a
        scalar rule raised for the row (``"not_after_previous"``, ``"unverified_ren414"``,
        ``"negative"``, ``"not_a_date"``…; the values it could not give are missing);
        ``basis`` and ``availability_basis``: the provisions applied, ``"; "``-separated
        (for a regulatory gap, the provision that leaves it); ``reason``: for a case the
        library does not model (finding ``"unverified_ren414"``), which REN 414/2010
        provision is missing (a code of :data:`READING_REASONS`: ``"route_change"``,
        ``"billable"``…), else ``""``.

    Raises:
        MissingExtraError: the ``frames`` extra is not installed.
        InvalidInputError: not a frame; a required column missing, of the wrong type or of
            another length; an unknown role in ``columns``.

    Legal basis:
        - REN 1.000/2021, arts. 260, 261, 282, I, 285, 286, 290, 291; REN 414/2010, arts. 84,
          88, § 1º (REN 479/2012) and 98.

    Examples:
        >>> from datetime import date
        >>> import pandas as pd
        >>> frame = pd.DataFrame({
        ...     "previous": [date(2026, 1, 5), date(2026, 1, 5), date(2021, 11, 20)],
        ...     "current": [date(2026, 2, 10), date(2026, 2, 4), date(2021, 12, 20)],
        ...     "measured_kwh": [360, 80, 100],
        ...     "supply": ["monofásico", "trifásico", "monofásico"],
        ... })
        >>> out = readings(frame)
        >>> out[["days", "billable_kwh", "availability_kwh", "finding"]]
           days  billable_kwh  availability_kwh        finding
        0    36         330.0                30  long_interval
        1    30          80.0               100             ok
        2    30         100.0                30             ok
        >>> out.loc[0, "basis"]
        'REN 1.000/2021, art. 285, II; REN 1.000/2021, art. 260'
    """
    with needs("frames", feature="readings"):
        from aneel_rules.frames._readings import readings as impl  # noqa: PLC0415 (lazy extra)
    return impl(frame, columns=columns)


def load_profile(
    frame: pd.DataFrame,
    schedule: PostSchedule,
    *,
    modality: TariffModality,
    unit: str = "kWh",
    label: str = "start",
    capacitive_window: CapacitiveWindow | None = None,
    columns: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Measured quantities per consumer unit × billing month × post (memória de massa).

    The columnar face of :func:`aneel_rules.invoice.measurements_from_profile`, applied to
    each unit's intervals of each calendar month: energy, measured demand (largest 15-minute
    average, art. 2º, XIII), and with reactive values the reactive excess energy and the
    largest hourly demand corrected to the power factor 0.92 (art. 304), hour by hour.

    Args:
        frame: One row per 15-minute interval. Columns ``unit`` (consumer unit id),
            ``stamp`` (start of the interval, or its end with ``label="end"``; naive = the
            schedule's wall time, aware ones converted), ``value`` (active energy in kWh, or
            average power in kW with ``unit="kW"``) and optionally ``reactive`` (signed: +
            inductive, − capacitive; kvarh or kvar). Rows of a unit must be in time order;
            units may be interleaved.
        schedule: The distributor's tariff posts.
        modality: Tariff modality (azul, verde, branca; convencional gives one row per month
            with no post).
        unit: ``"kWh"`` or ``"kW"``, the unit of ``value`` and ``reactive``.
        label: Whether a stamp is the ``"start"`` or the ``"end"`` of its interval.
        capacitive_window: The distributor's 6-hour capacitive window (required with
            ``reactive``, art. 304, § 1º, I).
        columns: Our column name → the frame's (``{"stamp": "data_hora"}``).

    Returns:
        A DataFrame with the columns of :data:`PROFILE_COLUMNS`, one row per unit × month
        (first day, ``datetime64``) × post present: ``intervals``, ``kwh``, ``demand_kw``
        (largest 15-minute demand in the post; verde bills the largest of its posts), and
        ``reactive_excess_kwh`` / ``reactive_demand_kw`` of the hours whose first interval is
        in the post (NaN without reactive values; the month's excess is the sum over posts,
        verde's corrected demand the largest).

    Raises:
        MissingExtraError: the ``frames`` extra is not installed.
        InvalidInputError: a missing column or one of the wrong type; a stamp missing, off the
            15-minute grid or not after the previous one of its unit; a negative or missing
            active value; a value, or a quantity of the answer, of magnitude 1E+15 or more
            (``out_of_range``, as the scalar face); reactive values without
            ``capacitive_window``; posts that do not start on a quarter hour (the path
            ``<column>.<n>`` names the first bad row: its ``RangeIndex`` label, else its
            position; the message says which). An empty frame of any column types gives an
            empty answer.
        NotInForceError: as :func:`post_codes`; reactive values in a unit-month ending
            before REN 414/2010.
        UnsupportedCaseError: as :func:`~aneel_rules.invoice.measurements_from_profile` on
            each unit-month: reactive values in a unit-month whose last interval starts before
            2022-01-03 (REN 414/2010) with some 15-minute power factor below 0.92, code
            ``unverified_ren414``, ``basis`` REN 414/2010, art. 96, § 1º (its capacitive window
            was not found); the message names the first such row (its ``RangeIndex`` label,
            else its position, and says which). Without such an interval the excess is 0 under
            every reading.

    Legal basis:
        - REN 1.000/2021, art. 2º, XI, XIII and XXI; arts. 212–214; arts. 302–304; art. 261,
          caput and art. 282, I (group A billed by calendar month).
        - REN 414/2010, art. 96, § 1º (not found: see ``Raises``).

    Examples:
        >>> from datetime import time
        >>> import pandas as pd
        >>> from aneel_rules.invoice import CapacitiveWindow
        >>> from aneel_rules.tariffs import AMAZONAS_ENERGIA, TariffModality
        >>> stamps = pd.date_range("2026-03-09 19:00", periods=8, freq="15min")
        >>> frame = pd.DataFrame({"unit": "UC-1", "stamp": stamps,
        ...                       "value": [10, 10, 10, 10, 30, 20, 20, 20],
        ...                       "reactive": [7.5, 7.5, 7.5, 7.5, 0, 0, 0, 0]})
        >>> # 19–20 h: P = 40 kWh, Q = 30 kvarh, f = 0.8 < 0.92: excess 0.92 × 50 − 40 = 6 kWh
        >>> out = load_profile(frame, AMAZONAS_ENERGIA, modality=TariffModality.BLUE,
        ...                    capacitive_window=CapacitiveWindow(time(0, 0)))
        >>> out[["post", "kwh", "demand_kw", "reactive_excess_kwh", "reactive_demand_kw"]]
                    post   kwh  demand_kw  reactive_excess_kwh  reactive_demand_kw
        0  fora de ponta  40.0       40.0                  6.0                46.0
        1          ponta  90.0      120.0                  0.0                90.0
    """
    with needs("frames", feature="load_profile"):
        from aneel_rules.frames._profile import load_profile as impl  # noqa: PLC0415 (lazy)
    return impl(
        frame,
        schedule,
        modality=modality,
        unit=unit,
        label=label,
        capacitive_window=capacitive_window,
        columns=dict(columns or {}),
    )


def document_codes(documents: object) -> pd.DataFrame:
    """Kind and validity of each CPF/CNPJ of a column, with the error code per row.

    Row by row the answer of :func:`aneel_rules.documents.kind.check`: the number's length
    without punctuation says whether it must be a CPF (11) or a CNPJ (14), and the
    :mod:`~aneel_rules.documents.cpf` or :mod:`~aneel_rules.documents.cnpj` validator decides.
    The numbers themselves are not copied to the result (LGPD).

    Args:
        documents: A pandas ``Series`` or ``Index``, a one-dimensional numpy array, a
            pyarrow ``Array``/``ChunkedArray``, a polars ``Series`` or a list of texts (a
            null is a missing value, ``not_a_string`` as ``None``).

    Returns:
        A DataFrame (the Series' index) with the columns of :data:`DOCUMENT_COLUMNS`:
        ``kind`` (``"CPF"``, ``"CNPJ"``, missing when the length says neither), ``valid``
        and ``code`` (the validator's error code, missing when valid).

    Raises:
        MissingExtraError: the ``frames`` extra is not installed.
        InvalidInputError: ``documents`` is not a column.

    Examples:
        >>> out = document_codes(["529.982.247-25", "12.ABC.345/01DE-35", "529.982.247-26",
        ...                       "123", None])
        >>> out
           kind  valid              code
        0   CPF   True               NaN
        1  CNPJ   True               NaN
        2   CPF  False  invalid_checksum
        3   NaN  False    invalid_length
        4   NaN  False      not_a_string
    """
    with needs("frames", feature="document_codes"):
        from aneel_rules.frames._documents import document_codes as impl  # noqa: PLC0415
    return impl(documents)
