"""Properties over generated input (Hypothesis): the parser, the rule engine and the YAML loaders.

- Any Markdown, reStructuredText, AsciiDoc or plain text parses, and the rules run over it, with no
  exception at all; the report it gives validates against schemas/report.schema.json.
- A paragraph about something else (build tooling) never turns a passing rule into a failing one,
  wherever between sections it goes.
- Any YAML, and any YAML shaped like a configuration or a rule pack, either loads or raises a
  GovlintError: never a crash of the loader, the schema check, the vocabulary or the regex guard.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govlint.api import build_report
from govlint.config import Config, load_config
from govlint.document import parse
from govlint.errors import GovlintError
from govlint.report import FAIL, PASS
from govlint.resources import schema
from govlint.rules.loader import parse_pack
from govlint.rules.model import DocumentSet
from govlint.rules.registry import load_rules

RULES = load_rules()
REPORT_SCHEMA = jsonschema.Draft202012Validator({"$ref": "#/$defs/report", "$defs": schema("report")["$defs"]})
PROJECTS = Path(__file__).parent / "fixtures" / "projects"
# Modest by default so the suite stays fast; GOVLINT_EXAMPLES=2000 searches harder.
EXAMPLES = int(os.environ.get("GOVLINT_EXAMPLES", "40"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------------------------------
# Generated documents: governance words, markup of every format, and stray bytes of punctuation

_WORDS = ("maintainer maintainers committee steering vote voting majority two-thirds removed removal remove "
          "inactive emeritus months year conduct violation escalate CNCF TOC foundation consensus decision "
          "reviewer approver contributor role roles governance charter may must shall not no never unless "
          "if when this it requires the a of by to and or is are be after before").split()
_MARKUP = ["#", "##", "###", "######", "-", "*", "+", "1.", ">", "> -", "|", "---", "===", "~~~", "```", "`",
           "**", "_", "[", "]", "(", ")", "](", "<", ">", "<!--", "-->", "<br>", "<div>", "</div>", "&amp;",
           "..", "::", ".. note::", ":doc:`", "`_", "= ", "== ", "link:", "xref:", "[TODO: name]", "{{ x }}",
           "http://", "https://github.com/a/b/blob/main/GOVERNANCE.md", "GOVERNANCE.md", "../x.md", "#anchor",
           "\t", "  ", "    ", "\\", "'", "’", "\"", ",", ";", ":", ".", "!", "?", "%", "\u00a0", "\u2028",
           "\x00", "\ufeff", "\U0001f600", "é", "ß"]
_TOKEN = st.one_of(st.sampled_from(_WORDS), st.sampled_from(_MARKUP), st.text(max_size=3))
_LINE = st.lists(_TOKEN, max_size=12).map(" ".join)
DOCUMENT_TEXT = st.lists(_LINE, max_size=30).map("\n".join)
SUFFIXES = (".md", ".rst", ".adoc", ".txt", "")


@FAST
@given(text=DOCUMENT_TEXT, suffix=st.sampled_from(SUFFIXES), kind=st.sampled_from(["governance", "maintainers",
                                                                                     "code-of-conduct", "given"]))
def test_any_text_parses_and_every_rule_runs_over_it(text, suffix, kind):
    doc = parse(text, path=f"docs/GOVERNANCE{suffix}", kind=kind)
    assert doc.line_count >= 0 and all(s.line >= 1 for s in doc.sentences)
    docs = DocumentSet([doc])
    report = build_report(RULES, docs, target="generated", profile="toc", level=None, config=Config(),
                          today=dt.date(2026, 1, 1))
    assert len(report.results) == len(RULES)
    REPORT_SCHEMA.validate(json.loads(json.dumps(report.to_dict())))


@FAST
@given(text=st.text(max_size=400), suffix=st.sampled_from(SUFFIXES))
def test_any_unicode_at_all_parses(text, suffix):
    doc = parse(text, path=f"GOVERNANCE{suffix}", kind="governance")
    build_report(RULES, DocumentSet([doc]), target="generated", profile="templates", level="graduated",
                 config=Config(), today=dt.date(2026, 1, 1))


# --------------------------------------------------------------------------------------------------
# An unrelated paragraph never turns a pass into a fail

_BASES = sorted(p for p in PROJECTS.glob("*/*") if p.is_file() and p.suffix in (".md", "") and p.stat().st_size)
_UNRELATED = [
    "Run make to compile the binaries; the first build downloads the Go toolchain.",
    "The container image is built with Docker Buildx for amd64 and arm64.",
    "Use tox to run the unit tests against every supported Python version.",
    "Continuous integration caches the npm packages between jobs to keep builds fast.",
    "The documentation site is generated with Hugo and published on every merge to the main branch.",
    "Set CGO_ENABLED=0 for a static binary.",
]


def _statuses(text: str, path: str) -> dict[str, str]:
    doc = parse(text, path=path, kind="governance")
    return {rule.meta.name: rule.check(DocumentSet([doc])).status for rule in RULES}


_BASELINES: dict[Path, dict[str, str]] = {}


@settings(max_examples=max(25, EXAMPLES // 4), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(base=st.sampled_from(_BASES), sentences=st.lists(st.sampled_from(_UNRELATED), min_size=1, max_size=3),
       where=st.integers(min_value=0), as_section=st.booleans())
def test_an_unrelated_paragraph_never_turns_a_pass_into_a_fail(base, sentences, where, as_section):
    text = base.read_text(encoding="utf-8")
    path = "GOVERNANCE.md"
    if base not in _BASELINES:
        _BASELINES[base] = _statuses(text, path)
    before = _BASELINES[base]
    lines = text.split("\n")
    # Between sections: before a heading, or at the end (outside any fenced code block).
    fence = False
    spots = [len(lines)]
    for index, line in enumerate(lines):
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        elif not fence and re.match(r"#{1,6}\s", line):
            spots.append(index)
    at = spots[where % len(spots)]
    paragraph = (["## Building from source", ""] if as_section else []) + [" ".join(sentences), ""]
    after = _statuses("\n".join(lines[:at] + ["", *paragraph] + lines[at:]), path)
    turned = [name for name, status in before.items() if status == PASS and after[name] != PASS]
    assert not turned, f"{base.relative_to(PROJECTS)}: {turned} no longer pass"
    assert not [name for name, status in before.items() if status != FAIL and after[name] == FAIL]


# --------------------------------------------------------------------------------------------------
# YAML into the configuration and rule-pack loaders

_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
                     st.floats(allow_nan=True), st.text(max_size=20), st.dates(),
                     st.sampled_from(["sandbox", "graduated", "toc", "GL101", "vote", "(a+)+$", "{{word}}", "[",
                                      "2024-13-45", "phrases", "checklist", "plugin", "\\bvote\\b", "~", "*x"]))
_KEYS = st.one_of(st.sampled_from(["level", "profile", "select", "ignore", "rule_packs", "documents", "waivers",
                                   "fail_under", "rule", "reason", "expires", "pack", "vocabulary", "rules",
                                   "code", "name", "title", "rationale", "criterion", "text", "source", "weight",
                                   "levels", "remediation", "check", "kind", "all", "exclude", "heading", "items",
                                   "scope", "value", "documents", "plugin", "pass_at", "context", "anaphora"]),
                  st.text(max_size=8))
YAML_VALUES = st.recursive(_SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                           st.dictionaries(_KEYS, inner, max_size=5)), max_leaves=25)


def _rule(draw_check) -> dict:
    return {"code": "EX001", "name": "extra-rule", "title": "T", "rationale": "R",
            "criterion": {"text": "C", "source": "a/b:c"}, "weight": 1,
            "levels": {"sandbox": "recommended", "incubating": "recommended", "graduated": "required"},
            "remediation": "R", "check": draw_check}


_PATTERNS = st.one_of(st.sampled_from(["\\bvote\\b", "(a+)+$", "(?:\\w+\\s?)+", "{{word}}", "(", "[a-", "(?P<x>a)(?P=x)",
                                       "(?(1)a|b)", "(?<=a)b", "a{2,1}", "\\", "(?i:x)+", "(?>a+)+", "a++",
                                       "((((((((((a))))))))))*", "(?#c)", "\\p{L}", "[^\\W\\d_]+"]),
                      st.text(alphabet="ab()[]{}*+?|\\^$.-,:=!<>#0123456789wsdWSDPi", max_size=16))
_GROUPS = st.lists(st.one_of(_PATTERNS, st.lists(_PATTERNS, min_size=1, max_size=2)), min_size=1, max_size=2)
_CHECKS = st.one_of(
    st.fixed_dictionaries({"kind": st.just("phrases"), "all": _GROUPS},
                          optional={"exclude": _PATTERNS, "heading": _PATTERNS, "not_heading": _PATTERNS,
                                    "scope": st.sampled_from(["sentence", "block", "section"])}),
    st.fixed_dictionaries({"kind": st.just("extract"), "value": st.sampled_from(["threshold", "duration"])},
                          optional={"all": _GROUPS}),
    st.fixed_dictionaries({"kind": st.just("section"), "heading": _PATTERNS}, optional={"all": _GROUPS}),
    st.fixed_dictionaries({"kind": st.just("checklist"),
                           "items": st.lists(st.fixed_dictionaries({"name": st.text(min_size=1, max_size=5),
                                                                    "all": _GROUPS}), min_size=1, max_size=2)},
                          optional={"heading": _PATTERNS, "context": st.sampled_from(["none", "heading", "x"])}),
    st.fixed_dictionaries({"kind": st.just("absent"), "patterns": _PATTERNS}, optional={"filled": _PATTERNS}),
    st.fixed_dictionaries({"kind": st.just("document"), "kinds": st.just(["governance"])},
                          optional={"name": _PATTERNS, "mentions": _PATTERNS}),
    st.dictionaries(_KEYS, YAML_VALUES, max_size=3),  # not a check at all
)
RULE_PACKS = st.fixed_dictionaries({"rules": st.lists(_CHECKS.map(_rule), min_size=1, max_size=2)},
                                   optional={"vocabulary": st.dictionaries(st.sampled_from(["word", "x", "y"]),
                                                                           _PATTERNS, max_size=3)})


def _load_config_text(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ".govlint.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            load_config(path)
        except GovlintError as err:
            assert "\n" not in str(err)


def _load_pack_text(text: str) -> None:
    try:
        parse_pack(text, origin="pack.yaml")
    except GovlintError as err:
        assert "\n" not in str(err)


@FAST
@given(text=st.text(max_size=200))
def test_any_text_into_the_config_loader_raises_only_govlint_errors(text):
    _load_config_text(text)


@FAST
@given(data=YAML_VALUES)
def test_any_yaml_into_the_config_loader_raises_only_govlint_errors(data):
    _load_config_text(yaml.safe_dump(data, allow_unicode=True))


@FAST
@given(text=st.text(max_size=200))
def test_any_text_into_the_rule_pack_loader_raises_only_govlint_errors(text):
    _load_pack_text(text)


@FAST
@given(data=st.one_of(YAML_VALUES, RULE_PACKS))
def test_any_yaml_into_the_rule_pack_loader_raises_only_govlint_errors(data):
    _load_pack_text(yaml.safe_dump(data, allow_unicode=True))


@pytest.mark.parametrize("text", [
    "rules: [{code: EX001}]\n", "rules: &r [*r]\n", "vocabulary: {a: '{{a}}'}\nrules: []\n", "!!python/object:os.system {}\n",
    "rules: [!!binary aGVsbG8=]\n", "? [a, b]\n: c\n", "rules: 2024-13-45\n", "%YAML 9.9\n---\nrules: []\n",
])
def test_yaml_corner_cases_into_both_loaders(text):
    _load_config_text(text)
    _load_pack_text(text)
