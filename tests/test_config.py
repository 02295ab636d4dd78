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
    ("bad-level.yaml", "level: 'platinum' is not one of"),
    ("unknown-key.yaml", "unknown key ('levle' was unexpected)"),
])
def test_bad_configs_name_the_file_and_the_key(fixtures, name, message):
    with pytest.raises(ConfigError) as info:
        load_config(fixtures / "configs" / name)
    assert str(info.value).startswith(str(fixtures / "configs" / name) + ": ")
    assert message in str(info.value)


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
