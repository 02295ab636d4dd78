"""govlint fix: safe fixes that --write applies, and policy proposals in the project's own terms,
shown for review and written only with --write --unsafe, whose placeholders keep their rules partial."""
from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.errors import GovlintError
from govlint.fix import FIX_KIND, Names, localise, plan_fixes

PROJECTS = Path(__file__).parent / "fixtures" / "projects"
# Every placeholder govlint fix writes, with the decision a project would most often take.
FILLED = {"`<two-thirds>`": "two-thirds", "`<a simple majority>`": "a simple majority", "`<N> months`": "six months",
          "`<one week>`": "one week", "`<seven days>`": "seven days", "`<one third>`": "one third",
          "`<a private email address>`": "conduct@example.dev", "`<@handle>`": "@someone",
          "`<employer, or independent>`": "Independent", "`<area of responsibility>`": "releases",
          "`<name>`": "Sam Rivera"}


def copy(tmp_path: Path, project: str) -> Path:
    return Path(shutil.copytree(PROJECTS / project, tmp_path / project))


def snapshot(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in root.rglob("*") if p.is_file()}


def fill_placeholders(root: Path) -> None:
    """What the maintainers do after reviewing the proposals: take each decision."""
    for path in root.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for placeholder, decision in FILLED.items():
            text = text.replace(placeholder, decision)
        path.write_text(text, encoding="utf-8")


def added_text(before: str, after: str) -> str:
    """The lines a change added, in order."""
    old = before.splitlines()
    return "\n".join(line[2:] for line in difflib.ndiff(old, after.splitlines()) if line.startswith("+ "))


@pytest.mark.parametrize("project", ["minimal", "template-copy", "maintainer-led", "tsc-led"])
def test_write_unsafe_leaves_rules_partial_until_the_placeholders_are_filled(tmp_path, run_cli, project):
    root = copy(tmp_path, project)
    original = snapshot(root)
    plan = plan_fixes(root)
    claimed = plan.addressed
    assert claimed and not plan.not_fixed and not plan.broken
    assert plan.awaiting, "every project here gets at least one decision to take"
    code, out, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0, err
    assert {line.removeprefix("wrote ") for line in out.splitlines()} == {c.path for c in plan.combined}
    after = snapshot(root)
    for path, text in original.items():  # existing lines stay, but for the project name put in a placeholder
        kept = set(after[path].splitlines())
        assert [line for line in text.splitlines() if line not in kept and "PROJECTNAME" not in line] == [], path
    # The placeholders keep their rules partial, and the report says what to fill in where.
    report = lint(str(root))
    for code_, items in plan.awaiting.items():
        result = report.result(code_)
        assert result.status == "partial", (code_, result.status, result.message)
        assert items[0].placeholder in result.message and f"{items[0].path}:" in result.message
    assert report.level_met != "graduated"
    assert "partial until your maintainers fill in the placeholders:" in err
    for items in plan.awaiting.values():
        assert f"`{items[0].placeholder}`" in err
    # Nothing more to propose until they are filled in: fix says to fill them in instead.
    again = plan_fixes(root)
    assert not again.changes and not again.proposals
    assert {c for c, why in again.unfixable if why.startswith("fill in ")} == set(plan.awaiting)
    # Once the maintainers have taken the decisions, every rule the proposals claimed passes.
    fill_placeholders(root)
    report = lint(str(root))
    still = {c: report.result(c).status for c in claimed if report.result(c).status != "pass"}
    unfixable = {c for c, _ in plan.unfixable}
    assert set(still) <= unfixable, f"claimed but not passing once filled in: {still}"


