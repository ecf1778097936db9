"""The REN 1.000/2021 deadline table and the value types shared with the REN 414/2010 module."""

from __future__ import annotations

import enum
from typing import Final

import attrs

from aneel_rules._citations import check_bases, to_bases
from aneel_rules.legal import Basis, ren1000

__all__ = ("Deadline", "DeadlineRule", "DeadlineUnit")


class DeadlineUnit(enum.Enum):
    """How a deadline is counted."""

    CALENDAR_DAYS = "dias"
    BUSINESS_DAYS = "dias úteis"
    HOURS = "horas"


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """A regulated deadline: how long, in which unit, and where the norm sets it."""

    amount: int
    unit: DeadlineUnit
    basis: tuple[Basis, ...] = attrs.field(converter=to_bases, validator=check_bases)


class Deadline(enum.Enum):
    """Regulated deadlines a connection portal shows (prazos, REN 1.000/2021).

    Each member's ``.rule`` gives the amount, unit and article; all were read in the
    compiled text (amendments to Dec 2025) and none was changed by an amendment.
    Suspensions of a running deadline (art. 64, § 2º; art. 83, § 13; art. 250, § 3º) and
    the split of the art. 90 deadline into 10 + 5 + 30 days (§ 1º) are not modelled: the
    caller passes the day the count (re)starts.
    """

    ESTIMATED_BUDGET = "orçamento estimado"
    BUDGET_REQUEST_CHECK = "verificação das informações do pedido de orçamento"
    CONNECTION_BUDGET_NO_WORKS = "orçamento de conexão sem obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_WITH_WORKS = "orçamento de conexão com obras, tensão menor que 69 kV"
    CONNECTION_BUDGET_OTHER = "orçamento de conexão, demais conexões"
    PROJECT_ANALYSIS = "análise ou reanálise de projeto"
    PROJECT_REANALYSIS_NO_REASONS = "reanálise de projeto sem motivos de reprovação informados"
    STUDIES_DELIVERY = "disponibilização dos estudos do orçamento"
    FREE_BUDGET_APPROVAL = "aprovação do orçamento gratuito ou sem participação financeira"
    CONTRACTS_DELIVERY = "entrega dos contratos após aprovação do orçamento"
    CONTRACTS_RETURN = "devolução dos contratos e pagamento pelo consumidor"
    WORKS_OVERHEAD_BELOW_2_3_KV = "obras em rede aérea de tensão menor que 2,3 kV"
    WORKS_OVERHEAD_UP_TO_1_KM = "obras em rede aérea de 2,3 kV a 69 kV de até um quilômetro"
    WORKS_OTHER_BELOW_69_KV = "demais obras em tensão menor que 69 kV"
    FAST_TRACK_CONNECTION = "conexão nos casos da Lei 14.195/2021"
    FREE_ENTRANCE_STANDARD = "padrão de entrada gratuito sem obra"
    INSPECTION_BELOW_2_3_KV = "vistoria e instalação da medição, tensão menor que 2,3 kV"
    INSPECTION_2_3_TO_69_KV = "vistoria e instalação da medição, tensão de 2,3 kV a 69 kV"
    INSPECTION_FROM_69_KV = "vistoria e instalação da medição, tensão maior ou igual a 69 kV"
    INSPECTION_REPORT = "relatório de vistoria reprovada"
    REGISTRATION_CHANGE = "alteração cadastral"
    REGISTRATION_CHANGE_WITH_VISIT = "alteração cadastral com visita técnica"
    CHANGE_OF_HOLDER_URBAN = "alteração de titularidade, área urbana"
    CHANGE_OF_HOLDER_RURAL = "alteração de titularidade, área rural"
    WHITE_TARIFF_ENROLMENT = "adesão à tarifa branca"
    WHITE_TARIFF_EXIT = "retorno à modalidade convencional"
    METER_INSPECTION = "inspeção do sistema de medição"
    RECONNECTION_UNDUE_SUSPENSION = "religação após suspensão indevida"
    RECONNECTION_URGENT_URBAN = "religação de urgência, área urbana"
    RECONNECTION_URGENT_RURAL = "religação de urgência, área rural"
    RECONNECTION_NORMAL_URBAN = "religação normal, área urbana"
    RECONNECTION_NORMAL_RURAL = "religação normal, área rural"
    COMPLAINT_NO_VISIT = "reclamação sem visita técnica"
    COMPLAINT_WITH_VISIT = "reclamação com visita técnica"
    OTHER_REQUEST = "demandas sem prazo específico"

    @property
    def rule(self) -> DeadlineRule:
        """Amount, unit and basis of this deadline."""
        return _DEADLINES[self]


_D = DeadlineUnit.CALENDAR_DAYS
_BD = DeadlineUnit.BUSINESS_DAYS
_H = DeadlineUnit.HOURS

