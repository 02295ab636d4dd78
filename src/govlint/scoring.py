"""Weights into a score, a rating and a readiness verdict per moving level.

score = 100 * sum(weight * credit) / sum(weight) over results that count (pass 1, partial 0.5,
fail and error 0; not-applicable and waived results leave the denominator). Ratings at 75/50/25 as
CLOMonitor's. A level is met when every rule it requires passes (or is waived) and the level
below it is met. When a rule it requires did not run (--select, --ignore) and nothing that ran
fails it, the level is "not assessed": neither met nor failed.
"""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from govlint.report import ADVISORY, PASS, REQUIRED, WAIVED, LevelVerdict, RuleResult


def score(results: Sequence[RuleResult]) -> float:
    counted = [r for r in results if r.counts]
    possible = sum(r.weight for r in counted)
    if not possible:
        return 0.0
    return round(100 * sum(r.weight * r.credit for r in counted) / possible, 1)


def rating(value: float) -> str:
    return "A" if value >= 75 else "B" if value >= 50 else "C" if value >= 25 else "D"


def verdicts(results: Sequence[RuleResult], not_run: Iterable[tuple[str, Mapping[str, str]]] = (), *,
             levels: Sequence[str] | None = None) -> list[LevelVerdict]:
    """Per level (``levels``, lowest first: the packs' levels), met, not met, or not assessed.
    ``not_run`` holds (name, level -> requirement) of the rules that were left out of this run.
    Without ``levels``, the levels the requirements name, in the order they name them."""
    skipped = list(not_run)
    if levels is None:
        levels = list(dict.fromkeys(name for requirements in [*(r.level for r in results), *(s for _, s in skipped)]
                                    for name in requirements))
    out = []
    below_met, below_assessed = True, True
    for level in levels:
        missing = tuple(r.name for r in results if r.level.get(level) == REQUIRED and r.status not in (PASS, WAIVED))
        advisories = tuple(r.name for r in results if r.level.get(level) == ADVISORY and r.status != PASS)
        unknown = tuple(name for name, levels in skipped if levels.get(level) == REQUIRED)
        failed = bool(missing) or (below_assessed and not below_met)
        assessed = failed or (below_assessed and not unknown)
        met = assessed and not failed
        out.append(LevelVerdict(level=level, met=met, missing=missing, advisories=advisories, not_run=unknown,
                                assessed=assessed))
        below_met, below_assessed = met, assessed
    return out


def level_met(levels: Sequence[LevelVerdict]) -> str | None:
    met = [v.level for v in levels if v.met]
    return met[-1] if met else None
