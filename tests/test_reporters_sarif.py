"""`--format sarif`: valid SARIF 2.1.0 that GitHub code scanning can place and close."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.config import Config, Waiver
from govlint.reporters import render

REPO = Path(__file__).resolve().parent.parent
PROJECTS = Path(__file__).parent / "fixtures" / "projects"


@pytest.fixture(scope="module")
def validator():
    import jsonschema

    schema = json.loads((REPO / "schemas" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif(*reports) -> dict:
    return json.loads(render("sarif", reports))


def results_by_rule(log: dict, run: int = 0) -> dict[str, dict]:
    return {r["ruleId"]: r for r in log["runs"][run]["results"]}


def where(result: dict) -> tuple[str, int | None]:
    """(file, line); no line for a file-level result."""
    physical = result["locations"][0]["physicalLocation"]
    return physical["artifactLocation"]["uri"], physical.get("region", {}).get("startLine")


@pytest.fixture(autouse=True)
def _in_projects(monkeypatch):
    """Paths in the output are relative to the working directory, as in CI."""
    monkeypatch.chdir(PROJECTS)


def test_the_vendored_schema_is_the_official_one():
    schema = json.loads((REPO / "schemas" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    notes = (REPO / "schemas" / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert "oasis-tcs/sarif-spec" in notes and "Schemata/sarif-schema-2.1.0.json" in notes and "Licence" in notes


@pytest.mark.parametrize("project", ["exemplary", "minimal", "template-copy", "linked"])
@pytest.mark.parametrize("level", [None, "incubating"])
def test_output_validates_against_the_official_schema(validator, project, level):
    log = sarif(lint(project, level=level))
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:5])
    assert log["version"] == "2.1.0"


def test_several_targets_are_several_valid_runs(validator):
    log = sarif(lint("exemplary"), lint("minimal"))
    validator.validate(log)
    assert [run["automationDetails"]["id"] for run in log["runs"]] == ["govlint/exemplary/", "govlint/minimal/"]


def test_one_descriptor_per_rule_with_remediation_and_criterion():
    report = lint("template-copy")
    log = sarif(report)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in report.results]
    by_id = {r["id"]: r for r in rules}
    vonc = by_id["GL103"]
    result = report.result("GL103")
    assert vonc["name"] == "vote-of-no-confidence"
    assert vonc["help"]["text"] == result.remediation.strip()
    assert vonc["helpUri"] == "https://github.com/cncf/toc/blob/main/docs/tech_leadership_principles_guidance.md"
    assert vonc["properties"]["criterion"]["source"] == "cncf/toc:docs/tech_leadership_principles_guidance.md"
    # A criterion given only as owner/repo:path links to that file on GitHub.
    assert by_id["GL104"]["helpUri"] == "https://github.com/kubernetes/steering/blob/HEAD/charter.md"
    assert "kubernetes/steering:charter.md" in by_id["GL104"]["help"]["markdown"]


def test_a_rule_that_found_nothing_is_a_file_level_result_on_the_document_that_should_hold_it():
    report = lint("template-copy", level="incubating")
    results = results_by_rule(sarif(report))
    failing = [r for r in report.results if r.status in ("fail", "partial")]
    assert any(r.level["incubating"] == "required" for r in failing)  # the fixture misses incubating
    for rule in failing:
        assert results[rule.code]["kind"] == "fail"
        # Rules incubating requires are errors; the others warnings.
        assert results[rule.code]["level"] == ("error" if rule.level["incubating"] == "required" else "warning")
    near = [r for r in failing if r.status == "fail" and r.near_miss and not r.evidence]
    assert near, "the fixture has a failing rule with a near-miss"
    for rule in near:
        result = results[rule.code]
        # Not the near-miss's line (text about something else): the whole governance document.
        assert where(result) == ("template-copy/GOVERNANCE.md", None)
        related = result["relatedLocations"][0]["physicalLocation"]
        assert related["artifactLocation"]["uri"] == f"template-copy/{rule.near_miss[0].path}"
        assert related["region"] == {"startLine": rule.near_miss[0].line, "snippet": {"text": rule.near_miss[0].text}}
    assert report.result("GL007").status == "fail" and not report.result("GL007").near_miss
    assert where(results["GL007"]) == ("template-copy/GOVERNANCE.md", None)
    assert "vendor" in results["GL007"]["message"]["text"].lower()
    # A rule that fails on what it found (a template placeholder) points at that line.
    residue = report.result("GL008")
    assert where(results["GL008"]) == (f"template-copy/{residue.evidence[0].path}", residue.evidence[0].line)


def test_automation_id_never_holds_an_absolute_path(tmp_path, monkeypatch):
    inside = sarif(lint(str(PROJECTS / "template-copy")))["runs"][0]["automationDetails"]["id"]
    assert inside == "govlint/template-copy/"  # relative to the working directory, as CI runs it
    monkeypatch.chdir(tmp_path)
    outside = sarif(lint(str(PROJECTS / "template-copy")))["runs"][0]["automationDetails"]["id"]
    assert outside == "govlint/template-copy/" and str(PROJECTS) not in outside
    assert sarif(lint("."))["runs"][0]["automationDetails"]["id"] == "govlint/"


def test_passing_rules_are_reported_as_pass_so_alerts_close():
    log = sarif(lint("exemplary"))
    results = results_by_rule(log)
    assert {r["kind"] for r in results.values()} == {"pass"}
    assert all(r["level"] == "none" for r in results.values())
    path, line = where(results["GL104"])
    assert (path, line) == ("exemplary/GOVERNANCE.md", 172)


def test_partial_and_not_applicable_results():
    log = sarif(lint("minimal"))
    results = results_by_rule(log)
    assert results["GL002"]["kind"] == "fail" and "partly met" in results["GL002"]["message"]["text"]
    assert results["GL108"]["kind"] == "notApplicable" and results["GL108"]["level"] == "none"
    # No governance document at all: missing governance text belongs in the GOVERNANCE.md to create,
    # not on line 1 of the maintainers file.
    assert where(results["GL103"]) == ("minimal/GOVERNANCE.md", None)
    assert where(results["GL002"]) == ("minimal/MAINTAINERS", 1)  # partly met: its quote


def test_a_target_without_documents_points_at_the_governance_file_to_create(tmp_path, validator, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "empty").mkdir()
    log = sarif(lint("empty"))
    validator.validate(log)
    assert where(results_by_rule(log)["GL001"]) == ("empty/GOVERNANCE.md", None)
    assert where(results_by_rule(log)["GL002"]) == ("empty/MAINTAINERS.md", None)  # the file its advice asks for


def test_waived_rule_keeps_its_finding_with_a_suppression(validator):
    config = Config(waivers=(Waiver(rule="vendor-neutrality", reason="single-vendor project until 2027"),))
    log = sarif(lint("template-copy", config=config))
    validator.validate(log)
    waived = results_by_rule(log)["GL007"]
    assert waived["suppressions"] == [{"kind": "external", "status": "accepted",
                                       "justification": "single-vendor project until 2027"}]


def test_cli_writes_the_sarif_file(run_cli, tmp_path, validator):
    out = tmp_path / "govlint.sarif"
    code, _, err = run_cli("check", "template-copy", "--format", "sarif", "--level", "incubating", "-o", str(out))
    assert code == 1, err  # incubating not met
    log = json.loads(out.read_text(encoding="utf-8"))
    validator.validate(log)
    assert log["runs"][0]["properties"]["levelMet"] == "sandbox"


def test_levels_left_open_by_a_selection_say_not_assessed():
    import xml.etree.ElementTree as ET

    from govlint.api import lint as lint_

    report = lint_("exemplary", select_rules=["GL103", "GL104"])
    props = sarif(report)["runs"][0]["properties"]
    assert props["levelMet"] is None
    assert props["levelStatus"] == {"sandbox": "not assessed", "incubating": "not assessed",
                                    "graduated": "not assessed"}
    suite = ET.fromstring(render("junit", [report])).find("testsuite")
    junit = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert junit["level.graduated"] == "not assessed" and junit["level_met"] == "none"
