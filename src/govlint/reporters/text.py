"""The terminal report, with rich: verdict per level, a table of rules, the score, what to add."""
from __future__ import annotations

import io
import sys
from typing import Sequence

from govlint.report import Report
from govlint.reporters._summary import STATUS_LABEL, first_sentence, level_line, top_fixes

_STYLE = {"pass": "green", "partial": "yellow", "fail": "bold red", "not-applicable": "dim", "waived": "cyan"}


def render(reports: Sequence[Report], *, options) -> str:
    from rich.console import Console

    color = options.color if options.color is not None else sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=options.width or 120,
                      highlight=False, soft_wrap=False)
    for index, report in enumerate(reports):
        if index:
            console.rule()
        _render_one(console, report, verbose=options.verbose)
    return buffer.getvalue()


def _render_one(console, report: Report, *, verbose: bool) -> None:
    from rich.markup import escape
    from rich.table import Table

    console.print(f"[bold]govlint[/bold] {escape(report.target)}  ·  profile [bold]{report.profile}[/bold]"
                  + (f"  ·  commit {report.commit[:12]}" if report.commit else ""))
    docs = ", ".join(f"{d.path} ({d.kind})" for d in report.documents) or "none found"
    console.print(f"Documents: {escape(docs)}")
    for warning in report.warnings:
        console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    console.print()
    for level, met, detail in level_line(report):
        mark = "[green]✓ met[/green]" if met else "[red]✗ not met[/red]"
        target = " (target)" if level == report.target_level else ""
        console.print(f"  {level:<11}{mark}{target}  [dim]{escape(detail)}[/dim]")
    console.print()
    table = Table(show_header=True, header_style="bold", expand=False, show_lines=False)
    table.add_column("code", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("evidence or what is missing", overflow="fold", max_width=80)
    for result in report.results:
        if result.status == "pass" and result.evidence:
            e = result.evidence[0]
            detail = f"{e.path}:{e.line}: “{e.text}”"
        elif result.status in ("not-applicable", "waived"):
            detail = result.message
        else:
            detail = result.message or f"looked for {result.looked_for}"
            if result.status == "fail" and result.near_miss:
                e = result.near_miss[0]
                detail += f" · closest: {e.path}:{e.line}: “{e.text}”"
            elif result.evidence:
                e = result.evidence[0]
                detail += f" · {e.path}:{e.line}"
        if not verbose and len(detail) > 220:
            detail = detail[:219] + "…"
        status = result.status
        table.add_row(result.code, result.name, f"[{_STYLE[status]}]{STATUS_LABEL[status]}[/{_STYLE[status]}]",
                      escape(detail))
    console.print(table)
    earned = sum(r.weight * r.credit for r in report.results if r.counts)
    possible = sum(r.weight for r in report.results if r.counts)
    console.print(f"Score [bold]{report.score:g}[/bold] / 100  ·  rating [bold]{report.rating}[/bold]  "
                  f"[dim]({earned:g} of {possible:g} weighted points; partial counts half)[/dim]")
    console.print(f"Level met: [bold]{report.level_met or 'none'}[/bold]")
    fixes = top_fixes(report)
    if fixes:
        console.print()
        console.print("[bold]What to add first[/bold]")
        for number, result in enumerate(fixes, start=1):
            console.print(f"  {number}. [bold]{result.name}[/bold] ({result.code}): "
                          f"{escape(first_sentence(result.remediation))}  [dim]govlint explain {result.name}[/dim]")
