"""Configuration files, profiles and waivers."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from govlint.api import lint
from govlint.config import Waiver, load_config
from govlint.errors import ConfigError


def test_yaml_config_is_read_and_validated(fixtures):
    config = load_config(fixtures / "configs" / "valid.yaml")
    assert config.level == "incubating" and config.profile == "templates" and config.fail_under == 40
    assert config.waivers[1] == Waiver(rule="GL107", reason="Recusal text is on its way", expires=dt.date(2020, 1, 31))


def test_pyproject_tool_table(fixtures):
    config = load_config(fixtures / "configs" / "pyproject.toml")
    assert config.level == "sandbox" and config.ignore == ("GL007",)


@pytest.mark.parametrize("name,message", [
    ("broken.yaml", "invalid YAML: line 5"),
    ("no-reason.yaml", "waivers/0: 'reason' is a required property"),
    ("unknown-key.yaml", "unknown key ('levle' was unexpected)"),
])
def test_bad_configs_name_the_file_and_the_key(fixtures, name, message):
    with pytest.raises(ConfigError) as info:
        load_config(fixtures / "configs" / name)
    assert str(info.value).startswith(str(fixtures / "configs" / name) + ": ")
    assert message in str(info.value)


def test_a_configured_level_is_one_the_rule_packs_declare(fixtures, run_cli, tmp_path):
    """The configuration's level is checked against the levels of the packs it runs with, and the
    error still names the file and the key."""
    config = fixtures / "configs" / "bad-level.yaml"
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "--config", str(config), "--no-cache")
    assert code == 2 and out == ""
    assert err == f"govlint: error: {config}: level: unknown level 'platinum': choose one of sandbox, incubating, " \
                  "graduated\n"


def test_checkout_config_applies_waivers_and_reports_expired_ones(fixtures, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(fixtures / "projects" / "template-copy", project)
    shutil.copy(fixtures / "configs" / "valid.yaml", project / ".govlint.yaml")
    report = lint(str(project), today=dt.date(2026, 11, 26))
    assert report.profile == "templates" and report.target_level == "incubating"
    assert report.result("vendor-neutrality") is None  # ignored
    threshold = report.result("removal-threshold")
    assert threshold.status == "waived" and threshold.waiver == "Threshold being decided in community/governance#42"
    recusal = report.result("recusal")
    assert recusal.status != "waived" and "expired on 2020-01-31" in recusal.waiver
    assert any("expired" in w for w in report.warnings)


def test_profiles_change_requirements(fixtures):
    target = str(fixtures / "projects" / "minimal")
    toc = lint(target)
    templates = lint(target, profile="templates")
    assert toc.result("vote-of-no-confidence").level["incubating"] == "required"
    assert templates.result("vote-of-no-confidence").level == {
        "sandbox": "recommended", "incubating": "recommended", "graduated": "advisory"}
    assert templates.profile == "templates"


def test_cli_config_errors_exit_2_with_one_line(run_cli, fixtures):
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "--config",
                             str(fixtures / "configs" / "broken.yaml"))
    assert code == 2 and err.startswith("govlint: error: ") and err.count("\n") == 1 and "broken.yaml" in err


# --------------------------------------------------------------------------------------------------
# A checkout's configuration is written by whoever wrote the checkout (issue 13, items 5 and 15)

SECRET = "machine github.com login ci password s3cr3t-hunter2\n"
EXTRA_PACK = """vocabulary:
  vote: [vote]
rules:
  - code: EX001
    name: extra-rule
    title: A rule
    rationale: Why it matters.
    criterion: {text: The criterion., source: example/policies:rules.md}
    weight: 1
    levels: {sandbox: recommended, incubating: recommended, graduated: required}
    remediation: What to add.
    check: {kind: probes, all: [vote]}
