"""Maintainer-list facts read from real maintainer files in every common format
(tests/fixtures/maintainers/<project>/, excerpts of the projects' own files)."""
from __future__ import annotations

import pytest

from govlint.discover import discover
from govlint.document import parse
from govlint.maintainers import MAINTAINER, facts
from govlint.rules.model import DocumentSet
from govlint.sources.local import LocalSource

from conftest import FIXTURES

MAINTAINERS = FIXTURES / "maintainers"


def facts_of(project: str, *given: str):
    """The facts of a fixture project as govlint reads it: discovered, or the files given."""
    found = discover(LocalSource(MAINTAINERS / project), given=list(given))
    return facts(DocumentSet(found.documents))


def people(entries):
    return [(e.name, e.handle, e.email, e.affiliation) for e in entries]


# project -> (maintainers, with an affiliation, with an area, the first maintainer as read)
FORMATS = {
    # Markdown tables, columns in any order and under any of their usual names
    "karmada": (5, 5, 0, ("Hanbo Li", "mrlihanbo", "mrlihanbo@gmail.com", "ByteDance")),
    "keda": (3, 3, 0, ("Jeff Hollan", "jeffhollan", "", "Microsoft")),
    "cri-o": (3, 3, 0, ("Mrunal Patel", "mrunalp", "", "Red Hat")),
    "wasmedge": (4, 4, 4, ("Michael Yuan", "juntao", "michael@secondstate.io", "Second State")),
    "bpfman": (4, 4, 4, ("Dave Tucker", "dave-tucker", "", "Red Hat")),
    # bullet lists
    "scorecard": (5, 5, 5, ("Stephen Augustus", "justaugustus", "", "Cisco")),
    "kubewarden": (4, 4, 0, ("Flavio Castelli", "flavio", "", "SUSE")),
    "dapr": (4, 4, 0, ("Annu Singh", "annucode", "", "Nirmata")),
    "oras": (3, 0, 0, ("Andrew Block", "sabre1041", "", "")),
    "nats": (5, 0, 0, ("Derek Collison", "derekcollison", "derek@nats.io", "")),
    # data files
    "cert-manager": (5, 5, 0, ("James Munnelly", "munnerz", "", "Apple")),
    "containerd": (3, 0, 0, ("Akihiro Suda", "AkihiroSuda", "akihiro.suda.cz@hco.ntt.co.jp", "")),
    "moby": (3, 0, 2, ("Michael Crosby", "crosbymichael", "crosbymichael@gmail.com", "")),
    "linux": (2, 0, 2, ("Carlos Maiolino", "", "cem@kernel.org", "")),
}


@pytest.mark.parametrize("project", sorted(FORMATS))
def test_every_common_format_is_read(project):
    count, with_affiliation, with_area, first = FORMATS[project]
    found = facts_of(project)
    assert found.count == count, people(found.maintainers)
    assert found.with_contact == count
    assert (found.with_affiliation, found.with_area) == (with_affiliation, with_area)
    assert people(found.maintainers)[0] == first
    entry = found.maintainers[0]
    assert entry.role == MAINTAINER and entry.source and entry.line > 0
    assert entry.text  # the line that lists them, for evidence


def test_roles_come_from_headings_leads_columns_and_comments():
    crio = facts_of("cri-o")  # a "Project Roles" column says Reviewer; an "Alumni" heading
    assert [e.handle for e in crio.reviewers] == ["QiWang19"] and [e.handle for e in crio.emeritus] == ["sameo"]
    wasmedge = facts_of("wasmedge")  # committers are maintainers; the "Reviewers" table is not
    assert "dm4" in [e.handle for e in wasmedge.maintainers]
    assert [e.handle for e in wasmedge.reviewers] == ["SAtacker", "sonder-joker"]
    assert [e.handle for e in facts_of("keda").emeritus] == ["Aarthisk", "bbrowning"]
    assert [e.handle for e in facts_of("oras").emeritus] == ["deitch"]  # "Emeritus:" introduces its list
    containerd = facts_of("containerd")  # "# REVIEWERS" above the quoted lines
    assert [e.handle for e in containerd.reviewers] == ["jterry75", "cpuguy83"]
    linux = facts_of("linux")  # R: lines are reviewers, the section title and F: lines the area
    assert [e.name for e in linux.reviewers] == ["Darrick J. Wong"]
    assert linux.maintainers[0].areas == ("XFS FILESYSTEM", "Documentation/filesystems/xfs/*", "fs/xfs/")
    assert facts_of("moby").maintainers[0].areas == ("libcontainer",)  # [Org.Subsystems.libcontainer]


