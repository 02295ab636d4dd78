"""Vocabularies: words and phrases found in one pass, whatever their form."""
from __future__ import annotations

import pytest

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
