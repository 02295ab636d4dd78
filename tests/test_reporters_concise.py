"""`--format concise` and `--quiet`: what a CI log or a commit hook shows, one line per finding."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from govlint.api import lint

PROJECTS = Path(__file__).parent / "fixtures" / "projects"
# path[:line]: CODE name not met|partly met[ (required for LEVEL)]: what is missing
_FINDING = re.compile(r"^(?P<path>[^:\s]+)(?::(?P<line>\d+))?: (?P<code>GL\d{3}) (?P<name>[a-z-]+) "
                      r"(?P<label>not met|partly met)(?: \(required for (?P<level>[a-z]+)\))?: (?P<what>.+)$")


@pytest.fixture(autouse=True)
def _in_projects(monkeypatch):
    """Paths are shown relative to the working directory, as a CI log shows them."""
    monkeypatch.chdir(PROJECTS)


def test_one_line_per_finding_then_the_summary(run_cli):
    report = lint("template-copy", level="incubating")
    code, out, _ = run_cli("check", "template-copy", "--format", "concise", "--level", "incubating")
    assert code == 1
    *lines, summary = out.splitlines()
    findings = [r for r in report.results if r.status in ("fail", "partial")]
    parsed = [_FINDING.match(line) for line in lines]
    assert all(parsed), lines
    assert [m["code"] for m in parsed] == [r.code for r in findings]
    by_code = {m["code"]: m for m in parsed}
    # A missing thing: the document that should hold it, no line, never a near-miss's line.
    assert by_code["GL105"].group("path", "line") == ("template-copy/GOVERNANCE.md", None)
    assert by_code["GL105"]["level"] == "incubating"
    assert by_code["GL105"]["what"].startswith("not found: a corrective step before removal")
    # A finding with a quote: its line.
    residue = report.result("GL008").evidence[0]
    assert by_code["GL008"].group("path", "line") == (f"template-copy/{residue.path}", str(residue.line))
    assert summary == ("template-copy: 10 findings · score 58.8/100 (B) · level met: sandbox · "
                       "target incubating: not met")


def test_a_thing_that_belongs_in_a_file_the_project_lacks_points_at_the_checkout(run_cli, tmp_path):
    project = Path(shutil.copytree(PROJECTS / "template-copy", tmp_path / "emberkit"))
    (project / "MAINTAINERS.md").unlink()
    code, out, _ = run_cli("check", str(project), "--format", "concise")
    line = next(line for line in out.splitlines() if " GL002 " in line)
    assert line.startswith(f"{project}: GL002 maintainer-list not met (required for sandbox): not found: ")


def test_quiet_prints_only_the_summary_and_nothing_when_clean(run_cli):
    code, out, err = run_cli("check", "template-copy", "--quiet", "--level", "incubating")
    assert code == 1 and err == ""
    assert out == "template-copy: 10 findings · score 58.8/100 (B) · level met: sandbox · target incubating: not met\n"
    code, out, _ = run_cli("check", "exemplary", "-q", "--level", "graduated")
    assert (code, out) == (0, "")
    code, out, _ = run_cli("check", "template-copy", "-q")
    assert code == 0 and out.count("\n") == 1  # findings, but nothing fails: exit codes are unchanged


def test_quiet_still_writes_the_output_files(run_cli, tmp_path):
    sarif = tmp_path / "govlint.sarif"
    code, out, _ = run_cli("check", "exemplary", "-q", "-o", f"sarif={sarif}")
    assert (code, out) == (0, "") and '"version": "2.1.0"' in sarif.read_text(encoding="utf-8")
