"""Discovery: which files are governance documents, the links followed, and no escape."""
from __future__ import annotations

import os

import pytest

from govlint.discover import candidate_kind, classify, decode, discover
from govlint.sources.base import UnreadableFile
from govlint.sources.local import LocalSource


@pytest.mark.parametrize("path,kind", [
    ("GOVERNANCE.md", "governance"), ("governance.rst", "governance"), ("docs/GOVERNANCE-maintainer.md", "governance"),
    ("CONTRIBUTOR_LADDER.md", "ladder"), ("community-roles.md", "ladder"), ("charter.md", "charter"),
    ("MAINTAINERS", "maintainers"), ("OWNERS.md", "maintainers"), ("CODE_OF_CONDUCT.md", "code-of-conduct"),
    ("CONTRIBUTING.md", "contributing"), ("SECURITY.md", "security"), ("elections.md", "elections"),
    ("steering-committee.md", "steering"), ("main.go", None), ("README.md", None), ("governance.png", None),
])
def test_classify_by_name(path, kind):
    assert classify(path) == kind


def test_candidates_live_near_the_root_or_in_governance_folders():
    assert candidate_kind("docs/GOVERNANCE.md") == "governance"
    assert candidate_kind("community/steering/charter.md") == "charter"
    assert candidate_kind("doc/source/dev/governance/governance.rst") == "governance"
    assert candidate_kind("governance/removal.md") == "governance"
    assert candidate_kind("src/pkg/OWNERS.md") is None  # monorepo OWNERS files are not governance
    assert candidate_kind("tests/GOVERNANCE.md") is None
    assert candidate_kind(".github/CODE_OF_CONDUCT.md") == "code-of-conduct"


def test_discovery_follows_readme_and_governance_links(fixtures):
    found = discover(LocalSource(fixtures / "checkouts" / "nested"))
    paths = {d.path: d for d in found.documents}
    assert set(paths) == {".github/CODE_OF_CONDUCT.md", "docs/governance/README.md",
                          "docs/governance/elections.md", "docs/governance/removal.md"}
    assert "INSTALL.md" not in paths and "src/pkg/OWNERS.md" not in paths and "tests/GOVERNANCE.md" not in paths


def test_linked_documents_are_read_when_given_a_single_file(fixtures):
    root = fixtures / "projects" / "linked"
    found = discover(LocalSource(root), given=["docs/governance/README.md"])
    paths = [d.path for d in found.documents]
    assert paths[0] == "docs/governance/README.md"
    assert "docs/governance/removal.md" in paths and "docs/governance/elections.md" in paths
    removal = next(d for d in found.documents if d.path.endswith("removal.md"))
    assert removal.origin == "linked from docs/governance/README.md"


