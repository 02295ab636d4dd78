"""benchmarks/review_agreement.py: the published verdicts are well formed, and the comparison runs."""
from __future__ import annotations

import pytest

from conftest import benchmark
from govlint.review import review_rules
from govlint.review.activity import ACTIVITY_RULE
from govlint.review.model import AREAS
from govlint.rules.registry import load_rules

VERDICTS_WORDS = {"Complete", "Mostly Complete", "Partial", "Missing", "Unknown"}
STATUSES = {"Exemplary", "Satisfactory", "Mostly Satisfactory", "Needs Work"}


@pytest.fixture(scope="module")
def bench():
    return benchmark("review_agreement")


def test_the_published_verdicts_are_well_formed(bench):
    codes = {r.meta.code for r in [*load_rules(), *review_rules()]} | {ACTIVITY_RULE}
    verdicts = bench.load()
    assert len(verdicts) >= 10
    for name, spec in verdicts.items():
        assert spec["status"] in STATUSES, name
        assert spec["source"] in ("table", "narrative"), name
        for target in spec["targets"]:
            assert (bench.CASES / name / target).is_dir(), (name, target)
        assert (bench.CASES / name / "SOURCE.txt").is_file(), name
        for area, value in spec["areas"].items():
            verdict, basis = bench._published(value)
            assert area in AREAS and verdict in VERDICTS_WORDS, (name, area)
            assert spec["source"] == "table" or basis, (name, area)  # a narrative verdict quotes its sentence
        for finding in spec.get("findings") or ():
            assert set(finding.get("rules") or ()) <= codes, (name, finding["title"])
            assert finding.get("rules") or finding.get("why_not"), (name, finding["title"])


def test_the_comparison_runs_on_one_project(bench):
    result = bench.compare("karmada", bench.load()["karmada"])
    assert result["status"]["published"] == "Mostly Satisfactory"
    assert {a["area"] for a in result["areas"]} <= set(AREAS)
    assert all(isinstance(a["agree"], bool) for a in result["areas"])
    summary = bench.summarise([result])
    assert summary["areas"][1] == len(result["areas"])


def test_mostly_complete_agrees_with_complete_or_partial(bench):
    assert bench.agree("Mostly Complete", "Complete") and bench.agree("Mostly Complete", "Partial")
    assert not bench.agree("Mostly Complete", "Missing") and not bench.agree("Complete", "Unknown")


def test_a_recorded_observation_is_judged_only_with_activity(bench):
    spec = bench.load()["karmada"]
    assert all(len(spec["history"][t]["commit"]) == 40 for t in spec["targets"])
    item = next(f for f in spec["findings"] if f.get("rules") == [ACTIVITY_RULE])
    plain = next(f for f in bench.compare("karmada", spec)["findings"] if f["title"] == item["title"])
    assert plain["rules"] == [] and plain["why_not"]  # not observed: counted with what no document shows
    observed = bench.compare("karmada", spec, activity=True)
    found = next(f for f in observed["findings"] if f["title"] == item["title"])
    assert found["raised"] == [ACTIVITY_RULE]
    assert "18 months" in observed["activity"]  # karmada's own rule, judged on the review date
