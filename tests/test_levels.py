"""A pack declares its maturity levels and profiles: another foundation's pack works end to end."""
from __future__ import annotations

import json

import jsonschema
import pytest

from govlint.resources import schema

GOVERNANCE = ("# Governance\n\nThe chair serves a term of two years.\n\n"
              "Decisions are made by a vote of the maintainers.\n")


@pytest.fixture
def metals(fixtures):
    return str(fixtures / "packs" / "metals.yaml")


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "GOVERNANCE.md").write_text(GOVERNANCE, encoding="utf-8")
    return str(tmp_path / "project")


def test_a_pack_with_its_own_levels_is_checked_on_them(run_cli, metals, project):
    code, out, err = run_cli("check", project, "--rule-pack", metals, "--level", "silver", "--no-cache",
                             "--format", "json")
    assert code == 0 and err == ""
    [report] = json.loads(out)["reports"]
    jsonschema.validate(json.loads(out), schema("report"))
    assert list(report["levels"]) == ["bronze", "silver", "gold"]
    assert [v["status"] for v in report["levels"].values()] == ["met", "met", "not met"]
    assert report["levels"]["gold"]["missing"] == ["security-contact"]
    assert report["level_met"] == "silver" and report["target_level"] == "silver"
    assert report["profile"] == "standard" and report["ladder"] == "metals"
    # The built-in CNCF rules are on other levels: they are not part of this check.
    assert [r["code"] for r in report["results"]] == ["MT001", "MT002", "MT003"]


def test_sarif_tags_name_the_pack_whose_levels_are_checked(run_cli, metals, project):
    """Code scanning filters by tag: another foundation's rules are not tagged as the CNCF's."""
    code, out, _ = run_cli("check", project, "--rule-pack", metals, "--no-cache", "--format", "sarif")
    tags = {tuple(rule["properties"]["tags"]) for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
            if rule["id"] != "discovery"}
    assert tags == {("governance", "metals")}
    code, out, _ = run_cli("check", project, "--no-cache", "--format", "sarif")
    tags = {tuple(rule["properties"]["tags"]) for rule in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
            if rule["id"] != "discovery"}
    assert tags == {("governance", "cncf")}

    code, out, _ = run_cli("check", project, "--rule-pack", metals, "--level", "gold", "--no-cache", "--no-color")
    assert code == 1
    lines = [line.split() for line in out.splitlines()]
    assert ["bronze", "✓", "met", "all", "required", "rules", "pass"] in lines
    assert ["gold", "✗", "not", "met", "(target)", "missing:", "security-contact"] in lines
    assert "Level met: silver  ·  target gold: not met" in out


def test_a_profile_the_pack_declares_changes_what_a_level_requires(run_cli, metals, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text("# Governance\n\nThe chair serves a term of two years.\n")
    code, out, _ = run_cli("check", str(tmp_path), "--rule-pack", metals, "--level", "silver", "--no-cache", "-q")
    assert code == 1 and "target silver: not met" in out
    code, out, _ = run_cli("check", str(tmp_path), "--rule-pack", metals, "--level", "silver", "--no-cache",
                           "--profile", "lenient", "--format", "json")
    [report] = json.loads(out)["reports"]
    assert code == 0 and report["profile"] == "lenient" and report["level_met"] == "silver"
    vote = next(r for r in report["results"] if r["code"] == "MT002")
    assert vote["level"] == {"bronze": "recommended", "silver": "recommended", "gold": "advisory"}
    assert report["levels"]["gold"]["advisories"] == ["decision-vote"]


@pytest.mark.parametrize("option,message", [
    (("--level", "graduated"), "unknown level 'graduated': choose one of bronze, silver, gold"),
    (("--profile", "toc"), "unknown profile 'toc': choose one of standard, lenient"),
])
def test_level_and_profile_are_those_the_packs_declare(run_cli, metals, project, option, message):
    code, out, err = run_cli("check", project, "--rule-pack", metals, *option, "--no-cache")
    assert code == 2 and out == "" and err == f"govlint: error: {message}\n"


def test_the_configuration_names_a_level_of_its_packs(run_cli, fixtures, project, tmp_path):
    config = tmp_path / ".govlint.yaml"
    config.write_text(f"rule_packs: [{fixtures / 'packs' / 'metals.yaml'}]\nlevel: gold\nprofile: lenient\n")
    code, out, _ = run_cli("check", project, "--config", str(config), "--no-cache", "-q")
    assert code == 1 and "target gold: not met" in out
    config.write_text(f"rule_packs: [{fixtures / 'packs' / 'metals.yaml'}]\nlevel: incubating\n")
    code, _, err = run_cli("check", project, "--config", str(config), "--no-cache")
    assert code == 2
    assert err == f"govlint: error: {config}: level: unknown level 'incubating': choose one of bronze, silver, gold\n"


def test_badge_rules_and_explain_use_the_packs_levels(run_cli, metals, project, tmp_path):
    for _ in range(2):  # the second from the result cache: the report keeps its levels' pack
        code, out, _ = run_cli("check", project, "--rule-pack", metals, "--cache-dir", str(tmp_path / "cache"),
                               "--format", "badge")
        assert json.loads(out)["message"] == "silver criteria met · score 66.7/100"
        assert json.loads(out)["color"] == "green"  # one below the top level, as incubating is
    assert list((tmp_path / "cache" / "checks").iterdir())
    code, out, _ = run_cli("rules", "--rule-pack", metals)
    assert out.splitlines()[0].split() == ["code", "rule", "weight", "bronze", "silver", "gold", "title"]
    assert "Profile standard." in out
    code, out, _ = run_cli("explain", "MT002", "--rule-pack", metals)
    assert "profile standard  bronze: recommended  silver: required  gold: required" in out
    assert "profile lenient   bronze: recommended  silver: recommended  gold: advisory" in out


def _pack(tmp_path, metals, old, new):
    text = open(metals, encoding="utf-8").read()
    assert old in text
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("old,new,message", [
    ("{bronze: required, silver: required, gold: required}", "{bronze: required, silver: required, platinum: required}",
     "rule chair-term: levels: names the level 'platinum', which is not one of the metals pack's levels "
     "(bronze, silver, gold)"),
    ("{bronze: required, silver: required, gold: required}", "{bronze: required, silver: required}",
     "rule chair-term: levels: gives no requirement for gold"),
    ("      lenient: {silver: recommended", "      strict: {silver: recommended",
     "rule decision-vote: profiles: names the profile 'strict', which is not one of the metals pack's profiles "
     "(standard, lenient)"),
    ("      lenient: {silver: recommended, gold: advisory}", "      lenient: {silver: recommended, golden: advisory}",
     "rule decision-vote: profiles: lenient: names the level 'golden'"),
    ("  - name: gold\n", "  - name: silver\n", "levels: silver declared twice"),
    ("    description: A mature project; it also has a security contact.\n", "",
     "levels/2: 'description' is a required property"),
])
def test_a_rule_naming_what_its_pack_does_not_declare_is_one_line(run_cli, metals, project, tmp_path, old, new,
                                                                   message):
    pack = _pack(tmp_path, metals, old, new)
    code, out, err = run_cli("check", project, "--rule-pack", pack, "--no-cache")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"govlint: error: {pack}: ") and message in err


