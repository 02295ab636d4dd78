"""The values a rule quotes back: a period of inactivity, a voting threshold (rules/values.py)."""
from __future__ import annotations

import pytest

from govlint.rules.values import DURATION


@pytest.mark.parametrize("text, period", [
    ("inactive for six months", "six months"),
    ("misses three consecutive meetings", "three consecutive meetings"),
    ("not re-elected in two elections", "two elections"),
    ("no contribution in a year", "a year"),
    ("inactive for a release cycle", "a release cycle"),
    ("absent for 3+ meetings", "3+ meetings"),
])
def test_a_period_or_a_count_of_events_is_a_duration(text, period):
    assert DURATION.search(text).group() == period


@pytest.mark.parametrize("text", [
    "an Alternate serves for any committee member who is absent from a meeting of the committee",
    "a member who cannot attend an election may vote by proxy",
])
def test_one_meeting_or_election_measures_no_inactivity(text):
    assert DURATION.search(text) is None
