"""Where a result points and how serious it is, shared by the CI formats (sarif, github, junit)."""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from govlint.report import FAIL, PARTIAL, PASS, REQUIRED, Evidence, Report, RuleResult
from govlint.reporters._summary import next_level

# Document kinds in the order a missing text is best pointed at.
_ANCHOR_KINDS = ("governance", "charter", "steering", "ladder", "maintainers", "elections", "community",
                 "linked", "given", "contributing", "code-of-conduct")
# Where a result points when the target has no governance document at all: the file the
# remediation asks for.
MISSING_DOCUMENT = "GOVERNANCE.md"


def anchor(report: Report) -> tuple[str, int]:
    """The first governance document's first line, for text that is missing altogether."""
    for kind in _ANCHOR_KINDS:
        for doc in report.documents:
            if doc.kind == kind:
                return doc.path, 1
    if report.documents:
        return report.documents[0].path, 1
    return MISSING_DOCUMENT, 1


def evidence_for(result: RuleResult) -> Evidence | None:
    """The most relevant quote: what satisfied a passing rule, the closest near-miss of a failing one."""
    if result.status == PASS:
        order = (result.evidence, result.near_miss)
    elif result.status == FAIL:
        order = (result.near_miss, result.evidence)
    else:
        order = (result.evidence, result.near_miss)
    return next((found[0] for found in order if found), None)


def location(report: Report, result: RuleResult) -> tuple[str, int]:
    """(path as the report shows it, 1-based line) for a result."""
    found = evidence_for(result)
    if found is not None:
        return found.path, max(1, found.line)
    return anchor(report)


def repository_path(report: Report, path: str) -> str:
    """A document path made relative to where the command ran, as CI annotations expect.

    Document paths are relative to the checkout that was linted; when that checkout is a
    folder below the working directory (``govlint check docs/project``) the folder is put in
    front. Remote targets and document lists keep their paths.
    """
    target = report.target
    if ", " in target or ":" in target.split("/", 1)[0] or not Path(target).is_dir():
        return path
    if os.path.isabs(target):
        try:
            target = os.path.relpath(target)
        except ValueError:  # another drive on Windows
            return path
    joined = posixpath.normpath(posixpath.join(Path(target).as_posix(), path))
    return path if joined.startswith("../") else joined


def is_error(report: Report, result: RuleResult) -> bool:
    """A failing or partial rule that the level being worked towards requires."""
    level = next_level(report)
    return result.status in (FAIL, PARTIAL) and level is not None and result.level.get(level) == REQUIRED


def criterion_url(result: RuleResult) -> str | None:
    """The criterion's own URL, else a GitHub link built from its ``owner/repo:path`` source."""
    criterion = result.criterion
    if criterion is None:
        return None
    if criterion.url:
        return criterion.url
    repo, sep, path = criterion.source.partition(":")
    if sep and repo.count("/") == 1 and path and " " not in criterion.source:
        return f"https://github.com/{repo}/blob/HEAD/{path}"
    return None
