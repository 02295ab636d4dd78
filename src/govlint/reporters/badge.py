"""A shields.io endpoint badge: the highest CNCF level whose criteria are met, and the score.

    ![governance](https://img.shields.io/endpoint?url=https://example.org/govlint-badge.json)

The colour follows the level met (graduated green down to none red), not the letter rating: a
project rated A that misses a required rule has not met a level, and its badge must not look as
if it had. One JSON object for one report (the endpoint format); a list for several.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from govlint.report import LEVELS, Report

COLORS = {"graduated": "brightgreen", "incubating": "green", "sandbox": "yellowgreen", None: "red"}
NOT_ASSESSED_COLOR = "lightgrey"


def badge(report: Report) -> dict[str, Any]:
    score = f"score {report.score:g}/100"
    if report.level_met:
        message, color = f"CNCF {report.level_met} criteria met · {score}", COLORS[report.level_met]
    elif report.levels and not any(v.assessed for v in report.levels):
        message, color = f"levels not assessed · {score}", NOT_ASSESSED_COLOR
    else:
        message, color = f"CNCF {LEVELS[0]} criteria not met · {score}", COLORS[None]
    return {"schemaVersion": 1, "label": "governance", "message": message, "color": color}


def render(reports: Sequence[Report], *, options=None) -> str:
    data = [badge(r) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False) + "\n"
