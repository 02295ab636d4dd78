"""Each YAML rule kind, through the same loader as the built-in pack."""
from __future__ import annotations

import textwrap

import pytest

from govlint.document import parse
from govlint.rules.loader import parse_pack
from govlint.rules.model import DocumentSet

_META = """
    code: T001
    name: test-rule
    title: A test rule
    rationale: Tests a kind.
    criterion: {text: x, source: example/repo:doc.md}
    levels: {sandbox: recommended, incubating: required, graduated: required}
    remediation: Add it.
"""


# The words every test pack has: plain lists, matched on normalized words.
_WORDS = """
vocabulary:
  remove: [remove, demote]
  maintainer: [maintainer, committer]
  vote: [vote, <fraction>]
  coc: [code of conduct]
  conduct: [conduct]
  seconded: [seconded]
  reply: [right of reply]
  window: [within <duration>]
  employed: [employed]
  handle: ['<handle>']
  todo: [to be decided]
probes:
  removal:
    find: [remove, maintainer]
    within: 6
"""


def run(check_yaml: str, text: str, *, path: str = "GOVERNANCE.md", kind: str = "governance"):
    pack = textwrap.dedent(_WORDS).lstrip() + "rules:\n  - " + textwrap.indent(
        textwrap.dedent(_META).strip() + "\n" + textwrap.dedent(check_yaml).strip(), "    ")[4:]
    [rule] = parse_pack(pack, origin="test.yaml")
    docs = DocumentSet([parse(textwrap.dedent(text), path=path, kind=kind)])
    return rule.check(docs)


# A check that quotes back a value of the sentence holding a removal.
_VALUE_CHECK = """
check:
  kind: probes
  value: {value}
  all: [removal]
"""


PROBES = """
check:
  kind: probes
  all: [removal]
"""


def test_probes_pass_with_the_sentence_as_evidence():
    finding = run(PROBES, """
        # Governance

        Maintainers review code. A maintainer may be removed by a vote.
    """)
    assert finding.status == "pass"
    assert finding.evidence[0].text == "A maintainer may be removed by a vote."
    assert finding.evidence[0].line == 4
    assert "removal" in finding.message  # the evidence names the probe


def test_probes_are_negation_aware():
    finding = run(PROBES, "# G\n\nThere is currently no process to remove a maintainer.\n")
    assert finding.status == "fail"
    assert finding.near_miss and "no process" in finding.near_miss[0].text


def test_nobody_is_a_negation():
    assert run(PROBES, "# G\n\nNobody may remove a maintainer by a vote.\n").status == "fail"


def test_probes_ignore_template_placeholders():
    finding = run(PROBES, "# G\n\nA maintainer is removed after [TODO: Number] months.\n")
    assert finding.status == "fail"


def test_groups_must_co_occur_in_one_scope_unit():
    check = """
check:
  kind: probes
  all: [maintainer, remove]
"""
    assert run(check, "# G\n\nMaintainers review code.\n\nCode may be removed.\n").status == "fail"
    assert run(check, "# G\n\nMaintainers review code and may be removed.\n").status == "pass"


def test_none_rules_a_unit_out():
    check = """
check:
  kind: probes
  all: [removal]
  none: [coc]
"""
    assert run(check, "# G\n\nA maintainer is removed for breaking the Code of Conduct.\n").status == "fail"
    assert run(check, "# G\n\nA maintainer is removed by a vote.\n").status == "pass"


def test_block_scope_joins_sentences_and_list_leads():
    check = """
check:
  kind: probes
  scope: block
  all: [removal, coc]
"""
    finding = run(check, "# G\n\nA maintainer is removed if they:\n\n- violate the Code of Conduct.\n")
    assert finding.status == "pass"


def test_a_list_lead_that_refers_back_brings_what_it_refers_to():
    # "This can occur in the following situations:" introduces the list, and "This" is the
    # removal of the sentence before it: an item reads with both (OpenWallet ACA-Py's MAINTAINERS.md).
    check = """
check:
  kind: probes
  all: [removal, coc]
"""
    text = ("# G\n\nIt is sometimes necessary to remove a maintainer. This can occur in the following "
            "situations:\n\n- Resignation.\n- A violation of the Code of Conduct.\n")
    assert run(check, text).status == "pass"
    # A lead that opens on its own does not reach back.
    alone = ("# G\n\nIt is sometimes necessary to remove a maintainer. Reviewers look at the following "
             "situations:\n\n- Resignation.\n- A violation of the Code of Conduct.\n")
    assert run(check, alone).status != "pass"


def test_heading_filter():
    check = """
check:
  kind: probes
  heading: remove
  all: [vote]
"""
    assert run(check, "# Removal\n\nBy a vote.\n").status == "pass"
    assert run(check, "# Elections\n\nBy a vote.\n").status == "fail"


