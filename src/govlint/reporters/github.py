"""GitHub Actions workflow commands: one annotation per failing or partial rule.

Rules the level being worked towards requires become `::error`, the others `::warning`; a
`::notice` carries the score. A rule that found nothing is an annotation on the whole document
that should hold the missing text (no line). Values are escaped as the Actions toolkit escapes them: `%`,
`\\r` and `\\n` everywhere, and `:` and `,` as well inside properties.
"""
from __future__ import annotations

from typing import Sequence

from govlint.printable import printable
from govlint.report import ERROR, FAIL, PARTIAL, Report, RuleResult
from govlint.reporters._advice import advice, problem
from govlint.reporters._location import is_error, location, repository_path
from govlint.reporters._summary import first_sentence, level_met_text


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int) -> str:
    props = ",".join(f"{key}={escape_property(printable(str(value)))}" for key, value in properties.items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(printable(message))}"


def render(reports: Sequence[Report], *, options=None) -> str:
    lines: list[str] = []
    for report in reports:
        for warning in report.warnings:
            lines.append(command("warning", warning, title="govlint"))
        for result in report.results:
            if result.status in (FAIL, PARTIAL):
                lines.append(_annotation(report, result))
            elif result.status == ERROR:
                lines.append(command("error", f"{result.code} {result.name} {result.message}", title="govlint"))
        met = level_met_text(report)
        verdict = report.verdict(report.target_level) if report.target_level else None
        target = f" · target {report.target_level}: {verdict.status if verdict else 'not met'}" \
            if report.target_level else ""
        lines.append(command("notice", f"{report.target}: score {report.score:g}/100 · rating {report.rating}"
                                       f" · level met: {met}{target}", title="govlint"))
    return "\n".join(lines) + "\n"


def _annotation(report: Report, result: RuleResult) -> str:
    path, line = location(report, result)
    label = "partly met" if result.status == PARTIAL else "not met"
    message = f"{result.title} ({label}): {problem(result)}"
    if result.remediation:
        message += f"\n{first_sentence(advice(report, result))}\nRun `govlint explain {result.name}` for more."
    # No line: the annotation is on the whole document that should hold the missing text.
    where = {"file": repository_path(report, path), **({"line": line} if line is not None else {})}
    return command("error" if is_error(report, result) else "warning", message,
                   **where, title=f"{result.code} {result.name}")
