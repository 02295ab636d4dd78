"""Vocabularies: words and phrases found in one pass, whatever their form."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govlint.rules.lexicon import Lexicon


def found(lexicon: Lexicon, text: str) -> dict[str, list[str]]:
    scan = lexicon.scan(text)
    return {name: [" ".join(text[scan.tokens[a].start:scan.tokens[b - 1].end].split()) for a, b in spans]
            for name, spans in scan.hits.items()}


def test_words_match_every_inflection_and_phrases_match_as_a_whole():
    lexicon = Lexicon.build({"remove": ["remove", "kick out"], "confidence": ["vote of no confidence"]})
    assert found(lexicon, "Members were removed, kicked out, or faced votes of no confidence.") == {
        "remove": ["removed", "kicked out"], "confidence": ["votes of no confidence"]}


def test_references_and_wildcards():
    lexicon = Lexicon.build({"verb": ["remove", "expel"], "vote-to": ["vote to {verb} them"],
                             "out": ["vote * out"], "all": ["{verb}", "ban"]})
    hits = found(lexicon, "The council may vote to expel them, or vote him out, or ban someone.")
    assert hits["vote-to"] == ["vote to expel them"]
    assert hits["out"] == ["vote him out"]
    assert hits["all"] == ["expel", "ban"]


def test_an_address_with_a_wildcard_side_finds_a_domain_or_a_mailbox():
    lexicon = Lexicon.build({"staff": ["*@linuxfoundation.org"], "conduct": ["report to conduct@*"]})
    hits = found(lexicon, "Write to mdolan@linuxfoundation.org, or report to conduct@example.org.")
    assert hits == {"staff": ["mdolan@linuxfoundation.org"], "conduct": ["report to conduct@example.org"]}
    # Only that domain: a project's list on a subdomain is not the foundation's staff.
    assert found(lexicon, "Ask kubewarden-maintainers@lists.linuxfoundation.org.") == {}



def test_a_number_word_in_a_vocabulary_is_that_word_and_the_class_is_any_number():
    lexicon = Lexicon.build({"one-company": ["any one company", "no one"], "count": ["<number> companies"]})
    # "two" and "three" are numbers, not the word "one"
    assert found(lexicon, "No two members may work for any three companies.") == {"count": ["three companies"]}
    hits = found(lexicon, "Seats are limited: no one may hold two, and any one company at most three.")
    assert hits["one-company"] == ["no one", "any one company"]


def test_a_phrase_does_not_run_across_punctuation():
    lexicon = Lexicon.build({"step-down": ["step down"]})
    assert found(lexicon, "Take a step. Down the road.") == {}


def test_number_forms_match_their_class():
    lexicon = Lexicon.build({"period": ["<duration> without activity"], "share": ["<fraction> of the maintainers"]})
    hits = found(lexicon, "After six (6) months without activity, two-thirds of the maintainers decide.")
    assert hits == {"period": ["six (6) months without activity"], "share": ["two-thirds of the maintainers"]}


@pytest.mark.parametrize("vocabularies, message", [
    ({"a": ["{b}"]}, "unknown vocabulary {b}"),
    ({"a": ["{b}"], "b": ["{a}"]}, "refers to itself"),
    ({"a": [""]}, "non-empty"),
    ({"a": ["<month>"]}, "unknown word class"),
])
def test_a_bad_vocabulary_is_refused_with_its_name(vocabularies, message):
    with pytest.raises(ValueError, match=message):
        Lexicon.build(vocabularies)


# ---- a unit made of sentences is read from its sentences ------------------------------------------

_WORDS = ["six", "(6)", "months", "two", "thirds", "two-thirds", "2", "/", "3", "5", "%", "percent", "per", "cent",
          "a", "half", "year", "-", "–", "+1", "-1", "vote", "of", "no", "confidence", "remove", "them", "can't",
          "maintainer's", "@alice", "bob@example.org", "https://example.org/x.", "⅔", "１２", "－", ",", ".",
          ":", ";", "!", "?", "(", ")", "day", "consecutive"]
_PIECE = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)


@given(pieces=st.lists(_PIECE, min_size=2, max_size=5))
@settings(max_examples=300, deadline=None)
def test_a_text_made_of_pieces_scans_as_the_whole_text(pieces):
    """A block or section is scanned from its sentences' scans (each read once); its tokens and
    hits are exactly those of reading the whole text, wherever a number, a fraction, a duration or a
    dash meets the end of a piece."""
    vocabularies = {"period": ["<duration>", "<duration> of *"], "share": ["<fraction> of"], "vote": ["vote of no *"],
                    "remove": ["remove them", "remove"], "number": ["<number>"], "end": ["year"]}
    whole = Lexicon.build(vocabularies)
    joined = Lexicon.build(vocabularies)
    text = " ".join(pieces)
    assert joined.scan(text, pieces) == whole.scan(text)


def test_every_sentence_is_read_once_however_many_rules_and_units_hold_it(tmp_path, monkeypatch):
    """Issue 12: the words of a sentence were tokenized again for its block, its section and its
    list item, and a document with more sentences than a lexicon remembers (a long paragraph) was
    read again by every rule. Within a lint, every sentence is tokenized once, and no block or
    section is tokenized as a whole."""
    from govlint.api import lint
    from govlint.rules import lexicon as lexicon_module
    from govlint.rules.words import tokenize

    monkeypatch.setattr(lexicon_module, "_MEMO_SIZE", 4)  # as if the document were longer than it remembers
    sentences = [f"Maintainer {n} may be removed by a two-thirds vote of the steering committee after six months "
                 f"of inactivity." for n in range(12)] + ["Decisions are made by lazy consensus.",
                                                          "Disputes are escalated to the CNCF TOC."]
    (tmp_path / "GOVERNANCE.md").write_text(
        "# Governance\n\n" + " ".join(sentences[:7]) + "\n\n## Removal\n\n" + " ".join(sentences[7:]) + "\n"
        "\n- The lead may remove a maintainer who:\n\n  - is inactive for a year.\n", encoding="utf-8")
    read: list[str] = []
    monkeypatch.setattr(lexicon_module, "tokenize", lambda text: read.append(text) or tokenize(text))
    lint(str(tmp_path))
    assert set(sentences) <= set(read)
    assert [text for text in read if read.count(text) > 1] == []
    assert [text for text in read if sum(s in text for s in sentences) > 1] == []


def test_vocabularies_found_on_the_same_words_share_their_span():
    """'maintainer' is in many of a pack's vocabularies: where it stands, they all hold one span,
    not a copy each (a long document has a span per vocabulary and word)."""
    lexicon = Lexicon.build({"person": ["maintainer"], "role": ["maintainer", "reviewer"], "lead": ["maintainer"]})
    scan = lexicon._scan("A maintainer may be removed; the reviewer stays.")
    assert scan.hits["person"] == scan.hits["lead"] == ((1, 2),) and scan.hits["role"] == ((1, 2), (7, 8))
    assert scan.hits["person"][0] is scan.hits["role"][0] is scan.hits["lead"][0]
