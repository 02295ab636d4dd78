"""The draft of a governance review: plain, frozen dataclasses, in the layout TAG Contributor
Strategy's published reviews use (cncf/tag-contributor-strategy governance/reviews/template.md).

A Draft holds only what the documents say and where: every finding quotes its evidence by file and
line, and every document read is listed with the commit (remote) or digest (local) it was read at.
``Draft.to_dict()`` is the JSON form (schemas/review.schema.json).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from govlint.report import Evidence

# The assessment statuses of the review template, best first.
EXEMPLARY, SATISFACTORY, MOSTLY_SATISFACTORY, NEEDS_WORK = ("Exemplary", "Satisfactory", "Mostly Satisfactory",
                                                            "Needs Work")
STATUSES: tuple[str, ...] = (EXEMPLARY, SATISFACTORY, MOSTLY_SATISFACTORY, NEEDS_WORK)

# The coverage words of the Documentation Content table.
COMPLETE, PARTIAL, MISSING, UNKNOWN = "Complete", "Partial", "Missing", "Unknown"
COVERAGES: tuple[str, ...] = (COMPLETE, PARTIAL, MISSING, UNKNOWN)

# The importance of a finding, most important first.
CRITICAL, HIGH, MEDIUM, LOW = "Critical", "High", "Medium", "Low"
IMPORTANCES: tuple[str, ...] = (CRITICAL, HIGH, MEDIUM, LOW)

# The governance areas of the Documentation Content table, in the template's order.
AREAS: tuple[str, ...] = (
    "Project Purpose", "Maintainer List", "Code of Conduct", "Contributor Guide", "Contributor Ladder",
    "Maintainer Lifecycle", "Decision-making", "Code and Docs Ownership", "Security Reporting and Response",
    "Communication and Meetings")


# Evidence: the words of a document at a line, as every report quotes it.
Quote = Evidence


@dataclass(frozen=True)
class SourceDocument:
    """A document the draft was made from, and the exact version read."""

    path: str
    kind: str
    origin: str
    lines: int
    sha256: str  # of the text read
    commit: str | None = None  # the repository commit, for a remote document
    url: str | None = None


@dataclass(frozen=True)
class Finding:
    """One row of the Governance Findings Table."""

    title: str
    importance: str
    description: str
    evidence: tuple[Quote, ...] = ()
    links: tuple[str, ...] = ()  # the documents concerned
    remediation: str = ""
    rule: str | None = None  # the code of the rule that raised it
    area: str | None = None  # the Documentation Content area it bears on


@dataclass(frozen=True)
class AreaVerdict:
    """One row of the Documentation Content table."""

    area: str
    coverage: str
    note: str
    documents: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # codes of the rules the verdict rests on
    evidence: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class Body:
    """A body the documents define, and how one joins and leaves it."""

    name: str
    joined: str  # how one joins, in the documents' words, or "not described"
    left: str  # how one is removed or replaced, or "not described"
    evidence: tuple[Quote, ...] = ()


@dataclass(frozen=True)
class DocumentLink:
    """One document linking another document that was read."""

    source: str
    target: str


@dataclass(frozen=True)
class Discoverability:
    locations: tuple[str, ...]  # where governance lives: repositories and folders
    links: tuple[DocumentLink, ...]  # which documents link which
    unlinked: tuple[str, ...]  # governance documents no other document links to
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MaintainerFacts:
    """What the maintainer lists say, counted from the files."""

    count: int
    files: tuple[str, ...] = ()
    with_affiliation: int = 0
    organisations: int = 0
    largest_employer: str | None = None
    largest_share: float | None = None  # of the maintainers with an affiliation


@dataclass(frozen=True)
class MaintainerActivity:
    """A listed maintainer's last commit in the project's repositories (--activity)."""

    handle: str
    last_commit: str | None  # ISO date, or None when no commit was found
    inactive: bool  # no commit within the documented inactivity period
    matched_by: str | None = None  # how the commit was found to be theirs (a login; a name or address in a checkout)


@dataclass(frozen=True)
class Activity:
    """Observed (the repositories' commits) against documented (the project's inactivity rule)."""

    repositories: tuple[str, ...]
    period_days: int  # the period compared with
    period_source: str  # the documented rule's words and place, or the default used
    maintainers: tuple[MaintainerActivity, ...]
    summary: str


@dataclass(frozen=True)
class Assessment:
    status: str
    rule: str  # the rule that sets the status, as the draft states it
    reasons: tuple[str, ...]  # what in this draft set it


@dataclass(frozen=True)
class Draft:
    project: str
    targets: tuple[str, ...]
    level: str | None  # the maturity level applied for (--level)
    govlint_version: str
    date: str  # ISO date the draft was made
    documents: tuple[SourceDocument, ...]
    assessment: Assessment
    summary: str
    critical: tuple[Finding, ...]
    excellence: tuple[str, ...]
    improvements: tuple[Finding, ...]
    bodies: tuple[Body, ...]
    description: str
    discoverability: Discoverability
    areas: tuple[AreaVerdict, ...]
    maintainers: MaintainerFacts
    findings: tuple[Finding, ...]
    activity: Activity | None = None
    warnings: tuple[str, ...] = ()

    def area(self, name: str) -> AreaVerdict | None:
        return next((a for a in self.areas if a.area == name), None)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the draft (schemas/review.schema.json)."""
        return {"format": "govlint-review/1", **_plain(asdict(self))}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def draft_from_dict(data: dict[str, Any]) -> Draft:
    """The Draft a JSON draft (``Draft.to_dict()``) was made from, e.g. one kept in an audit's results."""
    def quotes(items: Any) -> tuple[Quote, ...]:
        return tuple(Quote(**q) for q in items or ())

    def finding(f: dict[str, Any]) -> Finding:
        return Finding(**{**f, "evidence": quotes(f.get("evidence")), "links": tuple(f.get("links") or ())})

    discover = data["discoverability"]
    activity = data.get("activity")
    return Draft(
        project=data["project"], targets=tuple(data["targets"]), level=data.get("level"),
        govlint_version=data["govlint_version"], date=data["date"],
        documents=tuple(SourceDocument(**d) for d in data["documents"]),
        assessment=Assessment(status=data["assessment"]["status"], rule=data["assessment"]["rule"],
                              reasons=tuple(data["assessment"]["reasons"])),
        summary=data["summary"], critical=tuple(finding(f) for f in data["critical"]),
        excellence=tuple(data["excellence"]), improvements=tuple(finding(f) for f in data["improvements"]),
        bodies=tuple(Body(**{**b, "evidence": quotes(b.get("evidence"))}) for b in data["bodies"]),
        description=data["description"],
        discoverability=Discoverability(locations=tuple(discover["locations"]),
                                        links=tuple(DocumentLink(**link) for link in discover["links"]),
                                        unlinked=tuple(discover["unlinked"]), notes=tuple(discover["notes"])),
        areas=tuple(AreaVerdict(**{**a, "documents": tuple(a["documents"]), "rules": tuple(a["rules"]),
                                   "evidence": quotes(a.get("evidence"))}) for a in data["areas"]),
        maintainers=MaintainerFacts(**{**data["maintainers"], "files": tuple(data["maintainers"]["files"])}),
        findings=tuple(finding(f) for f in data["findings"]),
        activity=None if activity is None else Activity(
            repositories=tuple(activity["repositories"]), period_days=activity["period_days"],
            period_source=activity["period_source"], summary=activity["summary"],
            maintainers=tuple(MaintainerActivity(**m) for m in activity["maintainers"])),
        warnings=tuple(data.get("warnings") or ()))
