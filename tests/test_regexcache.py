"""The compiled-regex cache gives patterns that match exactly as re.compile's, and survives a
damaged or foreign cache file by compiling the ordinary way."""
from __future__ import annotations

import re

from govlint.regexcache import RegexCache, satisfied

PATTERNS = [r"\bremov(?:e|ed|al)\b\W+(?:\w+\W+){0,5}?maintainers?", r"(?P<n>\d+)\s*/\s*(?P<d>\d+)", r"(?<!no )vote",
            r"^(?!.*cause).*inactiv\w*"]
TEXTS = ["A maintainer may be removed by a 2/3 vote.", "Removal of maintainers needs no vote.",
         "Inactive members move to emeritus.", "removed, with reasons, from the list of maintainers"]


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    for text in TEXTS:
        x, y = a.search(text), b.search(text)
        if (x and (x.span(), x.groupdict())) != (y and (y.span(), y.groupdict())):
            return False
    return a.pattern == b.pattern and a.groupindex == b.groupindex


def test_patterns_from_the_cache_match_like_re_compile(tmp_path):
    path = tmp_path / "regex.marshal"
    first = RegexCache(path)
    for pattern in PATTERNS:
        assert _same(first.compile(pattern, re.I), re.compile(pattern, re.I))
    first.save()
    assert path.stat().st_size > 0
    second = RegexCache(path)
    second._load()
    assert {(p, int(re.I)) for p in PATTERNS} <= set(second._entries)  # served from the file
    for pattern in PATTERNS:
        assert _same(second.compile(pattern, re.I), re.compile(pattern, re.I))


def test_a_damaged_cache_file_is_ignored(tmp_path):
    path = tmp_path / "regex.marshal"
    path.write_bytes(b"\x00garbage that marshal cannot read")
    cache = RegexCache(path)
    assert _same(cache.compile(PATTERNS[0], re.I), re.compile(PATTERNS[0], re.I))
    cache.save()
    assert _same(RegexCache(path).compile(PATTERNS[0], re.I), re.compile(PATTERNS[0], re.I))


def test_invalid_patterns_still_raise_re_error(tmp_path):
    import pytest

    with pytest.raises(re.error):
        RegexCache(tmp_path / "r").compile("(unclosed")


def test_required_literals_are_a_necessary_condition(tmp_path):
    """A text without any of a pattern's required literals can never match it."""
    from hypothesis import given, settings, strategies as st

    cache = RegexCache(tmp_path / "r")
    patterns = [cache.compile(p, re.I) for p in PATTERNS + [r"\b(?:remov(?:e|ed)|demot\w+)\s+(?:co-?)?maintainers?"]]
    # The cheapest part of an "and" is tested first: most texts fail it.
    assert cache.required(patterns[-1]) == ("and", (("lit", "maintainer"), ("or", (("lit", "demot"), ("lit", "remove")))))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet="abcdeilmnorstvxMR /-ſKİ\n", max_size=60))
    def check(text):
        for pattern in patterns:
            need = cache.required(pattern)
            if need is not None and not satisfied(need, text.casefold()):
                assert pattern.search(text) is None

    check()


