"""Portal flows behind :mod:`aneel_rules.portal`."""

__all__: tuple[str, ...] = ()
