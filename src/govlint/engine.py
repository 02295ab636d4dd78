"""Runs the selected rules over a target's documents and applies the profile and waivers."""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from govlint.config import Waiver
from govlint.report import NOT_APPLICABLE, NOT_REQUIRED, WAIVED, RuleResult
from govlint.rules.model import DocumentSet, Finding, Rule


def run_rules(rules: Sequence[Rule], docs: DocumentSet, *, profile: str, target_level: str | None = None,
              waivers: Sequence[Waiver] = (), today: dt.date | None = None) -> tuple[list[RuleResult], list[str]]:
    """One result per rule, in rule order, and the warnings raised on the way (expired waivers)."""
    today = today or dt.date.today()
    warnings: list[str] = []
    results = []
    for rule in rules:
        meta = rule.meta
        finding = rule.check(docs)
        levels = meta.requirements(profile)
        status, message, waiver_note = finding.status, finding.message, None
        if target_level and levels.get(target_level) == NOT_REQUIRED:
            status = NOT_APPLICABLE
            message = f"not applicable at the {target_level} level"
        waiver = _waiver_for(meta.code, meta.name, waivers)
        if waiver is not None:
            if waiver.expired(today):
                waiver_note = f"waiver expired on {waiver.expires.isoformat()} and no longer applies: {waiver.reason}"
                warnings.append(f"{meta.name}: {waiver_note}")
            else:
                status, waiver_note = WAIVED, waiver.reason
                message = f"waived: {waiver.reason}" + (f" (until {waiver.expires})" if waiver.expires else "")
        results.append(_result(rule, finding, status, message, levels, waiver_note))
    return results, warnings


def _waiver_for(code: str, name: str, waivers: Sequence[Waiver]) -> Waiver | None:
    return next((w for w in waivers if w.rule in (code, name)), None)


def _result(rule: Rule, finding: Finding, status: str, message: str, levels: dict[str, str],
            waiver: str | None) -> RuleResult:
    meta = rule.meta
    return RuleResult(code=meta.code, name=meta.name, title=meta.title, status=status, weight=meta.weight,
                      level=levels, message=message, evidence=finding.evidence, near_miss=finding.near_miss,
                      looked_for=meta.looked_for, remediation=meta.remediation, criterion=meta.criterion,
                      waiver=waiver)
