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

from typing import TYPE_CHECKING

from aneel_rules._extras import MissingExtraError, needs
from aneel_rules._tariffs.modalities import TariffModality
from aneel_rules._tariffs.posts import PostSchedule
from aneel_rules.frames._common import POST_BY_CODE

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = (
    # errors
    "MissingExtraError",
    # tariff posts
    "POST_BY_CODE",
    "post_codes",
)


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
            10000 on (the path ``stamps.<i>`` names the first); the modalities of
            :func:`~aneel_rules.tariffs.tariff_post`.
        NotInForceError: a stamp before REN 414/2010 (15 Sep 2010), or horária branca before
            it was offered (1 Jan 2018); the message names the first such index.

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
