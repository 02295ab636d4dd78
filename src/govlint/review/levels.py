"""The level a review is drafted for: the one after the project's own (a sandbox project applies for
incubation), or graduated for a graduated project (its health check)."""
from __future__ import annotations

from govlint.report import LEVELS


def level_applied_for(maturity: str | None) -> str | None:
    if maturity not in LEVELS:
        return None
    index = LEVELS.index(maturity)
    return LEVELS[min(index + 1, len(LEVELS) - 1)]
