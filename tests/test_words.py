"""Normalized words: inflections, spellings and number forms a rule never has to list."""
from __future__ import annotations

import pytest

from govlint.rules.words import DURATION, FRACTION, NUMBER, phrase_stems, tokenize


def norms(text: str) -> list[str]:
    return [t.norm for t in tokenize(text)]


@pytest.mark.parametrize("forms", [
    ("remove", "removed", "removal", "removing", "removes"),
    ("activity", "activities"),
    ("vote", "votes", "voted", "voting"),
    ("behaviour", "behavior"),
    ("organisation", "organization"),
    # a verb in -er keeps its -er in every form, as an agent noun does
    ("consider", "considered", "considering", "considers"),
    ("volunteer", "volunteered", "volunteering", "volunteers"),
    # irregular verbs the stemmer cannot join
    ("bring", "brought", "brings"),
    ("choose", "chose", "chosen", "choosing"),
    ("take", "took", "taken"),
    ("lose", "lost", "loses"),
    # forms the stemmer leaves as "goe" and "doe"
    ("go", "goes", "went", "gone"),
    ("do", "does", "did"),
])
def test_word_forms_share_one_norm(forms):
    assert len({norms(f)[0] for f in forms}) == 1


def test_words_the_stemmer_would_join_stay_apart():
    # "using the contact information" is no informal conversation; "personal reasons" no person.
    assert norms("informal")[0] == norms("informally")[0] != norms("information")[0]
    assert norms("personal")[0] != norms("person")[0]
    assert norms("restorative")[0] != norms("restore")[0]
    # "needlessly argumentative" describes a manner; it is no argument (a dispute) to settle.
    assert norms("argumentative")[0] != norms("argument")[0]
    # "reviews that are dismissive of the contributor" dismiss no one.
    assert norms("dismissive")[0] != norms("dismiss")[0]


def test_an_agent_noun_is_not_its_verb():
    # "Plugins that are no longer maintained" is not about maintainers.
    assert norms("maintainer")[0] == norms("maintainers")[0] != norms("maintained")[0]
    assert norms("reviewer")[0] != norms("review")[0]



@pytest.mark.parametrize("text, verb", [
    ("Violating these terms may lead to a permanent ban.", True),
    ("A second violation leads to a temporary ban.", True),
    ("Conduct leading to the removal of a maintainer", True),
    ("Repeated absences lead to removal from the council.", True),
    ("The project lead to coordinate releases is elected yearly.", False),
    ("SIG leads to ensure their subprojects are healthy.", False),
    ("The project lead decides.", False),
])
def test_the_verb_lead_to_is_not_the_role_lead(text, verb):
    words = norms(text)
    assert ("lead" not in words) == verb, words


@pytest.mark.parametrize("text, share", [
    ("eighty percent", 0.8), ("sixty-six percent", 0.66), ("seventy five per cent", 0.75), ("two out of three", 2 / 3),
    ("3 out of 4", 0.75),
    ("two-thirds", 2 / 3), ("two thirds", 2 / 3), ("2/3", 2 / 3), ("⅔", 2 / 3), ("2/3rds", 2 / 3),
    ("66%", 0.66), ("three quarters", 0.75), ("half", 0.5), ("a half", 0.5),
])
def test_fractions_are_one_token(text, share):
    [token] = tokenize(text)
    assert token.kind == FRACTION and token.norm == "<fraction>"
    assert token.value == pytest.approx(share)


@pytest.mark.parametrize("text, days", [
    ("1 yr", 365), ("12 mos", 360), ("a fortnight", 14), ("twenty-one days", 21),
    ("six months", 180), ("six (6) months", 180), ("6 months", 180), ("180 days", 180), ("a year", 365),
    ("12-month", 360), ("half a year", 182.5), ("three consecutive months", 90), ("two weeks", 14),
])
def test_durations_are_one_token_valued_in_days(text, days):
    [token] = tokenize(text)
    assert token.kind == DURATION and token.norm == "<duration>"
    assert token.value == pytest.approx(days)


def test_number_words_and_repeated_numbers():
    assert [t.kind for t in tokenize("six (6) members")] == [NUMBER, "word"]
    assert tokenize("twelve")[0].value == 12


def test_contractions_open_and_possessives_drop():
    assert norms("can't be removed")[:2] == ["can", "not"]
    assert norms("doesn't")[-1] == "not"
    assert norms("the maintainer's seat")[1] == norms("maintainer")[0]


def test_tokens_keep_their_place_in_the_original_text():
    text = "The TSC — by a ⅔ vote — may remove them."
    for token in tokenize(text):
        assert text[token.start:token.end].strip()
    fraction = next(t for t in tokenize(text) if t.kind == FRACTION)
    assert text[fraction.start:fraction.end] == "⅔"


def test_a_dot_inside_a_word_ends_nothing():
    # "MAINTAINERS.md" is a file name, not the end of a clause that no probe reaches across.
    assert norms("added to MAINTAINERS.md once approved") == ["add", "to", "maintainer", "md", "onc", "approv"]
    assert norms("Ends here. Next") == ["end", "here", ".", "next"]
    assert norms("the end.") == ["the", "end", "."]


def test_an_abbreviation_inside_a_clause_is_one_word():
    assert norms("removed by e.g. a vote") == ["remov", "by", "eg", "a", "vote"]
    assert "." not in norms("the leads (i.e. the chairs) vote")


def test_phrases_are_normalized_like_text():
    assert phrase_stems("votes of no confidence") == tuple(norms("vote of no confidence"))
    assert phrase_stems("<duration> without activity")[0] == "<duration>"
    assert phrase_stems("step * down") == ("step", "*", "down")
    with pytest.raises(ValueError, match="unknown word class"):
        phrase_stems("<month>")


def test_a_possessive_that_opens_a_phrase_is_the_possessive_a_text_splits_off():
    # "'s {things}" must meet "someone's contributions" as the text gives it, not a word "s".
    assert phrase_stems("'s contributions") == tuple(norms("someone's contributions")[1:])
    assert phrase_stems("’s * role") == ("'s", "*", "role")


def test_a_text_without_an_address_is_read_without_the_address_patterns(monkeypatch):
    """Links, e-mails and handles need '://' or '@': a text without either is not searched for
    them, and reads as it always did; a text with one still finds it."""
    from govlint.rules import words

    used = []

    class Watched:
        def __init__(self, pattern):
            self.pattern = pattern

        def finditer(self, text):
            used.append(self.pattern is whole)
            return self.pattern.finditer(text)

    whole = words._TOKEN
    monkeypatch.setattr(words, "_TOKEN", Watched(whole))
    plain = words.tokenize.__wrapped__("Maintainers may be removed by a two-thirds vote after 6 months.")
    assert [t.norm for t in plain] == ["maintainer", "may", "be", "remov", "by", "a", "<fraction>", "vote", "after",
                                       "<duration>", "."]
    assert used == []
    addresses = words.tokenize.__wrapped__("Write to @alice or ops@example.org.")
    assert [t.kind for t in addresses][2:5:2] == [words.HANDLE, words.EMAIL] and used == [True]


def test_a_token_is_a_light_named_tuple():
    """A text makes a token per word, so a token is a named tuple (a third of a frozen dataclass's
    cost to make): read by name or unpacked, and immutable."""
    token = tokenize("Maintainers")[0]
    start, end, norm, kind, value = token
    assert (start, end, norm, kind, value) == (token.start, token.end, token.norm, token.kind, token.value) == (
        0, 11, "maintainer", "word", None)
    with pytest.raises(AttributeError):
        token.norm = "x"  # type: ignore[misc]
