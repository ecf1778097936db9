"""Billing rules behind :mod:`aneel_rules.billing_cycle`."""

__all__: tuple[str, ...] = ()
