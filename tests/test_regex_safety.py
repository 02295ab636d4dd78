"""A rule pack's value patterns (the only regexes a pack may hold) cannot hang govlint: patterns that
backtrack catastrophically are refused at load."""
from __future__ import annotations

import re
import time

import pytest
import yaml

from govlint.errors import RulePackError
from govlint.rules import matching
from govlint.rules.loader import parse_pack
from govlint.rules.regex_safety import UnsafePattern, check_pattern
from govlint.rules.values import VALUES

# Each of these takes seconds to years on a line of a few dozen characters.
UNSAFE = [
    (r"(a+)+$", "a" * 40 + "!"),
    (r"(a*)*$", "a" * 40 + "!"),
    (r"(a|a)*$", "a" * 40 + "!"),
    (r"(?:a|a?)+$", "a" * 40 + "!"),
    (r"(a+|b)+$", "a" * 40 + "!"),
    (r"(\w+\s?)+$", "a" * 40 + "!"),
    (r"^(\w+\s?)*$", "word " * 20 + "!"),
    (r"((ab)+)+$", "ab" * 30 + "!"),
    (r"(a+a)+$", "a" * 40 + "!"),
    (r"(\d+|\w+)*!", "1" * 40),
    (r"(.*,){20}x", "," * 40),
    (r"\s*\s*\s*x", " " * 5000),
    (r"(?:[\w'-]+[^\w.]+){0,8}?x", "a " + "-" * 60),
    (r"(?=(a+)+$)", "a" * 40 + "!"),
]
SAFE = [r"\bmaintainers?\b", r"(?:\w+\s+){0,4}", r"(?:\w+,?\s+){0,4}?vote", r"[\w.+-]+@[\w-]+\.[\w.]+",
        r"(a|b)*$", r"(\w|\d)+$", r"(?:can|could|may|must)+", r"(?:is|are|be|been)+", r"a*b*c*", r"(a+b)+$",
        r"(?:\S+\s+)*x", r".*?x", r"(?:\W?\w+\W?\s+){0,3}", r"two[- ]thirds?", r"(?:\w+\s+){0,2}?(?:vote|ballot)"]
if hasattr(re, "NOFLAG"):  # Python 3.11+: possessive repeats and atomic groups never give back
    SAFE += [r"(a++)+$", r"(?>a+)+$"]


@pytest.mark.parametrize("pattern, text", UNSAFE, ids=[p for p, _ in UNSAFE])
def test_catastrophic_patterns_are_refused_with_the_part_at_fault(pattern, text):
    with pytest.raises(UnsafePattern) as info:
        check_pattern(pattern)
    assert "time" in str(info.value) and "\n" not in str(info.value)


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass_and_run_fast(pattern):
    check_pattern(pattern)
    start = time.monotonic()
    re.search(pattern, "a" * 2000 + " -,!" * 500, re.I)  # quadratic at worst, which the guard allows
    assert time.monotonic() - start < 1


def test_a_user_pack_with_a_catastrophic_value_pattern_is_one_error_naming_file_and_pattern():
    pack = """
vocabulary:
  vote: [vote]
values:
  quorum: '(\\w+\\s?)+$'
rules:
  - code: EV001
    name: evil-rule
    title: A rule that would hang
    rationale: r
    criterion: {text: t, source: a/b:c}
    levels: {sandbox: recommended, incubating: recommended, graduated: recommended}
    remediation: r
    check:
      kind: probes
      value: quorum
      all: [vote]
"""
    with pytest.raises(RulePackError) as info:
        parse_pack(pack, origin="packs/evil.yaml")
    message = str(info.value)
    assert message.startswith("packs/evil.yaml: values: pattern ") and "exponential time" in message
    assert "\n" not in message


def test_the_builtin_pack_holds_no_regular_expression():
    """Words and probes only: a maintainer who has never written a regex can read and extend it."""
    from govlint.resources import builtin_packs

    for pack in builtin_packs():
        data = yaml.safe_load(pack.read_text(encoding="utf-8"))
        assert "values" not in data
        for name, words in (data.get("vocabulary") or {}).items():
            assert isinstance(words, list), name
            for word in words:
                assert not re.search(r"\\[bswd]|\(\?|[\[\]|^$+]", word.replace("+1", "")), (name, word)


@pytest.mark.parametrize("name, pattern", ids=lambda v: v if isinstance(v, str) else "", argvalues=[
    ("threshold", VALUES["threshold"]), ("duration", VALUES["duration"]), ("placeholder", matching.PLACEHOLDER),
    ("negation", matching._NEGATION), ("exception", matching._EXCEPTION),
    ("anaphor", matching._ANAPHOR),
])
def test_the_engines_own_patterns_pass_the_guard(name, pattern):
    check_pattern(pattern.pattern, flags=pattern.flags)
