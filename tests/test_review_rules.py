"""The review pack (rules/review.yaml): every rule passes its PASS fixture and does not pass its
FAIL fixture (tests/fixtures/review-rules/<rule>/{pass,fail}/, each a small checkout read as
`govlint review` reads it), every probe holds to its examples, and the pack obeys the rule schema.

The pack is opt-in (resources.OPT_IN_PACKS): `govlint check` does not run it, so its fixtures
live apart from tests/fixtures/rules/, which holds exactly the rules every check runs.
"""
from __future__ import annotations

import jsonschema
import pytest

from govlint.resources import builtin_packs, opt_in_pack, schema
from govlint.review import review_rules
from govlint.review.collect import collect
from govlint.rules.builtin.review_language import language as review_language
from govlint.rules.loader import builtin_pack_data
from govlint.rules.model import DocumentSet
from govlint.sources.local import LocalSource

from conftest import FIXTURES

RULES = {rule.meta.name: rule for rule in review_rules()}
FOLDERS = sorted(p for p in (FIXTURES / "review-rules").iterdir() if p.is_dir())


def _sources(folder) -> list[LocalSource]:
    """A fixture is one checkout, or, with a TARGETS file (folder names, the main one first), a review
    of several repositories (repository-maintainers)."""
    targets = folder / "TARGETS"
    if targets.is_file():
        return [LocalSource(folder / name, label=name) for name in targets.read_text(encoding="utf-8").split()]
    return [LocalSource(folder, label=folder.name)]


def _check(name: str, folder):
    docs = DocumentSet(collect(_sources(folder), max_depth=2).documents)
    return RULES[name].check(docs)


def _quoted_file(folder, path: str):
    """The fixture file a quote names: the main repository's documents show without its folder."""
    sources = _sources(folder)
    return folder / path if (folder / path).is_file() or len(sources) == 1 else sources[0].root / path


def test_every_review_rule_has_fixtures_and_a_code_in_its_range():
    assert {p.name for p in FOLDERS} == set(RULES)
    assert all(301 <= int(r.meta.code[2:]) <= 399 and r.meta.pack == "review" for r in RULES.values())


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_the_pass_fixture_passes_quoting_its_own_lines(folder):
    result = _check(folder.name, folder / "pass")
    assert result.status == "pass", result.message
    for quote in result.evidence:
        path = _quoted_file(folder / "pass", quote.path)
        lines = path.read_text(encoding="utf-8").splitlines()
        first_word = quote.text.replace("|", " ").replace("#", " ").split()[0]
        assert first_word in lines[quote.line - 1] or quote.text == quote.path, (quote.line, quote.text)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_the_fail_fixture_does_not_pass(folder):
    result = _check(folder.name, folder / "fail")
    assert result.status != "pass", result.message


def test_every_review_probe_holds_to_its_examples():
    review_rules()
    language = review_language()
    assert language.probes
    for name, probe in language.probes.items():
        assert probe.wrong_examples(language.lexicon) == [], name


def test_the_review_pack_obeys_the_rule_schema():
    jsonschema.Draft202012Validator(schema("rule")).validate(builtin_pack_data(opt_in_pack("review.yaml")))


def test_the_review_pack_is_opt_in():
    """`govlint check` runs the built-in packs only: its scores do not change with the review pack."""
    assert "review.yaml" not in [p.name for p in builtin_packs()]
    from govlint.rules.registry import load_rules

    assert not any(r.meta.pack == "review" for r in load_rules())


def test_every_review_rule_documents_itself():
    for rule in RULES.values():
        meta = rule.meta
        assert meta.rationale and meta.remediation and meta.example and meta.looked_for, meta.name
        assert meta.criterion.source.startswith("cncf/") and meta.criterion.url.startswith("https://"), meta.name
        assert set(meta.levels) == {"sandbox", "incubating", "graduated"}


def test_explain_knows_the_review_rules(run_cli):
    code, out, err = run_cli("explain", "GL301")
    assert code == 0, err
    assert "thresholds-consistent" in out and "flatcar" in out


def _docs(tmp_path, files: dict[str, str]) -> DocumentSet:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return DocumentSet(collect([LocalSource(tmp_path)], max_depth=3).documents)


def test_the_maintainer_checks_read_govlint_maintainers_first(tmp_path):
    from govlint.rules.builtin.review_maintainers import roster

    docs = _docs(tmp_path, {"MAINTAINERS.md": "# Maintainers\n\n| Name | GitHub | Affiliation |\n|---|---|---|\n"
                                              "| Ana Lima | @analima | Northwind Labs |\n",
                            "OWNERS": "approvers:\n  - analima\n  - departed\n"})
    found = roster(docs)
    assert found.reader == "govlint.maintainers"
    assert [(e.handle, e.affiliation) for e in found.entries] == [("analima", "Northwind Labs")]
    assert found.owners == {"OWNERS": {"analima", "departed"}}


