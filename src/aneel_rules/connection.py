"""Connection rules (regras de conexão): MT metering, supply voltage, deadlines and debts.

What a distributor's portal checks when a consumer asks to be connected: whether
the substation must be metered on the primary (medium-voltage) side, which group
and voltage the load calls for, which deadline the distributor must meet (counted
as REN 1.000/2021, art. 656 says, on a :class:`~aneel_rules.calendars.BusinessCalendar`),
and which debts may be required before a service is performed. For dates under REN
414/2010 the library answers the ligação and budget deadlines it could read
(:class:`Ren414Deadline`) and refuses the rest, naming the article that is missing.

Sources:
    - REN 1.000/2021, texto compilado (amendments to Dec 2025):
      ``shared/sources/ren1000_compilado.txt`` — arts. 6, 23, 49, 51, 56, 64, 71, 78,
      83–85, 88, 90, 91, 94, 138, 222, 223, 250, 305, 346, 362, 408, 409, 656.
    - REN 414/2010 (dates 2010-09-15 to 2022-01-02), arts. 31, 32 and 212 as quoted by ANEEL's
      booklet and a compiled-text mirror (``_connection.ren414``; ``docs/sources.md``). Its
      arts. 12, 30, 34, 128 and 176 were not found verbatim: those dates are refused with an
      error naming the missing text.
    - Amazonas Energia, "Orçamento de Conexão através da Agência Virtual" (portal
      manual), item 4.5: ``shared/seeds/000_35149e0589264321.txt``.

The rules live in private modules (``_connection.metering``, ``_connection.supply``,
``_connection.deadlines``, ``_connection.budget``, ``_connection.debts``); import them
from here.

Examples:
    >>> decision = primary_metering_required([Transformer(500, "220/127")])
    >>> decision.required, [r.name for r in decision.reasons]
    (True, ['SINGLE_TRANSFORMER_ABOVE_300_KVA'])
    >>> [str(b) for b in decision.basis]
    ['Amazonas Energia, Manual Orçamento de Conexão através da Agência Virtual, item 4.5 (regra da distribuidora)']
"""  # noqa: E501

from __future__ import annotations

from aneel_rules._connection.budget import (
    NO_BUDGET_BASIS,
    BudgetNotIssuedError,
    BudgetRequirement,
    GenerationKind,
    budget_requirement,
    connection_budget_deadline,
    connection_budget_deadline_decision,
    explain_connection_budget_deadline,
    explain_inspection_deadline,
    inspection_deadline,
    inspection_deadline_decision,
)
from aneel_rules._connection.common import DOMAIN
from aneel_rules._connection.deadlines import (
    COUNTING_BASIS,
    EXTENSION_BASIS,
    INSPECTION_START_BASIS,
    RECONNECTION_START_BASIS,
    UNDUE_SUSPENSION_START_BASIS,
    CountingStart,
    Deadline,
    DeadlineDecision,
    DeadlineRule,
    DeadlineUnit,
    ReconnectionStart,
    count_business_days,
    count_calendar_days,
    deadline_due,
    reconnection_due,
)
from aneel_rules._connection.debts import (
    DebtDecision,
    DebtRule,
    Service,
    may_require_debt_payment,
)
from aneel_rules._connection.metering import (
    LOSS_COMPENSATION_SECONDARY_METERING,
    PORTAL_MANUAL,
    MeteringDecision,
    MeteringReason,
    SecondaryVoltage,
    Transformer,
    primary_metering_required,
)
from aneel_rules._connection.ren414 import (
    REN414_COUNTING_BASIS,
    REN414_EXTENSION_BASIS,
    Ren414Deadline,
)
from aneel_rules._connection.supply import (
    GROUP_A_BY_STUDY_COUNTS_GENERATION,
    MINIGENERATION_IN_GROUP_A,
    REN_1059_DATE,
    PowerPlantVoltageDecision,
    SupplyOption,
    SupplyVoltageDecision,
    VoltageLevel,
    power_plant_voltage,
    supply_voltage,
)

__all__ = (
    # Primary (MT) metering — Amazonas Energia portal rule
    "MeteringDecision",
    "MeteringReason",
    "SecondaryVoltage",
    "Transformer",
    "primary_metering_required",
    # Connection voltage (art. 23)
    "SupplyOption",
    "SupplyVoltageDecision",
    "VoltageLevel",
    "supply_voltage",
    "PowerPlantVoltageDecision",
    "power_plant_voltage",
    "GROUP_A_BY_STUDY_COUNTS_GENERATION",
    "MINIGENERATION_IN_GROUP_A",
    # Deadlines (art. 656 counting)
    "COUNTING_BASIS",
    "CountingStart",
    "Deadline",
    "DeadlineDecision",
    "DeadlineRule",
    "DeadlineUnit",
    "count_business_days",
    "count_calendar_days",
    "deadline_due",
    "reconnection_due",
    "ReconnectionStart",
    # REN 414/2010 deadlines (arts. 31, 32; art. 212 counting), 2010-09-15 to 2022-01-02
    "Ren414Deadline",
    "REN414_COUNTING_BASIS",
    "REN414_EXTENSION_BASIS",
    # Connection budget (art. 64) and vistoria (art. 91)
    "BudgetNotIssuedError",
    "BudgetRequirement",
    "GenerationKind",
    "budget_requirement",
    "connection_budget_deadline",
    "connection_budget_deadline_decision",
    "explain_connection_budget_deadline",
    "explain_inspection_deadline",
    "inspection_deadline",
    "inspection_deadline_decision",
    # Debts (art. 346)
    "DebtDecision",
    "DebtRule",
    "Service",
    "may_require_debt_payment",
    # Citations and constants
    "DOMAIN",
    "EXTENSION_BASIS",
    "INSPECTION_START_BASIS",
    "LOSS_COMPENSATION_SECONDARY_METERING",
    "NO_BUDGET_BASIS",
    "PORTAL_MANUAL",
    "RECONNECTION_START_BASIS",
    "REN_1059_DATE",
    "UNDUE_SUSPENSION_START_BASIS",
)