def test_minimal_project_gets_new_documents_with_its_own_names(tmp_path):
    root = copy(tmp_path, "minimal")
    plan = plan_fixes(root)
    assert not plan.changes  # nothing to link, no placeholder the project left: every change is policy
    created = {c.path: c for c in plan.proposals if c.before is None}
    assert set(created) == {"GOVERNANCE.md", "CONTRIBUTOR_LADDER.md", "MAINTAINERS.md", "CODE_OF_CONDUCT.md"}
    governance = created["GOVERNANCE.md"].after
    assert governance.startswith("# Governance\n\nThis document describes the governance of the tinyqueue project")
    assert "## Involuntary removal and vote of no confidence\n" in governance
    assert "vote of no confidence" in governance and "GL103" in created["GOVERNANCE.md"].rules
    # The maintainers already listed in the plain-text MAINTAINERS file, no invented people; the
    # columns the file does not give are left to fill in.
    maintainers = created["MAINTAINERS.md"].after
    assert "| Ruth Abernathy | `<@handle>` | `<employer, or independent>` |" in maintainers
    assert "Jane Doe" not in maintainers
    assert "CNCF Code of Conduct" in created["CODE_OF_CONDUCT.md"].after


def test_template_copy_gets_its_name_filled_in_and_proposals_in_its_sections(tmp_path):
    root = copy(tmp_path, "template-copy")
    plan = plan_fixes(root)
    assert {c.path for c in plan.changes} == {"GOVERNANCE.md", "MAINTAINERS.md"}  # the safe fixes
    assert {c.path for c in plan.proposals} == {"GOVERNANCE.md", "CONTRIBUTOR_LADDER.md"}
    ladder = next(c for c in plan.proposals if c.path == "CONTRIBUTOR_LADDER.md")
    section = ladder.after.split("## Involuntary Removal or Demotion\n", 1)[1].split("\n## ", 1)[0]
    section = " ".join(section.split())
    assert "Steering Committee member may be removed by a vote of no confidence" in section  # its own body
    assert "A maintainer may be removed by a vote of no confidence of the Steering Committee" in section
    assert [why for code, why in plan.unfixable if code == "GL008"] == [
        "the other placeholders are decisions for your maintainers; govlint fix fills in only the project's name"]


@pytest.mark.parametrize("project", ["minimal", "template-copy", "maintainer-led"])
def test_the_diff_applies_with_git_apply_to_the_same_result_as_write(tmp_path, project):
    """The safe part of the diff gives what --write writes; the whole of it, what --write --unsafe writes."""
    for unsafe in (False, True):
        by_diff, by_write = copy(tmp_path / f"diff{unsafe}", project), copy(tmp_path / f"write{unsafe}", project)
        patch = tmp_path / "fix.diff"
        patch.write_text(plan_fixes(by_diff).diff(proposals=unsafe), encoding="utf-8")
        if patch.read_text(encoding="utf-8"):
            subprocess.run(["git", "apply", str(patch)], cwd=by_diff, check=True, capture_output=True)
        plan_fixes(by_write).write(unsafe=unsafe)
        assert snapshot(by_diff) == snapshot(by_write)
        assert unsafe is False or snapshot(by_write) != snapshot(PROJECTS / project)


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


def test_cli_prints_the_safe_diff_then_the_proposals_for_review(tmp_path, run_cli):
    root = copy(tmp_path, "template-copy")
    before = snapshot(root)
    code, out, err = run_cli("fix", str(root))
    assert code == 0, err
    safe, proposals = out.split("# govlint fix: policy proposals. Review them with your maintainers", 1)
    assert safe.startswith("--- a/GOVERNANCE.md\n+++ b/GOVERNANCE.md\n") and "+## " not in safe
    assert "+The Steering Committee is the governing body of Emberkit." in safe
    assert "+A maintainer may be removed by a vote of no confidence" in proposals
    assert "safe fixes (--write applies them):" in err
    assert "policy proposals (review them with your maintainers; --write --unsafe writes them):" in err
    assert "passes once applied: " in err and "not fixed: GL008" in err
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
# Proposals fit the project (issue 14): its own bodies and terms, one vote base, into the section
# that covers the topic and before the end matter, no second maintainer list; safe fixes apart from
# policy, written only with --unsafe; placeholders keep a rule partial.


