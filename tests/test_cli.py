"""The command line as a user meets it: formats, levels, selection, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def test_check_text_report_shows_levels_table_score_and_fixes(run_cli, fixtures):
    code, out, err = run_cli("check", str(fixtures / "projects" / "template-copy"), "--no-color")
    assert code == 0, err
    for text in ("sandbox", "incubating", "graduated", "GL103", "vote-of-no-confidence", "Score", "rating",
                 "What to add first"):
        assert text in out


def test_json_report_is_valid_and_recomputable(run_cli, fixtures):
    import jsonschema

    from govlint.resources import schema

    code, out, _ = run_cli("check", str(fixtures / "projects" / "exemplary"), "--format", "json")
    document = json.loads(out)
    jsonschema.Draft202012Validator(schema("report")).validate(document)
    [data] = document["reports"]  # always a list of reports, even for one target
    counted = [r for r in data["results"] if r["status"] not in ("not-applicable", "waived")]
    earned = sum(r["weight"] * {"pass": 1, "partial": 0.5}.get(r["status"], 0) for r in counted)
    assert data["score"] == round(100 * earned / sum(r["weight"] for r in counted), 1)
    assert data["profile"] == "toc" and data["govlint_version"]
    assert {d["path"] for d in data["documents"]} >= {"GOVERNANCE.md", "MAINTAINERS.md"}


def test_level_sets_the_exit_code(run_cli, fixtures):
    minimal = str(fixtures / "projects" / "minimal")
    code, _, _ = run_cli("check", minimal, "--level", "graduated", "--format", "json")
    assert code == 1
    code, _, _ = run_cli("check", minimal, "--format", "json")
    assert code == 0


def test_fail_under(run_cli, fixtures):
    minimal = str(fixtures / "projects" / "minimal")
    assert run_cli("check", minimal, "--fail-under", "99", "--format", "json")[0] == 1
    assert run_cli("check", minimal, "--fail-under", "0", "--format", "json")[0] == 0


def test_select_and_ignore_by_code_prefix_and_name(run_cli, fixtures):
    code, out, _ = run_cli("check", str(fixtures / "projects" / "exemplary"), "--format", "json",
                           "--select", "GL1", "--ignore", "recusal,GL108")
    names = [r["name"] for r in json.loads(out)["reports"][0]["results"]]
    assert names == ["removal-process", "inactivity-policy", "vote-of-no-confidence", "removal-threshold",
                     "restorative-step", "removal-procedure"]


def test_unknown_rule_format_and_level_are_usage_errors(run_cli, fixtures):
    target = str(fixtures / "projects" / "minimal")
    for args, needle in ((["--select", "GL999"], "unknown rule"), (["--format", "yaml"], "unknown format"),
                         (["--level", "platinum"], "unknown level"), (["--profile", "strict"], "unknown profile")):
        code, out, err = run_cli("check", target, *args)
        assert code == 2 and needle in err and err.count("\n") == 1


def test_missing_path_is_one_line_error(run_cli):
    code, out, err = run_cli("check", "/no/such/checkout")
    assert code == 2
    assert err == "govlint: error: /no/such/checkout: no such file or directory\n"


def test_documents_given_as_paths_are_one_report(run_cli, fixtures):
    base = fixtures / "rules" / "vote-of-no-confidence"
    code, out, _ = run_cli("check", str(base / "pass.md"), "--format", "json", "--select", "vote-of-no-confidence")
    [data] = json.loads(out)["reports"]
    assert [d["path"] for d in data["documents"]] == ["tests/fixtures/rules/vote-of-no-confidence/pass.md"]


def test_output_file_and_markdown(run_cli, fixtures, tmp_path):
    target = tmp_path / "report.md"
    code, out, _ = run_cli("check", str(fixtures / "projects" / "exemplary"), "--format", "markdown",
                           "--output", str(target))
    assert out == ""
    text = target.read_text()
    assert text.startswith("## govlint:") and "| GL202 | escalation-path |" in text


def test_rules_and_explain(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and out.count("\n") >= 20 and "GL103  vote-of-no-confidence" in out
    code, out, _ = run_cli("explain", "GL103")
    assert code == 0
    for text in ("vote-of-no-confidence", "Why it matters", "cncf/toc:docs/tech_leadership_principles_guidance.md",
                 "What to add", "profile templates"):
        assert text in out
    assert run_cli("explain", "no-such-rule")[0] == 2


def test_version_lists_plugins(run_cli):
    code, out, _ = run_cli("--version")
    assert code == 0 and out.startswith("govlint ") and "leader-coverage" in out


def test_python_dash_m_and_console_script_agree(fixtures):
    out = subprocess.run([sys.executable, "-m", "govlint", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("govlint ")


@pytest.mark.parametrize("args,needle", [
    (["check", "--no-such-option"], "No such option"),
    (["check", "--fail-under", "lots"], "lots"),
    (["no-such-command"], "No such command"),
])
def test_command_line_mistakes_are_one_line_usage_errors(run_cli, args, needle):
    code, out, err = run_cli(*args)
    assert code == 2 and needle in err and err.startswith("govlint: error: ") and err.count("\n") == 1


def test_a_checkout_without_governance_scores_zero_and_says_what_to_add_first(run_cli, tmp_path):
    (tmp_path / "main.py").write_text("print('hello')\n")
    code, out, _ = run_cli("check", str(tmp_path), "--format", "json")
    import json as _json

    data = _json.loads(out)["reports"][0]
    assert data["documents"] == [] and data["score"] == 0 and data["rating"] == "D"
    assert next(r for r in data["results"] if r["name"] == "template-residue")["status"] == "not-applicable"
    code, out, _ = run_cli("check", str(tmp_path), "--no-color")
    fixes = out.split("What to add first", 1)[1]
    # the sandbox requirements first, then the heaviest of what incubating requires
    assert fixes.index("maintainer-list") < fixes.index("code-of-conduct") < fixes.index("vote-of-no-confidence")


def test_json_is_one_shape_for_one_target_and_for_several(run_cli, fixtures):
    import jsonschema

    from govlint.resources import schema

    validator = jsonschema.Draft202012Validator(schema("report"))
    one = json.loads(run_cli("check", str(fixtures / "projects" / "minimal"), "--format", "json")[1])
    two = json.loads(run_cli("check", str(fixtures / "projects" / "minimal"), str(fixtures / "projects" / "exemplary"),
                             "--format", "json")[1])
    for document in (one, two):
        validator.validate(document)
        assert set(document) == {"govlint_version", "reports"}
    assert [r["target"].rsplit("/", 1)[-1] for r in one["reports"]] == ["minimal"]
    assert [r["target"].rsplit("/", 1)[-1] for r in two["reports"]] == ["minimal", "exemplary"]


def test_a_selection_leaves_levels_not_assessed_unless_a_rule_that_ran_fails(run_cli, fixtures):
    exemplary, minimal = str(fixtures / "projects" / "exemplary"), str(fixtures / "projects" / "minimal")
    code, out, _ = run_cli("check", exemplary, "--format", "json", "--select", "GL103,GL104", "--level", "graduated")
    [data] = json.loads(out)["reports"]
    assert {level: v["status"] for level, v in data["levels"].items()} == {
        "sandbox": "not assessed", "incubating": "not assessed", "graduated": "not assessed"}
    assert data["level_met"] is None and not data["levels"]["graduated"]["met"]
    assert "maintainer-list" in data["levels"]["sandbox"]["not_run"]
    assert code == 0  # nothing that ran fails the target
    # --ignore leaves a level open the same way.
    [data] = json.loads(run_cli("check", exemplary, "--format", "json", "--ignore", "maintainer-list")[1])["reports"]
    assert data["levels"]["sandbox"]["status"] == "not assessed" and data["level_met"] is None
    # A required rule that ran and fails settles it: not met, and the target fails.
    code, out, _ = run_cli("check", minimal, "--format", "json", "--select", "GL002", "--level", "sandbox")
    [data] = json.loads(out)["reports"]
    assert data["levels"]["sandbox"]["status"] == "not met" and data["levels"]["graduated"]["status"] == "not met"
    assert code == 1
    # Every format that shows levels says so.
    _, markdown, _ = run_cli("check", exemplary, "--format", "markdown", "--select", "GL103,GL104")
    assert "| graduated | ❔ not assessed |" in markdown and "level met: not assessed" in markdown
    _, badge, _ = run_cli("check", exemplary, "--format", "badge", "--select", "GL103,GL104")
    assert json.loads(badge)["message"].startswith("levels not assessed")


def test_one_run_writes_several_formats(run_cli, fixtures, tmp_path):
    sarif, summary = tmp_path / "govlint.sarif", tmp_path / "summary.md"
    code, out, _ = run_cli("check", str(fixtures / "projects" / "template-copy"), "--format", "concise",
                           "-o", f"sarif={sarif}", "--output", f"markdown={summary}", "--level", "incubating")
    assert code == 1
    assert out.splitlines()[-1].endswith("target incubating: not met")  # stdout keeps --format
    assert json.loads(sarif.read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert summary.read_text(encoding="utf-8").startswith("## govlint: ")
    # A plain file takes the --format report instead of stdout, as before.
    code, out, _ = run_cli("check", str(fixtures / "projects" / "minimal"), "-f", "json", "-o", str(tmp_path / "r.json"))
    assert out == "" and json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["reports"]
    code, _, err = run_cli("check", str(fixtures / "projects" / "minimal"), "-o", f"sarf={tmp_path / 'x'}")
    assert code == 2 and "unknown format 'sarf'" in err and err.count("\n") == 1


def test_default_fail_under_applies_only_when_nothing_else_gates(run_cli, fixtures, tmp_path):
    import shutil

    project = Path(shutil.copytree(fixtures / "projects" / "template-copy", tmp_path / "emberkit"))
    (project / "CONTRIBUTOR_LADDER.md").unlink()  # rated C (29.4), meets sandbox
    assert run_cli("check", str(project), "-q")[0] == 0
    assert run_cli("check", str(project), "-q", "--default-fail-under", "50")[0] == 1
    # A level (configured or given) decides instead; so does a fail_under of the project's own.
    assert run_cli("check", str(project), "-q", "--default-fail-under", "50", "--level", "sandbox")[0] == 0
    (project / ".govlint.yaml").write_text("level: sandbox\n", encoding="utf-8")
    assert run_cli("check", str(project), "-q", "--default-fail-under", "50")[0] == 0
    (project / ".govlint.yaml").write_text("fail_under: 20\n", encoding="utf-8")
    assert run_cli("check", str(project), "-q", "--default-fail-under", "50")[0] == 0


def test_rules_listing_has_a_header_and_words(run_cli):
    code, out, _ = run_cli("rules")
    header, *rows = out.splitlines()
    assert header.split() == ["code", "rule", "weight", "sandbox", "incubating", "graduated", "title"]
    row = next(r for r in rows if r.startswith("GL002 "))
    assert row.split()[:6] == ["GL002", "maintainer-list", "2", "required", "required", "required"]
    assert "=" not in "".join(rows[:20]) and "san" not in " ".join(r.split()[3] for r in rows if r.startswith("GL"))
    assert "recommended" in out and "required:" in out  # and a key to the words


def test_an_output_file_that_cannot_be_written_spoils_no_other(run_cli, fixtures, tmp_path):
    sarif = tmp_path / "govlint.sarif"
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "-f", "concise",
                             "-o", f"markdown={tmp_path / 'no-such-folder' / 'summary.md'}", "-o", f"sarif={sarif}")
    assert code == 2 and err.startswith("govlint: error: ") and err.count("\n") == 1 and "summary.md" in err
    assert sarif.is_file() and out.splitlines()[-1].startswith(str(fixtures / "projects" / "minimal"))


def test_explain_shows_how_the_rule_reads_with_its_probes_examples(run_cli):
    code, out, _ = run_cli("explain", "escalation-path")
    assert code == 0
    reads = out.split("How it reads", 1)[1]
    assert "external:" in reads and "PASS  " in reads and "FAIL  " in reads
    assert "The project follows the CNCF Code of Conduct." in reads  # a FAIL example: adopting is not escalating
