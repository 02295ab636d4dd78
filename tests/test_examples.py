"""A pack's examples are its tests: every probe's and rule's PASS and FAIL texts hold, and
`govlint rules --test` names the ones that do not (govlint/examples.py)."""
from __future__ import annotations

import pytest

from govlint.examples import document_of, languages_of, probe_examples_wrong, rule_examples_wrong
from govlint.rules.registry import load_rules

from conftest import FIXTURES

PACK = FIXTURES / "packs" / "examples.yaml"


@pytest.fixture(scope="module")
def builtin():
    return load_rules()


def test_every_builtin_rule_carries_pass_and_fail_examples(builtin):
    for rule in builtin:
        assert rule.meta.passes and rule.meta.fails, rule.meta.name


def test_every_builtin_rule_holds_to_its_examples_read_as_a_document(builtin):
    assert [w.describe() for w in rule_examples_wrong(builtin)] == []


def test_a_wrong_example_is_named_with_its_pack_owner_and_status():
    rules = load_rules(extra_packs=[str(PACK)], plugins=False)
    ours = [r for r in rules if r.meta.code == "EX010"]
    wrong = probe_examples_wrong([l for l in languages_of(ours)]) + rule_examples_wrong(ours)
    assert [(w.owner, w.expected, w.text, w.got) for w in wrong] == [
        ("probe chair-term", "fail", "The chairperson's term ends this year.", ""),
        ("rule EX010 chair-term-set", "pass", "The chair is elected by the members.", "fail"),
    ]
    assert wrong[1].describe() == (f"{PACK}: rule EX010 chair-term-set: PASS example not found (status fail): "
                                   "'The chair is elected by the members.'")


def test_an_example_without_a_heading_is_read_under_governance_and_maintainers():
    assert document_of("A maintainer may be removed.") == "# Governance\n\n## Maintainers\n\nA maintainer may be removed.\n"
    assert document_of("# Charter\n\nThe TSC leads.") == "# Charter\n\nThe TSC leads."


def test_rules_test_exits_1_and_lists_each_wrong_example(run_cli):
    code, out, err = run_cli("rules", "--test", "--rule-pack", str(PACK))
    assert code == 1
    assert "probe chair-term: FAIL example found: \"The chairperson's term ends this year.\"" in out
    assert "rule EX010 chair-term-set: PASS example not found (status fail)" in out
    assert "2 of " in err and "examples wrong" in err


def test_rules_test_passes_on_the_builtin_packs(run_cli):
    code, out, _ = run_cli("rules", "--test")
    assert code == 0
    assert out.startswith("All ") and "examples hold" in out


def test_explain_shows_a_rules_own_pass_and_fail_examples(run_cli):
    code, out, _ = run_cli("explain", "vote-of-no-confidence")
    assert code == 0
    assert "  PASS  A maintainer can be voted out by the other maintainers." in out
    assert "  FAIL  The council may vote to add a new member." in out
