"""A shields.io endpoint badge: the highest level whose criteria are met, and the score.

    ![governance](https://img.shields.io/endpoint?url=https://example.org/govlint-badge.json)

The colour follows the level met (the top level bright green, then green, then yellow-green for any
lower one, none red), not the letter rating: a project rated A that misses a required rule has not
met a level, and its badge must not look as if it had. The built-in levels are the CNCF's, and the
badge says so; a pack's own levels are named as they are. One JSON object for one report (the
endpoint format); a list for several.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from govlint.report import Report

COLORS_FROM_TOP = ("brightgreen", "green", "yellowgreen")  # the top level met, the one below, any lower
NONE_COLOR = "red"
NOT_ASSESSED_COLOR = "lightgrey"


def badge(report: Report) -> dict[str, Any]:
    score = f"score {report.score:g}/100"
    names = [v.level for v in report.levels]
    prefix = "" if report.ladder else "CNCF "  # a report names its ladder only when it is not the built-in one
    if report.level_met:
        color = COLORS_FROM_TOP[min(len(names) - 1 - names.index(report.level_met), len(COLORS_FROM_TOP) - 1)]
        message = f"{prefix}{report.level_met} criteria met · {score}"
    elif report.levels and not any(v.assessed for v in report.levels):
        message, color = f"levels not assessed · {score}", NOT_ASSESSED_COLOR
    else:
        lowest = names[0] if names else "level"
        message, color = f"{prefix}{lowest} criteria not met · {score}", NONE_COLOR
    return {"schemaVersion": 1, "label": "governance", "message": message, "color": color}


def render(reports: Sequence[Report], *, options=None) -> str:
    data = [badge(r) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False) + "\n"
