"""govlint fix: appended sections and new documents, built from the rules' examples, that make
the failing rules pass without changing a word of the existing text."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.errors import GovlintError
from govlint.fix import Names, localise, plan_fixes

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


def copy(tmp_path: Path, project: str) -> Path:
    return Path(shutil.copytree(PROJECTS / project, tmp_path / project))


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("project", ["minimal", "template-copy"])
def test_fix_write_makes_every_rule_it_claims_pass_and_only_adds(tmp_path, run_cli, project):
    root = copy(tmp_path, project)
    original = snapshot(root)
    plan = plan_fixes(root)
    claimed = plan.addressed
    assert claimed and not plan.not_fixed and not plan.broken
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    assert {line.removeprefix("wrote ") for line in out.splitlines()} == {c.path for c in plan.changes}
    after = snapshot(root)
    for path, text in original.items():
        assert after[path].startswith(text), f"{path}: existing text changed"
    report = lint(str(root))
    still = {code: report.result(code).status for code in claimed if report.result(code).status != "pass"}
    assert not still, f"claimed fixed but not passing after --write: {still}"
    # Nothing is left for fix to do but what it cannot do by adding text.
    again = plan_fixes(root)
    assert not again.changes
    assert [code for code, _ in again.unfixable] == [code for code, _ in plan.unfixable]


def test_minimal_project_gets_new_documents_with_its_own_names(tmp_path):
    root = copy(tmp_path, "minimal")
    plan = plan_fixes(root)
    created = {c.path: c for c in plan.changes if c.before is None}
    assert set(created) == {"GOVERNANCE.md", "CONTRIBUTOR_LADDER.md", "MAINTAINERS.md", "CODE_OF_CONDUCT.md"}
    governance = created["GOVERNANCE.md"].after
    assert governance.startswith("# Governance\n\nThis document describes the governance of the tinyqueue project")
    assert "## Involuntary removal and vote of no confidence\n" in governance
    assert "vote of no confidence" in governance and "GL103" in created["GOVERNANCE.md"].rules
    # The maintainers already listed in the plain-text MAINTAINERS file, no invented people.
    maintainers = created["MAINTAINERS.md"].after
    assert "| Ruth Abernathy |" in maintainers and "Jane Doe" not in maintainers
    assert "CNCF Code of Conduct" in created["CODE_OF_CONDUCT.md"].after


def test_template_copy_gets_sections_appended_and_placeholders_left_to_a_human(tmp_path):
    root = copy(tmp_path, "template-copy")
    plan = plan_fixes(root)
    assert {c.path for c in plan.changes} == {"GOVERNANCE.md", "CONTRIBUTOR_LADDER.md"}
    assert all(c.before is not None for c in plan.changes)
    governance = next(c for c in plan.changes if c.path == "GOVERNANCE.md")
    added = governance.after[len(governance.before):]
    assert "\n## Involuntary removal and vote of no confidence\n" in added
    assert "Steering Committee member may be removed" in added  # the project's own body
    # The leader-coverage gap names the maintainers too; that sentence reads as people, not a body.
    assert "A maintainer may be removed by a vote of no confidence of the other maintainers" in added
    assert [code for code, _ in plan.unfixable] == ["GL008"]


@pytest.mark.parametrize("project", ["minimal", "template-copy"])
def test_the_diff_applies_with_git_apply_to_the_same_result_as_write(tmp_path, project):
    by_diff, by_write = copy(tmp_path / "diff", project), copy(tmp_path / "write", project)
    patch = tmp_path / "fix.diff"
    patch.write_text(plan_fixes(by_diff).diff(), encoding="utf-8")
    subprocess.run(["git", "apply", str(patch)], cwd=by_diff, check=True, capture_output=True)
    plan_fixes(by_write).write()
    assert snapshot(by_diff) == snapshot(by_write) != snapshot(PROJECTS / project)


def test_a_project_with_another_leadership_body_gets_its_name(tmp_path):
    root = tmp_path / "tsc"
    root.mkdir()
    (root / "README.md").write_text("# Quillwork\n\nA static site generator.\n", encoding="utf-8")
    (root / "GOVERNANCE.md").write_text(
        "# Quillwork Governance\n\n## Technical Steering Committee\n\n"
        "The Technical Steering Committee (TSC) leads the project. The TSC is responsible for the roadmap and "
        "for releases, and decides by a majority vote of its members.\n", encoding="utf-8")
    plan = plan_fixes(root, select_rules=["vote-of-no-confidence", "leadership-principles"])
    added = " ".join(plan.changes[0].after.split())
    assert "Technical Steering Committee is responsible for responding" in added
    assert "A Technical Steering Committee member or maintainer may be removed" in added
    assert " the Steering Committee" not in added.replace("Technical Steering Committee", "")
    assert set(plan.fixed) == {"GL103", "GL204"}


def test_placeholders_in_examples_are_dropped_or_replaced():
    example = ("Report Code of Conduct incidents to conduct@example.io, read by two maintainers. Reports about a\n"
               "maintainer go to the CNCF Code of Conduct Committee at conduct@cncf.io.")
    assert localise(example, Names()) == ("Reports about a maintainer go to the CNCF Code of Conduct Committee at "
                                          "conduct@cncf.io.")
    assert localise(example, Names(conduct_email="coc@quill.dev")).startswith(
        "Report Code of Conduct incidents to coc@quill.dev, read by two maintainers.")


def test_nothing_to_fix_on_an_exemplary_project(tmp_path, run_cli):
    root = copy(tmp_path, "exemplary")
    code, out, err = run_cli("fix", str(root))
    assert code == 0 and out == ""
    assert "nothing to add" in err


def test_cli_prints_the_diff_and_what_it_fixes(tmp_path, run_cli):
    root = copy(tmp_path, "template-copy")
    before = snapshot(root)
    code, out, err = run_cli("fix", str(root))
    assert code == 0, err
    assert out.startswith("--- a/GOVERNANCE.md\n+++ b/GOVERNANCE.md\n")
    assert "+## Involuntary removal and vote of no confidence" in out
    assert "append to GOVERNANCE.md: " in err and "passes once applied: " in err and "not fixed: GL008" in err
    assert snapshot(root) == before  # no --write, no change


def test_write_refuses_when_a_file_changed_since_the_plan(tmp_path):
    root = copy(tmp_path, "template-copy")
    plan = plan_fixes(root)
    (root / "GOVERNANCE.md").write_text("# rewritten\n", encoding="utf-8")
    with pytest.raises(GovlintError, match="changed since the fix was planned"):
        plan.write()


def test_fix_needs_a_directory(tmp_path, run_cli):
    code, _, err = run_cli("fix", str(PROJECTS / "minimal" / "MAINTAINERS"))
    assert code == 2 and "a directory" in err
