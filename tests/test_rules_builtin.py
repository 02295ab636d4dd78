"""Every built-in rule against a realistic passing and failing document (tests/fixtures/rules/<rule>/).

Line 1 of each pass.md is a comment naming the line a human would quote as evidence,
``<!-- expect: RULE pass; evidence line: N -->``; govlint's first evidence must be within three
lines of it. The failing documents are near-misses a keyword linter would pass: stepping down
instead of removal, a vote that only elects, "there is currently no process to remove a
maintainer", merge conflicts, security reports, feedback in code review.
"""
from __future__ import annotations

import re

import pytest

from govlint.api import lint
from govlint.config import Config
from govlint.rules.registry import load_rules

from conftest import FIXTURES

RULE_DIRS = sorted(p for p in (FIXTURES / "rules").iterdir() if p.is_dir())
_EXPECT = re.compile(r"<!--\s*expect:\s*([\w-]+)\s+pass;\s*evidence\s+line:\s*(\d+)\s*-->")
_LINE_TOLERANCE = 3


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _result(rules, path, name):
    report = lint(files=[str(path)], root=str(path.parent), config=Config(), rules=rules, select_rules=[name])
    return report.result(name)


def test_every_builtin_rule_has_fixtures(rules):
    assert len(RULE_DIRS) == 20
    assert {p.name for p in RULE_DIRS} == {r.meta.name for r in rules}


@pytest.mark.parametrize("folder", RULE_DIRS, ids=lambda p: p.name)
def test_pass_document_passes_quoting_the_expected_line(rules, folder):
    path = folder / "pass.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    expect = _EXPECT.match(lines[0])
    assert expect and expect.group(1) == folder.name, f"line 1 of {path} must say which line to expect"
    result = _result(rules, path, folder.name)
    assert result.status == "pass", result.message
    assert result.evidence, "a pass quotes its evidence"
    first = result.evidence[0]
    wanted = int(expect.group(2))
    assert abs(first.line - wanted) <= _LINE_TOLERANCE, (wanted, first.line, first.text)
    for evidence in result.evidence:  # every quote is text of the line it names
        source_line = " ".join(lines[evidence.line - 1].split())
        first_word = re.sub(r"[*_`|>#-]", " ", evidence.text).split()[0]
        assert first_word in source_line, (evidence.line, evidence.text, source_line)


@pytest.mark.parametrize("folder", RULE_DIRS, ids=lambda p: p.name)
def test_fail_document_does_not_pass(rules, folder):
    result = _result(rules, folder / "fail.md", folder.name)
    assert result.status != "pass", [e.text for e in result.evidence]


def test_the_exemplary_project_passes_every_rule(rules):
    report = lint(str(FIXTURES / "projects" / "exemplary"), rules=rules)
    assert [(r.name, r.status) for r in report.results if r.status != "pass"] == []
    assert report.level_met == "graduated" and report.rating == "A"


def test_a_template_copy_is_caught(rules):
    report = lint(str(FIXTURES / "projects" / "template-copy"), rules=rules)
    assert report.result("template-residue").status == "fail"
    coverage = report.result("leader-coverage")
    assert coverage.status in ("fail", "partial") and "Steering Committee" in coverage.message
