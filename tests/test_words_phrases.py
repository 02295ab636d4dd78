"""A vocabulary phrase of plain words is normalized without tokenize() (start-up), to the very
stems tokenize() gives it: for every phrase of the built-in packs and for the words that tokenize()
joins with their neighbours."""
from __future__ import annotations

import pytest

from govlint.resources import data_dir
from govlint.rules.lexicon import Lexicon
from govlint.rules.words import _plain_stems, _tokenized_stems, phrase_stems
from govlint.yamlio import load_yaml
from govlint.errors import RulePackError


def _pack_phrases() -> list[str]:
    phrases = []
    for pack in sorted(p.name for p in data_dir("rules").iterdir() if p.name.endswith(".yaml")):
        data = load_yaml((data_dir("rules") / pack).read_text(encoding="utf-8"), path=pack, error=RulePackError)
        for entries in (data.get("vocabulary") or {}).values():
            phrases.extend(entries)
    return phrases


def test_every_plain_phrase_of_the_packs_stems_as_tokenize_does():
    plain = 0
    for phrase in _pack_phrases():
        for part in phrase.replace("*", " ").split("{"):
            part = part.split("}")[-1]
            fast = _plain_stems(part)
            if fast is not None:
                plain += 1
                assert fast == _tokenized_stems(part), part
    assert plain > 1000  # the fast path is the common one


@pytest.mark.parametrize("phrase", [
    "six months", "a half", "half", "one half", "every year", "per week", "a year", "cannot vote", "Cannot",
    "two thirds", "three quarters of the", "for a full year", "an annual review", "twelve", "won't",
    "HALF of the votes", "quarterly meeting", "Maintainers", "the Steering Committee", "by a day",
    "halves", "weeks", "consecutive months", "everi year",
])
def test_words_tokenize_joins_or_opens_take_the_full_path(phrase):
    fast = _plain_stems(phrase)
    assert fast is None or fast == _tokenized_stems(phrase)
    assert list(phrase_stems(phrase)) == _tokenized_stems(phrase)


def test_a_lexicon_is_the_same_as_built_by_tokenize(monkeypatch):
    from govlint.rules import words

    vocabularies = {"removal": ["remove {who}", "vote * out", "six months", "a half of {who}", "co-maintainer"],
                    "who": ["maintainer", "Steering Committee member", "their <number> seats"]}
    fast = Lexicon.build(vocabularies).phrases
    words.phrase_stems.cache_clear()
    monkeypatch.setattr(words, "_plain_stems", lambda part: None)
    try:
        assert Lexicon.build(vocabularies).phrases == fast
    finally:
        words.phrase_stems.cache_clear()