def test_a_list_govlint_maintainers_cannot_read_falls_back_to_the_review_reader(tmp_path):
    """A steering committee's page of members: the review's own reader reads it."""
    from govlint.rules.builtin.review_maintainers import roster

    docs = _docs(tmp_path, {"STEERING-COMMITTEE.md": "# Steering Committee\n\n## Jane Doe\n\n"
                                                     "Affiliation: Purdue University\n\nGitHub: @janedoe\n"})
    found = roster(docs)
    assert found.reader == "review"
    assert [(e.name, e.handle, e.affiliation) for e in found.entries] == [("Jane Doe", "janedoe", "Purdue University")]


_POINTER = ("# KubeEdge Community Code of Conduct\n\nPlease refer to our [KubeEdge Community Code of Conduct]"
            "(https://github.com/kubeedge/community/blob/master/CODE_OF_CONDUCT.md)\n")
_CNCF_LINK = ("# Code of Conduct\n\nThis project follows the [CNCF Code of Conduct]"
              "(https://github.com/cncf/foundation/blob/main/code-of-conduct.md).\n")


def _codes(tmp_path, files: dict[str, str]):
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    return _check("coc-single", tmp_path)


def test_a_code_of_conduct_that_links_the_community_one_is_not_a_second_code(tmp_path):
    # kubeedge in 2024: the main repository's file points to the community repository's code, as the
    # rule's own remediation asks ("make every other repository's CODE_OF_CONDUCT.md a link to it").
    result = _codes(tmp_path, {"CODE_OF_CONDUCT.md": _POINTER, "docs/CODE_OF_CONDUCT.md": _CNCF_LINK})
    assert result.status == "pass", result.message


def test_a_pointer_does_not_hide_two_different_codes(tmp_path):
    result = _codes(tmp_path, {"CODE_OF_CONDUCT.md": _POINTER, "docs/CODE_OF_CONDUCT.md": _CNCF_LINK,
                               "community/CODE_OF_CONDUCT.md": "# Contributor Covenant Code of Conduct\n\n"
                               "Adapted from the Contributor Covenant, version 1.4.\n"})
    assert result.status == "fail" and "Contributor Covenant 1.4" in result.message, result.message


_TSC = ("# Technical Charter\n\n## Technical Steering Committee\n\n"
        "The TSC voting members are elected by the maintainers every year. The TSC meets every month.\n\n"
        "The TSC may elect a TSC Chair, who will preside over meetings of the TSC and will serve until their "
        "resignation or replacement by the TSC.\n")


def test_an_office_of_a_body_is_not_how_one_leaves_the_body(tmp_path):
    # kserve's LF charter: the Chair's replacement is not how a member leaves the TSC.
    (tmp_path / "CHARTER.md").write_text(_TSC, encoding="utf-8")
    result = _check("body-lifecycle", tmp_path)
    assert result.status == "partial", result.message
    assert "Technical Steering Committee: not said how one is removed or replaced" in result.message


def test_a_body_whose_members_leave_by_a_vote_passes_beside_its_chair(tmp_path):
    (tmp_path / "CHARTER.md").write_text(_TSC + "\nA TSC member may be removed by a two-thirds vote of the other "
                                         "TSC members.\n", encoding="utf-8")
    from govlint.rules.builtin.review_bodies import bodies

    result = _check("body-lifecycle", tmp_path)
    assert result.status == "pass", result.message
    docs = DocumentSet(collect([LocalSource(tmp_path)], max_depth=2).documents)
    tsc = next(b for b in bodies(docs) if b.name == "Technical Steering Committee")
    assert [s.text for s in tsc.leaves] == ["A TSC member may be removed by a two-thirds vote of the other TSC members."]
    assert not any("Chair" in s.text for s in tsc.joins)


_ADD_BY_SUPERMAJORITY = ("# Governance\n\n## Project Maintainers\n\nNew maintainers can be added to the project by a "
                         "super-majority vote of the existing maintainers.\n\nSee also the [community managers]"
                         "(COMMUNITY-MANAGER.md) and the [administrators](ADMINISTRATORS.md).\n")
_OTHER_ROLES = {
    "COMMUNITY-MANAGER.md": "# Community Managers\n\n## Charter\n\nCommunity managers host the community "
                            "calls.\n\n## Removal\n\nThe community manager role is removed in the "
                            "following cases:\n\n* Expiration of the 12-month term.\n* STC votes with a simple "
                            "majority to remove the community manager.\n",
    "ADMINISTRATORS.md": "# Administrators\n\n## Charter\n\nAdministrators manage the GitHub organization."
                         "\n\n## Removal\n\nThe administrator role is removed in case any of the "
                         "following:\n\n* STC votes with simple majority to remove administrator\n"}


