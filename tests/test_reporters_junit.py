"""`--format junit`: one test case per rule, for CI systems that read JUnit XML."""
from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.config import Config, Waiver
from govlint.reporters import render

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


@pytest.fixture(autouse=True)
def _in_projects(monkeypatch):
    monkeypatch.chdir(PROJECTS)


def cases(xml: str) -> dict[str, ET.Element]:
    root = ET.fromstring(xml)
    return {case.get("classname").split(".")[-1]: case for case in root.iter("testcase")}


def test_one_case_per_rule_with_failures_and_counts():
    report = lint("template-copy", level="incubating")
    xml = render("junit", [report])
    root = ET.fromstring(xml)
    suite = root.find("testsuite")
    assert int(suite.get("tests")) == len(report.results) == len(cases(xml))
    failing = [r for r in report.results if r.status in ("fail", "partial")]
    assert int(suite.get("failures")) == int(root.get("failures")) == len(failing)
    rule = next(r for r in failing if r.status == "fail" and r.near_miss)
    case = cases(xml)[rule.code]
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == "fail"
    assert case.get("file") == "template-copy/GOVERNANCE.md" and case.get("line") is None  # the whole document
    assert rule.remediation.split()[0] in failure.text and f"govlint explain {rule.name}" in failure.text
    assert cases(xml)["GL001"].find("failure") is None and cases(xml)["GL001"].find("skipped") is None
    props = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert props["rating"] == report.rating and props["target_level"] == "incubating"


def test_not_applicable_and_waived_rules_are_skipped_with_the_reason():
    config = Config(waivers=(Waiver(rule="GL007", reason="we are a single-vendor project for now"),))
    xml = render("junit", [lint("minimal", config=config)])
    skipped = {code: case.find("skipped") for code, case in cases(xml).items() if case.find("skipped") is not None}
    assert set(skipped) == {"GL007", "GL108"}
    assert "single-vendor" in skipped["GL007"].get("message")
    assert "no leadership body" in skipped["GL108"].get("message")
    assert int(ET.fromstring(xml).get("skipped")) == 2


def test_several_targets_are_several_suites():
    root = ET.fromstring(render("junit", [lint("exemplary"), lint("minimal")]))
    assert [s.get("name") for s in root.iter("testsuite")] == ["govlint: exemplary", "govlint: minimal"]
    assert root.find("testsuite").get("failures") == "0"
