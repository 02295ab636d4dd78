"""A Markdown report, for a GitHub job summary, a pull-request comment or an issue."""
from __future__ import annotations

from typing import Sequence

from govlint.report import Report
from govlint.reporters._summary import STATUS_ICON, STATUS_LABEL, first_sentence, level_line, nothing_found, top_fixes


def cell(text: str) -> str:
    """Text made safe for a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render(reports: Sequence[Report], *, options=None) -> str:
    return "\n".join(_one(r) for r in reports)


def _one(report: Report) -> str:
    missing = nothing_found(report)
    lines = [f"**{cell(missing)}**", ""] if missing else []
    lines += [f"## govlint: {cell(report.target)}", ""]
    lines.append(f"**Score {report.score:g}/100 · rating {report.rating} · level met: {report.level_met or 'none'}**"
                 f" · profile `{report.profile}`")
    lines.append("")
    lines += ["| level | met | detail |", "|---|---|---|"]
    for level, met, detail in level_line(report):
        lines.append(f"| {level} | {'✅' if met else '❌'} | {cell(detail)} |")
    lines += ["", "| code | rule | status | evidence |", "|---|---|---|---|"]
    for r in report.results:
        if r.evidence:
            e = r.evidence[0]
            where = f"[{cell(e.path)}:{e.line}]({e.url})" if e.url else f"`{cell(e.path)}:{e.line}`"
            detail = f"{where} “{cell(e.text)}”"
            if r.status != "pass" and r.message:
                detail = f"{cell(r.message)} · {detail}"
        else:
            detail = cell(r.message or f"looked for {r.looked_for}")
        lines.append(f"| {r.code} | {r.name} | {STATUS_ICON[r.status]} {STATUS_LABEL[r.status]} | {detail} |")
    fixes = top_fixes(report)
    if fixes:
        lines += ["", "### What to add first", ""]
        for number, r in enumerate(fixes, start=1):
            lines.append(f"{number}. **{r.name}** ({r.code}): {cell(first_sentence(r.remediation))}")
    if report.documents:
        lines += ["", "<details><summary>Documents read</summary>", ""]
        lines += [f"- `{cell(d.path)}` ({d.kind}, {d.origin})" for d in report.documents]
        lines += ["", "</details>"]
    lines.append("")
    return "\n".join(lines)
