"""The terminal report, with rich: verdict per level, one line per rule, the score, what to add."""
from __future__ import annotations

import io
import sys
from typing import Sequence

from govlint.report import Report, RuleResult
from govlint.reporters._summary import STATUS_LABEL, first_sentence, level_line, nothing_found, top_fixes

_STYLE = {"pass": "green", "partial": "yellow", "fail": "bold red", "not-applicable": "dim", "waived": "cyan"}
# code, rule name and status take this many columns before the evidence starts.
_LEFT = 39


def render(reports: Sequence[Report], *, options) -> str:
    from rich.console import Console

    color = options.color if options.color is not None else sys.stdout.isatty()
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=options.width or 120,
                      highlight=False, emoji=False)
    for index, report in enumerate(reports):
        if index:
            console.rule()
        _render_one(console, report, verbose=options.verbose)
    return buffer.getvalue()


def detail(result: RuleResult) -> str:
    """One line: the evidence for a pass, else what is missing and the closest near-miss."""
    if result.status == "pass" and result.evidence:
        e = result.evidence[0]
        return f"{e.path}:{e.line}: “{e.text}”"
    if result.status in ("not-applicable", "waived"):
        return result.message
    if result.evidence:  # partial
        e = result.evidence[0]
        return f"{result.message or 'partly found'} · {e.path}:{e.line}: “{e.text}”"
    text = result.message or f"not found: {result.looked_for}"
    if result.near_miss:
        e = result.near_miss[0]
        text += f" · closest: {e.path}:{e.line}: “{e.text}”"
    return text


def _render_one(console, report: Report, *, verbose: bool) -> None:
    from rich.markup import escape

    missing = nothing_found(report)
    if missing:  # first and plainly: the score below judges no document at all
        console.print(f"[bold red]{escape(missing)}[/bold red]")
    console.print(f"[bold]govlint[/bold] {escape(report.target)}  ·  profile [bold]{report.profile}[/bold]"
                  + (f"  ·  commit {report.commit[:12]}" if report.commit else ""))
    docs = ", ".join(f"{d.path} ({d.kind})" for d in report.documents) or "none found"
    console.print(f"Documents: {escape(docs)}")
    for warning in report.warnings:
        if warning != missing:
            console.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    console.print()
    for level, met, text in level_line(report):
        mark = "[green]✓ met    [/green]" if met else "[red]✗ not met[/red]"
        target = " (target)" if level == report.target_level else ""
        console.print(f"  {level:<11}{mark}{target}  [dim]{escape(text)}[/dim]")
    console.print()
    room = max(20, console.width - _LEFT)
    console.print(f"[bold]{'code':<6} {'rule':<22} {'status':<8} evidence, or what is missing[/bold]")
    for result in report.results:
        line = detail(result)
        if not verbose and len(line) > room:
            line = line[: room - 1] + "…"
        style = _STYLE[result.status]
        console.print(f"{result.code:<6} {result.name:<22} [{style}]{STATUS_LABEL[result.status]:<8}[/{style}] "
                      f"{escape(line)}", overflow="fold")
    console.print()
    earned = sum(r.weight * r.credit for r in report.results if r.counts)
    possible = sum(r.weight for r in report.results if r.counts)
    console.print(f"Score [bold]{report.score:g}[/bold] / 100  ·  rating [bold]{report.rating}[/bold]  "
                  f"[dim]({earned:g} of {possible:g} weighted points; partial counts half)[/dim]")
    console.print(f"Level met: [bold]{report.level_met or 'none'}[/bold]"
                  + (f"  ·  target {report.target_level}: {'met' if report.target_met else 'not met'}"
                     if report.target_level or report.fail_under is not None else ""))
    fixes = top_fixes(report)
    if fixes:
        console.print()
        console.print("[bold]What to add first[/bold]")
        for number, result in enumerate(fixes, start=1):
            console.print(f"  {number}. [bold]{result.name}[/bold] ({result.code}): "
                          f"{escape(first_sentence(result.remediation))}  [dim]govlint explain {result.name}[/dim]")
