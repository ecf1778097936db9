"""Connection rules behind :mod:`aneel_rules.connection`."""

__all__: tuple[str, ...] = ()