def test_prow_owners_approvers_are_maintainers_of_their_folder():
    found = facts_of("prow", "OWNERS", "OWNERS_ALIASES", "pkg/api/OWNERS")
    assert found.from_owners_only
    # sig-network-leads and api-approvers resolved through OWNERS_ALIASES; filters: ".*" read
    assert [(e.handle, e.areas) for e in found.maintainers] == [
        ("thockin", ("/",)), ("dcbw", ("/",)), ("shaneutt", ("/",)), ("deads2k", ("pkg/api/",)),
        ("liggitt", ("pkg/api/",))]
    assert [e.handle for e in found.reviewers] == ["aojea"]
    assert [e.handle for e in found.emeritus] == ["caseydavenport"]
    assert found.unowned_paths == ()


def test_owners_files_and_the_maintainer_list_disagree():
    found = facts_of("codeowners", "MAINTAINERS.md", ".github/CODEOWNERS")
    assert found.count == 4
    # /tools/legacy/ has no owner; /api/ only someone the list does not name; a team is an owner
    assert [(p.path, p.owners) for p in found.unowned_paths] == [("/tools/legacy/", ()), ("/api/", ("epark",))]
    assert found.owners_not_listed == ("dpatel", "epark")
    assert found.listed_not_owners == ("dokafor",)


def test_largest_employer_and_organisations():
    found = facts_of("codeowners", "MAINTAINERS.md")
    assert (found.largest_employer.name, found.largest_employer.count) == ("Northwind", 2)
    assert found.largest_employer.share == 0.5  # of the four whose affiliation is given
    assert found.organisations == 3  # Northwind, Kitewing, and one independent maintainer
    wasmedge = facts_of("wasmedge")
    assert wasmedge.organisations == 1 and wasmedge.largest_employer.share == 1.0
    karmada = facts_of("karmada")
    assert (karmada.largest_employer.name, karmada.largest_employer.count, karmada.organisations) == ("Huawei", 2, 4)


def test_a_person_listed_in_two_files_is_one_maintainer():
    maintainers = "# Maintainers\n\n| Name | GitHub | Company |\n|---|---|---|\n| Ana Souza | @asouza | Northwind |\n"
    owners = "approvers:\n  - asouza\n  - blindqvist\n"
    docs = DocumentSet([parse(maintainers, path="MAINTAINERS.md", kind="maintainers"),
                        parse(owners, path="OWNERS", kind="maintainers")])
    found = facts(docs)
    assert people(found.maintainers) == [("Ana Souza", "asouza", "", "Northwind")]  # the list, not OWNERS
    assert found.owners_not_listed == ("blindqvist",)


@pytest.mark.parametrize("text", [
    # prose that mentions handles, addresses and GitHub links is no list of people
    "# Maintainers\n\nThe maintainers can be reached together at\ncncf-example-maintainers@lists.cncf.io, "
    "or individually by\nmentioning their GitHub handle.\n",
    "# Becoming a maintainer\n\n- Ensure your sponsors are @mentioned on the issue.\n"
    "- Send an email to `cncf-maintainer-changes@cncf.io` noting the change.\n"
    "- Administering the [example](https://github.com/example) GitHub organization.\n",
    "# Maintainers\n\n| Role | GitHub permission | Scope |\n|---|---|---|\n| Approver | Write | Repository |\n"
    "| Maintainer | Admin | Organization |\n",
    "# Maintainers\n\n| Name | GitHub | Affiliation |\n|---|---|---|\n| [TODO: Name] | [TODO] | [TODO: Company] |\n",
])
def test_prose_tables_of_roles_and_template_rows_list_no_one(text):
    assert facts(DocumentSet([parse(text, path="MAINTAINERS.md", kind="maintainers")])).maintainers == ()


