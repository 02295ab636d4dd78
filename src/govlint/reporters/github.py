"""GitHub Actions workflow commands: one annotation per failing or partial rule.

Rules the level being worked towards requires become `::error`, the others `::warning`; a
`::notice` carries the score. Values are escaped as the Actions toolkit escapes them: `%`,
`\\r` and `\\n` everywhere, and `:` and `,` as well inside properties.
"""
from __future__ import annotations

from typing import Sequence

from govlint.printable import printable
from govlint.report import FAIL, PARTIAL, Report, RuleResult
from govlint.reporters._location import is_error, location, repository_path
from govlint.reporters._summary import first_sentence


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
        met = report.level_met or "none"
        target = f" · target {report.target_level}: {'met' if report.target_met else 'not met'}" \
            if report.target_level else ""
        lines.append(command("notice", f"{report.target}: score {report.score:g}/100 · rating {report.rating}"
                                       f" · level met: {met}{target}", title="govlint"))
    return "\n".join(lines) + "\n"


def _annotation(report: Report, result: RuleResult) -> str:
    path, line = location(report, result)
    label = "partly met" if result.status == PARTIAL else "not met"
    message = f"{result.title} ({label}): {result.message or 'looked for ' + result.looked_for}"
    if result.remediation:
        message += f"\n{first_sentence(result.remediation)}\nRun `govlint explain {result.name}` for more."
    return command("error" if is_error(report, result) else "warning", message,
                   file=repository_path(report, path), line=line, title=f"{result.code} {result.name}")
