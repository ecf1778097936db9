"""Connection-voltage bands (faixas de tensão de conexão), REN 1.000/2021, arts. 23, 64, 88, 91.

Apart from :mod:`aneel_rules._connection.supply` (the group by load, art. 23), so that the
deadlines by band (arts. 64, 88 and 91: ``aneel-rules deadline``) do not import the supply
rules and the consumer-unit model they use.

Private: import the public names from :mod:`aneel_rules.connection`.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Final

from aneel_rules._connection.common import positive

__all__ = ("VoltageLevel",)

_LOW_VOLTAGE_LIMIT_KV: Final = Decimal("2.3")
_HIGH_VOLTAGE_FROM_KV: Final = Decimal(69)


class VoltageLevel(enum.Enum):
    """Connection-voltage band (faixa de tensão de conexão) used by arts. 23, 64, 88 and 91."""

    BELOW_2_3_KV = "tensão menor que 2,3 kV"
    FROM_2_3_TO_69_KV = "tensão maior ou igual a 2,3 kV e menor que 69 kV"
    FROM_69_KV = "tensão maior ou igual a 69 kV"

    @classmethod
    def of(cls, voltage_kv: Decimal | int | str) -> VoltageLevel:
        """The band of a nominal voltage in kV (a ``float`` is read through its ``repr``).

        Examples:
            >>> VoltageLevel.of("2.3").name, VoltageLevel.of(0.38).name, VoltageLevel.of(69).name
            ('FROM_2_3_TO_69_KV', 'BELOW_2_3_KV', 'FROM_69_KV')
        """
        kv = positive(voltage_kv, "voltage_kv")
        if kv < _LOW_VOLTAGE_LIMIT_KV:
            return cls.BELOW_2_3_KV
        if kv < _HIGH_VOLTAGE_FROM_KV:
            return cls.FROM_2_3_TO_69_KV
        return cls.FROM_69_KV
