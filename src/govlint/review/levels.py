"""The level a review is drafted for: the one after the project's own (a sandbox project applies for
incubation), or the top level for a project at it (its health check)."""
from __future__ import annotations

from typing import Sequence


def level_applied_for(maturity: str | None, levels: Sequence[str] | None = None) -> str | None:
    """``levels``: the packs' levels, lowest first (default: the built-in packs')."""
    if levels is None:
        from govlint.rules.registry import builtin_ladder

        levels = builtin_ladder().names
    if maturity not in levels:
        return None
    index = list(levels).index(maturity)
    return levels[min(index + 1, len(levels) - 1)]
