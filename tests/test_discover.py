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
