"""REN 414/2010 connection deadlines (arts. 31, 32 and 212) and the REN 414 texts still missing.

REN 414/2010 governed connections from its publication (15 Sep 2010) to 2 Jan 2022; REN
1.000/2021 (art. 677, VI) revoked it from 3 Jan 2022. Only the articles quoted verbatim by a
source the project could read are encoded here; every other REN 414 date is refused with an
error naming the article and wording that is missing (the ``GAP_*`` messages below).

Sources (``docs/sources.md``, "REN 414/2010 coverage", lists the queries tried):
    - Arts. 31 and 32: ANEEL's booklet "Condições Gerais de Fornecimento de Energia Elétrica"
      (the normative text with ANEEL's amendment notes, 2012 edition), chunk "Dos prazos de
      ligação" at https://1library.org/article/dos-prazos-liga%C3%A7%C3%A3o-condi%C3%A7%C3%B5es-
      gerais-fornecimento-energia-el%C3%A9trica.y969mk4j — VERIFIED-QUOTE (one page reproducing
      ANEEL's own text). Art. 31 carries no amendment note and is absent from REN 418/2010's list
      of changed provisions; art. 32 shows "(Redação dada pela Resolução Normativa ANEEL nº 479,
      de 03.04.2012)" on its incisos II–IV only. ANEEL's page "Como resolver – Demora para ligar
      a unidade consumidora" (published 14/03/2016, modified 13/01/2017) gives the same 2, 5 and
      7 business days, and ANEEL's answer on the REN 1.000 FAQ (faq.ren1000.norven.com.br, tag
      "vistoria") confirms that art. 31 counted the ligação from the approval of the vistoria.
    - Art. 212 (counting): compiled-text mirror, 1library document ``qo5w4erj`` (SINGLE-QUOTE).
      One page suffices here: its §§ 2º and 3º are word for word the counting rule of REN
      1.000/2021, art. 656, §§ 2º and 3º, which the library already applies (same reading of
      "dia de início", :class:`~aneel_rules._connection.deadlines.CountingStart`).

Reading: a wording stays in force until an amending act changes it. No act changing arts. 31
or 32's caput was found (REN 418/2010's list does not name them; REN 479/2012 changed art. 32's
incisos only; the July 2015 act from AP 50/2014 — by context REN 670/2015 — is cut after its
art. 3 in the only copy read), so each deadline has one wording for the whole REN 414 period.
"""

from __future__ import annotations

import enum
from typing import Final

from aneel_rules._connection.deadline_types import Deadline, DeadlineRule, DeadlineUnit
from aneel_rules.legal import (
    LAST_VERIFIED,
    REN414_IN_FORCE_FROM,
    REN1000_IN_FORCE_FROM,
    Basis,
    LegalRef,
    ren414,
    ren1000,
)
from aneel_rules.timeline import Period, Timeline

__all__ = (
    "GAP_BUDGET",
    "GAP_DEBTS",
    "GAP_OTHER",
    "GAP_PLANT_VOLTAGE",
    "GAP_RECONNECTION",
    "GAP_SUPPLY_VOLTAGE",
    "GAP_VISTORIA",
    "GAP_WORKS",
    "REN414_COUNTING_BASIS",
    "REN414_EXTENSION_BASIS",
    "Ren414Deadline",
    "ren414_gap",
)

REN414_COUNTING_BASIS: Final = ren414(212, paragraph=2)
"""Art. 212, § 2º: "excluindo o dia da cientificação e incluindo o do vencimento"."""
REN414_EXTENSION_BASIS: Final = ren414(212, paragraph=3)
"""Art. 212, § 3º: a start or end of a deadline in days on a weekend or holiday moves on."""
CONNECTION_START_BASIS: Final = ren414(31, paragraph="único")
"""Art. 31, parágrafo único: counted from the approval of the installations."""

