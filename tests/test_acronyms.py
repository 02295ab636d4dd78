"""A document's own acronyms ("the Project Steering Committee (PSC)") read as what they stand for."""
from __future__ import annotations

from pathlib import Path

import pytest

from govlint.api import lint
from govlint.rules.acronyms import defined_acronyms
from govlint.rules.lexicon import Lexicon


def test_an_acronym_after_words_whose_initials_spell_it_is_defined():
    text = ("The Project Steering Committee (PSC) leads. The Scenic Core\nTeam (CT) helps. "
            "The Code of Conduct (CoC) applies. See the Team Lead (below). Foo Bar (XYZ).")
    assert dict(defined_acronyms(text)) == {
        "psc": ("project", "steer", "committe"), "ct": ("core", "team"), "coc": ("code", "of", "conduct")}


def test_the_first_definition_of_an_acronym_is_kept():
    text = "The Technical Committee (TC) decides. Later, the Testing Crew (TC) runs tests."
    assert defined_acronyms(text) == (("tc", ("technic", "committe")),)


def _status(tmp_path: Path, text: str, rule: str) -> str:
    (tmp_path / "GOVERNANCE.md").write_text("# Governance\n\n" + text + "\n", encoding="utf-8")
    report = lint(tmp_path)
    return next(r.status for r in report.results if r.name == rule)


def test_a_body_named_by_its_own_acronym_removes_by_its_decision(tmp_path):
    assert _status(tmp_path, "The PSC may remove a maintainer.", "vote-of-no-confidence") == "fail"
    defined = "The Project Steering Committee (PSC) leads the project.\n\nThe PSC may remove a maintainer."
    assert _status(tmp_path, defined, "vote-of-no-confidence") == "pass"


def test_members_chosen_by_an_acronym_body_define_a_role(tmp_path):
    text = "The Scenic Core Team (CT) is a trusted group.\n\nCurrently, members of the CT are chosen by the SC."
    assert _status(tmp_path, text, "roles-defined") == "pass"
    assert _status(tmp_path, "Currently, members of the CT are chosen by the SC.", "roles-defined") == "fail"


def test_an_acronym_joined_by_a_hyphen_is_read_as_written():
    lexicon = Lexicon.build({"body": ["board of directors"], "candidates": ["{body} nomination"]}, acronyms=["body"])
    acronyms = defined_acronyms("The Board of Directors (BoD) meets.")
    assert "candidates" not in lexicon.scan("Members: BoD-nominated", acronyms=acronyms).hits
    assert lexicon.scan("The BoD meets.", acronyms=acronyms).hits["body"] == ((1, 4),)


def test_only_acronyms_of_the_named_vocabularies_are_read():
    vocabulary = {"body": ["committee"], "paper": ["proposal"]}
    acronyms = defined_acronyms("A Jenkins Enhancement Proposal (JEP) goes to the Release Committee (RC).")
    lexicon = Lexicon.build(vocabulary, acronyms=["body"])
    scan = lexicon.scan("The RC reviews each JEP.", acronyms=acronyms)
    assert scan.hits == {"body": ((1, 2),)}
    plain = Lexicon.build(vocabulary)  # a pack without `acronyms:` reads them as written
    assert plain.scan("The RC reviews each JEP.", acronyms=acronyms).hits == {}
    with pytest.raises(ValueError, match="acronyms: unknown vocabulary 'bodies'"):
        Lexicon.build(vocabulary, acronyms=["bodies"])
