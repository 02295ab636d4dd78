"""The JSON report: one object for one target, a list for several."""
from __future__ import annotations

import json
from typing import Sequence

from govlint.report import Report


def render(reports: Sequence[Report], *, options=None) -> str:
    data = [r.to_dict() for r in reports]
    return json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False) + "\n"
