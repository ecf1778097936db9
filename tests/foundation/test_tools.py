from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))
import check_staleness


def test_staleness_script_flags_old_verifications(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_staleness.timelines(), "the package has Timeline constants"
    newest = max(t.last_verified_on for _, t in check_staleness.timelines())
    oldest = min(t.last_verified_on for _, t in check_staleness.timelines())
    assert check_staleness.main(["--today", newest.isoformat()]) == 0
    later = oldest.replace(year=oldest.year + 1).isoformat()
    assert check_staleness.main(["--today", later, "--days", "180"]) == 1
    assert "STALE" in capsys.readouterr().out
