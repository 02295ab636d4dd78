"""Inline suppressions: `<!-- govlint-disable RULE reason -->` waives a rule like a config waiver."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.reporters import render

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the template-copy fixture, whose GOVERNANCE.md we add comments to."""
    target = tmp_path / "template-copy"
    shutil.copytree(PROJECTS / "template-copy", target)
    return target


def add_comments(path: Path, *comments: str) -> int:
    """Append comments after the document's text; returns the line of the first one."""
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    first = text.count("\n") + 1
    path.write_text(text + "\n\n".join(comments) + "\n", encoding="utf-8")
    return first


def test_a_suppression_with_a_reason_waives_the_rule(project):
    assert lint(str(project)).result("GL007").status == "fail"
    line = add_comments(project / "GOVERNANCE.md",
                        "<!-- govlint-disable GL007 Emberkit has one vendor until its second maintainer joins -->")
    report = lint(str(project))
    result = report.result("vendor-neutrality")
    assert result.status == "waived"
    assert result.waiver == "Emberkit has one vendor until its second maintainer joins"
    assert result.message == f"waived in GOVERNANCE.md:{line}: {result.waiver}"
    assert not report.warnings
    # Waived rules leave the score's denominator, as with a config waiver.
    assert report.score > lint(str(PROJECTS / "template-copy")).score


def test_rule_names_work_too_and_the_comment_may_span_lines(project):
    add_comments(project / "CONTRIBUTOR_LADDER.md",
                 "<!--\n  govlint-disable inactivity-policy\n  periods are decided per area, see the area READMEs\n-->")
    result = lint(str(project)).result("GL102")
    assert result.status == "waived"
    assert result.waiver == "periods are decided per area, see the area READMEs"


def test_a_suppression_without_a_reason_is_reported_and_waives_nothing(project):
    line = add_comments(project / "GOVERNANCE.md", "<!-- govlint-disable GL007 -->")
    report = lint(str(project))
    assert report.result("GL007").status == "fail"
    assert report.warnings == (f"GOVERNANCE.md:{line}: govlint-disable GL007 gives no reason, so GL007 is not "
                               f"waived; write <!-- govlint-disable GL007 the reason -->",)
    text = render("text", [report])
    assert "gives no reason" in text
    assert "gives no reason" in json.dumps(report.to_dict())


def test_a_suppression_naming_no_rule_is_reported(project):
    add_comments(project / "GOVERNANCE.md", "<!-- govlint-disable GL999 we do not need this -->")
    report = lint(str(project))
    assert any("'GL999', which matches no rule that ran" in w for w in report.warnings)
    assert not any(r.status == "waived" for r in report.results)


def test_other_comments_are_not_suppressions(project):
    report = lint(str(project))  # GOVERNANCE.md opens with a template comment
    assert not report.warnings and not any(r.status == "waived" for r in report.results)


def test_sarif_marks_an_inline_waiver_as_in_source(project, monkeypatch):
    add_comments(project / "GOVERNANCE.md", "<!-- govlint-disable GL007 single vendor for now -->")
    monkeypatch.chdir(project)
    log = json.loads(render("sarif", [lint(".")]))
    waived = next(r for r in log["runs"][0]["results"] if r["ruleId"] == "GL007")
    assert waived["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                       "justification": "single vendor for now"}]
