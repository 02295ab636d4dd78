"""removal-threshold inherited from the project's voting rule: a removal decided by the
project's vote, and the rule every vote follows stated elsewhere in the documents.

Each document is written whole into tmp_path and linted as a user would; the near-misses give
a threshold for one matter only, which no removal inherits, or none at all."""
from __future__ import annotations

import pytest

from govlint.api import lint
from govlint.config import Config
from govlint.rules.registry import load_rules

_REMOVAL = """
## Removal

A maintainer who violates the Code of Conduct may be removed by a vote of the maintainers.
"""

INHERITED = {
    "a majority vote when consensus cannot be reached": """# Governance

## Decisions

The maintainers aim to operate by consensus. When consensus cannot be reached, simple majority
voting is used, with each maintainer having one vote.
""",
    "a vote the committee calls when consensus fails": """# Governance

## Decisions

Most decisions are reached by consensus, but when that fails, the maintainers call for a vote
where a two-thirds majority wins.
""",
}

NOT_INHERITED = {
    "one matter decided by consensus or a vote": """# Governance

## Succession

If the project lead is unable to appoint a successor, the maintainers will make this decision,
preferably by consensus, but if needed by a majority vote.
""",
    "'the majority of decisions' is most of them, not a share of votes": """# Governance

## Decisions

Decisions are made by lazy consensus on the mailing list. This allows the majority of decisions
to be made without resorting to a formal vote.
""",
    "consensus that fails with no threshold": """# Governance

## Decisions

The maintainers aim to operate by consensus. When consensus cannot be reached, the maintainers
discuss the matter again at the next meeting.
""",
}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


def _status(rules, tmp_path, text: str) -> str:
    path = tmp_path / "GOVERNANCE.md"
    path.write_text(text + _REMOVAL, encoding="utf-8")
    report = lint(files=[str(path)], root=str(tmp_path), config=Config(), rules=rules,
                  select_rules=["removal-threshold"])
    return report.result("removal-threshold").status


@pytest.mark.parametrize("text", INHERITED.values(), ids=list(INHERITED))
def test_the_vote_a_project_falls_back_on_is_the_removal_threshold(rules, tmp_path, text):
    assert _status(rules, tmp_path, text) == "pass"


@pytest.mark.parametrize("text", NOT_INHERITED.values(), ids=list(NOT_INHERITED))
def test_a_threshold_for_one_matter_is_not_inherited(rules, tmp_path, text):
    assert _status(rules, tmp_path, text) == "fail"
