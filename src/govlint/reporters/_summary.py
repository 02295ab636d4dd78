"""Facts every human-readable format shows the same way: statuses, levels, what to add first."""
from __future__ import annotations

from govlint.report import ADVISORY, FAIL, NOTHING_FOUND, PARTIAL, REQUIRED, Report, RuleResult

STATUS_LABEL = {"pass": "pass", "partial": "partial", "fail": "FAIL", "not-applicable": "n/a", "waived": "waived",
                "error": "ERROR"}
STATUS_ICON = {"pass": "✅", "partial": "🟡", "fail": "❌", "not-applicable": "➖", "waived": "⏸️", "error": "⚠️"}


def nothing_found(report: Report) -> str | None:
    """The warning that discovery found no document at all, which every format shows first."""
    if report.documents:
        return None
    return next((w for w in report.warnings if w.startswith(NOTHING_FOUND)), None)


def level_names(report: Report) -> list[str]:
    """The report's levels, lowest first (its packs' levels)."""
    return [v.level for v in report.levels]


def next_level(report: Report) -> str | None:
    """The level to work towards: the target level, else the one above the level met."""
    if report.target_level:
        return report.target_level
    names = level_names(report)
    if report.level_met is None:
        return names[0] if names else None
    index = names.index(report.level_met)
    return names[index + 1] if index + 1 < len(names) else None


def top_fixes(report: Report, count: int = 3) -> list[RuleResult]:
    """What to add first: rules the next level requires, then the heaviest of the rest."""
    names = level_names(report)
    level = next_level(report) or (names[-1] if names else None)
    start = names.index(level) if level in names else 0

    def priority(result: RuleResult) -> tuple:
        # The lowest level from the next one up that requires the rule comes first, then weight.
        required_at = [i for i, name in enumerate(names) if i >= start and result.level.get(name) == REQUIRED]
        advisory = result.level.get(level) == ADVISORY
        return (required_at[0] if required_at else len(names) + advisory, -result.weight,
                result.status == PARTIAL, result.code)

    open_items = [r for r in report.results if r.status in (FAIL, PARTIAL)]
    return sorted(open_items, key=priority)[:count]


def findings(report: Report) -> list[RuleResult]:
    """The results a user has to act on: failing and partial rules."""
    return [r for r in report.results if r.status in (FAIL, PARTIAL)]


def level_met_text(report: Report) -> str:
    """The highest level met, "none", or "not assessed" when rules left out of the run leave every
    level open (--select, --ignore)."""
    if report.level_met or not report.levels or any(v.assessed for v in report.levels):
        return report.level_met or "none"
    return "not assessed"


def summary_line(report: Report) -> str:
    """One line a CI log or a commit hook shows: findings, score, level met, and the target's verdict."""
    count = len(findings(report))
    parts = [f"{count} finding{'s' if count != 1 else ''}", f"score {report.score:g}/100 ({report.rating})"]
    parts.append(f"level met: {level_met_text(report)}")
    if report.target_level:
        verdict = report.verdict(report.target_level)
        parts.append(f"target {report.target_level}: {verdict.status if verdict else 'not met'}")
    if report.fail_under is not None and report.score < report.fail_under:
        parts.append(f"below the minimum score {report.fail_under:g}")
    return f"{report.target}: " + " · ".join(parts)


def quiet_lines(reports: list[Report]) -> str:
    """What --quiet prints: the summary line of each report that is not clean (a finding, or the
    target not met), and nothing for a clean one."""
    return "".join(summary_line(r) + "\n" for r in reports if findings(r) or not r.target_met)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    cut = text.find(". ")
    return text if cut < 0 else text[: cut + 1]


def level_line(report: Report) -> list[tuple[str, str, str]]:
    """(level, status: met / not met / not assessed, detail) per moving level."""
    out = []
    for verdict in report.levels:
        if verdict.met:
            detail = "all required rules pass"
            if verdict.advisories:
                detail += f"; advisory: {', '.join(verdict.advisories)}"
        elif verdict.missing:
            detail = f"missing: {', '.join(verdict.missing)}"
        elif verdict.assessed:
            detail = "the level below is not met"
        elif verdict.not_run:
            detail = f"{len(verdict.not_run)} required rule{'s' if len(verdict.not_run) != 1 else ''} not run: " \
                     f"{', '.join(verdict.not_run)}"
        else:
            detail = "the level below is not assessed"
        out.append((verdict.level, verdict.status, detail))
    return out