def test_no_escape_through_dotdot_or_symlinks(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("# Governance\n\nMaintainers may be removed by a vote.\n")
    root = tmp_path / "repo"
    root.mkdir()
    (root / "GOVERNANCE.md").write_text("# Governance\n\nSee [more](../outside.md) and [secrets](secrets.md).\n")
    os.symlink(outside, root / "secrets.md")
    os.symlink("/etc/passwd", root / "MAINTAINERS")
    os.symlink(tmp_path, root / "governance")
    source = LocalSource(root)
    found = discover(source)
    assert [d.path for d in found.documents] == ["GOVERNANCE.md"]
    assert source.resolve_link("GOVERNANCE.md", "../outside.md") is None
    with pytest.raises(UnreadableFile):
        source.read_bytes("MAINTAINERS")


def test_link_cycles_end(tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text("# G\n\nSee [the roles](roles.md).\n")
    (tmp_path / "roles.md").write_text("# Roles\n\nBack to [governance](GOVERNANCE.md).\n")
    found = discover(LocalSource(tmp_path))
    assert sorted(d.path for d in found.documents) == ["GOVERNANCE.md", "roles.md"]


@pytest.mark.parametrize("raw,problem", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    (b"Maintainers \xff\xfe are \xc3(", "not UTF-8"),
])
def test_undecodable_documents_are_refused(raw, problem):
    with pytest.raises(UnreadableFile, match=problem):
        decode(raw)


def test_utf16_and_bom_are_decoded():
    assert decode("# Gov\nText\n".encode("utf-16")) == "# Gov\nText\n"
    assert decode(b"\xef\xbb\xbf# Gov\r\n") == "# Gov\n"


# ---- layouts real projects use (issue 14): each fixture tree copies one ----------------------------

def _tree(root, files: dict[str, str]):
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return LocalSource(root)


def _found(root, files: dict[str, str]) -> dict[str, str]:
    return {d.path: d.kind for d in discover(_tree(root, files)).documents}


def test_a_docs_site_page_with_front_matter_is_governance_and_its_front_matter_is_not_prose(tmp_path):
    # prometheus/docs, omnibor/site, cwl-website: a Hugo site's content/ folder
    docs = discover(_tree(tmp_path, {
        "content/governance.md": "---\ntitle: Governance\nsort_rank: 5\n---\n\nThe maintainers decide by majority vote.\n",
        "content/docs/querying.md": "---\ntitle: Querying\n---\n\n# Querying\n",
        "README.md": "# Prometheus docs\n",
    })).documents
    assert [(d.path, d.kind) for d in docs] == [("content/governance.md", "governance")]
    doc = docs[0]
    assert [s.heading for s in doc.root.walk() if s.level] == []  # "title: Governance" is not a heading
    assert [(s.text, s.line) for s in doc.sentences] == [("The maintainers decide by majority vote.", 6)]


def test_a_page_under_docs_internals_is_found_by_its_title(tmp_path):
    # django/django: docs/internals/organization.txt, reStructuredText under a .txt name
    found = discover(_tree(tmp_path, {
        "docs/internals/organization.txt": "==================================\nOrganization of the Django Project\n"
                                           "==================================\n\nPrinciples\n==========\n\n"
                                           "The core team makes the decisions.\n",
        "docs/internals/git.txt": "=================================\nThe Django source code repository\n"
                                  "=================================\n",
        "docs/internals/roles.txt": "=====\nRoles\n=====\n\nMergers merge pull requests.\n",
    }))
    kinds = {d.path: (d.kind, d.origin) for d in found.documents}
    assert kinds["docs/internals/organization.txt"] == ("governance", "discovered by its title")
    assert kinds["docs/internals/roles.txt"][0] == "ladder"
    assert "docs/internals/git.txt" not in kinds
    assert "docs/internals/organization.txt" in found.read  # its head decided: the result cache checks it


def test_charters_in_committee_and_sig_folders_but_not_archived_or_template_ones(tmp_path):
    # kubernetes/community: committee-code-of-conduct/charter.md, sig-architecture/charter.md
    found = _found(tmp_path, {
        "committee-code-of-conduct/charter.md": "# Code of Conduct Committee Charter\n",
        "committee-code-of-conduct/election.md": "# Election\n",
        "committee-code-of-conduct/OWNERS": "approvers: [a]\n",
        "sig-architecture/charter.md": "# SIG Architecture Charter\n",
        "sig-architecture/api-review-process.md": "# API Review Process\n",
        "archive/sig-usability/charter.md": "# SIG Usability Charter\n",
        "sig-TEMPLATE/charter.md": "# SIG <name> Charter\n",
        "committee-steering/governance/sig-charter-template.md": "# SIG Charter Template\n",
    })
    assert found == {"committee-code-of-conduct/charter.md": "charter", "committee-code-of-conduct/election.md": "elections",
                     "sig-architecture/charter.md": "charter"}


def test_a_top_level_community_file(tmp_path):
    # CMSgov's COMMUNITY.md template: the roles and who holds them
    found = _found(tmp_path, {"COMMUNITY.md": "# COMMUNITY.md\n\n## Project Members\n\n| Role | Name |\n|---|---|\n",
                              "docs/community.md": "# Community\n\nJoin us on Slack.\n"})
    assert found == {"COMMUNITY.md": "community"}


def test_the_kernel_documentation_process_folder(tmp_path):
    # torvalds/linux: Documentation/process/*.rst
    found = _found(tmp_path, {
        "MAINTAINERS": "List of maintainers\n",
        "Documentation/process/code-of-conduct.rst": "Contributor Covenant Code of Conduct\n++++++++\n",
        "Documentation/process/code-of-conduct-interpretation.rst": "Code of Conduct Interpretation\n=====\n",
        "Documentation/process/security-bugs.rst": ".. _securitybugs:\n\nSecurity bugs\n=============\n\nReport them.\n",
        "Documentation/process/coding-style.rst": "Linux kernel coding style\n=========================\n",
        "Documentation/process/maintainer-pgp-guide.rst": "Kernel Maintainer PGP guide\n===========================\n",
    })
    assert found == {"MAINTAINERS": "maintainers", "Documentation/process/code-of-conduct.rst": "code-of-conduct",
                     "Documentation/process/code-of-conduct-interpretation.rst": "code-of-conduct",
                     "Documentation/process/security-bugs.rst": "security"}


def test_mdx_pages_are_markdown_and_their_imports_are_not_prose(tmp_path):
    # wasmCloud/wasmcloud.com: a Docusaurus site
    docs = discover(_tree(tmp_path, {
        "docs/governance.mdx": "---\ntitle: Governance\nsidebar_position: 5\n---\n\nimport Tabs from '@theme/Tabs';\n\n"
                               "## Decision making\n\nMaintainers decide by lazy consensus.\n",
        "docs/deployment/k8s.mdx": "---\ntitle: Kubernetes\n---\n\n## Install\n",
    })).documents
    assert [(d.path, d.kind, d.format) for d in docs] == [("docs/governance.mdx", "governance", "markdown")]
    assert [s.heading for s in docs[0].sections if s.level] == ["Decision making"]
    assert [s.text for s in docs[0].sentences] == ["Maintainers decide by lazy consensus."]


def test_one_governance_folder_per_project(tmp_path):
    # a foundation repository: <project>/GOVERNANCE.md, toc/ for the oversight body
    found = _found(tmp_path, {
        "projects/alpha/GOVERNANCE.md": "# Alpha governance\n",
        "projects/beta/GOVERNANCE.md": "# Beta governance\n",
        "toc/ROLES.md": "# Roles\n",
        "TSC/charter.md": "# TSC Charter\n",
        "TSC/members.md": "# Members\n",
        "projects/beta/src/main.go": "package main\n",
        "data/listings/acme__governance.txt": "GOVERNANCE.md\n",  # a data file named for governance
        "benchmarks/corpus/GOVERNANCE.md": "# Governance\n",  # benchmark data, like tests/fixtures
    })
    assert found == {"projects/alpha/GOVERNANCE.md": "governance", "projects/beta/GOVERNANCE.md": "governance",
                     "toc/ROLES.md": "ladder", "TSC/charter.md": "charter", "TSC/members.md": "maintainers"}


def test_a_readme_titled_governance_is_the_governance_document(tmp_path):
    # l3af-project/governance: the README holds the roles and their removal
    found = _found(tmp_path, {"README.md": "# L3AF Project Governance\n\nThe TSC decides by majority vote.\n"})
    assert found == {"README.md": "governance"}
    assert _found(tmp_path / "plain", {"README.md": "# Widget\n\nA widget.\n"}) == {}


class _CountingSource(LocalSource):
    def __init__(self, root):
        super().__init__(root)
        self.heads: list[tuple[str, int]] = []

    def read_head(self, path, limit):
        self.heads.append((path, limit))
        return super().read_head(path, limit)


def test_the_heading_test_reads_a_bounded_number_of_heads(tmp_path):
    from govlint.candidates import HEAD_BYTES, PROBE_FILES

    files = {f"docs/team/process-{n:03d}.md": f"# Process {n}\n\n" + "Text. " * 5000 for n in range(200)}
    files["docs/team/zz-people.md"] = "# Maintainers\n\n" + "Text. " * 5000
    source = _CountingSource(_tree(tmp_path, files).root)
    discover(source)
    assert len(source.heads) == PROBE_FILES
    assert {limit for _path, limit in source.heads} == {HEAD_BYTES}
    assert source.read_head("docs/team/process-000.md", HEAD_BYTES) == files["docs/team/process-000.md"][:HEAD_BYTES].encode()


def test_nothing_found_is_the_first_warning_and_names_the_likeliest_files(tmp_path):
    found = discover(_tree(tmp_path, {"docs/team-process.md": "# Team process\n\nWe meet weekly.\n",
                                      "src/main.go": "package main\n", "INSTALL.md": "# Install\n"}))
    assert found.documents == []
    assert found.warnings[0] == ("no governance document found; governance-like files at docs/team-process.md: "
                                 "give them as paths or under `documents:` in .govlint.yaml")
    bare = discover(_tree(tmp_path / "bare", {"src/main.go": "package main\n"}))
    assert bare.warnings[0].startswith("no governance document found, and no file's name suggests one")
    given = discover(_tree(tmp_path / "given", {"notes.md": "# Notes\n"}), given=["notes.md"])
    assert not any(w.startswith("no governance document found") for w in given.warnings)


def test_maintainer_lists_kept_as_owner_md_or_as_csv(tmp_path):
    # WasmEdge keeps its maintainers in OWNER.md, cert-manager in maintainers.csv at the root
    found = _found(tmp_path, {"OWNER.md": "# Owners\n\n| Maintainer | GitHub ID |\n|---|---|\n| Ann | @ann |\n",
                              "maintainers.csv": "Maintainer Name,Github Name,Company\nJames Munnelly,munnerz,Apple\n",
                              "data/maintainers.csv": "name,login\n", "stats.csv": "a,b\n"})
    assert found == {"OWNER.md": "maintainers", "maintainers.csv": "maintainers"}
