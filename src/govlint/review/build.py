"""From a report, the documents and the facts read from them, to the draft of a review.

The status follows one stated rule (STATUS_RULE), applied to the draft's own areas and findings,
so a reviewer who changes a verdict can recompute it by hand.
"""
from __future__ import annotations

import posixpath
from typing import Sequence

from govlint.report import Report
from govlint.review.areas import Inputs, verdicts
from govlint.review.findings import excellence, findings
from govlint.review.model import (COMPLETE, CRITICAL, EXEMPLARY, HIGH, MISSING, MOSTLY_SATISFACTORY, NEEDS_WORK,
                                  PARTIAL, SATISFACTORY, UNKNOWN, Activity, AreaVerdict, Assessment, Body,
                                  Discoverability, DocumentLink, Draft, Finding, MaintainerFacts, Quote,
                                  SourceDocument)
from govlint.rules.model import DocumentSet

STATUS_RULE = ("Needs Work when two or more areas are Missing or three or more findings are Critical; Mostly "
               "Satisfactory when one area is Missing, a finding is Critical, or three or more areas are Partial; "
               "Satisfactory when any area is Partial or any finding is High; Exemplary otherwise. Unknown areas "
               "do not count.")
GOVERNANCE_KINDS = frozenset({"governance", "charter", "ladder", "steering", "elections", "community", "maintainers",
                              "maintainers-data", "code-of-conduct", "contributing", "security", "given", "linked"})
_CORE = ("governance", "charter", "ladder", "steering", "elections")
_QUOTE_CHARS = 220


def assess(areas: Sequence[AreaVerdict], found: Sequence[Finding]) -> Assessment:
    """The status, by STATUS_RULE."""
    missing = [a.area for a in areas if a.coverage == MISSING]
    partial = [a.area for a in areas if a.coverage == PARTIAL]
    critical = [f.title for f in found if f.importance == CRITICAL]
    high = [f.title for f in found if f.importance == HIGH]
    reasons = []
    if missing:
        reasons.append(f"{len(missing)} area(s) Missing: {', '.join(missing)}")
    if critical:
        reasons.append(f"{len(critical)} Critical finding(s): {', '.join(critical)}")
    if partial:
        reasons.append(f"{len(partial)} area(s) Partial: {', '.join(partial)}")
    if high:
        reasons.append(f"{len(high)} High finding(s): {', '.join(high)}")
    if len(missing) >= 2 or len(critical) >= 3:
        status = NEEDS_WORK
    elif missing or critical or len(partial) >= 3:
        status = MOSTLY_SATISFACTORY
    elif partial or high:
        status = SATISFACTORY
    else:
        status = EXEMPLARY
        reasons.append("every area Complete or Unknown, and no High or Critical finding")
    return Assessment(status=status, rule=STATUS_RULE, reasons=tuple(reasons))


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[:_QUOTE_CHARS - 1].rstrip() + "…"


def _said(said) -> str:
    """A sentence that says how one joins or leaves; one that only mentions it in passing (no word of
    choosing: "maintainers must be invited to closed meetings") is shown as the nearest, not as the answer."""
    if said is None:
        return "not described"
    quote = f"“{_short(said.text)}” ({said.doc.path}:{said.line})"
    return quote if said.strong else f"not said in so many words; nearest: {quote}"


def _bodies(docs: DocumentSet) -> tuple[Body, ...]:
    from govlint.rules.builtin.review_bodies import bodies

    out = []
    for body in bodies(docs):
        join, leave = body.best(body.joins), body.best(body.leaves)
        quotes = [Quote(s.doc.path, s.line, _short(s.text), s.doc.url(s.line)) for s in (join, leave) if s]
        joined, left = _said(join), _said(leave)
        out.append(Body(name=body.name, joined=joined, left=left, evidence=tuple(quotes)))
    return tuple(out)


def _repository(path: str, labels: Sequence[str]) -> tuple[str, str]:
    """(repository, path inside it) of a document path."""
    if path.startswith("github:"):
        parts = path.split("/", 2)
        return "/".join(parts[:2]), parts[2] if len(parts) > 2 else ""
    for label in labels:
        if path.startswith(label + "/"):
            return label, path[len(label) + 1:]
    return "", path


def discoverability(docs: DocumentSet, report: Report, *, labels: Sequence[str], main: str) -> Discoverability:
    from govlint.rules.builtin.review_links import link_graph

    places: dict[str, list[str]] = {}
    for doc in docs.documents:
        if doc.kind not in GOVERNANCE_KINDS:
            continue
        repo, inner = _repository(doc.path, labels)
        folder = posixpath.dirname(inner) or "(root)"
        places.setdefault(f"{repo or main} {folder}", []).append(posixpath.basename(inner))
    locations = tuple(f"{where}: {', '.join(names)}" for where, names in places.items())
    edges = link_graph(docs)
    links = tuple(DocumentLink(a.path, b.path) for a, b, _ in edges)
    linked_to = {b.path for _, b, _ in edges}
    unlinked = tuple(d.path for d in docs.documents if d.kind in _CORE and d.path not in linked_to)
    notes = []
    for name in ("governance-interlinked", "community-linked"):
        result = report.result(name)
        if result is not None and result.message:
            notes.append(f"{result.code} {result.status}: {result.message}")
    return Discoverability(locations=locations, links=links, unlinked=unlinked, notes=tuple(notes))


def _quote_of(report: Report, name: str) -> str:
    result = report.result(name)
    if result is None or not result.evidence or result.status not in ("pass", "partial"):
        return ""
    e = result.evidence[0]
    return f"“{_short(e.text)}” ({e.path}:{e.line})"


