"""When discovery found no document, every format says so first and names where governance may be
(issue 14), instead of a bare 0.0 D."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.printable import markdown_cell
from govlint.reporters import RenderOptions, render

ADVICE = ("no governance document found; governance-like files at docs/team-process.md: give them as paths or "
          "under `documents:` in .govlint.yaml")


@pytest.fixture
def report(tmp_path, monkeypatch):
    (tmp_path / "widget" / "docs").mkdir(parents=True)
    (tmp_path / "widget" / "docs" / "team-process.md").write_text("# Team process\n\nWe meet on Mondays.\n")
    (tmp_path / "widget" / "main.go").write_text("package main\n")
    monkeypatch.chdir(tmp_path)
    return lint("widget")


def test_json_has_it_as_the_first_warning(report):
    data = json.loads(render("json", [report]))["reports"][0]
    assert data["documents"] == [] and data["warnings"][0] == ADVICE


def test_text_and_markdown_open_with_it(report):
    assert render("text", [report], RenderOptions(color=False, width=200)).splitlines()[0] == ADVICE
    assert render("markdown", [report]).splitlines()[0] == f"**{markdown_cell(ADVICE)}**"  # Markdown escaped


def test_sarif_has_a_file_level_note_first(report):
    import jsonschema

    log = json.loads(render("sarif", [report]))
    schema = json.loads((Path(__file__).parents[1] / "schemas" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run = log["runs"][0]
    first = run["results"][0]
    assert first["ruleId"] == "discovery" and first["level"] == "note" and first["message"]["text"] == ADVICE
    assert first["locations"] == [{"physicalLocation": {"artifactLocation": {"uri": "widget/GOVERNANCE.md"}}}]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "discovery"


def test_a_report_with_documents_has_no_such_line(tmp_path, monkeypatch):
    (tmp_path / "GOVERNANCE.md").write_text("# Governance\n\nMaintainers decide by majority vote.\n")
    monkeypatch.chdir(tmp_path)
    report = lint(".")
    assert not any(w.startswith("no governance document") for w in report.warnings)
    assert json.loads(render("sarif", [report]))["runs"][0]["results"][0]["ruleId"] != "discovery"
    assert not render("markdown", [report]).startswith("**no governance")