def test_a_value_is_quoted_back():
    check = _VALUE_CHECK.format(value="threshold")
    finding = run(check, "# G\n\nA maintainer can be removed by two-thirds of all maintainers.\n")
    assert finding.status == "pass"
    assert finding.message.startswith("threshold: two-thirds")
    assert run(check, "# G\n\nA maintainer can be removed by a vote.\n").status == "fail"


@pytest.mark.parametrize("text,value", [
    ("If all others from the core team agree, a maintainer is removed.", "all others from the core team agree"),
    ("A maintainer can be removed with the consent of every other maintainer.", "consent of every other maintainer"),
    ("A maintainer can be removed with the approval of the current Maintainers (absent the maintainer being removed).",
     "approval of the current Maintainers (absent the maintainer being removed"),
    # A count of approvals however it is qualified: "at least 2 active, non-conflicted admin approvals".
    ("A maintainer is removed with at least 2 active, non-conflicted admin approvals.",
     "at least 2 active, non-conflicted admin approvals"),
    # A plurality is a threshold too: "the winning option is the one that receives the greatest support".
    ("A maintainer is removed when that option receives the greatest support.", "the greatest support"),
    ("A maintainer is removed if the removal gets the most votes.", "the most votes"),
])
def test_unanimity_of_the_others_and_a_plurality_in_words_are_thresholds(text, value):
    check = _VALUE_CHECK.format(value="threshold")
    finding = run(check, f"# G\n\n{text}\n")
    assert finding.status == "pass"
    assert finding.message.startswith(f"threshold: {value}")
    # Others told of it have agreed to nothing.
    assert run(check, "# G\n\nA maintainer is removed and all other maintainers are told.\n").status == "fail"


@pytest.mark.parametrize("text,value", [
    ("removed after six months of inactivity", "six months"),
    ("removed after 12 consecutive months", "12 consecutive months"),
    ("removed after six (6) months", "six (6) months"),
    ("removed after half a year", "half a year"),
])
def test_a_duration_in_any_number_form(text, value):
    check = _VALUE_CHECK.format(value="duration")
    finding = run(check, f"# G\n\nMaintainers are {text}.\n")
    assert finding.status == "pass" and finding.message.startswith(f"duration: {value}")


def test_a_pack_may_define_its_own_value():
    check = """
check:
  kind: probes
  value: quorum
  all: [vote]
"""
    pack_values = "values:\n  quorum: 'quorum\\s+of\\s+\\w+'\n"
    global _WORDS
    saved = _WORDS
    _WORDS = saved + pack_values
    try:
        finding = run(check, "# G\n\nA vote needs a quorum of five.\n")
    finally:
        _WORDS = saved
    assert finding.status == "pass" and finding.message.startswith("quorum: quorum of five")


def test_section_needs_real_text_under_the_heading():
    check = """
check:
  kind: section
  heading: remove
  min_words: 5
"""
    assert run(check, "# Removal\n\n# Next\n\nText that is long enough here.\n").status == "fail"
    finding = run(check, "# Removal\n\nA maintainer may be removed by vote.\n")
    assert finding.status == "pass" and finding.evidence[0].line == 3


def test_document_kind():
    check = """
check:
  kind: document
  kinds: [maintainers]
  min_words: 2
"""
    assert run(check, "Jane Doe, Acme\n", path="MAINTAINERS", kind="maintainers").status == "pass"
    assert run(check, "Jane Doe, Acme\n").status == "fail"


def test_document_links_by_their_words():
    check = """
check:
  kind: document
  kinds: [governance]
  links: coc
"""
    text = "# G\n\nBe kind; see our [community rules](docs/CODE_OF_CONDUCT.md).\n"
    assert run(check, text).status == "pass"
    assert run(check, "# G\n\nSee our [rules](docs/RULES.md).\n").status == "fail"


def test_a_link_is_read_by_the_page_it_opens_not_the_heading_in_it():
    """Bylaws link to their own articles: "#article-7-conduct-of-the-mediation" is a heading about
    conducting a mediation, not a code of conduct; "CONDUCT.md#reporting" opens one."""
    check = """
check:
  kind: document
  kinds: [governance]
  links: conduct
"""
    assert run(check, "# G\n\nSee [Article 7](#article-7-conduct-of-the-mediation).\n").status == "fail"
    assert run(check, "# G\n\nReport it as [our rules](CONDUCT.md#reporting) say.\n").status == "pass"


def test_checklist_counts_elements_and_names_the_missing():
    check = """
check:
  kind: checklist
  pass_at: 3
  partial_at: 1
  items:
    - {name: a second, all: [seconded]}
    - {name: a window, all: [window]}
    - {name: a reply, all: [reply]}
"""
    finding = run(check, "# R\n\nA vote must be seconded. It closes within seven days.\n")
    assert finding.status == "partial"
    assert "missing: a reply" in finding.message


