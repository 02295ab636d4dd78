"""A governance document not written in English is named as such, so a report of "missing" for it
is not taken at its word; English documents, lists of names and short files never are."""
from __future__ import annotations

import pytest

from conftest import FIXTURES
from govlint.api import lint
from govlint.language import not_english

FRESH12 = FIXTURES / "corpus-fresh12"
FRESH14 = FIXTURES / "corpus-fresh14"


def _read(path):
    return path.read_text(encoding="utf-8")


def test_a_dutch_governance_document_is_named_dutch():
    assert not_english(_read(FRESH14 / "openstad__openstad-headless" / "GOVERNANCE.md")) == "Dutch"


def test_a_chinese_charter_is_named_by_its_script():
    text = _read(FRESH12 / "PaddlePaddle__community" / "pposdwg" / "pposdwg_charter.md")
    assert not_english(text) == "Chinese, Japanese or Korean"


@pytest.mark.parametrize("path", [
    FRESH14 / "youki-dev__youki" / "docs" / "src" / "community" / "governance.md",
    FIXTURES / "corpus-extra" / "cubefs__cubefs" / "MAINTAINERS.md",  # names and gmail.com addresses
    FIXTURES / "corpus-fresh10" / "spyder-ide__governance-and-guidelines" / "people.md",
])
def test_english_documents_and_lists_of_people_are_not_flagged(path):
    assert not_english(_read(path)) is None


def test_a_few_foreign_words_in_an_english_text_do_not_make_it_foreign():
    text = ("The maintainers decide by lazy consensus. Our motto is 'de gustibus non est disputandum', "
            "and the project's name comes from the Dutch 'van de' and 'het'. ") * 20
    assert not_english(text) is None


def test_too_little_text_is_never_judged():
    assert not_english("Het Core Team zal hierover stemmen.") is None


def test_the_report_warns_about_the_document_it_cannot_read():
    case = FRESH14 / "openstad__openstad-headless"
    report = lint(case)
    assert any(w.startswith("GOVERNANCE.md: written in Dutch") and "English only" in w for w in report.warnings)


def test_an_english_checkout_gets_no_language_warning():
    report = lint(FRESH14 / "youki-dev__youki")
    assert not any("English only" in w for w in report.warnings)
