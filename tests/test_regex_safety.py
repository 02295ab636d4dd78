"""A rule pack's regex cannot hang govlint: patterns that backtrack catastrophically are refused at load."""
from __future__ import annotations

import re
import time

import pytest
import yaml

from govlint.errors import RulePackError
from govlint.resources import builtin_packs
from govlint.rules import matching
from govlint.rules.loader import parse_pack
from govlint.rules.regex_safety import UnsafePattern, check_pattern, check_rule_patterns
from govlint.rules.values import VALUES
from govlint.rules.yaml_rule import _substitute, expand_vocabulary

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


def test_a_user_pack_with_a_catastrophic_regex_is_one_error_naming_file_rule_and_pattern():
    pack = """
vocabulary:
  word: '\\w+\\s?'
rules:
  - code: EV001
    name: evil-rule
    title: A rule that would hang
    rationale: r
    criterion: {text: t, source: a/b:c}
    levels: {sandbox: recommended, incubating: recommended, graduated: recommended}
    remediation: r
    check:
      kind: checklist
      items:
        - name: fine
          all: [['\\bvote\\b']]
        - name: bad
          all: [['(?:{{word}})+$']]
"""
    with pytest.raises(RulePackError) as info:
        parse_pack(pack, origin="packs/evil.yaml")
    message = str(info.value)
    assert message.startswith("packs/evil.yaml: rule evil-rule: pattern '(?:{{word}})+$' can take exponential time")
    assert "\n" not in message


def test_checklist_item_names_and_document_names_are_told_apart():
    spec = {"kind": "checklist", "items": [{"name": "(a+)+ is only a label", "all": [["vote"]]}]}
    check_rule_patterns(spec, lambda p: p)
    with pytest.raises(UnsafePattern):
        check_rule_patterns({"kind": "document", "kinds": ["governance"], "name": "(a+)+$"}, lambda p: p)


def _builtin_rules():
    for pack in builtin_packs():
        data = yaml.safe_load(pack.read_text(encoding="utf-8"))
        legacy = {k: v for k, v in (data.get("vocabulary") or {}).items() if isinstance(v, str)}  # regex fragments
        vocabulary = expand_vocabulary(legacy)
        for rule in data["rules"]:
            yield rule["name"], rule, vocabulary


# Until bd12c4d the vocabulary repeated `[\w'’-]+[^\w.;:!?]+`, whose classes shared ' ’ and -, so
# "Maintainer" and a row of 30 dashes (an RST grid table) took 33 s in `role_attainment`.
@pytest.mark.parametrize("name, rule, vocabulary", list(_builtin_rules()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_the_builtin_pack_passes_the_guard(name, rule, vocabulary):
    checks = rule["check"] if isinstance(rule["check"], list) else [rule["check"]]
    for spec in checks:
        check_rule_patterns(spec, lambda pattern: _substitute(pattern, vocabulary))


@pytest.mark.parametrize("name, pattern", ids=lambda v: v if isinstance(v, str) else "", argvalues=[
    ("threshold", VALUES["threshold"]), ("duration", VALUES["duration"]), ("placeholder", matching.PLACEHOLDER),
    ("negation", matching._NEGATION), ("exception", matching._EXCEPTION),
    ("anaphor", matching._ANAPHOR),
])
def test_the_engines_own_patterns_pass_the_guard(name, pattern):
    check_pattern(pattern.pattern, flags=pattern.flags)
