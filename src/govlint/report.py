"""The result objects every output format renders: plain, frozen dataclasses."""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

# Statuses of a rule result.
PASS = "pass"
PARTIAL = "partial"
FAIL = "fail"
NOT_APPLICABLE = "not-applicable"
WAIVED = "waived"
ERROR = "error"  # the rule could not be evaluated (a user pack's pattern ran past its deadline); scored as a fail
STATUSES: tuple[str, ...] = (PASS, PARTIAL, FAIL, NOT_APPLICABLE, WAIVED, ERROR)

# What a level asks of a rule.
REQUIRED = "required"
RECOMMENDED = "recommended"
ADVISORY = "advisory"  # forthcoming TOC guidance shown to projects that cannot be held to it yet
NOT_REQUIRED = "not-applicable"
REQUIREMENTS: tuple[str, ...] = (REQUIRED, RECOMMENDED, ADVISORY, NOT_REQUIRED)

# How the warning discovery gives when it found no document at all begins: every format puts it first.
NOTHING_FOUND = "no governance document found"


@dataclass(frozen=True)
class Evidence:
    """A place in a document: the quoted text that satisfied a rule, or the closest near-miss."""

    path: str
    line: int
    text: str
    url: str | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """One document govlint read, where it came from and what kind it is."""

    path: str
    kind: str
    origin: str  # "discovered", "linked from GOVERNANCE.md", "given", "config", ...
    lines: int
    url: str | None = None


@dataclass(frozen=True)
class Criterion:
    """The moving-levels criterion a rule maps to, with its source (repository:path)."""

    text: str
    source: str
    url: str | None = None


@dataclass(frozen=True)
class RuleResult:
    code: str
    name: str
    title: str
    status: str
    weight: float
    level: dict[str, str]  # level -> requirement, under the profile in use
    message: str
    evidence: tuple[Evidence, ...] = ()
    near_miss: tuple[Evidence, ...] = ()
    looked_for: str = ""
    remediation: str = ""
    criterion: Criterion | None = None
    waiver: str | None = None  # reason, when waived or when an expired waiver was ignored

    @property
    def found(self) -> bool:
        return self.status in (PASS, PARTIAL)

    @property
    def credit(self) -> float:
        """What this result contributes to the score's numerator, per unit of weight."""
        return {PASS: 1.0, PARTIAL: 0.5}.get(self.status, 0.0)

    @property
    def counts(self) -> bool:
        """Whether this result is in the score's denominator."""
        return self.status not in (NOT_APPLICABLE, WAIVED)


# What a report says about a level.
MET = "met"
NOT_MET = "not met"
NOT_ASSESSED = "not assessed"  # a rule it requires did not run (--select, --ignore) and nothing that ran fails it
LEVEL_STATUSES: tuple[str, ...] = (MET, NOT_MET, NOT_ASSESSED)


@dataclass(frozen=True)
class LevelVerdict:
    level: str
    met: bool
    missing: tuple[str, ...] = ()  # names of required rules that do not pass
    advisories: tuple[str, ...] = ()  # names of advisory rules that do not pass
    not_run: tuple[str, ...] = ()  # names of required rules that were not run
    assessed: bool = True  # False when not_run leaves the verdict open

    @property
    def status(self) -> str:
        return MET if self.met else NOT_MET if self.assessed else NOT_ASSESSED


@dataclass(frozen=True)
class Report:
    target: str
    profile: str
    govlint_version: str
    documents: tuple[DocumentInfo, ...]
    results: tuple[RuleResult, ...]
    score: float
    rating: str
    levels: tuple[LevelVerdict, ...]
    level_met: str | None
    target_level: str | None = None
    warnings: tuple[str, ...] = ()
    external_links: tuple[str, ...] = ()
    commit: str | None = None
    fail_under: float | None = None
    # The pack whose own levels the report climbs; None for the built-in packs' levels (levels.py).
    ladder: str | None = None

    def result(self, name: str) -> RuleResult | None:
        return next((r for r in self.results if r.name == name or r.code == name), None)

    def verdict(self, level: str) -> LevelVerdict | None:
        return next((v for v in self.levels if v.level == level), None)

    @property
    def target_met(self) -> bool:
        """The target level (if any) is met and the score is not under fail_under (if set)."""
        if self.fail_under is not None and self.score < self.fail_under:
            return False
        if self.target_level is None:
            return True
        verdict = self.verdict(self.target_level)
        # A level left open by rules that did not run is not failed by the rules that did.
        return verdict is not None and verdict.status != NOT_MET

    def to_dict(self) -> dict[str, Any]:
        """The JSON report (schemas/report.schema.json)."""
        data = asdict(self)
        if data["ladder"] is None:  # the built-in levels: the report as it was before packs declared levels
            del data["ladder"]
        data["levels"] = {v.level: {"met": v.met, "status": v.status, "missing": list(v.missing),
                                    "advisories": list(v.advisories), "not_run": list(v.not_run)}
                          for v in self.levels}
        data["score_breakdown"] = {
            "formula": "score = 100 * sum(weight * credit) / sum(weight), over results that count; "
                       "credit: pass 1, partial 0.5, fail and error 0; not-applicable and waived do not count",
            "earned": round(sum(r.weight * r.credit for r in self.results if r.counts), 4),
            "possible": round(sum(r.weight for r in self.results if r.counts), 4),
        }
        return _plain(data)


def report_from_dict(data: dict[str, Any]) -> Report:
    """The Report a JSON report (``Report.to_dict()``) was made from."""
    def evidence(items: list[dict[str, Any]]) -> tuple[Evidence, ...]:
        return tuple(Evidence(**item) for item in items)

    results = tuple(
        RuleResult(**{**r, "evidence": evidence(r["evidence"]), "near_miss": evidence(r.get("near_miss", [])),
                      "criterion": Criterion(**r["criterion"]) if r.get("criterion") else None})
        for r in data["results"])
    levels = tuple(LevelVerdict(level=name, met=v["met"], missing=tuple(v["missing"]),
                                advisories=tuple(v["advisories"]), not_run=tuple(v.get("not_run", ())),
                                assessed=v.get("status", MET) != NOT_ASSESSED)
                   for name, v in data["levels"].items())
    return Report(target=data["target"], profile=data["profile"], govlint_version=data["govlint_version"],
                  documents=tuple(DocumentInfo(**d) for d in data["documents"]), results=results,
                  score=data["score"], rating=data["rating"], levels=levels, level_met=data["level_met"],
                  target_level=data["target_level"], warnings=tuple(data["warnings"]),
                  external_links=tuple(data.get("external_links", ())), commit=data.get("commit"),
                  fail_under=data.get("fail_under"), ladder=data.get("ladder"))


def _plain(value: Any) -> Any:
    """Tuples into lists, so the dictionary is exactly what JSON will hold."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
