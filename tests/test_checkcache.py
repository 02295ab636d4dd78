"""The result cache: an unchanged checkout is answered without running the rules, and any change
to what shaped the report (a document, a new candidate file, a link target appearing, the
configuration) recomputes it."""
from __future__ import annotations

import shutil

import pytest

import govlint.rules.registry as registry
from govlint.api import lint
from govlint.checkcache import CheckCache


@pytest.fixture
def project(fixtures, tmp_path):
    target = tmp_path / "project"
    shutil.copytree(fixtures / "projects" / "linked", target)
    return target


@pytest.fixture
def runs(monkeypatch):
    """How many times the rules were loaded, i.e. how many reports were computed."""
    count = {"n": 0}
    original = registry.load_rules

    def counting(**kwargs):
        count["n"] += 1
        return original(**kwargs)

    monkeypatch.setattr(registry, "load_rules", counting)
    return count


def test_unchanged_checkout_is_answered_from_the_cache(project, tmp_path, runs):
    cache = CheckCache(tmp_path / "cache")
    first = lint(str(project), cache=cache)
    second = lint(str(project), cache=cache)
    assert runs["n"] == 1
    assert second == first


@pytest.mark.parametrize("change", [
    "edit a linked document", "add a candidate file", "create a link target that was missing",
    "add a configuration file", "change the options",
])
def test_any_input_change_recomputes(project, tmp_path, runs, change):
    cache = CheckCache(tmp_path / "cache")
    (project / "docs" / "governance" / "README.md").write_text(
        (project / "docs" / "governance" / "README.md").read_text() + "\nSee also [appeals](appeals.md).\n")
    before = lint(str(project), cache=cache)
    options = {}
    if change == "edit a linked document":
        removal = project / "docs" / "governance" / "removal.md"
        removal.write_text("# Removal\n\nThere is currently no process to remove a maintainer.\n")
    elif change == "add a candidate file":
        (project / "CODE_OF_CONDUCT.md").write_text("# Code of Conduct\n\nWe follow the CNCF Code of Conduct.\n")
    elif change == "create a link target that was missing":
        (project / "docs" / "governance" / "appeals.md").write_text(
            "# Appeals\n\nUnresolved conflicts are escalated to the CNCF TOC at cncf-private-toc@lists.cncf.io.\n")
    elif change == "add a configuration file":
        (project / ".govlint.yaml").write_text("ignore: [vendor-neutrality]\n")
    else:
        options = {"level": "sandbox"}
    after = lint(str(project), cache=cache, **options)
    assert runs["n"] == 2
    assert after != before
    if change == "edit a linked document":
        assert after.result("removal-process").status == "fail"
    if change == "create a link target that was missing":
        assert after.result("escalation-path").status == "pass"
        assert "docs/governance/appeals.md" in [d.path for d in after.documents]


def test_cli_no_cache_always_recomputes(project, run_cli, runs):
    for _ in range(2):
        assert run_cli("check", str(project), "--format", "json", "--no-cache")[0] in (0, 1)
    assert runs["n"] == 2
    for _ in range(2):
        run_cli("check", str(project), "--format", "json")
    assert runs["n"] == 3


def test_a_damaged_cache_entry_is_recomputed(project, tmp_path, runs):
    cache = CheckCache(tmp_path / "cache")
    lint(str(project), cache=cache)
    for entry in (tmp_path / "cache").glob("*.json"):
        entry.write_text("{not json")
    lint(str(project), cache=cache)
    assert runs["n"] == 2


def test_a_file_judged_by_its_title_is_an_input(tmp_path, runs):
    """Discovery read docs/organization.md's head to judge it: retitled, it becomes governance."""
    project = tmp_path / "site"
    (project / "docs").mkdir(parents=True)
    page = project / "docs" / "organization.md"
    page.write_text("# Organization chart\n\nThe boxes and lines.\n")
    cache = CheckCache(tmp_path / "cache")
    assert lint(str(project), cache=cache).documents == ()
    page.write_text("# Organization of the project\n\nMaintainers decide by majority vote.\n")
    again = lint(str(project), cache=cache)
    assert runs["n"] == 2
    assert [(d.path, d.kind) for d in again.documents] == [("docs/organization.md", "governance")]