def _added(plan, path: str, *, proposals: bool = True) -> str:
    """The text a plan adds to a document, without govlint fix's comments."""
    change = next(c for c in (plan.proposals if proposals else plan.changes) if c.path == path)
    return _prose(added_text(change.before or "", change.after))


def _prose(text: str) -> str:
    return re.sub(r"<!--.*?-->", "", text, flags=re.S)


def test_a_project_led_by_its_maintainers_gets_text_about_its_maintainers(tmp_path):
    plan = plan_fixes(copy(tmp_path, "maintainer-led"))
    added = " ".join(_added(plan, "GOVERNANCE.md").split())
    assert "Steering Committee" not in added and "committee" not in added.lower()
    assert "A maintainer may be removed by a vote of no confidence, called by any maintainer" in added
    assert "The maintainers are responsible for responding when they are not followed" in added
    assert "If the maintainers cannot resolve a conflict, or it involves a maintainer" in added


def test_a_project_with_a_tsc_gets_text_about_its_tsc_in_its_own_words(tmp_path):
    plan = plan_fixes(copy(tmp_path, "tsc-led"))
    added = " ".join(_added(plan, "GOVERNANCE.md").split())
    # "The Technical Steering Committee (TSC)" is how the project names it, and "TSC" what it goes on to use.
    assert "A maintainer or TSC member may be removed by a vote of no confidence, called by any TSC member" in added
    assert "The TSC is responsible for responding when they are not followed" in added
    assert "Steering Committee" not in added


def test_a_committee_spelled_the_projects_way_and_committers_for_maintainers(tmp_path):
    root = tmp_path / "kestrel"
    root.mkdir()
    (root / "README.md").write_text("# Kestrel\n\nA message broker.\n", encoding="utf-8")
    (root / "GOVERNANCE.md").write_text(
        "# Kestrel Governance\n\n## Steering Council\n\nThe Steering Council sets the roadmap and approves "
        "releases. The Steering Council has three seats, elected by the committers every year.\n\n## Committers\n\n"
        "Committers review and merge changes. A contributor becomes a committer when nominated by a committer and "
        "approved by the Steering Council. Committers are listed in COMMITTERS.md.\n", encoding="utf-8")
    plan = plan_fixes(root, select_rules=["vote-of-no-confidence", "leadership-principles"])
    added = " ".join(_added(plan, "GOVERNANCE.md").split())
    assert "A committer or Steering Council member may be removed by a vote of no confidence" in added
    assert "Committers follow the CNCF Technical Leadership Principles. The Steering Council is responsible" in added
    assert "Steering Committee" not in added and "maintainer" not in added


@pytest.mark.parametrize("project", ["maintainer-led", "tsc-led", "minimal"])
def test_every_vote_in_a_proposal_set_has_one_base(tmp_path, project):
    plan = plan_fixes(copy(tmp_path, project))
    text = " ".join(_prose("\n".join(added_text(c.before or "", c.after) for c in plan.proposals)).split())
    bases = re.findall(r"`<two-thirds>` of (all [\w ]+?)(?:[,.]|$)", text)
    assert len(bases) >= 3 and len(set(bases)) == 1, bases
    # No other wording of the removal vote: the example texts' "two-thirds of the other maintainers",
    # "a two-thirds majority of all current maintainers", "two-thirds of the committee's fixed size".
    assert len(re.findall(r"two-thirds", text)) == len(bases)


