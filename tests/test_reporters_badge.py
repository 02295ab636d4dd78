"""`--format badge`: a shields.io endpoint JSON for a README badge."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from govlint.api import lint
from govlint.reporters import render

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


@pytest.mark.parametrize("project, message, color", [
    ("exemplary", "CNCF graduated criteria met · score 100/100", "brightgreen"),
    ("template-copy", "CNCF sandbox criteria met · score 58.8/100", "yellowgreen"),
    ("minimal", "CNCF sandbox criteria not met · score 6.2/100", "red"),
])
def test_badge_shows_the_level_met_and_the_score(project, message, color):
    badge = json.loads(render("badge", [lint(str(PROJECTS / project))]))
    assert badge == {"schemaVersion": 1, "label": "governance", "message": message, "color": color}


def test_a_high_score_without_a_level_is_not_green(tmp_path):
    """Rated A but missing a rule sandbox requires (the maintainer list): the badge must say the
    level is not met and must not be green."""
    project = Path(shutil.copytree(PROJECTS / "exemplary", tmp_path / "project"))
    (project / "MAINTAINERS.md").unlink()
    report = lint(str(project))
    assert report.rating == "A" and report.level_met is None
    badge = json.loads(render("badge", [report]))
    assert badge["message"] == f"CNCF sandbox criteria not met · score {report.score:g}/100"
    assert "green" not in badge["color"]


def test_cli_writes_the_badge_file(run_cli, tmp_path):
    out = tmp_path / "badge.json"
    code, _, err = run_cli("check", str(PROJECTS / "template-copy"), "--format", "badge", "-o", str(out))
    assert code == 0, err
    assert json.loads(out.read_text(encoding="utf-8"))["message"] == "CNCF sandbox criteria met · score 58.8/100"
