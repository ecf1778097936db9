"""Invoice rules behind :mod:`aneel_rules.invoice`."""

__all__: tuple[str, ...] = ()
