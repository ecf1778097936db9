"""aneel_rules: Brazilian electricity-distribution rules (ANEEL) as dated, cited, pure functions.

Every rule takes the date it is asked for and answers under the norm in force
then — REN 414/2010 until 2 Jan 2022, REN 1.000/2021 (as amended) from 3 Jan
2022 — and names the provision that produced the answer.

The rule modules are imported on demand::

    from aneel_rules import tariffs, billing_cycle, connection, portal
    from aneel_rules.documents import cpf, cnpj, cep, phone

Examples:
    >>> from datetime import date
    >>> import aneel_rules
    >>> aneel_rules.norm_in_force(date(2026, 3, 9))
    <Norm.REN_1000_2021: 'REN 1.000/2021'>
    >>> str(aneel_rules.ren1000(260, paragraph=1))
    'REN 1.000/2021, art. 260, § 1º'
"""

from __future__ import annotations

from aneel_rules.errors import (
    AneelRulesError,
    FieldError,
    InvalidInputError,
    NotInForceError,
    RegulatoryGapError,
    UnsupportedCaseError,
)
from aneel_rules.legal import (
    NORMS,
    AmendmentKind,
    Basis,
    Determination,
    DistributorRule,
    LegalRef,
    Norm,
    NormInfo,
    norm_in_force,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__version__ = "0.1.0"

__all__ = (
    # legal citations and regimes
    "NORMS",
    "AmendmentKind",
    "Basis",
    "Determination",
    "DistributorRule",
    "LegalRef",
    "Norm",
    "NormInfo",
    "norm_in_force",
    "ren414",
    "ren1000",
    # effective-dated values
    "Period",
    "Timeline",
    # errors
    "AneelRulesError",
    "FieldError",
    "InvalidInputError",
    "NotInForceError",
    "RegulatoryGapError",
    "UnsupportedCaseError",
    # metadata
    "__version__",
)
