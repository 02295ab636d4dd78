"""A Markdown report, for a GitHub job summary, a pull-request comment or an issue."""
from __future__ import annotations

from typing import Sequence

from govlint.printable import markdown_cell as cell
from govlint.printable import markdown_code
from govlint.report import Report
from govlint.reporters._advice import advice, problem
from govlint.reporters._summary import (STATUS_ICON, STATUS_LABEL, first_sentence, level_line, level_met_text,
                                        nothing_found, top_fixes)


def render(reports: Sequence[Report], *, options=None) -> str:
    return "\n".join(_one(r) for r in reports)


def _one(report: Report) -> str:
    missing = nothing_found(report)
    lines = [f"**{cell(missing)}**", ""] if missing else []
    lines += [f"## govlint: {cell(report.target)}", ""]
    lines.append(f"**Score {report.score:g}/100 · rating {report.rating} · level met: {level_met_text(report)}**"
                 f" · profile `{report.profile}`")
    lines.append("")
    lines += ["| level | met | detail |", "|---|---|---|"]
    for level, status, detail in level_line(report):
        mark = {"met": "✅", "not met": "❌"}.get(status, "❔ not assessed")
        lines.append(f"| {level} | {mark} | {cell(detail)} |")
    lines += ["", "| code | rule | status | evidence |", "|---|---|---|---|"]
    for r in report.results:
        if r.evidence:
            e = r.evidence[0]
            where = f"[{cell(e.path)}:{e.line}]({e.url})" if e.url else markdown_code(f"{e.path}:{e.line}")
            detail = f"{where} “{cell(e.text)}”"
            if r.status in ("fail", "partial"):
                detail = f"{cell(problem(r))} · {detail}"
        elif r.status in ("fail", "partial"):
            detail = cell(problem(r))
        else:
            detail = cell(r.message or f"looked for {r.looked_for}")
        lines.append(f"| {cell(r.code)} | {cell(r.name)} | {STATUS_ICON[r.status]} {STATUS_LABEL[r.status]} | {detail} |")
    fixes = top_fixes(report)
    if fixes:
        lines += ["", "### What to add first", ""]
        for number, r in enumerate(fixes, start=1):
            lines.append(f"{number}. **{cell(r.name)}** ({cell(r.code)}): {cell(first_sentence(advice(report, r)))}")
    if report.documents:
        lines += ["", "<details><summary>Documents read</summary>", ""]
        lines += [f"- {markdown_code(d.path)} ({cell(d.kind)}, {cell(d.origin)})" for d in report.documents]
        lines += ["", "</details>"]
    lines.append("")
    return "\n".join(lines)
