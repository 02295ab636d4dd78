"""The Documentation Content table: Complete, Partial, Missing or Unknown for each of the ten
governance areas, each verdict resting on named rules (the codes are listed with it), so a
reviewer can see why and overrule it.

Complete means every element the area's rules look for was found; Partial that some were;
Missing that none was, or the document is absent; Unknown that the documents cannot tell (a
contributor guide kept on a website that was not read, ownership that lives in GitHub's settings).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from govlint.document import Document
from govlint.report import FAIL, PARTIAL, PASS, RuleResult
from govlint.review.model import AREAS, COMPLETE, MISSING, PARTIAL as AREA_PARTIAL, UNKNOWN, AreaVerdict, Quote
from govlint.rules.model import DocumentSet

# The rules each area's verdict rests on; a finding of one of them belongs to the area.
AREA_RULES: dict[str, tuple[str, ...]] = {
    "Project Purpose": ("project-scope",),
    "Maintainer List": ("maintainer-list", "maintainer-affiliations", "maintainer-diversity", "maintainers-per-area",
                        "repository-maintainers"),
    "Code of Conduct": ("code-of-conduct", "coc-reporting", "coc-receiver", "coc-cncf-fallback", "coc-single"),
    "Contributor Guide": ("contributor-guide",),
    "Contributor Ladder": ("roles-defined", "ladder-roles", "role-qualifications", "roles-defined-where-used"),
    "Maintainer Lifecycle": ("roles-defined", "removal-process", "inactivity-policy", "vote-of-no-confidence",
                             "removal-threshold", "restorative-step", "removal-procedure", "recusal", "leader-coverage",
                             "body-lifecycle"),
    "Decision-making": ("decision-making", "decision-channels", "decision-records", "thresholds-consistent",
                        "leadership-defined", "conflict-resolution", "escalation-path", "vendor-neutrality",
                        "leadership-principles", "governance-doc", "template-residue"),
    "Code and Docs Ownership": ("owners-agree",),
    "Security Reporting and Response": ("security-contact",),
    "Communication and Meetings": ("communication-channels", "meetings"),
}
# The documents each area is read from, by kind.
_AREA_KINDS: dict[str, tuple[str, ...]] = {
    "Project Purpose": ("project-readme", "charter"),
    "Maintainer List": ("maintainers", "maintainers-data"),
    "Code of Conduct": ("code-of-conduct",),
    "Contributor Guide": ("contributing",),
    "Contributor Ladder": ("ladder",),
    "Maintainer Lifecycle": ("ladder", "governance"),
    "Decision-making": ("governance", "charter", "steering"),
    "Code and Docs Ownership": ("codeowners",),
    "Security Reporting and Response": ("security",),
    "Communication and Meetings": ("community", "project-readme"),
}
_MIN_DESCRIPTION_WORDS = 12
_POINTER_WORDS = 40


def area_kinds(area: str) -> tuple[str, ...]:
    """The kinds of document an area is read from."""
    return _AREA_KINDS.get(area, ())
_EXTERNAL_GUIDE = re.compile(r"^https?://.*contribut", re.I)
_OWNERSHIP_FILE = re.compile(r"(?:^|/)(?:OWNERS|OWNERS_ALIASES|CODEOWNERS)$")
# A document or section about who holds permissions: ADMINISTRATORS.md, "## Code Owners", "## Repository access".
# A sentence saying how ownership is managed: OWNERS or CODEOWNERS files, Prow, Peribolos, GitHub teams.
_OWNERSHIP_TOOLING = re.compile(r"\bCODEOWNERS\b|\bOWNERS\s+files?\b|\bProw\b|\bPeribolos\b|\bGitHub\s+teams?\b")
_PROSE_KINDS = frozenset({"governance", "ladder", "charter", "steering", "community", "contributing", "maintainers",
                          "given", "linked"})
_OWNERSHIP_SECTION = re.compile(r"administrators|code\s*owners|repository\s+(?:access|permissions)|github\s+permissions",
                                re.I)


@dataclass(frozen=True)
class Inputs:
    """What the verdicts read: the rule results by name, the documents, and the review's facts."""

    results: Mapping[str, RuleResult]
    docs: DocumentSet
    maintainers: int  # entries found in the maintainer lists
    with_affiliation: int
    security_team_complete: bool | None  # None when no security team is defined
    security_responders: bool
    # A security team whose members a security policy lists, with nothing said of how they are chosen
    # (kubeedge: "staffing and replacement not documented"); False when no such team is listed.
    security_team_unstaffed: bool = False
    adopts_cncf_code: bool = False  # a code of conduct read is the CNCF's
    # Whether the documents say how a maintainer is removed or replaced (body-lifecycle's reading of the
    # Maintainers body); None when they define no maintainers as a body.
    maintainer_leaves: bool | None = None

    def status(self, name: str) -> str | None:
        result = self.results.get(name)
        return result.status if result is not None else None

    def found(self, name: str) -> bool:
        return self.status(name) in (PASS, PARTIAL)

    def passed(self, name: str) -> bool:
        return self.status(name) == PASS

    def of_kinds(self, *kinds: str) -> list[Document]:
        return [d for d in self.docs.documents if d.kind in kinds]


