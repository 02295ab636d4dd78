"""govlint fix: appended sections and new documents, built from the rules' examples, that make
the failing rules pass without changing a word of the existing text."""
from __future__ import annotations

import os
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


# minimal's MAINTAINERS names three people and nothing else: the table fix adds for them has empty
# GitHub and affiliation cells for the maintainers to fill, so maintainer-list stays partial.
@pytest.mark.parametrize("project, not_fixed", [("minimal", ("GL002",)), ("template-copy", ())])
def test_fix_write_makes_every_rule_it_claims_pass_and_only_adds(tmp_path, run_cli, project, not_fixed):
    root = copy(tmp_path, project)
    original = snapshot(root)
    plan = plan_fixes(root)
    claimed = plan.addressed
    assert claimed and plan.not_fixed == not_fixed and not plan.broken
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    assert {line.removeprefix("wrote ") for line in out.splitlines()} == {c.path for c in plan.changes}
    after = snapshot(root)
    for path, text in original.items():
        assert after[path].startswith(text), f"{path}: existing text changed"
    report = lint(str(root))
    still = {code: report.result(code).status for code in claimed
             if report.result(code).status != "pass" and code not in not_fixed}
    assert not still, f"claimed fixed but not passing after --write: {still}"
    # Nothing is left for fix to do but what it cannot do by adding text.
    again = plan_fixes(root)
    assert not again.changes
    assert [code for code, _ in again.unfixable if code not in not_fixed] == [code for code, _ in plan.unfixable]


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


# --------------------------------------------------------------------------------------------------
# --write changes nothing but what it adds (issue 13, item 3): line endings, encoding, mode, links,
# read-only files, and all files or none.

_GOVERNANCE = "# Widget Governance\n\nThe maintainers lead the project and decide by majority vote.\n"


def _widget(tmp_path: Path, raw: bytes | None = None) -> Path:
    root = tmp_path / "widget"
    root.mkdir()
    (root / "GOVERNANCE.md").write_bytes(raw if raw is not None else _GOVERNANCE.encode())
    return root


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_write_keeps_the_line_endings(tmp_path, run_cli, newline):
    original = _GOVERNANCE.replace("\n", newline).encode()
    root = _widget(tmp_path, original)
    code, _, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    after = (root / "GOVERNANCE.md").read_bytes()
    assert after.startswith(original) and len(after) > len(original) + 1000
    added = after[len(original):].decode()
    assert added.count(newline) > 20 and added.replace(newline, "").count("\n" if newline == "\r" else "\r") == 0
    assert "## Involuntary removal and vote of no confidence" + newline in added


def test_write_keeps_utf16_with_its_byte_order_mark(tmp_path, run_cli):
    original = b"\xff\xfe" + _GOVERNANCE.replace("\n", "\r\n").encode("utf-16-le")
    root = _widget(tmp_path, original)
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 0 and "Traceback" not in err and "internal error" not in err, err
    after = (root / "GOVERNANCE.md").read_bytes()
    assert after.startswith(original)
    text = after.decode("utf-16")
    assert "\r\n## Involuntary removal and vote of no confidence\r\n" in text and "\n\n" not in text.replace("\r\n", "")
    assert lint(str(root)).result("GL103").status == "pass"


def test_write_keeps_the_mode_of_an_executable_file(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "GOVERNANCE.md").chmod(0o755)
    assert run_cli("fix", str(root), "--write")[0] == 0
    assert (root / "GOVERNANCE.md").stat().st_mode & 0o777 == 0o755


def test_write_goes_through_a_symlink_to_its_target_and_keeps_the_link(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "docs").mkdir()
    (root / "GOVERNANCE.md").rename(root / "docs" / "governance.md")
    (root / "GOVERNANCE.md").symlink_to("docs/governance.md")
    code, _, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    assert (root / "GOVERNANCE.md").is_symlink() and os.readlink(root / "GOVERNANCE.md") == "docs/governance.md"
    assert "## Involuntary removal" in (root / "docs" / "governance.md").read_text(encoding="utf-8")


def test_write_keeps_a_hard_link_one_file(tmp_path, run_cli):
    root = _widget(tmp_path)
    os.link(root / "GOVERNANCE.md", tmp_path / "elsewhere.md")
    assert run_cli("fix", str(root), "--write")[0] == 0
    assert (root / "GOVERNANCE.md").stat().st_ino == (tmp_path / "elsewhere.md").stat().st_ino
    assert "## Involuntary removal" in (tmp_path / "elsewhere.md").read_text(encoding="utf-8")


def test_write_refuses_a_read_only_file_and_creates_nothing(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "GOVERNANCE.md").chmod(0o444)
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 2 and err == f"govlint: error: GOVERNANCE.md: is read-only; govlint fix does not change it " \
                               "(make it writable, or apply the diff by hand)\n"
    assert (root / "GOVERNANCE.md").read_text(encoding="utf-8") == _GOVERNANCE
    assert (root / "GOVERNANCE.md").stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in root.iterdir()) == ["GOVERNANCE.md"]  # no CODE_OF_CONDUCT.md either


def test_write_is_all_or_nothing_when_a_file_changed_since_the_plan(tmp_path):
    root = _widget(tmp_path)
    plan = plan_fixes(root)
    assert [c.path for c in plan.changes][:2] == ["CODE_OF_CONDUCT.md", "GOVERNANCE.md"]
    (root / "GOVERNANCE.md").write_text(_GOVERNANCE + "Edited.\n", encoding="utf-8")
    with pytest.raises(GovlintError, match="changed since the fix was planned"):
        plan.write()
    assert sorted(p.name for p in root.iterdir()) == ["GOVERNANCE.md"]


def test_write_undoes_what_it_wrote_when_a_later_write_fails(tmp_path, monkeypatch):
    import govlint.fix as fix_module

    root = _widget(tmp_path)
    plan = plan_fixes(root)
    real = fix_module.write_into

    def fail_on_the_ladder(path, data):  # the disk fills up while writing the third file
        if Path(path).name == "CONTRIBUTOR_LADDER.md":
            raise GovlintError("No space left on device", path=str(path))
        real(path, data)

    monkeypatch.setattr(fix_module, "write_into", fail_on_the_ladder)
    with pytest.raises(GovlintError, match="No space left"):
        plan.write()
    assert sorted(p.name for p in root.iterdir()) == ["GOVERNANCE.md"]
    assert (root / "GOVERNANCE.md").read_text(encoding="utf-8") == _GOVERNANCE
