"""Projects files (CLOMonitor YAML, plain lists) and shards."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from govlint.audit.projects import load_projects, parse_shard, shard
from govlint.errors import UsageError

CLOMONITOR = """\
# the shape of cncf/clomonitor's data/cncf.yaml
- name: artifacthub
  display_name: Artifact Hub
  description: Find, install and publish Cloud native packages
  category: app definition
  logo_url: https://example.org/logo.svg
  accepted_at: "2020-06-25"
  maturity: incubating
  repositories:
    - name: hub
      url: https://github.com/artifacthub/hub
      check_sets: [code, community]
- name: kubernetes
  maturity: graduated
  repositories:
    - name: kubernetes
      url: https://github.com/kubernetes/kubernetes
      check_sets: [code]
    - name: community
      url: https://github.com/kubernetes/community
      check_sets: [community]
- name: tiny
  maturity: Incubation
  repositories:
    - url: https://github.com/tiny/tiny
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_clomonitor_file_reads_names_maturity_and_governance_repositories(tmp_path):
    projects = load_projects(write(tmp_path, "cncf.yaml", CLOMONITOR)).projects
    assert [p.name for p in projects] == ["artifacthub", "kubernetes", "tiny"]
    hub, k8s, tiny = projects
    assert hub.display_name == "Artifact Hub" and hub.maturity == "incubating" and hub.next_level == "graduated"
    # Only the repository in CLOMonitor's community check set is read for governance.
    assert [r.url for r in k8s.audited] == ["https://github.com/kubernetes/community"]
    assert k8s.next_level is None
    # No check sets at all: every repository is read; "incubation" is CLOMonitor's LF AI spelling.
    assert tiny.maturity == "incubating" and [r.name for r in tiny.audited] == ["tiny"]


def test_plain_list_with_maturity_comments_and_paths_relative_to_the_file(tmp_path):
    (tmp_path / "checkouts" / "local").mkdir(parents=True)
    path = write(tmp_path, "projects.txt", """\
        # one target per line
        github:acme/widget incubating
        https://github.com/acme/community   # a comment

        checkouts/local sandbox
        """)
    projects = load_projects(path).projects
    assert [(p.name, p.maturity) for p in projects] == [
        ("github:acme/widget", "incubating"), ("https://github.com/acme/community", None),
        ("checkouts/local", "sandbox")]
    assert projects[2].repositories[0].lint_target == str(tmp_path / "checkouts" / "local")
    assert projects[0].repositories[0].lint_target == "github:acme/widget"


@pytest.mark.parametrize("text, message", [
    ("- name: a\n  maturity: sandbox\n  repositories: [{url: github:a/a}]\n"
     "- name: a\n  maturity: sandbox\n  repositories: [{url: github:a/b}]\n", "project 'a' is listed twice"),
    ("- name: a\n  maturity: archived\n  repositories: [{url: github:a/a}]\n", "maturity 'archived' is not one of"),
    ("- name: a\n  repositories: [{name: x}]\n", "project 'a': every repository needs a url"),
    ("- name: a\n  repositories: []\n", "repositories must be a non-empty list"),
    ("- {maturity: sandbox}\n", "entry 1 has no name"),
    ("name: a\n", "a YAML list of projects"),
    ("- name: [\n", "invalid YAML: line 2"),
    ("- name: a\n  repositories: [{url: github:a/a}]\n  name: b\n",
     "invalid YAML: line 3: key 'name' is given twice in one mapping"),
])
def test_broken_projects_files_name_the_file_and_the_problem(tmp_path, text, message):
    path = write(tmp_path, "projects.yaml", text)
    with pytest.raises(UsageError) as err:
        load_projects(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_a_missing_or_empty_projects_file_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such projects file"):
        load_projects(tmp_path / "nope.yaml")
    with pytest.raises(UsageError, match="lists no projects"):
        load_projects(write(tmp_path, "empty.txt", "# nothing\n"))
    with pytest.raises(UsageError, match="line 1: maturity 'big'"):
        load_projects(write(tmp_path, "bad.txt", "github:a/b big\n"))


def test_the_digest_ignores_formatting_but_not_content(tmp_path):
    one = load_projects(write(tmp_path, "a.yaml", CLOMONITOR))
    two = load_projects(write(tmp_path, "b.yaml", "\n\n" + CLOMONITOR.replace("[code, community]", "\n        - code\n        - community")))
    three = load_projects(write(tmp_path, "c.yaml", CLOMONITOR.replace("incubating", "sandbox")))
    assert one.digest == two.digest != three.digest


@pytest.mark.parametrize("spec, expected", [("1/1", (1, 1)), ("2/4", (2, 4)), (" 3 / 3 ", (3, 3))])
def test_parse_shard(spec, expected):
    assert parse_shard(spec) == expected


@pytest.mark.parametrize("spec", ["0/3", "4/3", "1/0", "1", "a/b", "1/2/3", ""])
def test_bad_shards_are_usage_errors(spec):
    with pytest.raises(UsageError, match="--shard"):
        parse_shard(spec)


def test_shards_cover_every_project_once_and_evenly(tmp_path):
    path = write(tmp_path, "p.txt", "".join(f"github:o/r{i}\n" for i in range(23)))
    projects = load_projects(path).projects
    parts = [shard(projects, i, 4) for i in range(1, 5)]
    names = [p.name for part in parts for p in part]
    assert sorted(names) == sorted(p.name for p in projects) and len(names) == len(set(names))
    assert {len(part) for part in parts} <= {5, 6}
    assert shard(projects, 2, 4) == shard(load_projects(path).projects, 2, 4)  # deterministic
