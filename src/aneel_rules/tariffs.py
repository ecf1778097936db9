"""Tariff rules (regras tarifárias): groups, modalities, tariff posts, calendars, irrigation.

Answers "which modalities may this consumer unit have on this date?", "is this
instant ponta?", "which days of the year have no ponta?" under the norm in force
on the date asked (REN 414/2010 until 2 Jan 2022, REN 1.000/2021 from 3 Jan 2022),
each with the provision that produced it. See ``docs/rules/tariffs.md``.

The rules live in private modules (``_tariffs.units``, ``_tariffs.modalities``,
``_tariffs.calendar``, ``_tariffs.posts``, ``_tariffs.irrigation``); import every public
name from here.

Sources:
    - REN 1.000/2021, texto compilado (amendments to REN 1.147/2025):
      https://www2.aneel.gov.br/cedoc/bren20211000.pdf
    - REN 414/2010 as quoted by the project's 2013 study note (``shared/seeds/004_…``).
    - Tarifa branca phase-in of REN 733/2016: ANEEL decision as reported in the press
      (http://bempositivo.com.br/?p=13274 ; acritica.net, Jan 2018).

Examples:
    >>> from datetime import date, datetime
    >>> unit = ConsumerUnit(connection_voltage_kv="13.8", consumer_class=ConsumerClass.INDUSTRIAL)
    >>> unit.subgroup
    <Subgroup.A4: 'A4'>
    >>> sorted(m.value for m in modality_options(unit, on=date(2026, 1, 10)).allowed)
    ['horária azul', 'horária verde']
    >>> tariff_post(datetime(2026, 3, 9, 20, 30), AMAZONAS_ENERGIA, modality=TariffModality.WHITE)
    <TariffPost.PEAK: 'ponta'>
"""

from __future__ import annotations

from typing import Final

from aneel_rules._tariffs import common as _tariffs_common
from aneel_rules._tariffs.calendar import (
    PEAK_EXEMPT_HOLIDAYS,
    NationalHoliday,
    PeakExemptDay,
    SeasonalPeriod,
    is_peak_exempt,
    peak_exempt_days,
    seasonal_period,
)
from aneel_rules._tariffs.group_b_option import (
    GROUP_B_OPTION_COOPERATIVE_MAX_KVA,
    GROUP_B_OPTION_MAX_KVA,
    GroupBOptionCheck,
    GroupBOptionCriterion,
    group_b_option_check,
)
from aneel_rules._tariffs.irrigation import (
    IRRIGATION_DISCOUNTS,
    IRRIGATION_WINDOW,
    IrrigationRegion,
    IrrigationWindowRule,
    irrigation_discount,
    irrigation_region,
    irrigation_window_rule,
)
from aneel_rules._tariffs.modalities import (
    REN414_BINOMIAL_DEMAND_THRESHOLD_KW,
    WHITE_TARIFF_AVAILABILITY,
    WHITE_TARIFF_EXCLUDED_SUBCLASSES,
    ModalityOptions,
    TariffModality,
    WhiteTariffAvailability,
    modality_options,
)
from aneel_rules._tariffs.posts import (
    AMAZONAS_ENERGIA,
    POST_SCHEDULES,
    PostSchedule,
    TariffPost,
    explain_tariff_post,
    post_schedule,
    tariff_post,
    tariff_posts,
)
from aneel_rules._tariffs.units import (
    ConsumerClass,
    ConsumerUnit,
    Group,
    SceeParticipation,
    Subgroup,
    group_a_subgroup,
)

__all__ = (
    # groups, classes and the consumer unit
    "ConsumerClass",
    "ConsumerUnit",
    "Group",
    "SceeParticipation",
    "Subgroup",
    "group_a_subgroup",
    # group-B billing option of group-A units (art. 292)
    "GROUP_B_OPTION_COOPERATIVE_MAX_KVA",
    "GROUP_B_OPTION_MAX_KVA",
    "GroupBOptionCheck",
    "GroupBOptionCriterion",
    "group_b_option_check",
    # modalities and enquadramento
    "REN414_BINOMIAL_DEMAND_THRESHOLD_KW",
    "WHITE_TARIFF_AVAILABILITY",
    "WHITE_TARIFF_EXCLUDED_SUBCLASSES",
    "ModalityOptions",
    "TariffModality",
    "WhiteTariffAvailability",
    "modality_options",
    # peak-exempt calendar
    "PEAK_EXEMPT_HOLIDAYS",
    "NationalHoliday",
    "PeakExemptDay",
    "is_peak_exempt",
    "peak_exempt_days",
    # tariff posts
    "AMAZONAS_ENERGIA",
    "POST_SCHEDULES",
    "PostSchedule",
    "TariffPost",
    "explain_tariff_post",
    "post_schedule",
    "tariff_post",
    "tariff_posts",
    # seasonal periods (REN 414 only)
    "SeasonalPeriod",
    "seasonal_period",
    # irrigation and aquaculture
    "IRRIGATION_DISCOUNTS",
    "IRRIGATION_WINDOW",
    "IrrigationRegion",
    "IrrigationWindowRule",
    "irrigation_discount",
    "irrigation_region",
    "irrigation_window_rule",
)

DOMAIN: Final = _tariffs_common.DOMAIN
"""Message-catalog domain of the tariffs modules (used by the CLI)."""
