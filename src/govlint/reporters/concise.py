"""One line per finding, as a CI log or a commit hook wants it (ruff's concise format):

    GOVERNANCE.md:12: GL104 removal-threshold partly met: missing: ...
    GOVERNANCE.md: GL105 restorative-step not met: not found: ...

A finding with a quote has its line; a missing thing names the document that should hold it (or
the checkout, when it belongs in a file the project does not have yet) and no line. Warnings come
first; each report ends with its summary line.
"""
from __future__ import annotations

from typing import Sequence

from govlint.report import ERROR, PARTIAL, Report, RuleResult
from govlint.reporters._advice import home, problem
from govlint.reporters._location import is_error, repository_path
from govlint.reporters._summary import findings, next_level, summary_line


def render(reports: Sequence[Report], *, options=None) -> str:
    lines: list[str] = []
    for report in reports:
        lines += [f"{_checkout(report)}: warning: {_one_line(w)}" for w in report.warnings]
        lines += [_line(report, result) for result in findings(report)]
        lines += [f"{_checkout(report)}: {r.code} {r.name} error: {_one_line(r.message)}"
                  for r in report.results if r.status == ERROR]
        lines.append(summary_line(report))
    return "\n".join(lines) + "\n"


def _line(report: Report, result: RuleResult) -> str:
    if result.evidence:
        where = f"{repository_path(report, result.evidence[0].path)}:{max(1, result.evidence[0].line)}"
    else:
        document = home(report, result)
        where = repository_path(report, document) if document else _checkout(report)
    label = "partly met" if result.status == PARTIAL else "not met"
    required = f" (required for {next_level(report)})" if is_error(report, result) else ""
    return f"{where}: {result.code} {result.name} {label}{required}: {_one_line(problem(result))}"


def _checkout(report: Report) -> str:
    """The target as a path relative to the working directory; as given when it is outside it,
    remote, or a list of documents."""
    relative = repository_path(report, ".")
    return relative if relative != "." or report.target in (".", "./") else report.target


def _one_line(text: str) -> str:
    return " ".join(text.split())
