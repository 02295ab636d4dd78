"""A unit's heading path is read heading by heading: what one heading says (a thing, a person)
neither fills nor cancels a probe in another."""
from __future__ import annotations

from govlint.api import lint
from govlint.config import Config
from govlint.rules.registry import load_rules


def _status(tmp_path, text: str, rule: str) -> str:
    path = tmp_path / "MAINTAINERS.md"
    path.write_text(text, encoding="utf-8")
    report = lint(files=[str(path)], root=str(tmp_path), config=Config(), rules=load_rules(), select_rules=[rule])
    return report.result(rule).status


def test_a_removal_heading_under_a_heading_about_pull_requests_is_still_about_removal(tmp_path):
    # The shape of mocha's handbook: a section on reviewing pull requests, and under it the
    # handling of Code of Conduct violations, first of all telling the person.
    text = ("# Maintainer handbook\n\n## Commenting on issues and reviewing pull requests\n\n"
            "Be kind in reviews.\n\n### Removing a maintainer\n\n"
            "Two maintainers first talk privately with the person concerned about the behaviour.\n")
    assert _status(tmp_path, text, "restorative-step") == "pass"


def test_a_heading_about_pull_requests_alone_still_cancels_removal(tmp_path):
    text = ("# Maintainer handbook\n\n## Removing stale pull requests\n\n"
            "Two maintainers first talk privately with the person concerned about the behaviour.\n")
    assert _status(tmp_path, text, "restorative-step") == "fail"
