"""Invoice rules (fatura): private modules behind :mod:`aneel_rules.invoice`."""

__all__ = ()
