"""The command line as a user meets it: formats, levels, selection, exit codes."""
from __future__ import annotations

import json
import subprocess
import sys

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
    data = json.loads(out)
    jsonschema.Draft202012Validator(schema("report")).validate(data)
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
    names = [r["name"] for r in json.loads(out)["results"]]
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
    data = json.loads(out)
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

    data = _json.loads(out)
    assert data["documents"] == [] and data["score"] == 0 and data["rating"] == "D"
    assert next(r for r in data["results"] if r["name"] == "template-residue")["status"] == "not-applicable"
    code, out, _ = run_cli("check", str(tmp_path), "--no-color")
    fixes = out.split("What to add first", 1)[1]
    # the sandbox requirements first, then the heaviest of what incubating requires
    assert fixes.index("maintainer-list") < fixes.index("code-of-conduct") < fixes.index("vote-of-no-confidence")
