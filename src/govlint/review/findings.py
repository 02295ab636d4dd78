"""From rule results to the Governance Findings Table: a title a reviewer would write, an
importance, the evidence by file and line, and the order a reviewer would list them in.

Importance: Critical when the rule is required at the level applied for and not met (the
template: "Critical ... should be reported as must-fix"); High when a weighty rule (weight 2 or
more) finds nothing; Medium when a weighty rule finds part, or a light one nothing; Low when a
light rule finds part. A rule not applicable at the level raises nothing.
"""
from __future__ import annotations

from typing import Callable, Sequence

from govlint.document import Document
from govlint.report import ADVISORY, FAIL, NOT_REQUIRED, PARTIAL, PASS, Report, RuleResult
from govlint.review.areas import AREA_RULES
from govlint.review.model import AREAS, CRITICAL, HIGH, IMPORTANCES, LOW, MEDIUM, Finding, Quote

# What a reviewer calls the gap each rule finds (the Findings Table's "Finding Title").
TITLES: dict[str, str] = {
    "governance-doc": "No governance document",
    "maintainer-list": "Maintainer list incomplete",
    "roles-defined": "Roles and how to attain them are not defined",
    "leadership-defined": "Leadership body not defined",
    "decision-making": "Decision-making not described",
    "code-of-conduct": "Code of conduct not adopted or not referenced",
    "vendor-neutrality": "Vendor neutrality not documented",
    "template-residue": "Template placeholders left in",
    "removal-process": "No removal for cause",
    "inactivity-policy": "No inactivity policy",
    "vote-of-no-confidence": "No vote to remove a leader",
    "removal-threshold": "Removal threshold not stated",
    "restorative-step": "No corrective step before removal",
    "removal-procedure": "Removal procedure incomplete",
    "recusal": "No recusal from one's own case",
    "leader-coverage": "A leadership body has no removal path",
    "conflict-resolution": "No conflict resolution process",
    "escalation-path": "No escalation outside the project",
    "coc-reporting": "Conduct reports about leaders have no receiver",
    "leadership-principles": "Technical Leadership Principles not referenced",
    "thresholds-consistent": "Voting thresholds are inconsistent",
    "ladder-roles": "Contributor ladder defines too few roles",
    "role-qualifications": "Roles lack qualifications",
    "roles-defined-where-used": "Roles used but undefined",
    "body-lifecycle": "Body lifecycle incomplete",
    "coc-receiver": "Conduct reports go to no defined team",
    "coc-cncf-fallback": "No CNCF Code of Conduct Committee fallback",
    "coc-single": "Conflicting codes of conduct",
    "decision-channels": "Decision channels not named",
    "decision-records": "Decisions not recorded",
    "governance-interlinked": "Governance documents do not cross-link",
    "community-linked": "Governance not linked from the repositories",
    "section-links": "Links lead to sections that are not there",
    "project-scope": "No out-of-scope statement",
    "security-contact": "No controlled private channel for security reports",
    "communication-channels": "Communication channels not listed",
    "meetings": "Meetings not documented",
    "contributor-guide": "Contributor guide incomplete",
    "maintainer-affiliations": "No maintainer affiliation listed",
    "maintainer-diversity": "Organisational diversity of maintainers",
    "maintainers-per-area": "Parts of the project have no listed maintainers",
    "repository-maintainers": "Repositories with no listed maintainers",
    "owners-agree": "Ownership files disagree with the maintainer list",
}
# Passing rules a reviewer would hold up as an example, in the order they are worth mentioning.
EXCELLENCE: dict[str, str] = {
    "removal-procedure": "A complete, fair removal procedure (who calls the vote, a second, notice, a right of reply)",
    "restorative-step": "Correction is attempted before anyone is removed",
    "escalation-path": "Conflicts the project cannot resolve escalate outside it",
    "body-lifecycle": "Every leadership body says how one joins it and how one is removed",
    "role-qualifications": "Every role on the contributor ladder states its qualifications",
    "contributor-guide": "A contributor guide that covers proposing, building, testing and review",
    "vendor-neutrality": "Vendor neutrality is written into the governance",
    "governance-interlinked": "The governance documents all link each other and the code of conduct",
    "decision-records": "Decisions are recorded where anyone can read them",
}
# Praise that only holds together with another rule: qualifications for every role of a one-role ladder are no example.
_ALSO: dict[str, str] = {"role-qualifications": "ladder-roles"}
_MAX_EXCELLENCE = 4
_AREA_OF = {name: area for area in AREAS for name in AREA_RULES[area]}
# A review rule whose gap another rule's finding already names (GL002 reports missing affiliations
# since maintainers.py): one row in the table, not two.
_COVERED_BY: dict[str, tuple[str, str]] = {"maintainer-affiliations": ("maintainer-list", "affiliation")}


