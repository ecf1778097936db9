"""Tariff rules behind :mod:`aneel_rules.tariffs`."""

__all__: tuple[str, ...] = ()
