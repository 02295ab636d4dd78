"""Each concept worded the way other projects write it (voice, order, synonyms, number forms), and
near-misses that must not pass (tests/fixtures/wordings/wordings.yaml): the rules read ideas, not
one project's phrases."""
from __future__ import annotations

import pytest
import yaml

from govlint.api import lint
from govlint.config import Config
from govlint.examples import document_of
from govlint.rules.registry import load_rules

from conftest import FIXTURES

WORDINGS = yaml.safe_load((FIXTURES / "wordings" / "wordings.yaml").read_text(encoding="utf-8"))
CASES = [(rule, expected, text) for rule, sets in WORDINGS.items() for expected in ("pass", "fail")
         for text in sets[expected]]


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("rule, expected, text", CASES, ids=[f"{r}-{e}-{i}" for i, (r, e, _) in enumerate(CASES)])
def test_a_wording_is_read_for_its_meaning(rules, tmp_path, rule, expected, text):
    path = tmp_path / "GOVERNANCE.md"
    path.write_text(document_of(text), encoding="utf-8")
    report = lint(files=[str(path)], root=str(tmp_path), config=Config(), rules=rules, select_rules=[rule])
    status = report.result(rule).status
    found = status in ("pass", "partial")
    assert found == (expected == "pass"), (status, text)