def test_required_literals_are_simplified_and_keep_rare_short_ones(tmp_path):
    cache = RegexCache(tmp_path / "r")
    # "maintainership" contains "maintainer": either way the text must hold "maintainer".
    assert cache.required(cache.compile(r"maintainers?|maintainership", re.I)) == ("lit", "maintainer")
    # A one-character literal counts when prose seldom has it: the "/" of "2/3", the "@" of an address.
    assert cache.required(cache.compile(r"\d+\s*/\s*\d+")) == ("lit", "/")
    assert cache.required(cache.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")) == ("lit", "@")
    assert cache.required(cache.compile(r"\d+\s+of\s+\d+")) is None  # "of" alone says too little


def test_the_first_character_look_ahead_changes_no_match(tmp_path):
    """Patterns get a look-ahead for the characters a match can start with. Every match, group
    and span must stay what re.compile gives, including characters whose case folds oddly (the
    Kelvin sign matches "k", the long s matches "s" under IGNORECASE), and in a case-sensitive
    pattern with a case-insensitive part."""
    from hypothesis import given, settings, strategies as st

    from govlint.rules.loader import VOCABULARIES
    from govlint.rules.registry import load_rules

    load_rules()
    vocabulary = [v for pack in VOCABULARIES.values() for v in pack.values()]
    patterns = PATTERNS + vocabulary[:40] + [
        r"(?i:maintainer)s?", r"(?-i:[A-Z][a-z]+)\s+votes?", r"\bk[a-z]+", r"s?tep\s+down", r"(?:a|b)*c",
        r"[\w.+-]+@[\w-]+\.[\w.]+", r"(?:x|)y"]
    cache = RegexCache(tmp_path / "r")
    pairs = []
    for pattern in patterns:
        for flags in (0, re.I):
            pairs.append((cache.compile(pattern, flags), re.compile(pattern, flags)))

    @settings(max_examples=200, deadline=None)
    @given(st.text(alphabet="aceiklmnorstvwyAKMS \u212a\u017f\u0130@.-1/", max_size=80))
    def check(text):
        for mine, theirs in pairs:
            assert [(m.span(), m.groups()) for m in mine.finditer(text)] == \
                [(m.span(), m.groups()) for m in theirs.finditer(text)], mine.pattern

    check()
    for text in ["Maintainers may be removed", "\u212aeep the \u017fteering committee", "a@b.io wrote"]:
        for mine, theirs in pairs:
            assert [m.span() for m in mine.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    assert all(mine.pattern == theirs.pattern and mine.groupindex == theirs.groupindex for mine, theirs in pairs)


def _old_patterns(count: int) -> list[str]:
    return [rf"\bold{n}\w* (?:alpha|beta|gamma|delta)" for n in range(count)]


def _saved(path, patterns) -> RegexCache:
    """A run that compiles ``patterns`` (case-insensitive) and writes the file."""
    cache = RegexCache(path)
    for pattern in patterns:
        cache.compile(pattern, re.I)
    cache.save()
    return cache


def test_the_file_keeps_this_runs_patterns_and_drops_the_oldest_beyond_its_budget(tmp_path, monkeypatch):
    """Editing a rule pack compiles new patterns; the file must not grow with every edit, since
    every cold start reads it. This run's patterns always stay; the oldest others go first."""
    import govlint.regexcache as module

    path = tmp_path / "regex.marshal"
    old = _old_patterns(6)
    first = _saved(path, old)
    one = module._weight((old[0], int(re.I)), first._entries[(old[0], int(re.I))])
    monkeypatch.setattr(module, "_OLDER_SHARE", 0)
    monkeypatch.setattr(module, "_MIN_OLDER_BYTES", 2 * one)  # room for two of the older patterns

    second = RegexCache(path)
    second.compile(old[5], re.I)  # used again this run: becomes the most recent
    second.compile(r"\bnew\w* (?:alpha|beta|gamma|delta)", re.I)
    second.save()
    kept = [pattern for pattern, _ in module.marshal.loads(path.read_bytes())["entries"]]
    assert kept[-2:] == [old[5], r"\bnew\w* (?:alpha|beta|gamma|delta)"]  # this run's, most recent last
    assert kept[:2] == [old[3], old[4]]  # the most recent of the older ones, in their order
    assert len(kept) == 4

    monkeypatch.setattr(module, "_MIN_OLDER_BYTES", 0)
    third = RegexCache(path)
    third.compile(r"\bthird\w*", re.I)
    third.save()
    assert list(module.marshal.loads(path.read_bytes())["entries"]) == [(r"\bthird\w*", int(re.I))]


def test_older_patterns_may_take_a_quarter_of_the_file(tmp_path, monkeypatch):
    """A user who switched rule packs keeps a little of the old pack's work, never a file that
    every cold start pays to read many times over."""
    import govlint.regexcache as module

    monkeypatch.setattr(module, "_MIN_OLDER_BYTES", 0)
    path = tmp_path / "regex.marshal"
    old = _old_patterns(8)
    _saved(path, old)
    mine = [rf"\bnew{n}\w* (?:alpha|beta|gamma|delta)" for n in range(4)]
    _saved(path, mine)
    kept = [pattern for pattern, _ in module.marshal.loads(path.read_bytes())["entries"]]
    assert kept == [old[7], *mine]  # four of this run's patterns leave room for one older one