def test_a_checklist_shares_negation_with_its_items():
    """In a list of facts, "is not employed by" still says something: negation: false, once, for every item."""
    check = """
check:
  kind: checklist
  pass_at: 2
  negation: %s
  items:
    - {name: an affiliation, all: [employed]}
    - {name: a handle, all: [handle]}
"""
    text = "# Maintainers\n\nJane Doe is not employed by Acme; her handle is @jane.\n"
    assert run(check % "false", text).status == "pass"
    assert run(check % "true", text).status != "pass"


def test_absent_fails_on_each_placeholder_and_each_phrase():
    check = """
check:
  kind: absent
  placeholders: true
  find: [todo]
"""
    finding = run(check, "# G\n\nInactive after [TODO: Number] months.\n\nThe quorum is to be decided.\n")
    assert finding.status == "fail"
    assert [e.line for e in finding.evidence] == [3, 5]
    assert run(check, "# G\n\nAll filled in.\n").status == "pass"


def test_an_unknown_probe_is_refused_naming_the_rule():
    from govlint.errors import RulePackError

    with pytest.raises(RulePackError, match="rule test-rule: unknown probe or vocabulary 'nothing'"):
        run("check:\n  kind: probes\n  all: [nothing]\n", "# G\n")


@pytest.mark.parametrize("line, placeholder", [
    ("- [Your First Contribution](#your-first-contribution)", False),  # a table of contents entry
    ("Picked by the [project maintainers](https://github.com/o/r/blob/v1.11.0/MAINTAINERS.md).", False),
    ("Read [your first issue][first] before you start.", False),  # a reference-style link
    ("Maintained by [Your Name] at [Your Company].", True),
    ("Inactive after [TODO: Number] months.", True),
    ("See [TODO](#) for details.", True),  # TODO is unfilled even as a link's text
])
def test_a_link_is_no_placeholder_unless_it_says_todo(line, placeholder):
    check = "\ncheck:\n  kind: absent\n  placeholders: true\n"
    assert (run(check, f"# G\n\n{line}\n").status == "fail") == placeholder


def test_a_negation_inside_a_frames_own_slot_does_not_deny_the_slots_after_it():
    """A frame that is itself about a failure ("cannot be resolved through discussion") keeps its
    later slots: the "cannot" is what the frame says, not a denial of "discussion". A negation
    before the frame still denies it."""
    words = """
vocabulary:
  unresolved: [cannot be resolved]
  by: [through, by]
  talk: [discussion]
probes:
  talk-failed:
    find: [unresolved, by, talk]
    order: as-listed
    gap: 1
rules:
  - """
    pack = textwrap.dedent(words).lstrip() + textwrap.indent(
        textwrap.dedent(_META).strip() + "\ncheck:\n  kind: probes\n  all: [talk-failed]", "    ")[4:]
    [rule] = parse_pack(pack, origin="test.yaml")

    def status(text: str) -> str:
        return rule.check(DocumentSet([parse(f"# G\n\n{text}\n", path="GOVERNANCE.md", kind="governance")])).status

    assert status("A committer may be removed in cases where the issue cannot be resolved through discussion.") == "pass"
    assert status("We never said the issue cannot be resolved through discussion.") == "fail"


def test_a_negated_impasse_does_not_negate_what_follows():
    from govlint.rules.matching import is_negated

    def negated(text: str, word: str) -> bool:
        at = text.index(word)
        return is_negated(text, at, at + len(word))

    # The cue negates the impasse in its own clause, not the escalation after it ...
    assert not negated("Disputes that cannot be resolved are escalated to the TSC.", "escalated")
    assert not negated("Matters the council cannot settle may be appealed to the board.", "appealed")
    # ... also when the main verb is the first word of the phrase itself ("go to the").
    assert not negated("Disputes that the maintainers cannot resolve go to the TSC.", "go to the")
    assert not negated("Any disagreement the maintainers cannot resolve goes to the core team.", "goes to the")
    # ... and still negates what it governs.
    assert negated("There is currently no process to remove a maintainer.", "remove")
    assert negated("Maintainers who cannot agree will not be removed.", "removed")


def test_a_negated_condition_set_off_by_commas_does_not_negate_the_list_after_it():
    from govlint.rules.matching import is_negated

    def negated(text: str, word: str) -> bool:
        at = text.index(word)
        return is_negated(text, at, at + len(word))

    # "if still not satisfied" describes the case; the appeal to the EMO is the rule ...
    text = ("The member can continue appeals up the Project Leadership Chain and, if still not satisfied, "
            "thence to the EMO, then the executive director, and finally to the Board of Directors.")
    assert not negated(text, "EMO")
    # ... while a list after a denial is still denied, item by item.
    assert negated("The project does not have a steering committee, technical board or council.", "council")
