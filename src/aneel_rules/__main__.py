"""``python -m aneel_rules``: the ``aneel-rules`` command."""

from aneel_rules.cli import main

raise SystemExit(main())
