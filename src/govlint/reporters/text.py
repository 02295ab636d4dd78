"""The terminal report, with rich: verdict per level, one row per rule, the score, what to add.

It fits the terminal (rich's Console width, which honours COLUMNS): each row's evidence wraps
under the row, beside it when there is room, and is shortened only after a few lines (-v: never).
"""
from __future__ import annotations

import io
import sys
import textwrap
from typing import Sequence

from govlint.printable import printable
from govlint.report import ERROR, NOT_APPLICABLE, NOT_ASSESSED, PASS, WAIVED, Report, RuleResult
from govlint.reporters._advice import advice, problem
from govlint.reporters._summary import STATUS_LABEL, first_sentence, level_line, level_met_text, nothing_found, top_fixes

_STYLE = {"pass": "green", "partial": "yellow", "fail": "bold red", "not-applicable": "dim", "waived": "cyan",
          "error": "bold magenta"}
# Code, rule name and status take this many columns before the evidence starts.
_LEFT = 39
# Evidence goes beside its row when this many columns are left for it, else under the row.
_MIN_BESIDE = 60
_UNDER = 7
# Without -v, evidence is shortened after about this many characters (and never under two lines).
_QUOTE_CHARS = 200


def render(reports: Sequence[Report], *, options) -> str:
    from rich.console import Console

    color = options.color if options.color is not None else sys.stdout.isatty()
    buffer = io.StringIO()
    # width None: rich measures the terminal, and COLUMNS overrides it.
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=options.width,
                      highlight=False, emoji=False, soft_wrap=False)
    lines = _Lines(console)
    for index, report in enumerate(reports):
        if index:
            lines.flush()
            console.rule()
        _render_one(lines, report, verbose=options.verbose)
    lines.flush()
    return buffer.getvalue()


class _Lines:
    """The report's lines, handed to rich a run at a time (rich's cost is mostly per print call, and
    a report has a hundred lines): consecutive lines with the same options go in one call, each
    still its own string, read as markup on its own as a call of its own would read it."""

    def __init__(self, console) -> None:
        self.console = console
        self.width = console.width
        self._run: list[str] = []
        self._options: dict = {}

    def print(self, text: str = "", **options) -> None:
        if options != self._options:
            self.flush()
            self._options = options
        self._run.append(text)

    def flush(self) -> None:
        if self._run:
            self.console.print(*self._run, sep="\n", **self._options)
            self._run = []


def _quote(e) -> str:
    return f"{e.path}:{e.line} “{e.text}”"


def detail(result: RuleResult) -> str:
    """The row's evidence: the quote for a pass; else what is missing and the closest text found."""
    if result.status == PASS and result.evidence:
        return _quote(result.evidence[0])
    if result.status in (NOT_APPLICABLE, WAIVED, ERROR):
        return result.message
    text = problem(result)
    if result.evidence:
        return f"{text} · {_quote(result.evidence[0])}"
    if result.message and not _says_what_is_missing(result.message):
        text = f"{result.message} · {text}"
    if result.near_miss:
        text += f" · closest: {_quote(result.near_miss[0])}"
    return text


def escape(text: str) -> str:
    """Document text for rich: its escape sequences out (printable), its brackets not read as markup."""
    from rich.markup import escape as escape_markup

    return escape_markup(printable(text))


def _says_what_is_missing(message: str) -> bool:
    return "missing:" in message or "no removal path for:" in message or message.endswith(" words)")


def _wrap(text: str, width: int, max_lines: int | None) -> list[str]:
    lines = textwrap.wrap(text, width=max(width, 10), break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width, 10) - 1].rstrip() + "…"
    return lines


def _render_one(console: _Lines, report: Report, *, verbose: bool) -> None:
    width = console.width
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
    for level, status, text in level_line(report):
        mark = {"met": "[green]✓ met         [/green]", "not met": "[red]✗ not met     [/red]",
                NOT_ASSESSED: "[yellow]? not assessed[/yellow]"}[status]
        target = " (target)" if level == report.target_level else ""
        indent = 2 + 11 + 14 + len(target) + 2
        lines = _wrap(text, width - indent, None)
        console.print(f"  {level:<11}{mark}{target}  [dim]{escape(lines[0])}[/dim]", overflow="ignore", crop=False)
        for line in lines[1:]:
            console.print(" " * indent + f"[dim]{escape(line)}[/dim]", overflow="ignore", crop=False)
    console.print()
    beside = width - _LEFT >= _MIN_BESIDE
    room = width - _LEFT if beside else width - _UNDER
    max_lines = None if verbose else max(2, -(-_QUOTE_CHARS // room))
    if beside:
        console.print(f"[bold]{'code':<6} {'rule':<22} {'status':<8} evidence, or what is missing[/bold]")
    else:
        console.print(f"[bold]{'code':<6} {'rule':<22} status\n{'':<{_UNDER}}evidence, or what is missing[/bold]")
    for result in report.results:
        style = _STYLE[result.status]
        label = STATUS_LABEL[result.status]
        head = (f"{result.code:<6} {escape(f'{result.name:<22}')} "
                f"[{style}]{f'{label:<8}' if beside else label}[/{style}]")
        lines = _wrap(printable(detail(result)), room, max_lines)
        if beside:
            console.print(f"{head} {escape(lines[0])}", overflow="ignore", crop=False)
            rest = lines[1:]
        else:
            console.print(head)
            rest = lines
        for line in rest:
            console.print(" " * (_LEFT if beside else _UNDER) + escape(line), overflow="ignore", crop=False)
    console.print()
    earned = sum(r.weight * r.credit for r in report.results if r.counts)
    possible = sum(r.weight for r in report.results if r.counts)
    console.print(f"Score [bold]{report.score:g}[/bold] / 100  ·  rating [bold]{report.rating}[/bold]  "
                  f"[dim]({earned:g} of {possible:g} weighted points; partial counts half)[/dim]")
    met = level_met_text(report)
    target = ""
    if report.target_level:
        verdict = report.verdict(report.target_level)
        target = f"  ·  target {report.target_level}: {verdict.status if verdict else 'not met'}"
    if report.fail_under is not None:
        target += f"  ·  fail under {report.fail_under:g}: {'no' if report.score >= report.fail_under else 'yes'}"
    console.print(f"Level met: [bold]{met}[/bold]{target}")
    fixes = top_fixes(report)
    if fixes:
        console.print()
        console.print("[bold]What to add first[/bold]")
        for number, result in enumerate(fixes, start=1):
            # No-break spaces keep "govlint explain NAME" on one line (textwrap breaks at ASCII spaces only).
            text = (f"{number}. {result.name} ({result.code}): {first_sentence(advice(report, result))}  "
                    f"→\u00a0govlint\u00a0explain\u00a0{result.name}")
            for index, line in enumerate(textwrap.wrap(text, width=max(width - 5, 20), break_on_hyphens=False)):
                line = escape(line.replace("\u00a0", " "))
                console.print(("  " if index == 0 else "     ") + line, overflow="ignore", crop=False)
