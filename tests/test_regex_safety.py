"""A rule pack's value patterns (the only regexes a pack may hold) cannot hang govlint: every pattern
of a user pack runs under a deadline, since no static check of a pattern can be complete."""
from __future__ import annotations

import re
import time

import pytest
import yaml

from govlint.rules.loader import parse_pack


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


# ---- the deadline ------------------------------------------------------------------------------------

def _rule(code: str, name: str, check: str) -> str:
    return f"""
  - code: {code}
    name: {name}
    title: A rule whose pattern backtracks
    rationale: r
    criterion: {{text: t, source: a/b:c}}
    levels: {{sandbox: recommended, incubating: recommended, graduated: recommended}}
    remediation: r
    check: {check}"""


# The patterns that pass the static check, as a user pack's own value patterns (the only
# regexes a pack may hold). With `re`, each runs for minutes to years on its line of the document
# below; `regex` reads the third in no time.
def _value_rule(code: str, name: str, value: str) -> str:
    return _rule(code, name, f"{{kind: probes, value: {value}, all: [any-word]}}")


HOSTILE_PACK = ("vocabulary:\n  any-word: ['*']\nvalues:\n  alternation: '(?:a|aa)+!'\n"
                "  alternation-at-end: '(k|kk)+$'\n  optional-commas: '\\w*,?\\w*,?\\w*,?\\w*!'\n") + "rules:" + "".join([
    _value_rule("EV001", "alternation", "alternation"),
    _value_rule("EV002", "alternation-at-end", "alternation-at-end"),
    _value_rule("EV003", "optional-commas", "optional-commas"),
]) + "\n"
HOSTILE_DOCUMENT = f"""# Governance

Maintainers may be removed by a two-thirds vote of the other maintainers.

{"a" * 62}

{"k" * 62}x

{"w" * 60}
"""


@pytest.mark.slow  # a process of its own that spends two 1 s deadlines; the deadline itself is tested below
def test_user_pack_patterns_that_backtrack_are_stopped_at_their_deadline(tmp_path):
    """Issue 13: these patterns pass the static check and kept CI at 100% CPU. Each now stops at its
    1 s deadline; its rule is an error that names it, every other rule is reported, exit code 2."""
    import json
    import resource
    import subprocess
    import sys

    import jsonschema

    from govlint.resources import schema

    (tmp_path / "GOVERNANCE.md").write_text(HOSTILE_DOCUMENT, encoding="utf-8")
    (tmp_path / "hostile.yaml").write_text(HOSTILE_PACK, encoding="utf-8")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "govlint", "check", ".", "--rule-pack", "hostile.yaml", "--select", "EV,GL101",
               "--no-cache", "--format", "json", "-o", "junit=report.xml", "-o", "sarif=report.sarif",
               "-o", "markdown=report.md", "-o", "concise=report.txt"]
    try:
        done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail("a user pack's backtracking pattern ran for a minute")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Two patterns stopped at 1 s of processor time each, and the rest: a few seconds, however busy the machine.
    assert after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime < 8

    assert done.returncode == 2
    output = json.loads(done.stdout)
    jsonschema.validate(output, schema("report"))
    [report] = output["reports"]
    results = {r["code"]: r for r in report["results"]}
    assert {code: r["status"] for code, r in results.items()} == {
        "GL101": "pass", "EV001": "error", "EV002": "error", "EV003": "fail"}
    assert results["EV001"]["message"].startswith(
        "could not be evaluated: pattern '(?:a|aa)+!' ran past its 1 s deadline on a text of 62 characters")
    assert results["EV002"]["message"].startswith("could not be evaluated: pattern '(k|kk)+$' ran past its 1 s")
    assert all(results[code]["message"].endswith("(in hostile.yaml)") for code in ("EV001", "EV002"))
    errors = done.stderr.splitlines()
    assert len(errors) == 2 and all(line.startswith("govlint: error: .: rule EV00") for line in errors)
    assert "EV001 (alternation) could not be evaluated: pattern '(?:a|aa)+!'" in errors[0]

    # Every output says which rule could not be evaluated.
    xml = (tmp_path / "report.xml").read_text(encoding="utf-8")
    assert xml.count("<error ") == 2 and 'errors="2"' in xml
    sarif = json.loads((tmp_path / "report.sarif").read_text(encoding="utf-8"))
    kinds = {r["ruleId"]: r["kind"] for r in sarif["runs"][0]["results"]}
    assert kinds["EV001"] == kinds["EV002"] == "review"
    assert "| EV001 | alternation | ⚠️ ERROR | could not be evaluated" in (tmp_path / "report.md").read_text(encoding="utf-8")
    assert ".: EV002 alternation-at-end error: could not be evaluated: pattern '(k|kk)+$'" in (
        tmp_path / "report.txt").read_text(encoding="utf-8")


