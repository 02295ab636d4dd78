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


def run(check_yaml: str, text: str, *, path: str = "GOVERNANCE.md", kind: str = "governance"):
    pack = "rules:\n  - " + textwrap.indent(textwrap.dedent(_META).strip() + "\n" + textwrap.dedent(check_yaml).strip(), "    ")[4:]
    [rule] = parse_pack(pack, origin="test.yaml")
    docs = DocumentSet([parse(textwrap.dedent(text), path=path, kind=kind)])
    return rule.check(docs)


PHRASES = """
check:
  kind: phrases
  all: [['remov\\w+'], ['maintainers?']]
"""


def test_phrases_pass_with_the_sentence_as_evidence():
    finding = run(PHRASES, """
        # Governance

        Maintainers review code. A maintainer may be removed by a vote.
    """)
    assert finding.status == "pass"
    assert finding.evidence[0].text == "A maintainer may be removed by a vote."
    assert finding.evidence[0].line == 4


def test_phrases_are_negation_aware():
    finding = run(PHRASES, "# G\n\nThere is currently no process to remove a maintainer.\n")
    assert finding.status == "fail"
    assert finding.near_miss and "no process" in finding.near_miss[0].text


def test_phrases_ignore_template_placeholders():
    finding = run(PHRASES, "# G\n\nA maintainer is removed after [TODO: Number] months.\n")
    assert finding.status == "fail"


def test_phrases_must_co_occur_in_one_scope_unit():
    finding = run(PHRASES, "# G\n\nMaintainers review code.\n\nCode may be removed.\n")
    assert finding.status == "fail"


def test_block_scope_joins_sentences_and_list_leads():
    check = """
check:
  kind: phrases
  scope: block
  all: [['removed\\s+if'], ['Code\\s+of\\s+Conduct']]
"""
    finding = run(check, "# G\n\nA maintainer is removed if they:\n\n- violate the Code of Conduct.\n")
    assert finding.status == "pass"


def test_heading_filter():
    check = """
check:
  kind: phrases
  heading: 'removal'
  all: [['vote']]
"""
    assert run(check, "# Removal\n\nBy a vote.\n").status == "pass"
    assert run(check, "# Elections\n\nBy a vote.\n").status == "fail"


def test_extract_quotes_the_value_back():
    check = """
check:
  kind: extract
  value: threshold
  all: [['remov\\w+']]
"""
    finding = run(check, "# G\n\nA maintainer can be removed by two-thirds of all maintainers.\n")
    assert finding.status == "pass"
    assert finding.message == "threshold: two-thirds of all maintainers"
    assert run(check, "# G\n\nA maintainer can be removed by a vote.\n").status == "fail"


@pytest.mark.parametrize("text,value", [
    ("removed after six months of inactivity", "six months"),
    ("removed after 12 consecutive months", "12 consecutive months"),
])
def test_extract_duration(text, value):
    check = """
check:
  kind: extract
  value: duration
  all: [['remov\\w+']]
"""
    finding = run(check, f"# G\n\nMaintainers are {text}.\n")
    assert finding.status == "pass" and finding.message == f"duration: {value}"


def test_section_needs_real_text_under_the_heading():
    check = """
check:
  kind: section
  heading: 'removal'
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


def test_checklist_counts_elements_and_names_the_missing():
    check = """
check:
  kind: checklist
  pass_at: 3
  partial_at: 1
  items:
    - {name: a second, all: [['seconded']]}
    - {name: a window, all: [['within \\w+ days']]}
    - {name: a reply, all: [['right of reply']]}
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
    - {name: an affiliation, all: [['employed']]}
    - {name: a handle, all: [['@\\w+']]}
"""
    text = "# Maintainers\n\nJane Doe is not employed by Acme; her handle is @jane.\n"
    assert run(check % "false", text).status == "pass"
    assert run(check % "true", text).status != "pass"


def test_absent_fails_on_each_occurrence():
    check = """
check:
  kind: absent
  patterns: ['\\[TODO[^\\]]*\\]']
"""
    finding = run(check, "# G\n\nInactive after [TODO: Number] months.\n\nName: [TODO: name]\n")
    assert finding.status == "fail"
    assert [e.line for e in finding.evidence] == [3, 5]
    assert run(check, "# G\n\nAll filled in.\n").status == "pass"
