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


def test_required_rules_are_errors_and_others_warnings_at_their_near_miss():
    commands = parse(render("github", [lint("template-copy", level="incubating")]))
    by_title = {props["title"]: (kind, props, message) for kind, props, message in commands if "title" in props}
    kind, props, message = by_title["GL103 vote-of-no-confidence"]
    assert kind == "error"
    assert (props["file"], props["line"]) == ("template-copy/CONTRIBUTOR_LADDER.md", "33")
    assert "%0A" in message and "\n" not in message
    assert by_title["GL007 vendor-neutrality"][0] == "warning"
    assert by_title["GL007 vendor-neutrality"][1]["file"] == "template-copy/GOVERNANCE.md"
    errors = {props["title"].split()[0] for kind, props, _ in commands if kind == "error"}
    assert errors == {"GL103", "GL105", "GL202"}  # exactly what incubating is missing
    assert "GL001 governance-doc" not in by_title  # passing rules are not annotated


def test_without_a_level_the_next_level_decides_severity():
    commands = parse(render("github", [lint("minimal")]))
    errors = {props["title"].split()[0] for kind, props, _ in commands if kind == "error"}
    assert errors == {"GL002", "GL006"}  # sandbox's required rules, the first level to reach
    notice = [message for kind, _, message in commands if kind == "notice"]
    assert notice and "score" in notice[0] and "level met: none" in notice[0]


def test_clean_project_gets_only_the_summary_notice():
    commands = parse(render("github", [lint("exemplary")]))
    assert [kind for kind, _, _ in commands] == ["notice"]
