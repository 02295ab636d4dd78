"""Facts every human-readable format shows the same way: statuses, levels, what to add first."""
from __future__ import annotations

from govlint.report import ADVISORY, FAIL, LEVELS, NOTHING_FOUND, PARTIAL, REQUIRED, Report, RuleResult

STATUS_LABEL = {"pass": "pass", "partial": "partial", "fail": "FAIL", "not-applicable": "n/a", "waived": "waived"}
STATUS_ICON = {"pass": "✅", "partial": "🟡", "fail": "❌", "not-applicable": "➖", "waived": "⏸️"}


def nothing_found(report: Report) -> str | None:
    """The warning that discovery found no document at all, which every format shows first."""
    if report.documents:
        return None
    return next((w for w in report.warnings if w.startswith(NOTHING_FOUND)), None)


def next_level(report: Report) -> str | None:
    """The level to work towards: the target level, else the one above the level met."""
    if report.target_level:
        return report.target_level
    if report.level_met is None:
        return LEVELS[0]
    index = LEVELS.index(report.level_met)
    return LEVELS[index + 1] if index + 1 < len(LEVELS) else None


def top_fixes(report: Report, count: int = 3) -> list[RuleResult]:
    """What to add first: rules the next level requires, then the heaviest of the rest."""
    level = next_level(report) or LEVELS[-1]
    start = LEVELS.index(level)

    def priority(result: RuleResult) -> tuple:
        # The lowest level from the next one up that requires the rule comes first, then weight.
        required_at = [i for i, name in enumerate(LEVELS) if i >= start and result.level.get(name) == REQUIRED]
        advisory = result.level.get(level) == ADVISORY
        return (required_at[0] if required_at else len(LEVELS) + advisory, -result.weight,
                result.status == PARTIAL, result.code)

    open_items = [r for r in report.results if r.status in (FAIL, PARTIAL)]
    return sorted(open_items, key=priority)[:count]


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


def level_line(report: Report) -> list[tuple[str, bool, str]]:
    """(level, met, detail) per moving level."""
    out = []
    for verdict in report.levels:
        if verdict.met:
            detail = "all required rules pass"
            if verdict.advisories:
                detail += f"; advisory: {', '.join(verdict.advisories)}"
        else:
            detail = f"missing: {', '.join(verdict.missing)}" if verdict.missing else "the level below is not met"
        out.append((verdict.level, verdict.met, detail))
    return out