def _description(project: str, bodies: Sequence[Body], report: Report, repositories: Sequence[str]) -> str:
    parts = []
    if bodies:
        parts.append(f"The documents define {len(bodies)} bodies: {', '.join(b.name for b in bodies)}.")
    else:
        parts.append("The documents define no leadership body that is named more than once.")
    for label, name in (("Leadership", "leadership-defined"), ("Decisions", "decision-making"),
                        ("Vendor neutrality", "vendor-neutrality")):
        quote = _quote_of(report, name)
        if quote:
            parts.append(f"{label}: {quote}.")
    if len(repositories) > 1:
        parts.append(f"Governance was read from {len(repositories)} repositories: {', '.join(repositories)}.")
    return " ".join(parts)


def _summary(project: str, assessment: Assessment, areas: Sequence[AreaVerdict], critical: Sequence[Finding],
             improvements: Sequence[Finding], level: str | None) -> str:
    counts = {c: sum(1 for a in areas if a.coverage == c) for c in (COMPLETE, PARTIAL, MISSING, UNKNOWN)}
    text = (f"From its documents alone, {project}'s governance reads as {assessment.status}: "
            f"{counts[COMPLETE]} of {len(areas)} areas Complete, {counts[PARTIAL]} Partial, {counts[MISSING]} "
            f"Missing, {counts[UNKNOWN]} Unknown")
    if level:
        text += f"; {len(critical)} finding(s) block {level}" if critical else f"; nothing found blocks {level}"
    text += "."
    top = [f.title for f in (list(critical) + list(improvements))[:3]]
    if top:
        text += f" Most important: {'; '.join(top)}."
    return text


def _adopts_cncf_code(docs: DocumentSet) -> bool:
    from govlint.rules.builtin.review_coc import identity
    from govlint.rules.builtin.review_links import links_cncf_coc

    return any(identity(d).startswith("CNCF") for d in docs.documents if d.kind == "code-of-conduct") or any(
        links_cncf_coc(d) for d in docs.documents if d.kind in GOVERNANCE_KINDS)


def _searched(docs: DocumentSet, area: str | None) -> list:
    """Where an absence in ``area`` is quoted: the area's own documents, else the README, else the
    main governance documents."""
    from govlint.review.areas import area_kinds

    kinds = area_kinds(area) if area else ()
    for wanted in (kinds, ("project-readme",), _CORE, tuple(GOVERNANCE_KINDS)):
        found = [d for d in docs.documents if d.kind in wanted]
        if found:
            return found
    return []


def _team_members(docs: DocumentSet) -> list[str]:
    """The people a security policy lists as its team (a table of names, handles or addresses):
    a standing team of its own, not the maintainers at large."""
    from govlint import maintainer_formats as fmt

    out: list[str] = []
    for doc in docs.documents:
        if doc.kind != "security":
            continue
        lines = doc.text.split("\n")
        refs = fmt.reference_links(lines)
        for table, _line, cells in fmt.tables(lines, fmt.fenced_lines(lines)):
            out += [p.name or p.handle or p.email for p in fmt.people_from_row(table, cells, refs)]
    return [name for name in out if name]


def build_draft(*, project: str, targets: Sequence[str], level: str | None, report: Report, docs: DocumentSet,
                documents: Sequence[SourceDocument], maintainers: MaintainerFacts, date: str, labels: Sequence[str],
                activity: Activity | None = None, activity_findings: Sequence[Finding] = (),
                warnings: Sequence[str] = ()) -> Draft:
    from govlint.rules.builtin.review_bodies import bodies as body_facts
    from govlint.rules.builtin.review_language import holds

    facts = body_facts(docs)
    team = next((b for b in facts if b.name == "Security Response Team"), None)
    maintainers_body = next((b for b in facts if b.name == "Maintainers"), None)
    responders = team is not None or any(holds("handles-reports", s.text) for _d, s in docs.sentences(
        frozenset({"security", "governance", "community", "given", "linked"})))
    inputs = Inputs(results={r.name: r for r in report.results}, docs=docs, maintainers=maintainers.count,
                    with_affiliation=maintainers.with_affiliation,
                    security_team_complete=None if team is None else bool(team.joins and team.leaves),
                    security_team_unstaffed=team is not None and not team.joins and bool(_team_members(docs)),
                    security_responders=responders, adopts_cncf_code=_adopts_cncf_code(docs),
                    maintainer_leaves=None if maintainers_body is None else bool(maintainers_body.leaves))
    areas = verdicts(inputs)
    found = (*findings(report, level=level, searched=lambda area: _searched(docs, area)), *activity_findings)
    order = {name: index for index, name in enumerate((CRITICAL, HIGH, "Medium", "Low"))}
    found = tuple(sorted(found, key=lambda f: order[f.importance]))
    critical = tuple(f for f in found if f.importance == CRITICAL)
    improvements = tuple(f for f in found if f.importance != CRITICAL)
    assessment = assess(areas, found)
    bodies = _bodies(docs)
    main = targets[0] if targets else project
    repositories = [main, *labels]
    return Draft(project=project, targets=tuple(targets), level=level, govlint_version=report.govlint_version,
                 date=date, documents=tuple(documents), assessment=assessment,
                 summary=_summary(project, assessment, areas, critical, improvements, level),
                 critical=critical, excellence=excellence(report), improvements=improvements, bodies=bodies,
                 description=_description(project, bodies, report, repositories),
                 discoverability=discoverability(docs, report, labels=labels, main=main), areas=areas,
                 maintainers=maintainers, findings=found, activity=activity, warnings=tuple(warnings))