def description(docs: DocumentSet) -> tuple[Document, int, str] | None:
    """The first paragraph of the main repository's README that says something (not badges)."""
    readmes = [d for d in docs.documents if d.kind == "project-readme"]
    for doc in readmes[:1]:
        for block in doc.blocks:
            words = re.sub(r"https?://\S+", "", block.text).split()
            if block.kind == "paragraph" and len(words) >= _MIN_DESCRIPTION_WORDS:
                return doc, block.line, block.sentences[0].text if block.sentences else block.text
    return None


def _quotes(inputs: Inputs, names: Sequence[str]) -> tuple[Quote, ...]:
    out = []
    for name in names:
        result = inputs.results.get(name)
        if result is not None and result.status in (PASS, PARTIAL):
            out += [Quote(e.path, e.line, e.text, e.url) for e in result.evidence[:1]]
    return tuple(out[:3])


def _documents(inputs: Inputs, area: str, quotes: Sequence[Quote]) -> tuple[str, ...]:
    paths = [d.path for d in inputs.of_kinds(*_AREA_KINDS[area])]
    if area == "Code and Docs Ownership":  # Prow OWNERS files are read as maintainer lists too
        paths += [d.path for d in inputs.docs.documents if _OWNERSHIP_FILE.search(d.path)]
    paths += [q.path for q in quotes]
    return tuple(dict.fromkeys(paths))[:4]


def _missing(what: Sequence[tuple[bool, str]]) -> list[str]:
    return [label for present, label in what if not present]


