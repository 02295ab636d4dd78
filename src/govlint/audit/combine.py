"""One report for a project whose governance is spread over several repositories.

Each rule takes its best outcome across the repositories (pass, then partial, waived, fail, and
not-applicable last, since "nothing to judge here" says nothing about the other repositories),
with that repository's evidence; the score, rating and level verdicts are then recomputed by
govlint.scoring exactly as for one repository, so the combined report still explains itself.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from govlint.report import FAIL, NOT_APPLICABLE, PARTIAL, PASS, REQUIRED, WAIVED, Report, RuleResult
from govlint.scoring import level_met, rating, score, verdicts

_RANK = {PASS: 4, PARTIAL: 3, WAIVED: 2, FAIL: 1, NOT_APPLICABLE: 0}


def combine(reports: Sequence[Report]) -> Report:
    """The project's report: the only report as is, or the rule-by-rule best of several."""
    if len(reports) == 1:
        return reports[0]
    best: dict[str, RuleResult] = {}
    order: list[str] = []
    for report in reports:
        for result in report.results:
            result = _prefixed(result, report.target)
            if result.code not in best:
                order.append(result.code)
                best[result.code] = result
            elif _RANK.get(result.status, 0) > _RANK.get(best[result.code].status, 0):
                best[result.code] = result
    results = tuple(best[code] for code in order)
    value = score(results)
    ran = {r.name for r in results}
    not_run = {name: {v.level: REQUIRED for r in reports for v in r.levels if name in v.not_run}
               for report in reports for verdict in report.levels for name in verdict.not_run if name not in ran}
    first = reports[0]
    levels = tuple(verdicts(results, not_run.items(), levels=[v.level for v in first.levels]))
    return Report(
        target=" + ".join(r.target for r in reports), profile=first.profile, govlint_version=first.govlint_version,
        documents=tuple(replace(d, path=f"{r.target}/{d.path}") for r in reports for d in r.documents),
        results=results, score=value, rating=rating(value), levels=levels, level_met=level_met(levels),
        target_level=first.target_level,
        warnings=tuple(f"{r.target}: {w}" for r in reports for w in r.warnings),
        external_links=tuple(dict.fromkeys(link for r in reports for link in r.external_links)),
        commit=None, ladder=first.ladder)


def open_rules(report: Report, names: Sequence[str]) -> list[str]:
    """Of ``names``, the rules that ran and do not pass yet: worth looking for in another repository."""
    return [name for name in names if (r := report.result(name)) is not None and r.status not in (PASS, WAIVED)]


def cited_only(report: Report, names: Sequence[str]) -> Report:
    """A repository read for ``names`` only: its results for them, and the documents they cite or
    that hold maintainer lists, so the project's report does not list documents no rule read."""
    results = tuple(r for r in report.results if r.name in names)
    cited = {e.path for r in results for e in (*r.evidence, *r.near_miss)}
    return replace(report, results=results,
                   documents=tuple(d for d in report.documents if d.path in cited or d.kind == "maintainers"))


def _prefixed(result: RuleResult, target: str) -> RuleResult:
    """Evidence paths that say which repository they are in."""
    return replace(result,
                   evidence=tuple(replace(e, path=f"{target}/{e.path}") for e in result.evidence),
                   near_miss=tuple(replace(e, path=f"{target}/{e.path}") for e in result.near_miss))