def test_a_governance_document_is_read_only_where_it_lists_people():
    text = ("# Governance\n\n## Decision making\n\n| Decision | Vote |\n|---|---|\n| Releases | Jane Doe |\n\n"
            "Contact Jane Doe <jane@example.org> for questions.\n\n## Maintainers\n\n"
            "- Jane Doe (@jdoe), Example Corp\n- John Roe (@jroe), Acme\n\n## Steering Committee\n\n"
            "- Kim Lee (@klee), Initech\n")
    found = facts(DocumentSet([parse(text, path="GOVERNANCE.md", kind="governance")]))
    assert people(found.maintainers) == [("Jane Doe", "jdoe", "", "Example Corp"), ("John Roe", "jroe", "", "Acme")]
    assert [e.handle for e in found.others] == ["klee"]


def test_names_alone_one_a_line_are_a_list_without_contacts():
    found = facts(DocumentSet([parse("Ruth Abernathy\nKenji Morimoto\nLars Eriksen\n", path="MAINTAINERS",
                                     kind="maintainers")]))
    assert [e.name for e in found.maintainers] == ["Ruth Abernathy", "Kenji Morimoto", "Lars Eriksen"]
    assert found.with_contact == 0


@pytest.mark.parametrize("headings", [1_000, pytest.param(10_000, marks=pytest.mark.slow)])  # 10,000: ~4 s
def test_thousands_of_headings_are_read_in_one_pass(headings):
    import time

    text = "".join(f"{'#' * (i % 6 + 1)} Maintainers {i}\n- Jane Roe (@jdoe{i}), Acme\n" for i in range(headings))
    doc = parse(text, path="MAINTAINERS.md", kind="maintainers")
    start = time.perf_counter()
    found = facts(DocumentSet([doc]))
    assert found.count == headings  # one name, a login per heading: a person per heading
    assert time.perf_counter() - start < 10


def test_a_login_in_brackets_after_a_name_but_not_an_employer():
    # carvel's stakeholders table: "Renu Yarday (renuy)"; a company in brackets stays a company
    text = ("# Maintainers\n\n| Area | Lead |\n|---|---|\n| kapp | Renu Yarday (renuy), Engineering Manager |\n"
            "| imgpkg | Jane Doe (Alibaba) |\n")
    found = facts(DocumentSet([parse(text, path="MAINTAINERS.md", kind="maintainers")]))
    assert [(e.name, e.handle, e.areas) for e in found.maintainers] == [("Renu Yarday", "renuy", ("kapp",)),
                                                                       ("Jane Doe", "", ("imgpkg",))]


def test_one_login_under_two_different_names_is_two_people():
    # cubefs lists "Zhengyi Zhu ([@zhuzhengyi](https://github.com/wding109))", a link copied from
    # "Dr. Wei Ding ([@wding109](https://github.com/wding109))"; "Jian Zhu" and "Zhu Jian" are one
    text = ("# Maintainers\n\n| Name | Organization |\n|---|---|\n"
            "| Dr. Wei Ding ([@wding109](https://github.com/wding109)) | ByteDance |\n"
            "| Zhengyi Zhu ([@zhuzhengyi](https://github.com/wding109)) | BEIKE |\n"
            "| Jian Zhu ([@zhujian7](https://github.com/zhujian7)) | Red Hat |\n\n## Repositories\n\n"
            "- Zhu Jian (@zhujian7)\n")
    found = facts(DocumentSet([parse(text, path="MAINTAINERS.md", kind="maintainers")]))
    assert [(e.name, e.affiliation) for e in found.maintainers] == [
        ("Dr. Wei Ding", "ByteDance"), ("Zhengyi Zhu", "BEIKE"), ("Jian Zhu", "Red Hat")]