# The missing REN 414/2010 texts, named in the refusals (catalog messages, domain connection).
GAP_SUPPLY_VOLTAGE: Final = (
    "REN 414/2010, art. 12 (supply voltage by installed load and demand, and the § 3º inserted "
    "in July 2015) was not found verbatim in any source read"
)
GAP_PLANT_VOLTAGE: Final = (
    "no REN 414/2010 text on the connection voltage of a power plant was found verbatim in "
    "any source read"
)
GAP_DEBTS: Final = (
    "REN 414/2010, art. 128 (services conditioned on debts: caput, incisos I and II and "
    "parágrafo único) was not found verbatim in any source read"
)
GAP_VISTORIA: Final = (
    "REN 414/2010, art. 30 (deadline of the vistoria; ANEEL's paraphrase gives 3 business days "
    "urban and 5 rural) was not found verbatim in any source read"
)
GAP_WORKS: Final = (
    "REN 414/2010, art. 34 (deadlines of the works, in the original wording and in the July "
    "2015 wording) was not found verbatim in any source read"
)
GAP_BUDGET: Final = (
    "REN 1.000/2021's budget steps have no REN 414/2010 counterpart found verbatim; "
    "REN 414/2010, art. 32 (30 days for studies and budget) is Ren414Deadline.STUDIES_AND_BUDGET"
)
GAP_RECONNECTION: Final = (
    "REN 414/2010, art. 176 (religação: its incisos and when the hours start) was found only "
    "in a news item's paraphrase, not verbatim"
)
GAP_OTHER: Final = (
    "no REN 414/2010 counterpart of this deadline was found verbatim in any source read"
)

_BD: Final = DeadlineUnit.BUSINESS_DAYS
_D: Final = DeadlineUnit.CALENDAR_DAYS
_REVOKED: Final = ren1000(677, item="VI")
_ONE_WORDING: Final = (
    "One wording for the whole REN 414/2010 period: no amending act touching it was found "
    "(text: ANEEL booklet, 2012 edition, 1library y969mk4j)."
)


class Ren414Deadline(enum.Enum):
    """A deadline of REN 414/2010 quoted verbatim (in force 2010-09-15 to 2022-01-02).

    ``.timeline`` gives the rule by date: asked for a day of REN 1.000/2021 it raises
    ``NotInForceError`` (repealed by REN 1.000/2021, art. 677, VI); use
    :class:`~aneel_rules._connection.deadlines.Deadline` then.

    - ``CONNECTION_GROUP_B_URBAN`` / ``_RURAL`` / ``CONNECTION_GROUP_A``: art. 31, I, II and
      III — "A ligação de unidade consumidora deve ser efetuada de acordo com os prazos máximos
      a seguir fixados: I - 2 (dois) dias úteis para unidade consumidora do grupo B, localizada
      em área urbana; II - 5 (cinco) dias úteis para unidade consumidora do grupo B,
      localizada em área rural; e III - 7 (sete) dias úteis para unidade consumidora do grupo
      A." Counted "a partir da data da aprovação das instalações e do cumprimento das demais
      condições regulamentares pertinentes" (parágrafo único): pass that day as the notice.
    - ``STUDIES_AND_BUDGET``: art. 32, caput — "A distribuidora tem o prazo de 30 (trinta)
      dias, contado da data da solicitação de fornecimento, de aumento de carga ou de
      alteração da tensão de fornecimento, para elaborar os estudos, orçamentos, projetos e
      informar ao interessado, por escrito, quando" one of its incisos I–IV applies (no network;
      network needing reform or expansion; underground service line; equipment that may
      disturb other consumers — II to IV in the wording of REN 479/2012). Whether one applies
      is the caller's fact; the 30 days are the same under either wording of the incisos.
      Calendar days (art. 212, caput: "de forma contínua").
    """

    CONNECTION_GROUP_B_URBAN = "ligação de unidade consumidora do grupo B, área urbana"
    CONNECTION_GROUP_B_RURAL = "ligação de unidade consumidora do grupo B, área rural"
    CONNECTION_GROUP_A = "ligação de unidade consumidora do grupo A"
    STUDIES_AND_BUDGET = "estudos, orçamentos e projetos para viabilizar o fornecimento"

    @property
    def timeline(self) -> Timeline[DeadlineRule]:
        """The rule by date (one REN 414 wording, then repealed on 2022-01-03)."""
        return _TIMELINES[self]

    @property
    def counting_basis(self) -> tuple[Basis, ...]:
        """Provisions governing the count, after the deadline's own."""
        if self is Ren414Deadline.STUDIES_AND_BUDGET:
            return (REN414_COUNTING_BASIS, REN414_EXTENSION_BASIS)
        return (CONNECTION_START_BASIS, REN414_COUNTING_BASIS)


