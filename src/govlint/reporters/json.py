"""The JSON report: one object whose ``reports`` list holds a report per target, however many
targets there are (schemas/report.schema.json)."""
from __future__ import annotations

import json
from typing import Sequence

from govlint import __version__
from govlint.report import Report


def render(reports: Sequence[Report], *, options=None) -> str:
    data = {"govlint_version": __version__, "reports": [r.to_dict() for r in reports]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
