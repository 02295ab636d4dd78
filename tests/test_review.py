"""`govlint review`: the draft as a whole, against a fixture project and its golden files.

The golden files tests/fixtures/review/driftwood.md and driftwood.json are compared byte for byte.
After a deliberate change to the draft, regenerate them and read the diff before committing:

    GOVLINT_REGENERATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_review.py -q
"""
from __future__ import annotations

import datetime as dt
import json
import os

import jsonschema
import pytest

from govlint.resources import schema
from govlint.review import draft
from govlint.review import render_json, render_markdown

from conftest import FIXTURES

REVIEW = FIXTURES / "review"
DATE = dt.date(2025, 1, 15)


@pytest.fixture(scope="module")
def driftwood():
    cwd = os.getcwd()
    os.chdir(REVIEW)  # the draft names its target as given: a relative path keeps the golden file stable
    try:
        return draft(["project"], level="incubating", today=DATE, name="Driftwood")
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("suffix, render", [("md", render_markdown.render), ("json", render_json.render)])
def test_the_draft_matches_its_golden_file(driftwood, suffix, render):
    golden = REVIEW / f"driftwood.{suffix}"
    text = render(driftwood)
    if os.environ.get("GOVLINT_REGENERATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"regenerate with GOVLINT_REGENERATE_GOLDEN=1 ({golden.name})"


def test_the_json_validates_against_its_schema(driftwood):
    jsonschema.Draft202012Validator(schema("review")).validate(json.loads(render_json.render(driftwood)))


def test_the_draft_says_it_is_a_draft_and_what_it_read(driftwood):
    text = render_markdown.render(driftwood)
    assert "This is a draft for a reviewer, not a review." in text
    assert f"govlint {driftwood.govlint_version}" in text
    read = {d.path: d for d in driftwood.documents}
    assert {"GOVERNANCE.md", "MAINTAINERS.md", "CODE_OF_CONDUCT.md", "SECURITY.md", "README.md",
            ".github/CODEOWNERS"} <= set(read)
    for doc in driftwood.documents:  # a local checkout: each document by the digest of its text
        assert len(doc.sha256) == 64 and doc.sha256[:16] in text and doc.commit is None


def test_the_layout_follows_the_published_reviews(driftwood):
    text = render_markdown.render(driftwood)
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert headings[:8] == ["# Driftwood Governance Review (draft)", "## Summary and Assessment",
                            "### Executing the Assessment", "### Critical Items", "### Points of Excellence",
                            "### Areas for Improvement", "## Review", "### Governance Description"]
    for heading in ("### Discoverability", "#### Governance Location", "#### Governance Discovery Completeness",
                    "### Documentation Content", "### Maintainer List(s)", "### Governance Findings Table"):
        assert heading in headings
    assert "| Governance Area | Coverage | Documents | Finding Notes |" in text
    assert "| Finding Title | Importance | Description | Links | Notes & Impact |" in text
    assert [a.area for a in driftwood.areas] == [
        "Project Purpose", "Maintainer List", "Code of Conduct", "Contributor Guide", "Contributor Ladder",
        "Maintainer Lifecycle", "Decision-making", "Code and Docs Ownership", "Security Reporting and Response",
        "Communication and Meetings"]


def test_the_areas_read_what_a_reviewer_reads(driftwood):
    coverage = {a.area: a.coverage for a in driftwood.areas}
    assert coverage["Maintainer List"] == "Partial"  # one maintainer has no affiliation
    assert coverage["Contributor Ladder"] == "Partial"  # only "maintainer", and "Core Maintainers" undefined
    assert coverage["Security Reporting and Response"] == "Partial"  # a personal mailbox
    assert coverage["Communication and Meetings"] == "Complete"


def test_every_finding_quotes_its_evidence_by_file_and_line(driftwood):
    assert driftwood.findings
    for finding in driftwood.findings:
        assert finding.evidence, finding.title
        for quote in finding.evidence:
            assert quote.path and quote.line >= 1 and quote.text


def test_the_findings_a_reviewer_raised_are_raised(driftwood):
    titles = {f.title: f for f in driftwood.findings}
    assert "Voting thresholds are inconsistent" in titles  # removal by 2/3, addition by consensus
    assert "Roles used but undefined" in titles  # "Core Maintainers"
    assert "Conduct reports go to no defined team" in titles  # a gmail address
    assert "Ownership files disagree with the maintainer list" in titles  # @ghostwriter in CODEOWNERS
    inconsistent = titles["Voting thresholds are inconsistent"]
    assert {q.line for q in inconsistent.evidence} >= {14, 19}


def test_the_status_follows_its_stated_rule(driftwood):
    from govlint.review.build import assess

    assert driftwood.assessment == assess(driftwood.areas, driftwood.findings)
    assert driftwood.assessment.rule in render_markdown.render(driftwood)


def test_critical_items_are_what_blocks_the_level(driftwood):
    # A review holds the project to the application templates: nothing Driftwood lacks blocks incubating.
    assert driftwood.critical == () and "No issue found in the documents blocks incubating." in \
        render_markdown.render(driftwood)
    graduated = draft([str(REVIEW / "project")], level="graduated", today=DATE)
    # Vendor neutrality is required to graduate and Driftwood does not state it. (Its leadership body is
    # defined: "Driftwood is governed by its maintainers, who together form the Maintainer Council.")
    assert [f.rule for f in graduated.critical] == ["GL007"]
    assert not any(f.importance == "Critical" for f in graduated.improvements)
    # The TOC's leadership expectations block incubating under --profile toc.
    toc = draft([str(REVIEW / "project")], level="incubating", profile="toc", today=DATE)
    assert {"GL202", "GL105"} <= {f.rule for f in toc.critical}


def test_the_cli_writes_markdown_or_json(run_cli, tmp_path):
    target = str(REVIEW / "project")
    code, out, err = run_cli("review", target, "--format", "json", "--level", "incubating")
    assert code == 0, err
    jsonschema.Draft202012Validator(schema("review")).validate(json.loads(out))
    path = tmp_path / "draft.md"
    code, out, err = run_cli("review", target, "--output", str(path))
    assert code == 0 and out == "" and path.read_text(encoding="utf-8").startswith("# project Governance Review")


@pytest.mark.parametrize("args, message", [
    (["review", "tests/no/such/dir"], "no such file or directory"),
    (["review", str(REVIEW / "project"), "--format", "xml"], "unknown format 'xml'"),
    (["review", str(REVIEW / "project"), "--level", "platinum"], "unknown level 'platinum'"),
])
def test_user_errors_are_one_line(run_cli, args, message):
    code, out, err = run_cli(*args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_second_repository_is_read_with_its_label(tmp_path):
    main, community = tmp_path / "main", tmp_path / "community"
    main.mkdir()
    community.mkdir()
    (main / "README.md").write_text("# Tool\n\nTool does one thing well for many users in many places every day.\n"
                                    "See the [community repository](https://github.com/example/community).\n")
    (community / "GOVERNANCE.md").write_text((REVIEW / "project" / "GOVERNANCE.md").read_text())
    result = draft([str(main), str(community)], today=DATE)
    paths = {d.path for d in result.documents}
    assert "community/GOVERNANCE.md" in paths and "README.md" in paths
    assert any(b.name == "Maintainers" for b in result.bodies)


_LIFECYCLE = """# Governance

## Maintainers

Maintainers review and merge changes and decide the project's direction.
A contributor becomes a maintainer when nominated by an existing maintainer and approved by a majority vote of the maintainers.
Maintainers who are inactive for six months are moved to emeritus status.
{removal}
## Technical Steering Committee

The Technical Steering Committee (TSC) oversees the project and resolves disputes.
TSC members are elected by the maintainers for two-year terms.
A TSC member can be removed for violating the Code of Conduct by a two-thirds vote of the other TSC members.
"""


@pytest.mark.parametrize("removal, coverage", [
    ("", "Partial"),  # FAIL: only the TSC's removal is written down
    ("A maintainer can be removed for violating the Code of Conduct by a two-thirds vote of the other maintainers.\n",
     "Complete"),  # PASS
])
def test_maintainer_lifecycle_needs_the_removal_of_a_maintainer(tmp_path, removal, coverage):
    # Knative's and cert-manager's reviewers: "process for removing a maintainer ... not documented",
    # "Does not cover Maintainer removal for cause", although another body's removal was.
    (tmp_path / "GOVERNANCE.md").write_text(_LIFECYCLE.format(removal=removal))
    (tmp_path / "MAINTAINERS.md").write_text("# Maintainers\n\n| Name | GitHub | Affiliation |\n|---|---|---|\n"
                                             "| Jane Doe | @jdoe | Acme |\n| John Roe | @jroe | Initech |\n")
    lifecycle = next(a for a in draft([str(tmp_path)], level="incubating", today=DATE).areas
                     if a.area == "Maintainer Lifecycle")
    assert lifecycle.coverage == coverage
    assert ("how a maintainer is removed" in lifecycle.note) == (coverage == "Partial")


_SUBPROJECTS_GOVERNANCE = """# Governance

## Subprojects

The project has several subprojects, each run by its maintainers.
Active Subprojects are [listed here](/README.md#subprojects), with their repositories.
"""


@pytest.mark.parametrize("readme, raised", [
    ("# Tool\n\nTool checks supply chains for many users.\n\n## Implementations\n\nSee the repositories.\n",
     True),  # FAIL: in-toto's GOVERNANCE.md points at README.md#subprojects, a section its README lacks
    ("# Tool\n\nTool checks supply chains for many users.\n\n## Subprojects\n\n* [tool-go](https://github.com/e/tool-go)\n",
     False),  # PASS
    ("# Tool\n\n<a name=\"subprojects\"></a>\n**Our subprojects:** [tool-go](https://github.com/e/tool-go)\n",
     False),  # PASS: an explicit anchor
])
def test_a_link_to_a_missing_section_is_raised(tmp_path, readme, raised):
    # in-toto's critical item: "Multiple subprojects are not listed on the README (README.md#subprojects)".
    (tmp_path / "GOVERNANCE.md").write_text(_SUBPROJECTS_GOVERNANCE)
    (tmp_path / "README.md").write_text(readme)
    result = draft([str(tmp_path)], level="incubating", today=DATE)
    found = [f for f in (*result.critical, *result.improvements) if f.rule == "GL322"]
    assert bool(found) == raised
    if raised:
        assert "README.md#subprojects" in found[0].description
        assert (found[0].evidence[0].path, found[0].evidence[0].line) == ("GOVERNANCE.md", 6)
        assert "listed here" in found[0].evidence[0].text


def test_section_anchors_are_github_s():
    from govlint.document import parse
    from govlint.rules.builtin.review_links import anchors

    doc = parse("# Contributor Ladder & Roles\n\n## FAQ\n\n## FAQ\n\n### `make test`\n\n## Código\n", path="X.md",
                kind="governance")
    assert {"contributor-ladder--roles", "faq", "faq-1", "make-test", "código"} <= anchors(doc)


_SECURITY_POLICY = """# Security Policy

## Report a vulnerability

To report a vulnerability, please contact the Security Team: [cncf-tool-security@lists.cncf.io](mailto:cncf-tool-security@lists.cncf.io).

The Security Team members are:

| Name | Email |
|------|-------|
| Jane Doe ([@jdoe](https://github.com/jdoe)) | jane@example.org |
| John Roe ([@jroe](https://github.com/jroe)) | john@example.org |

The team will acknowledge every report within two business days and coordinate the fix.
"""


@pytest.mark.parametrize("staffing, coverage", [
    ("", "Partial"),  # FAIL: kubeedge's listed Security Team, "staffing and replacement not documented"
    ("The Maintainers will appoint a Security Response Team to handle security reports.\n", "Complete"),  # PASS
])
def test_a_listed_security_team_says_how_it_is_staffed(tmp_path, staffing, coverage):
    (tmp_path / "SECURITY.md").write_text(_SECURITY_POLICY)
    (tmp_path / "GOVERNANCE.md").write_text("# Governance\n\n## Maintainers\n\nMaintainers review and merge changes.\n"
                                            f"{staffing}")
    security = next(a for a in draft([str(tmp_path)], level="incubating", today=DATE).areas
                    if a.area == "Security Reporting and Response")
    assert security.coverage == coverage
    assert ("how the listed security team's members are chosen" in security.note) == (coverage == "Partial")


_SPEC_GOVERNANCE = """# Governance

The specification is maintained by its Admins, listed in the OWNERS file. Each SDK is a repository of
its own, run by the maintainers of that SDK.
"""


def _repositories(tmp_path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return [str(tmp_path / name) for name in dict.fromkeys(n.split("/", 1)[0] for n in files)]


@pytest.mark.parametrize("wide_list, raised", [
    ("", ["sdk-rust", "sdk-php"]),  # FAIL: cloudevents' "4 of 7 SDKs have no listed maintainers"
    ("# Maintainers\n\nThis is the list of maintainers for all Orbit repositories:\n\n"
     "- Ana Lima (Northwind) [@analima](https://github.com/analima)\n", []),  # PASS: dapr's project-wide list
    ("# Maintainers\n\n| Name | GitHub | Affiliation | Area |\n|---|---|---|---|\n"
     "| Ana Lima | @analima | Northwind | Rust SDK |\n", ["sdk-php"]),  # a list whose area names one of them
])
def test_a_repository_without_maintainers_is_named(tmp_path, wide_list, raised):
    files = {"spec/docs/GOVERNANCE.md": _SPEC_GOVERNANCE, "spec/OWNERS": "admins:\n  - duglin\n  - markpeek\n",
             "sdk-java/README.md": "# Orbit SDK for Java\n",
             "sdk-java/MAINTAINERS.md": "# Maintainers\n\n- [Pierangelo Di Pilato](https://github.com/pierDipi)\n",
             "sdk-javascript/README.md": "# Orbit SDK for JavaScript\n\n## Maintainers\n\n"
                                         "Currently active maintainers who may be found in the CNCF Slack.\n\n"
                                         "- Lance Ball (@lance)\n- Lucas Holmquist (@lholmquist)\n",
             "sdk-rust/README.md": "# Orbit SDK for Rust\n\nThe Rust SDK for Orbit events.\n",
             "sdk-php/README.md": "# Orbit SDK for PHP\n\nThe PHP SDK for Orbit events.\n"}
    if wide_list:
        files["spec/MAINTAINERS.md"] = wide_list
    result = draft(_repositories(tmp_path, files), level="graduated", today=DATE)
    found = [f for f in (*result.critical, *result.improvements) if f.rule == "GL323"]
    assert bool(found) == bool(raised)
    if raised:
        assert found[0].area == "Maintainer List" and found[0].title == "Repositories with no listed maintainers"
        assert found[0].description.endswith(": " + ", ".join(raised))
        assert [e.path for e in found[0].evidence] == [f"{name}/README.md" for name in raised]


def test_a_single_repository_never_has_a_repository_without_maintainers(tmp_path):
    (tmp_path / "README.md").write_text("# Orbit SDK for Rust\n\nThe Rust SDK for Orbit events.\n")
    (tmp_path / "GOVERNANCE.md").write_text(_SPEC_GOVERNANCE)
    result = draft([str(tmp_path)], level="graduated", today=DATE)
    assert not [f for f in (*result.critical, *result.improvements) if f.rule == "GL323"]


_ADVISORY_POLICY = ("# Security Policy\n\n## Reporting a vulnerability\n\nPlease report vulnerabilities privately "
                    "through GitHub's [private vulnerability reporting](https://github.com/acme/widget/security/"
                    "advisories/new).\n")


@pytest.mark.parametrize("handling, coverage", [
    # FAIL: in-toto's GOVERNANCE.md; a response to review feedback is not handling vulnerability reports
    ("The submitter of a PR is responsible for responding to feedback from reviewers and maintainers.\n", "Partial"),
    ("Reports are triaged by the maintainers within three days.\n", "Complete"),  # PASS
])
def test_who_handles_reports_means_vulnerability_reports(tmp_path, handling, coverage):
    (tmp_path / "SECURITY.md").write_text(_ADVISORY_POLICY)
    (tmp_path / "GOVERNANCE.md").write_text(f"# Governance\n\n## Maintainers\n\n{handling}")
    security = next(a for a in draft([str(tmp_path)], level="incubating", today=DATE).areas
                    if a.area == "Security Reporting and Response")
    assert security.coverage == coverage, security.note
    assert ("missing: who handles reports" in security.note) == (coverage == "Partial")