"""


@pytest.fixture
def checkout(fixtures, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(fixtures / "projects" / "template-copy", project)
    (tmp_path / "netrc").write_text(SECRET, encoding="utf-8")
    return project


def _config_error(run_cli, project, config: str) -> str:
    (project / ".govlint.yaml").write_text(config, encoding="utf-8")
    code, out, err = run_cli("check", str(project), "--format", "json", "--no-cache")
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert err.startswith(f"govlint: error: {project / '.govlint.yaml'}: ")
    assert "s3cr3t" not in err
    return err


@pytest.mark.parametrize("config, key, problem", [
    ("rule_packs: [{netrc}]\n", "rule_packs/0", "an absolute path"),
    ("rule_packs: [../netrc]\n", "rule_packs/0", "a path that leads outside the checkout"),
    ("rule_packs: [packs/extra.yaml, link.yaml]\n", "rule_packs/1", "a path that leads outside the checkout"),
    ("documents: [../netrc]\n", "documents/0", "a path that leads outside the checkout"),
], ids=["absolute", "dot-dot", "symlink", "documents"])
def test_paths_in_a_checkouts_config_stay_inside_it(run_cli, checkout, config, key, problem):
    (checkout / "packs").mkdir()
    (checkout / "packs" / "extra.yaml").write_text(EXTRA_PACK, encoding="utf-8")
    (checkout / "link.yaml").symlink_to(checkout.parent / "netrc")
    err = _config_error(run_cli, checkout, config.format(netrc=checkout.parent / "netrc"))
    assert f".govlint.yaml: {key}: {problem}; paths in a checkout's configuration stay inside the checkout" in err


def test_a_pack_inside_the_checkout_still_loads(checkout):
    (checkout / "packs").mkdir()
    (checkout / "packs" / "extra.yaml").write_text(EXTRA_PACK, encoding="utf-8")
    (checkout / ".govlint.yaml").write_text("rule_packs: [packs/extra.yaml]\n", encoding="utf-8")
    assert lint(str(checkout)).result("EX001").status == "pass"


def test_a_checkouts_config_that_is_a_symlink_out_of_it_is_refused(run_cli, checkout):
    (checkout / ".govlint.yaml").symlink_to(checkout.parent / "netrc")
    code, _, err = run_cli("check", str(checkout), "--no-cache")
    assert code == 2 and "leads outside the checkout" in err and "s3cr3t" not in err


def test_a_pack_or_config_the_user_names_is_trusted_and_never_quoted(run_cli, checkout, tmp_path):
    pack = tmp_path / "extra.yaml"
    pack.write_text(EXTRA_PACK, encoding="utf-8")
    config = tmp_path / "ci.yaml"
    config.write_text(f"rule_packs: [{pack}]\n", encoding="utf-8")
    code, out, err = run_cli("check", str(checkout), "--config", str(config), "--format", "json", "--no-cache")
    assert code == 0, err
    # The user's own mistake: a secret file named as a pack is refused without being quoted.
    for secret in (SECRET, "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\n", "rules:\n  - s3cr3t password\n"):
        (tmp_path / "netrc").write_text(secret, encoding="utf-8")
        code, _, err = run_cli("check", str(checkout), "--rule-pack", str(tmp_path / "netrc"), "--no-cache")
        assert code == 2 and err.count("\n") == 1 and "s3cr3t" not in err and "ghp_" not in err, err


def test_a_valid_waiver_applies_when_an_expired_one_names_the_same_rule(fixtures, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(fixtures / "projects" / "template-copy", project)
    (project / ".govlint.yaml").write_text(
        "waivers:\n  - {rule: GL107, reason: Recusal text is on its way, expires: 2020-01-31}\n"
        "  - {rule: recusal, reason: Recusal text merged in community#7, expires: 2099-01-01}\n", encoding="utf-8")
    recusal = lint(str(project), today=dt.date(2026, 11, 26)).result("recusal")
    assert recusal.status == "waived" and recusal.waiver == "Recusal text merged in community#7"


def test_a_blank_waiver_reason_is_refused(run_cli, checkout):
    err = _config_error(run_cli, checkout, "waivers: [{rule: GL107, reason: '     '}]\n")
    assert "waivers/0/reason: too short once blanks are left out" in err


def test_a_waiver_for_an_unknown_rule_or_a_prefix_is_reported(checkout):
    (checkout / ".govlint.yaml").write_text(
        "waivers:\n  - {rule: GL1, reason: The whole GL1 family}\n  - {rule: recusl, reason: A typo of recusal}\n",
        encoding="utf-8")
    report = lint(str(checkout))
    assert "waiver for 'GL1' waives nothing: a waiver names one rule by its code or name, not a code prefix" \
        in report.warnings
    assert "waiver for 'recusl' waives nothing: it matches no rule that ran" in report.warnings
    assert not any(r.status == "waived" for r in report.results)


@pytest.mark.parametrize("name, content, message", [
    (".govlint.yaml", "fail_under: .nan\n", "fail_under: not a finite number"),
    ("pyproject.toml", "[tool.govlint]\nfail_under = nan\n", "fail_under: not a finite number"),
    (".govlint.yaml", "level: sandbox\nprofile: toc\nlevel: graduated\n",
     "invalid YAML: line 3: key 'level' is given twice in one mapping"),
    (".govlint.yaml", "waivers:\n  - rule: GL107\n    reason: Recusal text is on its way\n    rule: GL101\n",
     "invalid YAML: line 4: key 'rule' is given twice in one mapping"),
], ids=["yaml-nan", "toml-nan", "duplicate-key", "duplicate-key-in-a-waiver"])
def test_config_values_that_are_not_what_they_seem_are_refused(run_cli, checkout, name, content, message):
    (checkout / name).write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", str(checkout), "--format", "json", "--no-cache")
    assert (code, out) == (2, "") and err == f"govlint: error: {checkout / name}: {message}" + (
        " (.nan and .inf are not numbers govlint can use)\n" if name == ".govlint.yaml" and "nan" in content
        else "\n")


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "101"])
def test_fail_under_outside_0_to_100_is_a_usage_error(run_cli, fixtures, value):
    code, out, err = run_cli("check", str(fixtures / "projects" / "minimal"), "--fail-under", value)
    assert (code, out, err) == (2, "", f"govlint: error: --fail-under {float(value)}: takes a score from 0 to 100\n")
