"""A shields.io endpoint badge: the highest level met and the rating.

    ![governance](https://img.shields.io/endpoint?url=https://example.org/govlint-badge.json)

One JSON object for one report (the endpoint format); a list for several.
"""
from __future__ import annotations

import json
from typing import Any, Sequence

from govlint.report import Report

COLORS = {"A": "brightgreen", "B": "green", "C": "yellow", "D": "red"}


def badge(report: Report) -> dict[str, Any]:
    readiness = f"{report.level_met}-ready" if report.level_met else "no level met"
    return {"schemaVersion": 1, "label": "governance", "message": f"{readiness} · {report.rating}",
            "color": COLORS.get(report.rating, "lightgrey")}


def render(reports: Sequence[Report], *, options=None) -> str:
    data = [badge(r) for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, ensure_ascii=False) + "\n"