def test_proposals_join_the_existing_section_and_stay_before_the_credits(tmp_path, run_cli):
    root = copy(tmp_path, "maintainer-led")
    assert run_cli("fix", str(root), "--write", "--unsafe")[0] == 0
    text = (root / "GOVERNANCE.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings[-1] == "Credits" and headings.count("Conflict resolution") == 1
    assert not any("conflict" in h.lower() for h in headings if h != "Conflict resolution")
    conflict = text.split("## Conflict resolution\n", 1)[1].split("\n## ", 1)[0]
    assert conflict.startswith("\nDisagreements about a pull request are discussed on the pull request first.")
    assert "any party may\nescalate it to the CNCF TOC at cncf-private-toc@lists.cncf.io." in conflict
    assert text.rstrip().endswith("whose maintainers\nwe thank.")  # the credits close the document, as before


def test_a_disputes_section_gets_the_escalation_and_the_license_stays_last(tmp_path):
    plan = plan_fixes(copy(tmp_path, "tsc-led"))
    after = next(c for c in plan.combined if c.path == "GOVERNANCE.md").after
    disputes = after.split("## Disputes\n", 1)[1].split("\n## ", 1)[0]
    assert "escalate it to\nthe CNCF TOC at cncf-private-toc@lists.cncf.io." in disputes
    assert re.findall(r"^## (.+)$", after, re.M)[-1] == "License"
    assert after.endswith("## License\n\nThis document is licensed under CC-BY-4.0.\n")


def test_no_maintainer_table_is_added_to_a_file_that_lists_people(tmp_path, run_cli):
    root = copy(tmp_path, "maintainer-led")
    owners = (root / "OWNERS.md").read_bytes()
    assert lint(str(root)).result("maintainer-list").status == "partial"
    plan = plan_fixes(root)
    assert "OWNERS.md" not in {c.path for c in (*plan.changes, *plan.proposals)}
    assert "MAINTAINERS.md" not in {c.path for c in plan.proposals}  # no second list either
    assert ("GL002", "OWNERS.md lists people already: add an affiliation for all 3 to each entry there "
                     "(govlint fix adds no second list)") in plan.unfixable
    code, _, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0 and (root / "OWNERS.md").read_bytes() == owners
    assert "not fixed: GL002: OWNERS.md lists people already" in err


def test_write_applies_the_safe_fixes_and_shows_the_proposals_for_review(tmp_path, run_cli):
    root = copy(tmp_path, "maintainer-led")
    before = snapshot(root)
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    assert out.startswith("wrote GOVERNANCE.md\n# govlint fix: policy proposals. Review them with your maintainers")
    governance = (root / "GOVERNANCE.md").read_text(encoding="utf-8")
    # The safe fix, a link to the code of conduct the project has, before the credits; no policy.
    assert governance == before["GOVERNANCE.md"].replace("## Credits\n", (
        "## Code of Conduct\n\nAll members of the Loomwire community follow the [Code of Conduct](CODE_OF_CONDUCT.md)."
        "\n\n## Credits\n"))
    assert {p for p, t in snapshot(root).items() if t != before[p]} == {"GOVERNANCE.md"}
    assert lint(str(root)).result("code-of-conduct").status == "pass"
    assert "+A maintainer may be removed by a vote of no confidence" in out  # shown, not written
    assert "policy proposals (not written; review them with your maintainers; --write --unsafe writes them):" in err
    # --write --unsafe then writes them, on top of what --write wrote.
    code, out, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0 and out.startswith("wrote GOVERNANCE.md\n") and "# govlint fix: policy" not in out
    assert "A maintainer may be removed by a vote of no confidence" in " ".join(
        (root / "GOVERNANCE.md").read_text(encoding="utf-8").split())


def test_each_rule_says_which_kind_of_fix_it_has():
    from govlint.rules.registry import load_rules

    names = {rule.meta.name for rule in load_rules()}
    assert names <= set(FIX_KIND), f"rules without a fix kind: {sorted(names - set(FIX_KIND))}"
    assert {n for n, kind in FIX_KIND.items() if kind == "safe"} == {"code-of-conduct", "template-residue"}


def test_a_code_of_conduct_to_create_is_a_proposal_not_a_safe_fix(tmp_path):
    plan = plan_fixes(copy(tmp_path, "tsc-led"))
    assert not plan.changes
    created = next(c for c in plan.proposals if c.path == "CODE_OF_CONDUCT.md")
    assert created.before is None and "GL006" in next(c for c in plan.proposals if c.path == "GOVERNANCE.md").rules


def test_the_project_name_fills_its_placeholders_but_not_template_instructions(tmp_path, run_cli):
    root = copy(tmp_path, "template-copy")
    before = snapshot(root)
    code, out, err = run_cli("fix", str(root), "--write")
    assert code == 0, err
    governance = (root / "GOVERNANCE.md").read_text(encoding="utf-8")
    assert "The Steering Committee is the governing body of Emberkit. It is" in governance
    assert "Emberkit follows the\n[CNCF Code of Conduct]" in governance
    assert "Replace [TODO: PROJECTNAME] with the name of your project" in governance  # an HTML comment: kept
    assert "- Emberkit community seat (vacant)" in (root / "MAINTAINERS.md").read_text(encoding="utf-8")
    # Only those words changed: every line is the same length or the placeholder's line.
    for path in ("GOVERNANCE.md", "MAINTAINERS.md"):
        old, new = before[path].splitlines(), (root / path).read_text(encoding="utf-8").splitlines()
        assert len(old) == len(new)
        assert [(a, b) for a, b in zip(old, new) if a != b and "PROJECTNAME" not in a] == []
    assert snapshot(root)["CONTRIBUTOR_LADDER.md"] == before["CONTRIBUTOR_LADDER.md"]


def test_a_placeholder_left_in_a_proposal_keeps_its_rule_partial_in_every_report(tmp_path, run_cli):
    """The engine reads govlint fix's proposal comment: the rule stays partial while a placeholder it
    names is still in the text below it, whatever the text would otherwise pass."""
    root = tmp_path / "sparrow"
    root.mkdir()
    body = ("# Sparrow Governance\n\nThe maintainers lead Sparrow.\n\n## Removal\n\n"
            "<!-- govlint fix: a proposal to review with your maintainers. Fill in\n"
            "     GL104, recusal: `<two-thirds>`\n     then delete this comment. -->\n"
            "A maintainer may be removed for violating the Code of Conduct or for persistently failing their "
            "responsibilities, by a vote of `<two-thirds>` of all maintainers, not counting the person concerned.\n\n"
            "The person concerned does not vote and is not counted in the threshold.\n")
    (root / "GOVERNANCE.md").write_text(body, encoding="utf-8")
    report = lint(str(root))
    for name in ("removal-threshold", "recusal"):
        result = report.result(name)
        assert result.status == "partial", (name, result.status, result.message)
        assert result.message.startswith("missing: a decision in place of `<two-thirds>` (GOVERNANCE.md:10,")
        assert result.near_miss[0].line == 10
    code, out, _ = run_cli("check", str(root), "--format", "concise", "--no-cache")
    assert ": GL104 removal-threshold partly met: missing: a decision in place of `<two-thirds>` (GOVERNANCE.md:10" \
        in out
    # Filled in, the rule is judged on the text alone.
    (root / "GOVERNANCE.md").write_text(body.replace("vote of `<two-thirds>`", "vote of two-thirds"), encoding="utf-8")
    report = lint(str(root))
    assert report.result("removal-threshold").status == "pass" and report.result("recusal").status == "pass"


# --------------------------------------------------------------------------------------------------
# --write changes nothing but what it adds (issue 13, item 3): line endings, encoding, mode, links,
# read-only files, and all files or none.

_GOVERNANCE = "# Widget Governance\n\nThe maintainers lead the project and decide by majority vote.\n"


def fill_placeholders_utf16(path: Path) -> None:
    text = path.read_bytes().decode("utf-16")
    for placeholder, decision in FILLED.items():
        text = text.replace(placeholder, decision)
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


def _widget(tmp_path: Path, raw: bytes | None = None) -> Path:
    root = tmp_path / "widget"
    root.mkdir()
    (root / "GOVERNANCE.md").write_bytes(raw if raw is not None else _GOVERNANCE.encode())
    return root


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_write_keeps_the_line_endings(tmp_path, run_cli, newline):
    original = _GOVERNANCE.replace("\n", newline).encode()
    root = _widget(tmp_path, original)
    code, _, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0, err
    after = (root / "GOVERNANCE.md").read_bytes()
    assert after.startswith(original) and len(after) > len(original) + 1000
    added = after[len(original):].decode()
    assert added.count(newline) > 20 and added.replace(newline, "").count("\n" if newline == "\r" else "\r") == 0
    assert "## Involuntary removal and vote of no confidence" + newline in added


def test_write_keeps_utf16_with_its_byte_order_mark(tmp_path, run_cli):
    original = b"\xff\xfe" + _GOVERNANCE.replace("\n", "\r\n").encode("utf-16-le")
    root = _widget(tmp_path, original)
    code, out, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0 and "Traceback" not in err and "internal error" not in err, err
    after = (root / "GOVERNANCE.md").read_bytes()
    assert after.startswith(original)
    text = after.decode("utf-16")
    assert "\r\n## Involuntary removal and vote of no confidence\r\n" in text and "\n\n" not in text.replace("\r\n", "")
    fill_placeholders_utf16(root / "GOVERNANCE.md")
    assert lint(str(root)).result("GL103").status == "pass"


def test_write_keeps_the_mode_of_an_executable_file(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "GOVERNANCE.md").chmod(0o755)
    assert run_cli("fix", str(root), "--write", "--unsafe")[0] == 0
    assert (root / "GOVERNANCE.md").stat().st_mode & 0o777 == 0o755


def test_write_goes_through_a_symlink_to_its_target_and_keeps_the_link(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "docs").mkdir()
    (root / "GOVERNANCE.md").rename(root / "docs" / "governance.md")
    (root / "GOVERNANCE.md").symlink_to("docs/governance.md")
    code, _, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 0, err
    assert (root / "GOVERNANCE.md").is_symlink() and os.readlink(root / "GOVERNANCE.md") == "docs/governance.md"
    assert "## Involuntary removal" in (root / "docs" / "governance.md").read_text(encoding="utf-8")


def test_write_keeps_a_hard_link_one_file(tmp_path, run_cli):
    root = _widget(tmp_path)
    os.link(root / "GOVERNANCE.md", tmp_path / "elsewhere.md")
    assert run_cli("fix", str(root), "--write", "--unsafe")[0] == 0
    assert (root / "GOVERNANCE.md").stat().st_ino == (tmp_path / "elsewhere.md").stat().st_ino
    assert "## Involuntary removal" in (tmp_path / "elsewhere.md").read_text(encoding="utf-8")


def test_write_refuses_a_read_only_file_and_creates_nothing(tmp_path, run_cli):
    root = _widget(tmp_path)
    (root / "GOVERNANCE.md").chmod(0o444)
    code, out, err = run_cli("fix", str(root), "--write", "--unsafe")
    assert code == 2 and err == "govlint: error: GOVERNANCE.md: is read-only; govlint fix does not change it " \
                               "(make it writable, or apply the diff by hand)\n"
    assert (root / "GOVERNANCE.md").read_text(encoding="utf-8") == _GOVERNANCE
    assert (root / "GOVERNANCE.md").stat().st_mode & 0o777 == 0o444
    assert sorted(p.name for p in root.iterdir()) == ["GOVERNANCE.md"]  # no CODE_OF_CONDUCT.md either


def test_write_is_all_or_nothing_when_a_file_changed_since_the_plan(tmp_path):
    root = _widget(tmp_path)
    plan = plan_fixes(root)
    assert {c.path for c in plan.combined} >= {"CODE_OF_CONDUCT.md", "GOVERNANCE.md"}
    (root / "GOVERNANCE.md").write_text(_GOVERNANCE + "Edited.\n", encoding="utf-8")
    with pytest.raises(GovlintError, match="changed since the fix was planned"):
        plan.write(unsafe=True)
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
        plan.write(unsafe=True)
    assert sorted(p.name for p in root.iterdir()) == ["GOVERNANCE.md"]
    assert (root / "GOVERNANCE.md").read_text(encoding="utf-8") == _GOVERNANCE