def _facts_of_file(tmp_path, text: str, name: str = "MAINTAINERS.md"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return facts(DocumentSet(discover(LocalSource(tmp_path)).documents))


def test_reference_style_list_reads_name_handle_and_employer(tmp_path):
    # Cilium's MAINTAINERS.md: "* [Jane Doe] (Company)", the profile in a reference definition below.
    found = _facts_of_file(tmp_path, "# Maintainers\n\n## Committers\n\n * [Aditi Ghag] (Isovalent)\n"
                                     " * [Dorde Lapcevic] (Google)\n * [Ian Vernon]\n\n"
                                     "[Aditi Ghag]: https://github.com/aditighag\n"
                                     "[Dorde Lapcevic]: https://github.com/dlapcevic\n"
                                     "[Ian Vernon]: https://github.com/ianvernon\n")
    assert people(found.maintainers) == [("Aditi Ghag", "aditighag", "", "Isovalent"),
                                         ("Dorde Lapcevic", "dlapcevic", "", "Google"),
                                         ("Ian Vernon", "ianvernon", "", "")]
    assert (found.with_contact, found.with_affiliation) == (3, 2)


def test_reference_that_is_no_profile_is_no_contact(tmp_path):
    # A reference to a web page is no contact: the bare names are still a list, without contacts.
    found = _facts_of_file(tmp_path, "# Maintainers\n\n* [Aditi Ghag] (Isovalent)\n* [Dorde Lapcevic] (Google)\n\n"
                                     "[Aditi Ghag]: https://example.org/aditi\n"
                                     "[Dorde Lapcevic]: https://example.org/dorde\n")
    assert people(found.maintainers) == [("Aditi Ghag", "", "", "Isovalent"), ("Dorde Lapcevic", "", "", "Google")]
    assert found.with_contact == 0


def test_names_with_employer_and_no_contact_are_a_list(tmp_path):
    # "* Name (Company)" at the end of the file: a list without contacts is still a list (GL002 then
    # says what it lacks), and "(jdoe)" after a name is a login, not an employer.
    found = _facts_of_file(tmp_path, "# Maintainers\n\n## Current maintainers\n\n* Aditi Ghag (Isovalent)\n"
                                     "* Dorde Lapcevic (Google)\n* Ian Vernon\n")
    assert people(found.maintainers) == [("Aditi Ghag", "", "", "Isovalent"), ("Dorde Lapcevic", "", "", "Google"),
                                         ("Ian Vernon", "", "", "")]
    found = _facts_of_file(tmp_path, "# Maintainers\n\n* Aditi Ghag (aditighag)\n* Dorde Lapcevic (dlapcevic)\n")
    assert found.with_affiliation == 0


def test_a_profile_column_gives_the_login_its_links_name(tmp_path):
    # knative's working-groups/WORKING-GROUPS.md: "| <img ...> | Leads | Company | Profile |", the
    # Profile cell "[dprotaso](https://github.com/dprotaso)"; a link elsewhere is no contact.
    header = "# Serving\n\n| &nbsp; | Leads | Company | Profile |\n| --- | --- | --- | --- |\n"
    found = _facts_of_file(tmp_path, header + "| <img width=\"30px\" src=\"https://github.com/dprotaso.png\"> | "
                                              "Dave Protasowski | Independent | [dprotaso](https://github.com/dprotaso) |\n"
                                              "| | Jane Doe | Acme | [LinkedIn](https://www.linkedin.com/in/janedoe) |\n")
    assert people(found.maintainers) == [("Dave Protasowski", "dprotaso", "", "Independent"),
                                         ("Jane Doe", "", "", "Acme")]
    assert found.with_contact == 1


def test_a_column_of_paths_is_what_people_own_not_people(tmp_path):
    # karmada's community/REVIEWERS.md: "Owners files" holds paths and repositories, not reviewers.
    found = _facts_of_file(tmp_path, "# Reviewers\n\n| Reviewer | GitHub ID | Affiliation | Owners files |\n"
                                     "| --- | --- | --- | --- |\n"
                                     "| Baofa Fan | @carlory | DaoCloud | karmada-io/karmada pkg/karmadactl |\n"
                                     "| Junhua He | @whitewindmills | CECloud | 1. karmada-io/karmada pkg/scheduler/<br>"
                                     "2. karmada-io/website |\n", name="REVIEWERS.md")
    assert [(e.name, e.handle, e.affiliation) for e in found.entries] == [
        ("Baofa Fan", "carlory", "DaoCloud"), ("Junhua He", "whitewindmills", "CECloud")]
    assert found.entries[0].areas == ("karmada-io/karmada pkg/karmadactl",)