def test_a_pack_without_levels_is_on_the_built_in_ones(run_cli, fixtures, metals, project, tmp_path):
    # valid.yaml declares no levels: its rules join the CNCF rules on sandbox, incubating, graduated.
    valid = str(fixtures / "packs" / "valid.yaml")
    code, out, _ = run_cli("check", project, "--rule-pack", valid, "--no-cache", "--format", "json")
    [report] = json.loads(out)["reports"]
    assert list(report["levels"]) == ["sandbox", "incubating", "graduated"] and "ladder" not in report
    assert {"EX001", "GL101"} <= {r["code"] for r in report["results"]}
    # ... so it cannot be checked together with a pack on other levels.
    code, out, err = run_cli("check", project, "--rule-pack", metals, "--rule-pack", valid, "--no-cache")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"govlint: error: {valid}: declares no levels, so it is on the built-in ones "
                          f"(sandbox, incubating, graduated), not those of {metals} (bronze, silver, gold)")
    # A rule of such a pack names the built-in levels.
    pack = tmp_path / "bad.yaml"
    pack.write_text(open(valid).read().replace("graduated: required", "gold: required"))
    code, _, err = run_cli("check", project, "--rule-pack", str(pack), "--no-cache")
    assert code == 2 and "rule chair-term: levels: names the level 'gold', which is not one of the cncf pack's " \
                         "levels (sandbox, incubating, graduated)" in err


def test_the_built_in_levels_and_profiles_are_the_cncf_packs():
    from govlint.rules.registry import builtin_ladder

    ladder = builtin_ladder()
    assert ladder.names == ("sandbox", "incubating", "graduated")
    assert ladder.profile_names == ("toc", "templates") and ladder.default_profile == "toc"


def test_an_audit_holds_projects_to_the_packs_levels(run_cli, metals, project, tmp_path):
    projects = tmp_path / "projects.txt"
    projects.write_text(f"{project} silver\n")
    out = tmp_path / "out"
    code, _, _ = run_cli("audit", str(projects), "--out", str(out), "--rule-pack", metals, "--quiet")
    assert code == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(summary, schema("summary"))
    assert list(summary["by_maturity"]) == ["bronze", "silver", "gold"]
    [entry] = summary["projects"]
    assert (entry["meets_maturity"], entry["next_level"], entry["missing_next"]) == (True, "gold", ["security-contact"])
    assert 'var LEVEL = {"": 0, "bronze": 1, "silver": 2, "gold": 3};' in (out / "index.html").read_text()
    projects.write_text(f"{project} incubating\n")
    code, _, err = run_cli("audit", str(projects), "--out", str(tmp_path / "o2"), "--rule-pack", metals)
    assert code == 2 and err == f"govlint: error: {projects}: line 1: maturity 'incubating' is not one of " \
                                 "bronze, silver, gold\n"


def test_a_pack_on_the_built_in_levels_may_add_a_profile(run_cli, fixtures, project, tmp_path):
    pack = tmp_path / "strict.yaml"
    text = (fixtures / "packs" / "valid.yaml").read_text()
    pack.write_text(text.replace("rules:\n", "profiles:\n  - {name: strict, description: Chairs' terms are required "
                                             "from sandbox.}\nrules:\n", 1)
                    + "    profiles:\n      strict: {sandbox: required, incubating: required}\n")
    code, out, err = run_cli("check", project, "--rule-pack", str(pack), "--profile", "strict", "--no-cache",
                             "--format", "json")
    [report] = json.loads(out)["reports"]
    assert err == "" and report["profile"] == "strict"
    results = {r["code"]: r["level"] for r in report["results"]}
    assert results["EX001"] == {"sandbox": "required", "incubating": "required", "graduated": "required"}
    # A built-in rule keeps its levels: under a profile that does not change it.
    assert results["GL103"] == {"sandbox": "recommended", "incubating": "required", "graduated": "required"}
