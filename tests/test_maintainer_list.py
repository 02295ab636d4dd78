"""maintainer-list (GL002) on real maintainer files in every common format
(tests/fixtures/maintainers/<project>/): what each level asks, and what the message says is missing."""
from __future__ import annotations

import pytest

from govlint.api import lint
from govlint.config import Config
from govlint.rules.registry import load_rules

from conftest import FIXTURES

MAINTAINERS = FIXTURES / "maintainers"


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def result(rules, project: str, *files: str):
    folder = MAINTAINERS / project
    if files:
        report = lint(files=[str(folder / f) for f in files], root=str(folder), config=Config(), rules=rules,
                      select_rules=["maintainer-list"])
    else:
        report = lint(str(folder), config=Config(), rules=rules, select_rules=["maintainer-list"])
    return report.result("maintainer-list")


# Every list that gives each maintainer a contact and an affiliation passes, whatever its format;
# an area of responsibility is for incubation, and never makes a sandbox list partial.
PASSING = {
    "karmada": "5 maintainers listed in MAINTAINERS.md, each with a contact and an affiliation; incubation also asks "
               "for an area of responsibility for all 5; 4 organisations, the largest Huawei with 2 of 5 (40%)",
    "kubewarden": "4 maintainers listed in MAINTAINERS.md, each with a contact and an affiliation; incubation also "
                  "asks for an area of responsibility for all 4; 2 organisations, the largest SUSE with 3 of 4 (75%)",
    "bpfman": "4 maintainers listed in MAINTAINERS.md, each with a contact and an affiliation; graduation asks for "
              "maintainers from at least two organisations, and all 4 with an affiliation work for Red Hat",
    "cert-manager": "5 maintainers listed in maintainers.csv, each with a contact and an affiliation; incubation also "
                    "asks for an area of responsibility for all 5; 3 organisations, the largest Venafi with 3 of 5 (60%)",
    "scorecard": "5 maintainers listed in MAINTAINERS.md, each with a contact and an affiliation; 3 organisations, "
                 "the largest Google with 3 of 5 (60%)",
    "wasmedge": "4 maintainers listed in OWNER.md, each with a contact and an affiliation; graduation asks for "
                "maintainers from at least two organisations, and all 4 with an affiliation work for Second State",
    "dapr": "4 maintainers listed in MAINTAINERS.md, each with a contact and an affiliation; incubation also asks for "
            "an area of responsibility for all 4; 4 organisations, the largest Nirmata with 1 of 4 (25%)",
}


@pytest.mark.parametrize("project", sorted(PASSING))
def test_a_list_with_contacts_and_affiliations_passes_in_every_format(rules, project):
    found = result(rules, project)
    assert (found.status, found.message) == ("pass", PASSING[project])
    assert found.evidence and found.evidence[0].line > 0  # the first maintainer, quoted


# Lists without affiliations are partial, and say how many lack one; what incubation adds follows.
PARTIAL = {
    "containerd": "3 maintainers listed in MAINTAINERS; missing: an affiliation for all 3; incubation also asks for "
                  "an area of responsibility for all 3",
    "nats": "5 maintainers listed in MAINTAINERS.md; missing: an affiliation for all 5; incubation also asks for an "
            "area of responsibility for all 5",
    "linux": "2 maintainers listed in MAINTAINERS; missing: an affiliation for all 2",
    "moby": "3 maintainers listed in MAINTAINERS; missing: an affiliation for all 3; incubation also asks for an area "
            "of responsibility for 1 of 3",
    "prow": "2 maintainers listed in OWNERS (OWNERS approvers; no other maintainer list); missing: an affiliation for "
            "all 2; incubation also asks for a full name for all 2",
}


@pytest.mark.parametrize("project", sorted(PARTIAL))
def test_a_list_without_affiliations_is_partial_and_counts_what_is_missing(rules, project):
    found = result(rules, project)
    assert (found.status, found.message) == ("partial", PARTIAL[project])


def test_an_area_of_responsibility_is_never_missing_for_a_sandbox_list(rules, tmp_path):
    """The sandbox form asks for the maintainers file, not each one's area: a list of names,
    handles and companies passes, and its message says what incubation will add."""
    (tmp_path / "MAINTAINERS.md").write_text(
        "# Maintainers\n\n- Jane Doe (@jdoe), Example Corp\n- John Roe (@jroe), Acme\n- Kim Lee (@klee), Acme\n",
        encoding="utf-8")
    report = lint(str(tmp_path), config=Config(), rules=rules, select_rules=["maintainer-list", "code-of-conduct"])
    found = report.result("maintainer-list")
    assert found.status == "pass" and "missing" not in found.message
    assert "incubation also asks for an area of responsibility for all 3" in found.message
    assert "maintainer-list" not in next(v for v in report.levels if v.level == "sandbox").missing


def test_some_maintainers_without_an_affiliation(rules, tmp_path):
    (tmp_path / "MAINTAINERS.md").write_text(
        "# Maintainers\n\n| Name | GitHub | Company |\n|---|---|---|\n| Jane Doe | @jdoe | Example Corp |\n"
        "| John Roe | @jroe | |\n| Kim Lee | [klee](https://github.com/klee) | - |\n", encoding="utf-8")
    found = lint(str(tmp_path), config=Config(), rules=rules, select_rules=["maintainer-list"]).result("maintainer-list")
    assert found.status == "partial"
    assert found.message.startswith("3 maintainers listed in MAINTAINERS.md; missing: an affiliation for 2 of 3")
    assert [e.line for e in found.near_miss] == [6, 7]  # the rows that lack it


def test_owners_and_codeowners_given_with_the_list(rules):
    found = result(rules, "codeowners", "MAINTAINERS.md", ".github/CODEOWNERS")
    assert found.status == "pass" and found.message.startswith("4 maintainers listed in MAINTAINERS.md")


def test_only_emeritus_and_steering_members_is_no_list(rules, tmp_path):
    (tmp_path / "MAINTAINERS.md").write_text(
        "# Maintainers\n\n## Active Maintainers\n\nThe current maintainers are listed in "
        "[`maintainers.csv`](/maintainers.csv).\n\n## Emeriti Maintainers\n\n- Maartje Eyskens (@meyskens)\n"
        "- Joakim Ahrlin (@jahrlin)\n", encoding="utf-8")
    found = lint(str(tmp_path), config=Config(), rules=rules, select_rules=["maintainer-list"]).result("maintainer-list")
    assert found.status == "fail"
    assert found.message == ("no list of current maintainers with a GitHub handle or e-mail in MAINTAINERS.md "
                             "(2 emeritus listed)")


def test_names_without_contacts_are_partial(rules):
    found = lint(str(FIXTURES / "projects" / "minimal"), config=Config(), rules=rules,
                 select_rules=["maintainer-list"]).result("maintainer-list")
    assert found.status == "partial"
    assert found.message.startswith("3 maintainers listed in MAINTAINERS; missing: a contact (GitHub handle or "
                                    "e-mail) for all 3, an affiliation for all 3")