_DEADLINES: Final[dict[Deadline, DeadlineRule]] = {
    Deadline.ESTIMATED_BUDGET: DeadlineRule(amount=30, unit=_D, basis=ren1000(56)),
    Deadline.BUDGET_REQUEST_CHECK: DeadlineRule(amount=5, unit=_BD, basis=ren1000(71)),
    Deadline.CONNECTION_BUDGET_NO_WORKS: DeadlineRule(
        amount=15, unit=_D, basis=ren1000(64, item="I")
    ),
    Deadline.CONNECTION_BUDGET_WITH_WORKS: DeadlineRule(
        amount=30, unit=_D, basis=ren1000(64, item="II")
    ),
    Deadline.CONNECTION_BUDGET_OTHER: DeadlineRule(
        amount=45, unit=_D, basis=ren1000(64, item="III")
    ),
    Deadline.PROJECT_ANALYSIS: DeadlineRule(amount=30, unit=_D, basis=ren1000(51, item="I")),
    Deadline.PROJECT_REANALYSIS_NO_REASONS: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(51, item="II")
    ),
    Deadline.STUDIES_DELIVERY: DeadlineRule(amount=10, unit=_BD, basis=ren1000(78)),
    Deadline.FREE_BUDGET_APPROVAL: DeadlineRule(amount=10, unit=_BD, basis=ren1000(83, item="I")),
    Deadline.CONTRACTS_DELIVERY: DeadlineRule(amount=5, unit=_BD, basis=ren1000(84)),
    Deadline.CONTRACTS_RETURN: DeadlineRule(amount=30, unit=_D, basis=ren1000(85)),
    Deadline.WORKS_OVERHEAD_BELOW_2_3_KV: DeadlineRule(
        amount=60, unit=_D, basis=ren1000(88, item="I")
    ),
    Deadline.WORKS_OVERHEAD_UP_TO_1_KM: DeadlineRule(
        amount=120, unit=_D, basis=ren1000(88, item="II")
    ),
    Deadline.WORKS_OTHER_BELOW_69_KV: DeadlineRule(
        amount=365, unit=_D, basis=ren1000(88, item="III")
    ),
    Deadline.FAST_TRACK_CONNECTION: DeadlineRule(amount=45, unit=_D, basis=ren1000(90)),
    Deadline.FREE_ENTRANCE_STANDARD: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(49, paragraph=4)
    ),
    Deadline.INSPECTION_BELOW_2_3_KV: DeadlineRule(amount=5, unit=_BD, basis=ren1000(91, item="I")),
    Deadline.INSPECTION_2_3_TO_69_KV: DeadlineRule(
        amount=10, unit=_BD, basis=ren1000(91, item="II")
    ),
    Deadline.INSPECTION_FROM_69_KV: DeadlineRule(
        amount=15, unit=_BD, basis=ren1000(91, item="III")
    ),
    Deadline.INSPECTION_REPORT: DeadlineRule(amount=3, unit=_BD, basis=ren1000(94)),
    Deadline.REGISTRATION_CHANGE: DeadlineRule(amount=5, unit=_BD, basis=ren1000(6)),
    Deadline.REGISTRATION_CHANGE_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(6)),
    Deadline.CHANGE_OF_HOLDER_URBAN: DeadlineRule(
        amount=3, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.CHANGE_OF_HOLDER_RURAL: DeadlineRule(
        amount=5, unit=_BD, basis=ren1000(138, paragraph=4)
    ),
    Deadline.WHITE_TARIFF_ENROLMENT: DeadlineRule(amount=30, unit=_D, basis=ren1000(222, item="I")),
    Deadline.WHITE_TARIFF_EXIT: DeadlineRule(amount=30, unit=_D, basis=ren1000(223)),
    Deadline.METER_INSPECTION: DeadlineRule(amount=30, unit=_D, basis=ren1000(250)),
    Deadline.RECONNECTION_UNDUE_SUSPENSION: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="I")
    ),
    Deadline.RECONNECTION_URGENT_URBAN: DeadlineRule(
        amount=4, unit=_H, basis=ren1000(362, item="II")
    ),
    Deadline.RECONNECTION_URGENT_RURAL: DeadlineRule(
        amount=8, unit=_H, basis=ren1000(362, item="III")
    ),
    Deadline.RECONNECTION_NORMAL_URBAN: DeadlineRule(
        amount=24, unit=_H, basis=ren1000(362, item="IV")
    ),
    Deadline.RECONNECTION_NORMAL_RURAL: DeadlineRule(
        amount=48, unit=_H, basis=ren1000(362, item="V")
    ),
    Deadline.COMPLAINT_NO_VISIT: DeadlineRule(amount=5, unit=_BD, basis=ren1000(408, item="I")),
    Deadline.COMPLAINT_WITH_VISIT: DeadlineRule(amount=10, unit=_BD, basis=ren1000(408, item="II")),
    Deadline.OTHER_REQUEST: DeadlineRule(amount=30, unit=_D, basis=ren1000(409)),
}
