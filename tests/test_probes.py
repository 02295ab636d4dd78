"""Probes: the ideas rules share. Every probe of every built-in pack holds to its own examples."""
from __future__ import annotations

import pytest

from govlint.rules.loader import builtin_languages
from govlint.rules.probes import build_language

LANGUAGES = builtin_languages()
BUILTIN = [(pack, name) for pack, language in LANGUAGES.items() for name in language.probes]


@pytest.mark.parametrize("pack, name", BUILTIN)
def test_every_builtin_probe_holds_to_its_examples(pack, name):
    language = LANGUAGES[pack]
    assert language.probes[name].wrong_examples(language.lexicon) == []


def test_the_removal_probes_carry_examples():
    probes = LANGUAGES["cncf"].probes
    for name in ("remove-person", "person-removed", "removal-of-a-person", "inactivity-alone"):
        assert probes[name].passes and probes[name].fails, name


LANGUAGE = build_language(
    {"remove": ["remove", "revoke"], "person": ["maintainer", "member"], "be": ["be", "is", "are"],
     "things": ["plugin", "issue"], "by": ["by"], "vote": ["vote", "<fraction>"]},
    {"remove-person": {"find": ["remove", "person"], "order": "as-listed", "within": 6,
                       "not_between": ["things"], "not_after": {"person": ["by"]}},
     "person-removed": {"find": ["person", "be", "remove"], "order": "as-listed", "gap": 3},
     "removal": {"any": ["remove-person", "person-removed"]},
     "by-vote": {"find": ["by", "vote"], "order": "as-listed", "within": 5, "unless": ["things"]}})


def matches(probe: str, text: str) -> bool:
    return bool(LANGUAGE.probe(probe).find_all(LANGUAGE.lexicon.scan(text)))


@pytest.mark.parametrize("probe, text, expected", [
    ("remove-person", "The TSC may remove a maintainer.", True),
    ("remove-person", "Maintainers remove stale issues.", False),  # order: the maintainers remove
    ("remove-person", "Remove the plugin of a maintainer.", False),  # not_between: a thing
    ("remove-person", "Issues are removed by a maintainer.", False),  # not_after: who removes
    ("person-removed", "A member may be revoked.", True),
    ("person-removed", "A member of the team who was never told may be removed.", False),  # gap
    ("removal", "Members are removed.", True),
    ("by-vote", "It is decided by a 2/3 vote.", True),
    ("by-vote", "The plugin is removed by a vote.", False),  # unless, in the clause
    ("by-vote", "The plugin is kept. It is decided by a vote.", True),  # another clause
    ("remove-person", "You may remove. A maintainer is here.", False),  # slots in one clause
])
def test_probe_frames(probe, text, expected):
    assert matches(probe, text) is expected


def test_not_before_keeps_a_filler_that_names_a_thing_out_of_its_slot():
    language = build_language(
        {"remove": ["remove", "cancel"], "person": ["maintainer", "member"], "meetings": ["meeting", "list"]},
        {"remove-person": {"find": ["remove", "person"], "order": "as-listed", "not_before": {"person": ["meetings"]}}})

    def found(text: str) -> bool:
        return bool(language.probe("remove-person").find_all(language.lexicon.scan(text)))

    assert found("The TSC may remove a maintainer.")
    assert not found("The TSC may cancel the maintainer meeting.")  # the maintainer names a meeting
    assert found("The TSC may remove a maintainer, and cancel the meeting.")
    with pytest.raises(ValueError, match="not_before: 'who' is not the first vocabulary of a slot"):
        build_language({"a": ["a"]}, {"p": {"find": ["a"], "not_before": {"who": ["a"]}}})


def test_a_probe_naming_nothing_known_is_refused():
    with pytest.raises(ValueError, match="probe 'p': find: unknown vocabulary 'nothing'"):
        build_language({"a": ["a"]}, {"p": {"find": ["nothing"]}})
    with pytest.raises(ValueError, match="defined above"):
        build_language({"a": ["a"]}, {"p": {"any": ["q"]}, "q": {"find": ["a"]}})


def test_rules_naming_the_same_vocabulary_share_one_search_of_a_text():
    """A vocabulary named as a probe is one probe for every rule: a scan remembers what each probe
    found, so the second rule asking reads the first one's answer instead of searching again."""
    language = build_language({"vote": ["vote"], "other": ["other"]}, {})
    first, second = language.probe("vote"), language.probe("vote")
    scan = language.lexicon.scan("The maintainers vote.")
    assert first.find_all(scan) == second.find_all(scan) != []
    assert len(scan.found) == 1
