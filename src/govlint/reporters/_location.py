"""Where a result points and how serious it is, shared by the CI formats (sarif, github, junit)."""
from __future__ import annotations

import os
import posixpath
from pathlib import Path

from govlint.report import FAIL, PARTIAL, REQUIRED, Evidence, Report, RuleResult
from govlint.reporters._advice import home, new_file
from govlint.reporters._summary import next_level

# Where a result points when the target has no governance document at all: the file the
# governance-doc rule asks for.
MISSING_DOCUMENT = "GOVERNANCE.md"


def evidence_for(result: RuleResult) -> Evidence | None:
    """The quote a result stands on: what satisfied it (or, for a rule that fails on what it found,
    what made it fail). A near-miss is not evidence: it is shown as context, never as the place."""
    return result.evidence[0] if result.evidence else None


def location(report: Report, result: RuleResult) -> tuple[str, int | None]:
    """(path as the report shows it, 1-based line or None) for a result.

    A result with a quote of its own points at it. A rule that found nothing is about a whole
    document: the one that should hold the missing text (a listed document, else the file the
    remediation asks for), with no line; a near-miss elsewhere is not where the text belongs.
    """
    if result.evidence:  # what satisfied the rule, partly; or what made it fail (a template placeholder)
        found = result.evidence[0]
        return found.path, max(1, found.line)
    return home(report, result) or new_file(result) or MISSING_DOCUMENT, None


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
