"""Numbers of days given as numpy integers are the ints they hold (``_convert``).

Art. 656, § 2º: the day of notice is excluded and the last day included; art. 91, I: 5
business days. Notice on Wednesday 4 Mar 2026: day 15 is Thursday 19 Mar; the fifth
business day is Wednesday 11 Mar.
"""

from __future__ import annotations

from datetime import date

import pytest

from aneel_rules.calendars import BusinessCalendar
from aneel_rules.connection import count_business_days, count_calendar_days

np = pytest.importorskip("numpy")

NOTICE = date(2026, 3, 4)


def test_calendar_days_numpy() -> None:
    assert count_calendar_days(NOTICE, np.int64(15)) == date(2026, 3, 19)


def test_business_days_numpy() -> None:
    assert count_business_days(NOTICE, np.int32(5)) == date(2026, 3, 11)
    assert BusinessCalendar().add_business_days(NOTICE, np.int64(5)) == date(2026, 3, 11)