def _covered(result: RuleResult, report: Report) -> bool:
    cover = _COVERED_BY.get(result.name)
    other = report.result(cover[0]) if cover else None
    return other is not None and other.status in (FAIL, PARTIAL) and cover[1] in (other.message or "")


def importance(result: RuleResult, *, critical: bool, level: str | None) -> str | None:
    if result.status not in (FAIL, PARTIAL):
        return None
    if critical:
        return CRITICAL
    requirement = result.level.get(level) if level else None
    if requirement == ADVISORY:
        return LOW
    weighty = result.weight >= 2
    if result.status == FAIL:
        return HIGH if weighty else MEDIUM
    return MEDIUM if weighty else LOW


# How a partial result reads when the rule's own message only names what matched.
PARTIAL_DESCRIPTIONS: dict[str, str] = {
    "project-scope": "A mission or purpose is stated, but nothing says what is out of scope.",
}
# Rules whose near-misses say what is wrong (the review pack's checks name the body, document or
# role at fault); a near-miss of a phrase rule is only the closest sentence, and no evidence.
_MEANINGFUL_NEAR_MISS = "GL3"


def _evidence(result: RuleResult, docs: Sequence[Document]) -> tuple[Quote, ...]:
    if result.status == FAIL:
        # A rule that fails on what it found (a placeholder left in) quotes it; one that fails on an
        # absence has no evidence, and only the review pack's near-misses say what is wrong.
        found = (result.near_miss or result.evidence) if result.code.startswith(_MEANINGFUL_NEAR_MISS) \
            else result.evidence
    else:
        found = result.evidence or result.near_miss
    quotes = tuple(dict.fromkeys(Quote(e.path, e.line, e.text, e.url) for e in found))[:3]
    if quotes:
        return quotes
    # Nothing to quote for an absence: point at where it was looked for.
    for doc in docs:
        title = doc.root.children[0] if doc.root.children else None
        line = title.line if title else 1
        return (Quote(doc.path, line, f"{title.heading if title else doc.path} (searched; nothing found)",
                      doc.url(line)),)
    return ()


def _description(result: RuleResult) -> str:
    if result.status == PARTIAL and result.name in PARTIAL_DESCRIPTIONS:
        return PARTIAL_DESCRIPTIONS[result.name]
    if result.status == PARTIAL and result.message.startswith("matched"):
        return f"Partly found: {result.looked_for}." if result.looked_for else result.title
    if result.message and result.status == PARTIAL:
        return result.message
    if result.message and result.status == FAIL and not result.message.startswith(("matched", "0 of")):
        return result.message
    return f"Not found: {result.looked_for}." if result.looked_for else result.title


def findings(report: Report, *, level: str | None,
             searched: Callable[[str | None], Sequence[Document]]) -> tuple[Finding, ...]:
    """``searched(area)``: the documents an absence in that area is quoted against."""
    missing = set(report.verdict(level).missing) if level and report.verdict(level) else set()
    out = []
    for result in report.results:
        if level and result.level.get(level) == NOT_REQUIRED:
            continue
        # A requirement of the level that is not met at all blocks it; one met in part is High.
        critical = result.name in missing and result.status == FAIL
        # Without a level applied for, a rule is graded by what the top level asks of it.
        grade = importance(result, critical=critical, level=level or (report.levels[-1].level if report.levels else None))
        if result.name in missing and not critical and grade in (MEDIUM, LOW):
            grade = HIGH
        if grade is None or _covered(result, report):
            continue
        evidence = _evidence(result, searched(_AREA_OF.get(result.name)))
        out.append(Finding(title=TITLES.get(result.name, result.title), importance=grade,
                           description=_description(result), evidence=evidence,
                           links=tuple(dict.fromkeys(q.path for q in evidence)), remediation=result.remediation,
                           rule=result.code, area=_AREA_OF.get(result.name)))
    rank = {name: index for index, name in enumerate(IMPORTANCES)}
    weights = {r.code: r.weight for r in report.results}
    return tuple(sorted(out, key=lambda f: (rank[f.importance], -weights.get(f.rule, 1), f.rule or "")))


def excellence(report: Report) -> tuple[str, ...]:
    out = []
    for name, praise in EXCELLENCE.items():
        result = report.result(name)
        also = report.result(_ALSO[name]) if name in _ALSO else None
        if name in _ALSO and (also is None or also.status != PASS):
            continue
        if result is not None and result.status == PASS:
            quote = result.evidence[0] if result.evidence else None
            out.append(f"{praise} ({quote.path}:{quote.line})" if quote else praise)
        if len(out) >= _MAX_EXCELLENCE:
            break
    return tuple(out)
