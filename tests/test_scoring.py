"""Scores a maintainer can recompute by hand, ratings, and readiness per level."""
from __future__ import annotations

from govlint.report import RuleResult
from govlint.scoring import rating, score, verdicts

LEVELS = {"sandbox": "required", "incubating": "required", "graduated": "required"}


def result(name, status, weight=1.0, level=None):
    return RuleResult(code=name.upper(), name=name, title=name, status=status, weight=weight,
                      level=level or LEVELS, message="")


def test_weighted_pass_ratio_with_partial_half_and_not_applicable_out():
    results = [result("a", "pass", 3), result("b", "partial", 2), result("c", "fail", 1),
               result("d", "not-applicable", 5), result("e", "waived", 4)]
    assert score(results) == round(100 * (3 + 1) / 6, 1)


def test_ratings_at_75_50_25():
    assert [rating(v) for v in (75, 74.9, 50, 49.9, 25, 24.9, 0)] == ["A", "B", "B", "C", "C", "D", "D"]


def test_level_met_needs_required_rules_and_the_level_below():
    sandbox_only = {"sandbox": "required", "incubating": "recommended", "graduated": "recommended"}
    grad_only = {"sandbox": "recommended", "incubating": "recommended", "graduated": "required"}
    results = [result("coc", "pass", level=LEVELS), result("vonc", "fail", level=grad_only),
               result("docs", "partial", level=sandbox_only)]
    levels = {v.level: v for v in verdicts(results)}
    assert not levels["sandbox"].met and levels["sandbox"].missing == ("docs",)
    assert not levels["incubating"].met  # nothing missing at incubating, but sandbox is not met
    assert levels["graduated"].missing == ("vonc",)


def test_advisories_do_not_block_a_level():
    advisory = {"sandbox": "recommended", "incubating": "recommended", "graduated": "advisory"}
    levels = verdicts([result("coc", "pass"), result("vonc", "fail", level=advisory)])
    assert all(v.met for v in levels)
    assert levels[-1].advisories == ("vonc",)


def test_a_level_is_not_assessed_when_a_rule_it_requires_did_not_run():
    sandbox_only = {"sandbox": "required", "incubating": "required", "graduated": "required"}
    grad_only = {"sandbox": "recommended", "incubating": "recommended", "graduated": "required"}
    # Only one rule ran and it passes; the maintainer list (required everywhere) did not run.
    levels = verdicts([result("vonc", "pass", level=grad_only)], [("maintainers", sandbox_only)])
    assert [v.status for v in levels] == ["not assessed"] * 3
    assert not any(v.met for v in levels) and levels[0].not_run == ("maintainers",)
    # One that ran and fails decides, whatever did not run.
    levels = verdicts([result("vonc", "fail", level=grad_only)], [("maintainers", sandbox_only)])
    assert [v.status for v in levels] == ["not assessed", "not assessed", "not met"]
    # A rule only graduation requires leaves the lower levels assessed.
    levels = verdicts([result("coc", "pass")], [("vonc", grad_only)])
    assert [v.status for v in levels] == ["met", "met", "not assessed"]
