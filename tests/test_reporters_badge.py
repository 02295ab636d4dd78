"""`--format badge`: a shields.io endpoint JSON for a README badge."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.reporters import render

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


@pytest.mark.parametrize("project, message, color", [
    ("exemplary", "graduated-ready · A", "brightgreen"),
    ("template-copy", "sandbox-ready · B", "green"),
    ("minimal", "no level met · D", "red"),
])
def test_badge_shows_the_level_met_and_the_rating(project, message, color):
    badge = json.loads(render("badge", [lint(str(PROJECTS / project))]))
    assert badge == {"schemaVersion": 1, "label": "governance", "message": message, "color": color}


def test_cli_writes_the_badge_file(run_cli, tmp_path):
    out = tmp_path / "badge.json"
    code, _, err = run_cli("check", str(PROJECTS / "template-copy"), "--format", "badge", "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["message"] == "sandbox-ready · B"