def test_the_user_patterns_of_one_target_share_a_total(tmp_path):
    """A pack of many slow patterns cannot multiply the deadline: past the target's total, the rules
    still to run are errors at once, and built-in rules run as ever."""
    import time

    from govlint.document import parse
    from govlint.engine import run_rules
    from govlint.rules.model import DocumentSet
    from govlint.rules.registry import load_rules
    from govlint.rules.regex_safety import PatternBudget

    pack = ("vocabulary:\n  any-word: ['*']\nvalues:\n  alternation: '(?:a|aa)+!'\nrules:"
            + "".join(_value_rule(f"EV{n:03d}", f"slow-{n}", "alternation") for n in range(1, 5)) + "\n")
    builtin = [r for r in load_rules() if r.meta.code == "GL101"]
    docs = DocumentSet([parse(HOSTILE_DOCUMENT, path="GOVERNANCE.md", kind="governance")])
    start = time.process_time()
    results, _ = run_rules([*parse_pack(pack, origin="packs/slow.yaml"), *builtin], docs, profile="toc",
                           budget=PatternBudget(per_pattern=0.3, total=0.5))
    assert time.process_time() - start < 3
    messages = {r.code: (r.status, r.message) for r in results}
    assert messages["GL101"][0] == "pass"
    assert messages["EV001"] == ("error", "could not be evaluated: pattern '(?:a|aa)+!' ran past its 0.3 s deadline "
                                 "on a text of 62 characters; it backtracks: rewrite it so that each repetition ends "
                                 "on characters it cannot begin with (in packs/slow.yaml)")
    assert messages["EV002"] == ("error", "could not be evaluated: pattern '(?:a|aa)+!' was stopped when the rule "
                                 "packs' patterns had used their 0.5 s for this target (in packs/slow.yaml)")
    for code in ("EV003", "EV004"):
        assert messages[code] == ("error", "could not be evaluated: pattern '(?:a|aa)+!' was not run: the rule packs' "
                                  "patterns had used their 0.5 s for this target (in packs/slow.yaml)")


def test_a_value_pattern_that_backtracks_loads_and_is_stopped_when_it_runs(tmp_path):
    """There is no load-time guess at which patterns backtrack: the pack loads, and on the line where
    the pattern would run for years in re, its rule is an error at its deadline."""
    from govlint.document import parse
    from govlint.engine import run_rules
    from govlint.rules.model import DocumentSet
    from govlint.rules.regex_safety import PatternBudget

    pack = "vocabulary:\n  any-word: ['*']\nvalues:\n  nested: '(?:a|aa)+!'\nrules:" + _value_rule("EV009", "nested", "nested")
    [rule] = parse_pack(pack, origin="packs/nested.yaml")
    docs = DocumentSet([parse("# G\n\n" + "a" * 62 + "\n", path="GOVERNANCE.md", kind="governance")])
    start = time.process_time()
    [result], _ = run_rules([rule], docs, profile="toc", budget=PatternBudget(per_pattern=0.3, total=1))
    assert time.process_time() - start < 3
    assert result.status == "error" and "ran past its 0.3 s deadline" in result.message
