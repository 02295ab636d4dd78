"""What a failing or partial result lacks, which document should hold it, and what to add there.

Rules carry one generic remediation ("Add a MAINTAINERS.md with one row per maintainer..."); this
module fits it to the project using the documents the report lists, so advice never asks for a
file the project already has and always says which document to change.
"""
from __future__ import annotations

import re

from govlint.report import FAIL, PARTIAL, Report, RuleResult

# Document kinds in the order a text that is missing altogether is best added to. A maintainers
# file, a contributing guide or a code of conduct is no place for the project's governance.
HOME_KINDS = ("governance", "charter", "steering", "ladder", "elections", "community", "linked", "given")

# "a MAINTAINERS.md": a file a remediation asks the project to create.
_NEW_FILE = re.compile(r"\ban? ([A-Z][A-Z0-9_-]*\.md)\b")
# "Add a GOVERNANCE.md at the repository root (or link ...) that says who leads ...".
_ADD_FILE = r"\bAdd an? {file}(?: at the repository root)?(?: \([^)]*\))?(?: (with|that)\b)?"
# "(a CODE_OF_CONDUCT.md that links to ...)".
_FILE_THAT = r"\ban? {file} that (\w+?)s\b"
# "link it from GOVERNANCE.md": a file named as a place, not as something to create.
_PLACE = re.compile(r"\b(from|in|into|to) ([A-Z][A-Z0-9_-]*\.md)\b")
_MISSING = re.compile(r"\bmissing: (.+?)(?:;|$)")
_NO_PATH_FOR = re.compile(r"\bno removal path for: (.+?)(?:;|$)")


def missing(result: RuleResult) -> str:
    """What the result lacks, in words: the items its finding names as missing, else what the rule
    looked for."""
    for pattern, template in ((_MISSING, "{}"), (_NO_PATH_FOR, "a removal path for {}")):
        found = pattern.search(result.message)
        if found:
            return template.format(found.group(1).strip())
    return " ".join(result.looked_for.split())


def problem(result: RuleResult) -> str:
    """A failing or partial result in words: "missing: ...", "not found: ...", or, for a rule that
    fails on what it found (template placeholders), what it found."""
    looked_for = " ".join(result.looked_for.split())
    if result.status == FAIL and result.evidence:
        return f"{result.message}: {looked_for}" if result.message else f"found: {looked_for}"
    if _MISSING.search(result.message) or _NO_PATH_FOR.search(result.message):
        return f"missing: {missing(result)}"
    if result.status == PARTIAL and " with " in looked_for:
        # The document is there ("a MAINTAINERS file with names, ..."); what it holds is not enough.
        return f"no entry with all of: {looked_for.split(' with ', 1)[1]}"
    return f"{'missing' if result.status == PARTIAL else 'not found'}: {looked_for}"


def kind_of(name: str) -> str | None:
    from govlint.discover import classify

    return classify(name)


def existing(report: Report, name: str) -> str | None:
    """The listed document that plays the part of ``name`` (MAINTAINERS.md: an OWNERS.md, ...)."""
    for doc in report.documents:
        if doc.path.rsplit("/", 1)[-1].lower() == name.lower():
            return doc.path
    kind = kind_of(name)
    return next((d.path for d in report.documents if kind is not None and d.kind == kind), None)


def new_file(result: RuleResult) -> str | None:
    """The file the remediation asks the project to create (MAINTAINERS.md), if it names one."""
    found = _NEW_FILE.search(result.remediation)
    return found.group(1) if found else None


def home(report: Report, result: RuleResult) -> str | None:
    """The listed document that should hold what the result lacks; None when it belongs in a file
    the project does not have (the remediation asks for a new one, or there is no governance document)."""
    if result.status == PARTIAL and result.evidence:
        return result.evidence[0].path
    for name in _NEW_FILE.findall(result.remediation):
        return existing(report, name)
    for kind in HOME_KINDS:
        for doc in report.documents:
            if doc.kind == kind:
                return doc.path
    return None


def advice(report: Report, result: RuleResult) -> str:
    """The rule's remediation, addressed to the document that should change."""
    text = " ".join(result.remediation.split())
    if result.status not in (FAIL, PARTIAL) or not text:
        return text
    named = False
    for name in dict.fromkeys(_NEW_FILE.findall(text)):
        path = existing(report, name)
        if path is None:
            continue
        named = True
        file = re.escape(name)
        text = re.sub(_ADD_FILE.format(file=file),
                      lambda m: f"Complete {path}" + {"with": " with", "that": " so that it"}.get(m.group(1), ""),
                      text, count=1)
        text = re.sub(_FILE_THAT.format(file=file), lambda m: f"{path}, which should {m.group(1)}", text)
        text = re.sub(rf"\ban? {file}\b", path, text)
    text = _PLACE.sub(lambda m: f"{m.group(1)} {existing(report, m.group(2)) or m.group(2)}", text)
    where = home(report, result)
    if not named and where is not None and where not in text:
        text = f"In {where}: {text}"
    return text