def _timeline(deadline: Ren414Deadline, rule: DeadlineRule) -> Timeline[DeadlineRule]:
    return Timeline(
        name=f"ren414_{deadline.name.lower()}",
        unit=rule.unit.value,
        label_pt=deadline.value,
        periods=(
            Period(since=REN414_IN_FORCE_FROM, value=rule, basis=rule.basis, note=_ONE_WORDING),
            Period(since=REN1000_IN_FORCE_FROM, value=None, basis=_REVOKED),
        ),
        last_verified_on=LAST_VERIFIED,
    )


_RULES: Final = {
    Ren414Deadline.CONNECTION_GROUP_B_URBAN: DeadlineRule(
        amount=2, unit=_BD, basis=ren414(31, item="I")
    ),
    Ren414Deadline.CONNECTION_GROUP_B_RURAL: DeadlineRule(
        amount=5, unit=_BD, basis=ren414(31, item="II")
    ),
    Ren414Deadline.CONNECTION_GROUP_A: DeadlineRule(
        amount=7, unit=_BD, basis=ren414(31, item="III")
    ),
    Ren414Deadline.STUDIES_AND_BUDGET: DeadlineRule(amount=30, unit=_D, basis=ren414(32)),
}
_TIMELINES: Final = {deadline: _timeline(deadline, rule) for deadline, rule in _RULES.items()}

_GAP_GROUPS: Final[tuple[tuple[str, LegalRef | None, frozenset[Deadline]], ...]] = (
    (
        GAP_VISTORIA,
        ren414(30),
        frozenset(
            {
                Deadline.INSPECTION_BELOW_2_3_KV,
                Deadline.INSPECTION_2_3_TO_69_KV,
                Deadline.INSPECTION_FROM_69_KV,
                Deadline.INSPECTION_REPORT,
            }
        ),
    ),
    (
        GAP_WORKS,
        ren414(34),
        frozenset(
            {
                Deadline.WORKS_OVERHEAD_BELOW_2_3_KV,
                Deadline.WORKS_OVERHEAD_UP_TO_1_KM,
                Deadline.WORKS_OTHER_BELOW_69_KV,
            }
        ),
    ),
    (
        GAP_BUDGET,
        ren414(32),
        frozenset(
            {
                Deadline.ESTIMATED_BUDGET,
                Deadline.BUDGET_REQUEST_CHECK,
                Deadline.CONNECTION_BUDGET_NO_WORKS,
                Deadline.CONNECTION_BUDGET_WITH_WORKS,
                Deadline.CONNECTION_BUDGET_OTHER,
                Deadline.STUDIES_DELIVERY,
                Deadline.FREE_BUDGET_APPROVAL,
                Deadline.CONTRACTS_DELIVERY,
                Deadline.CONTRACTS_RETURN,
            }
        ),
    ),
    (
        GAP_RECONNECTION,
        ren414(176),
        frozenset(d for d in Deadline if d.name.startswith("RECONNECTION_")),
    ),
)


def ren414_gap(deadline: Deadline) -> tuple[str, LegalRef | None]:
    """The missing REN 414/2010 text for a REN 1.000/2021 deadline (message, article)."""
    for message, article, members in _GAP_GROUPS:
        if deadline in members:
            return message, article
    return GAP_OTHER, None