def test_the_removal_of_another_role_is_not_the_removal_of_a_maintainer(tmp_path):
    # dapr: a community manager and an administrator are removed by a simple majority; a maintainer
    # is added by a super-majority. No threshold for removing a maintainer is stated.
    for name, text in {"GOVERNANCE.md": _ADD_BY_SUPERMAJORITY, **_OTHER_ROLES}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = _check("thresholds-consistent", tmp_path)
    assert result.status == "not-applicable", result.message
    assert "removing a maintainer" not in result.message.replace("adding and removing a maintainer", "")


def test_a_maintainer_removed_by_fewer_votes_than_added_still_fails_beside_other_roles(tmp_path):
    for name, text in {"GOVERNANCE.md": _ADD_BY_SUPERMAJORITY + "\n## Removal\n\nA maintainer may be removed by a "
                       "simple majority vote of the other maintainers.\n", **_OTHER_ROLES}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = _check("thresholds-consistent", tmp_path)
    assert result.status == "fail" and "(GOVERNANCE.md:11)" in result.message, result.message


_README = ("# Widget\n\nSee the [governance](docs/GOVERNANCE.md) and the [SDK governance](docs/SDK-GOVERNANCE.md).\n")
_GOVERNANCE = ("# Governance\n\n## Maintainers\n\nMaintainers are elected by the maintainers. All participants follow "
               "the [Code of Conduct](../CODE_OF_CONDUCT.md).\n")
_SDK_GOVERNANCE = "# SDK Governance\n\n## SDK maintainers\n\nEach SDK has its own maintainers, elected by a vote.\n"
_COC = "# Code of Conduct\n\nWe follow the CNCF Code of Conduct.\n"


@pytest.mark.parametrize("link_back, status", [
    # FAIL: cloudevents; SDK-GOVERNANCE.md is linked from READMEs only, "not generally interlinked"
    ("", "partial"),
    ("\nSDKs are governed by the [SDK governance](SDK-GOVERNANCE.md).\n", "pass"),  # PASS
])
def test_a_link_from_a_readme_does_not_interlink_the_governance(tmp_path, link_back, status):
    for name, text in {"README.md": _README, "docs/GOVERNANCE.md": _GOVERNANCE + link_back,
                       "docs/SDK-GOVERNANCE.md": _SDK_GOVERNANCE, "CODE_OF_CONDUCT.md": _COC}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = _check("governance-interlinked", tmp_path)
    assert result.status == status, result.message
    assert ("linked with no other document: docs/SDK-GOVERNANCE.md" in result.message) == (status == "partial")


_ROADMAP_README = ("# Widget\n\nSee the [roadmap](https://github.com/acme/community/blob/master/roadmap.md) and the "
                   "[security policy](https://github.com/acme/community/blob/master/team-security/SECURITY.md). "
                   "To contribute, read [CONTRIBUTING](./CONTRIBUTING.md).\n")
_GUIDE = "# Contributing\n\nSee [Community Membership](https://acme.io/docs/community/membership/) for the roles.\n"


@pytest.mark.parametrize("readme, guide, status", [
    # FAIL: kubeedge in 2024; files of the community repository that are not its governance, and a
    # contributor guide that links only the website
    (_ROADMAP_README, _GUIDE, "fail"),
    ("# Widget\n\nSee the [roadmap](https://github.com/acme/community/blob/master/roadmap.md).\n", _GUIDE, "fail"),
    ("# Widget\n\nTo contribute, read [CONTRIBUTING](./CONTRIBUTING.md).\n", _GUIDE, "fail"),
    # PASS: the guide links the community repository's governance
    (_ROADMAP_README, _GUIDE + "\nThe project is governed by [GOVERNANCE.md]"
                               "(https://github.com/acme/community/blob/master/GOVERNANCE.md).\n", "pass"),
    # PASS: the README links the community repository itself, or a governance file of it by name
    (_ROADMAP_README + "\nJoin the [community](https://github.com/acme/community).\n", _GUIDE, "pass"),
    (_ROADMAP_README + "\nRoles: [membership](https://github.com/acme/community/blob/master/community-membership.md).\n",
     _GUIDE, "pass"),
])
def test_a_link_into_the_community_repository_must_reach_its_governance(tmp_path, readme, guide, status):
    for name, text in {"README.md": readme, "CONTRIBUTING.md": guide}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = _check("community-linked", tmp_path)
    assert result.status == status, result.message
