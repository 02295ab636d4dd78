"""The published schemas: the built-in pack obeys the rule schema, and every corpus case's report
validates against the report schema."""
from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from govlint.resources import builtin_packs, schema

from conftest import CORPUS


def test_builtin_packs_obey_the_rule_schema():
    validator = jsonschema.Draft202012Validator(schema("rule"))
    for pack in builtin_packs():
        validator.validate(yaml.safe_load(pack.read_text(encoding="utf-8")))


def test_the_cncf_pack_has_the_rules_reports_are_compared_by():
    from govlint.rules.registry import load_rules

    names = {r.meta.name for r in load_rules()}
    assert names >= {"roles-defined", "decision-making", "removal-process", "inactivity-policy",
                     "vote-of-no-confidence", "removal-threshold", "restorative-step", "escalation-path",
                     "conflict-resolution", "code-of-conduct", "governance-doc", "maintainer-list",
                     "leadership-defined", "leader-coverage", "removal-procedure", "recusal", "coc-reporting",
                     "leadership-principles", "template-residue", "vendor-neutrality"}


CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir()) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CASES, reason="../shared/corpus is not beside this checkout")
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_every_corpus_case_gives_a_valid_report(case, run_cli):
    code, out, err = run_cli("check", str(case), "--format", "json")
    assert code == 0, err
    jsonschema.Draft202012Validator(schema("report")).validate(json.loads(out))


def test_docs_rules_md_is_generated_from_the_rule_packs():
    """docs/RULES.md's catalogue must not drift from the rules (regenerate: python -m govlint.docs);
    the authoring guide above its marker is written by hand."""
    from conftest import REPO
    from govlint.docs import CATALOGUE_MARKER, rules_markdown
    from govlint.rules.registry import load_rules

    page = (REPO / "docs" / "RULES.md").read_text(encoding="utf-8")
    assert page.startswith("# govlint rules") and "## Writing rules" in page.split(CATALOGUE_MARKER)[0]
    assert CATALOGUE_MARKER + page.split(CATALOGUE_MARKER, 1)[1] == rules_markdown(load_rules())