def _purpose(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    """Reviewers mark the purpose Complete when the README says what the project is for; what is out
    of scope is a finding of its own (project-scope)."""
    described = description(inputs.docs)
    scope = inputs.status("project-scope")
    rules = ("project-scope",)
    if described or scope in (PASS, PARTIAL):
        what = "the README describes the project" if described else "a mission or purpose is stated"
        if scope == PASS:
            return COMPLETE, f"{what}, with what is out of scope", rules
        return COMPLETE, f"{what}; nothing says what is out of scope", rules
    return MISSING, "no description of the project's purpose was found", rules


def _maintainer_list(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    status = inputs.status("maintainer-list")
    rules = ("maintainer-list", "maintainer-affiliations")
    if inputs.maintainers:
        affiliated = inputs.with_affiliation
        if affiliated * 5 >= inputs.maintainers * 4:
            return COMPLETE, f"{inputs.maintainers} maintainers listed, {affiliated} with an affiliation", rules
        return AREA_PARTIAL, (f"{inputs.maintainers} maintainers listed; affiliation given for {affiliated}"), rules
    if status == PASS:
        return COMPLETE, "maintainers listed with contact, affiliation and area", rules
    if status == PARTIAL:
        return AREA_PARTIAL, "a maintainer list without every element (names, contact, affiliation, area)", rules
    return MISSING, "no public list of maintainers was found", rules


def _conduct(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("code-of-conduct", "coc-reporting", "coc-receiver", "coc-cncf-fallback", "coc-single")
    adopted = inputs.status("code-of-conduct")
    if adopted in (FAIL, None):
        return MISSING, "no code of conduct adopted or referenced", rules
    # The CNCF Code of Conduct sends reports to the CNCF Code of Conduct Committee: adopting it names a receiver.
    receiver = any(inputs.found(n) for n in ("coc-reporting", "coc-receiver")) or inputs.passed("coc-cncf-fallback") \
        or inputs.adopts_cncf_code
    single = inputs.status("coc-single") != FAIL
    lacks = _missing([(adopted == PASS, "referenced from the governance documents"), (receiver, "who receives reports"),
                      (single, "one code of conduct across the repositories")])
    if not lacks:
        return COMPLETE, "adopted, referenced, and reports have a receiver", rules
    return AREA_PARTIAL, "missing: " + "; ".join(lacks), rules


def _guide(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("contributor-guide",)
    guides = inputs.of_kinds("contributing")
    status = inputs.status("contributor-guide")
    external = [link.href for d in guides for link in d.links if _EXTERNAL_GUIDE.match(link.href.strip())]
    if not guides:
        pointer = [link.href.strip() for d in inputs.of_kinds("project-readme") for link in d.links
                   if _EXTERNAL_GUIDE.match(link.href.strip())]
        if pointer:
            return UNKNOWN, f"no CONTRIBUTING file; the guide is at {pointer[0]}, which was not read", rules
        return MISSING, "no contributing guide was found", rules
    if status == PASS:
        return COMPLETE, inputs.results["contributor-guide"].message, rules
    if external and sum(len(d.text.split()) for d in guides) < 400:
        return UNKNOWN, f"the guide points to {external[0]}, which was not read", rules
    if status == PARTIAL:
        return AREA_PARTIAL, inputs.results["contributor-guide"].message, rules
    return MISSING, "the contributing guide says nothing of how to propose, build, test or review a change", rules


def _ladder(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("ladder-roles", "role-qualifications", "roles-defined-where-used", "roles-defined")
    roles = inputs.status("ladder-roles")
    message = inputs.results["ladder-roles"].message if "ladder-roles" in inputs.results else ""
    if roles == PASS and inputs.status("role-qualifications") in (PASS, None, "not-applicable") \
            and inputs.status("roles-defined-where-used") != FAIL:
        return COMPLETE, message, rules
    any_role = roles in (PASS, PARTIAL) or "only" in message or inputs.found("roles-defined")
    if any_role:
        notes = [message] if message else []
        for name in ("role-qualifications", "roles-defined-where-used"):
            if inputs.status(name) in (FAIL, PARTIAL):
                notes.append(inputs.results[name].message)
        return AREA_PARTIAL, "; ".join(notes), rules
    return MISSING, "no role beyond contributor is defined", rules


def _lifecycle(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    """The lifecycle of a maintainer: how one becomes one, how one is removed, the inactivity rule.
    A removal rule that names only another body (the TSC, "leaders") leaves how a maintainer is
    removed unsaid: reviewers mark that Partial ("process for removing a maintainer ... not documented")."""
    rules = ("roles-defined", "removal-process", "inactivity-policy", "body-lifecycle")
    removal = inputs.passed("removal-process")
    removal_label = "removal for cause"
    if removal and inputs.maintainer_leaves is False:
        removal, removal_label = False, "how a maintainer is removed or replaced (the removal rules found name another body)"
    parts = [(inputs.found("roles-defined"), "how one becomes a maintainer"),
             (removal, removal_label),
             (inputs.found("inactivity-policy"), "an inactivity or emeritus rule")]
    lacks = _missing(parts)
    if not lacks:
        return COMPLETE, "joining, removal for cause and inactivity are described", rules
    if len(lacks) < len(parts):
        return AREA_PARTIAL, "not found: " + "; ".join(lacks), rules
    return MISSING, "neither how one becomes a maintainer nor how one leaves is described", rules


def _decisions(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("decision-making", "decision-channels", "decision-records")
    if inputs.status("decision-making") in (FAIL, None):
        return MISSING, "how decisions are made is not described", rules
    lacks = _missing([(inputs.passed("decision-channels"), "the channels where decisions are made"),
                      (inputs.passed("decision-records"), "where decisions are recorded")])
    if inputs.passed("decision-making") and len(lacks) < 2:
        return COMPLETE, "decision rule stated" + (f"; not named: {lacks[0]}" if lacks else ""), rules
    return AREA_PARTIAL, "decision rule stated; not named: " + "; ".join(lacks) if lacks else "decision rule partly stated", rules


def _ownership(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("owners-agree",)
    files = [d for d in inputs.docs.documents if d.kind == "codeowners" or _OWNERSHIP_FILE.search(d.path)]
    if not files:
        described = [f"{d.path} ({s.heading})" if s.heading else d.path for d in inputs.docs.documents
                     for s in d.sections if _OWNERSHIP_SECTION.search(s.heading or d.path.rsplit("/", 1)[-1])]
        described += [f"{d.path}:{s.line}" for d in inputs.docs.documents if d.kind in _PROSE_KINDS
                      for s in d.sentences if _OWNERSHIP_TOOLING.search(s.text)]
        if described:
            return COMPLETE, f"who holds repository permissions is described: {described[0]}", rules
        return UNKNOWN, "no CODEOWNERS or OWNERS file was read; permissions on GitHub cannot be read from documents", rules
    if inputs.status("owners-agree") in (FAIL, PARTIAL):
        return AREA_PARTIAL, inputs.results["owners-agree"].message, rules
    return COMPLETE, f"ownership files: {', '.join(d.path for d in files[:3])}", rules


def _security(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("security-contact", "body-lifecycle")
    status = inputs.status("security-contact")
    if status in (FAIL, None):
        # A security policy that is only a pointer ("## Security Policy\n\nhttps://docs.example.io/security/").
        pointers = [d for d in inputs.of_kinds("security") if len(d.text.split()) <= _POINTER_WORDS]
        elsewhere = [w for d in pointers for w in d.text.split() if w.startswith(("http://", "https://"))]
        elsewhere += [link.href.strip() for d in pointers for link in d.links
                      if link.href.strip().startswith(("http://", "https://"))]
        if elsewhere:
            return UNKNOWN, f"the security policy points to {elsewhere[0]}, which was not read", rules
        return MISSING, "no private way to report a vulnerability was found", rules
    # How a security team is chosen and replaced is a finding of its own (body-lifecycle); reviewers mark
    # the area Complete when reports have a private channel and someone named to handle them, and a
    # team of named people has at least a word on how its members are chosen ("the maintainers will
    # appoint a Security Response Team": Complete for flatcar and karmada; kubeedge's listed team with
    # no word on its staffing: Partial).
    lacks = _missing([(status == PASS, "a reporting address the project controls"),
                      (inputs.security_responders, "who handles reports"),
                      (not inputs.security_team_unstaffed, "how the listed security team's members are chosen")])
    if not lacks:
        return COMPLETE, "private reporting channel, and who handles reports", rules
    return AREA_PARTIAL, "missing: " + "; ".join(lacks), rules


def _communication(inputs: Inputs) -> tuple[str, str, tuple[str, ...]]:
    rules = ("communication-channels", "meetings")
    channels, meetings = inputs.found("communication-channels"), inputs.found("meetings")
    if channels and meetings:
        return COMPLETE, "channels and meetings documented", rules
    if channels or meetings:
        return AREA_PARTIAL, "channels documented, meetings not" if channels else "meetings documented, channels not", rules
    return MISSING, "no communication channel or meeting is documented", rules


_JUDGES: dict[str, Callable[[Inputs], tuple[str, str, tuple[str, ...]]]] = {
    "Project Purpose": _purpose, "Maintainer List": _maintainer_list, "Code of Conduct": _conduct,
    "Contributor Guide": _guide, "Contributor Ladder": _ladder, "Maintainer Lifecycle": _lifecycle,
    "Decision-making": _decisions, "Code and Docs Ownership": _ownership,
    "Security Reporting and Response": _security, "Communication and Meetings": _communication,
}


def verdicts(inputs: Inputs) -> tuple[AreaVerdict, ...]:
    out = []
    for area in AREAS:
        coverage, note, rules = _JUDGES[area](inputs)
        quotes = _quotes(inputs, rules)
        if area == "Project Purpose":
            found = description(inputs.docs)
            if found:
                quotes = (Quote(found[0].path, found[1], found[2], found[0].url(found[1])), *quotes)[:3]
        codes = tuple(inputs.results[n].code for n in rules if n in inputs.results)
        out.append(AreaVerdict(area=area, coverage=coverage, note=note, documents=_documents(inputs, area, quotes),
                               rules=codes, evidence=quotes))
    return tuple(out)
