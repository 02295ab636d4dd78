"""`--format github`: workflow commands that become annotations on the right file and line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.reporters import render
from govlint.reporters.github import command, escape_data, escape_property

PROJECTS = Path(__file__).parent / "fixtures" / "projects"
_LINE = re.compile(r"^::(error|warning|notice) (?:([^:]*))?::(.*)$")


@pytest.fixture(autouse=True)
def _in_projects(monkeypatch):
    monkeypatch.chdir(PROJECTS)


def parse(output: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in output.splitlines():
        match = _LINE.match(line)
        assert match, f"not a workflow command: {line!r}"
        props = dict(part.split("=", 1) for part in match.group(2).split(",")) if match.group(2) else {}
        out.append((match.group(1), props, match.group(3)))
    return out


def test_escaping_follows_the_actions_toolkit():
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert command("warning", "x\ny", file="docs/a,b.md", line=3, title="GL1: t") == \
        "::warning file=docs/a%2Cb.md,line=3,title=GL1%3A t::x%0Ay"


def test_required_rules_are_errors_and_others_warnings_on_the_document_that_should_hold_them():
    report = lint("template-copy", level="incubating")
    commands = parse(render("github", [report]))
    by_title = {props["title"]: (kind, props, message) for kind, props, message in commands if "title" in props}
    failing = [r for r in report.results if r.status in ("fail", "partial")]
    assert {t.split()[0] for t in by_title if t != "govlint"} == {r.code for r in failing}  # passing rules: none
    errors = {props["title"].split()[0] for kind, props, _ in commands if kind == "error"}
    assert errors == {r.code for r in failing if r.level["incubating"] == "required"}
    verdict = report.verdict("incubating")
    assert errors and {report.result(c).name for c in errors} == set(verdict.missing)
    for rule in failing:
        kind, props, message = by_title[f"{rule.code} {rule.name}"]
        if rule.status == "fail" and not rule.evidence:
            # Nothing found: a file-level annotation (no line) on the governance document, never on
            # a near-miss line about something else.
            assert props["file"] == "template-copy/GOVERNANCE.md" and "line" not in props
        else:
            assert props["line"] == str(rule.evidence[0].line)
        assert "%0A" in message and "\n" not in message
    kind, props, _ = by_title["GL007 vendor-neutrality"]  # recommended at incubating, nothing close
    assert kind == "warning" and props == {"file": "template-copy/GOVERNANCE.md", "title": "GL007 vendor-neutrality"}


def test_without_a_level_the_next_level_decides_severity():
    commands = parse(render("github", [lint("minimal")]))
    errors = {props["title"].split()[0] for kind, props, _ in commands if kind == "error"}
    assert errors == {"GL002", "GL006"}  # sandbox's required rules, the first level to reach
    notice = [message for kind, _, message in commands if kind == "notice"]
    assert notice and "score" in notice[0] and "level met: none" in notice[0]


def test_clean_project_gets_only_the_summary_notice():
    commands = parse(render("github", [lint("exemplary")]))
    assert [kind for kind, _, _ in commands] == ["notice"]
