"""Advice a maintainer can trust: a partial result names what is missing, and what to add names the
project's own document instead of asking for a file the project already has."""
from __future__ import annotations


import pytest

GOVERNANCE = """# Governance of Quillstream

Quillstream is led by its maintainers, listed in [the maintainers file]({maintainers}). Decisions
are made by lazy consensus on pull requests; when consensus fails, the maintainers decide by a
simple majority vote of all maintainers, held open for seven days.

## Becoming a maintainer

A contributor who has reviewed pull requests for six months may be nominated by a maintainer and
is approved by a two-thirds vote of the existing maintainers.
"""

MAINTAINERS_WITHOUT_AFFILIATION = """# Maintainers

| Name | GitHub |
|------|--------|
| Marisol Garcia | @mgarcia |
| Takumi Nakamura | @tnakamura |
| Ola Adeyemi | @oadeyemi |
"""

PROW_OWNERS = """# Owners

approvers:

- @mgarcia
- @tnakamura
- @oadeyemi
"""

CODE_OF_CONDUCT = """# Code of Conduct

We expect everyone to be kind and respectful in issues, pull requests and chat.
"""


def section(out: str, title: str) -> str:
    """The report's text from a heading line on, joined into one line."""
    return " ".join(out.split(title, 1)[1].split())


def row(out: str, code: str) -> str:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(code + " "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return " ".join(" ".join(line.split()) for line in lines[start:end])


@pytest.fixture(autouse=True)
def _wide(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")


def test_a_partial_maintainer_list_names_what_is_missing_and_the_file_to_complete(run_cli, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text(GOVERNANCE.format(maintainers="MAINTAINERS.md"), encoding="utf-8")
    (tmp_path / "MAINTAINERS.md").write_text(MAINTAINERS_WITHOUT_AFFILIATION, encoding="utf-8")
    code, out, _ = run_cli("check", str(tmp_path), "--no-color")
    assert row(out, "GL002").startswith("GL002 maintainer-list partial missing: an affiliation for all 3 · ")
    advice = section(out, "What to add first")
    assert "Add a MAINTAINERS.md" not in out
    assert "maintainer-list (GL002): Complete MAINTAINERS.md with one row per current maintainer" in advice
    # A rule whose advice names no file says which document to add it to.
    assert "vote-of-no-confidence (GL103): In GOVERNANCE.md: Add a vote of no confidence" in advice


def test_advice_uses_the_documents_the_project_has_under_their_own_names(run_cli, tmp_path):
    """A prow OWNERS.md, a code of conduct that does not point at the CNCF's, governance in docs/."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "governance.md").write_text(GOVERNANCE.format(maintainers="../OWNERS.md"), encoding="utf-8")
    (tmp_path / "OWNERS.md").write_text(PROW_OWNERS, encoding="utf-8")
    (tmp_path / "CODE_OF_CONDUCT.md").write_text(CODE_OF_CONDUCT, encoding="utf-8")
    code, out, _ = run_cli("check", str(tmp_path), "--no-color")
    assert row(out, "GL002").startswith("GL002 maintainer-list partial missing: an affiliation for all 3 · OWNERS.md")
    advice = section(out, "What to add first")
    assert "MAINTAINERS.md" not in advice and "a CODE_OF_CONDUCT.md" not in advice and "GOVERNANCE.md" not in advice
    assert "maintainer-list (GL002): Complete OWNERS.md with one row per current maintainer" in advice
    assert ("code-of-conduct (GL006): Adopt the CNCF Code of Conduct (CODE_OF_CONDUCT.md, which should link to "
            "https://github.com/cncf/foundation/blob/main/code-of-conduct.md) and link it from docs/governance.md."
            in advice)
    # The Markdown report (a job summary) gives the same advice.
    _, markdown, _ = run_cli("check", str(tmp_path), "--format", "markdown")
    assert "**maintainer-list** (GL002): Complete OWNERS.md with one row" in markdown


def test_a_missing_file_is_still_asked_for(run_cli, tmp_path):
    (tmp_path / "GOVERNANCE.md").write_text(GOVERNANCE.format(maintainers="MAINTAINERS.md"), encoding="utf-8")
    _, out, _ = run_cli("check", str(tmp_path), "--no-color")
    assert "maintainer-list (GL002): Add a MAINTAINERS.md with one row per current maintainer" in section(
        out, "What to add first")
