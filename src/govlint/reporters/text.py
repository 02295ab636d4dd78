"""The terminal report: verdict per level, one row per rule, the score, what to add.

It fits the terminal (COLUMNS, else the terminal's width, as rich measures it): each row's evidence
wraps under the row, beside it when there is room, and is shortened only after a few lines (-v:
never). The lines are laid out here; rich only paints them, on a terminal or with --color.
"""
from __future__ import annotations

import io
import os
import re
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
    color = options.color if options.color is not None else sys.stdout.isatty()
    page = _Page(options.width or terminal_width())
    for index, report in enumerate(reports):
        if index:
            page.line(("─" * page.width, "dim"), wrap=False)
        _render_one(page, report, verbose=options.verbose)
    return page.painted() if color else page.plain()


def terminal_width() -> int:
    """The columns to fit, as rich measures them: COLUMNS, else the terminal of standard input,
    output or error, else 80 (and 80 on a dumb terminal)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if os.environ.get("TERM", "").lower() in ("dumb", "unknown"):
        return 80
    for stream in (0, 1, 2):
        try:
            return os.get_terminal_size(stream).columns or 80
        except (AttributeError, ValueError, OSError):
            continue
    return 80


Segment = tuple[str, str]  # (text, style): a piece of a line and its rich style ("" for none)


class _Page:
    """The report's lines, each a list of styled segments, laid out here to the width (word-wrapped
    unless a line is already laid out). Shown plain, it is the segments' text; painted, each line
    is a rich Text styled span by span. Document text is never read as markup, so it needs no
    escaping, and a report that is not painted (a pipe, a file, CI, --no-color) never imports rich."""

    def __init__(self, width: int) -> None:
        self.width = max(width, 20)
        self.lines: list[list[Segment]] = []

    def line(self, *segments: str | Segment, wrap: bool = True) -> None:
        parts = [(printable(s), "") if isinstance(s, str) else (printable(s[0]), s[1]) for s in segments]
        self.lines.extend(_wrap_segments(parts, self.width) if wrap else [parts])

    def plain(self) -> str:
        return "".join("".join(text for text, _ in line).rstrip() + "\n" for line in self.lines)

    def painted(self) -> str:
        from rich.console import Console
        from rich.text import Text

        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, width=self.width, highlight=False, emoji=False,
                          markup=False, soft_wrap=True)
        page = Text()
        for line in self.lines:
            page.append_tokens((text, style or None) for text, style in line)
            page.append("\n")
        console.print(page, end="")
        return buffer.getvalue()


def _wrap_segments(parts: list[Segment], width: int) -> list[list[Segment]]:
    """A styled line word-wrapped to ``width``, as rich wraps a line: at spaces (the first line
    keeps its indent), a word wider than the line cut, the spaces at a break dropped."""
    text = "".join(piece for piece, _ in parts)
    if len(text) <= width:
        return [parts]
    ranges: list[tuple[int, int]] = []
    start = end = 0
    for word in re.finditer(r"\S+", text):
        if end > start and word.end() - start > width:  # the line is full: the word opens the next
            ranges.append((start, end))
            start = word.start()
        end = word.end()
        while end - start > width:  # a word wider than the line: cut it
            ranges.append((start, start + width))
            start += width
    ranges.append((start, end))
    return [_slice(parts, a, b) for a, b in ranges]


def _slice(parts: list[Segment], start: int, end: int) -> list[Segment]:
    """The segments of ``parts`` between two offsets of their joined text."""
    out, offset = [], 0
    for text, style in parts:
        a, b = max(start - offset, 0), min(end - offset, len(text))
        if a < b:
            out.append((text[a:b], style))
        offset += len(text)
    return out


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


def _says_what_is_missing(message: str) -> bool:
    return "missing:" in message or "no removal path for:" in message or message.endswith(" words)")


def _wrap(text: str, width: int, max_lines: int | None) -> list[str]:
    lines = textwrap.wrap(text, width=max(width, 10), break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(width, 10) - 1].rstrip() + "…"
    return lines


def _render_one(page: _Page, report: Report, *, verbose: bool) -> None:
    width = page.width
    missing = nothing_found(report)
    if missing:  # first and plainly: the score below judges no document at all
        page.line((missing, "bold red"))
    page.line(("govlint", "bold"), f" {report.target}  ·  profile ", (report.profile, "bold"),
              f"  ·  commit {report.commit[:12]}" if report.commit else "")
    docs = ", ".join(f"{d.path} ({d.kind})" for d in report.documents) or "none found"
    page.line(f"Documents: {docs}")
    for warning in report.warnings:
        if warning != missing:
            page.line(("warning:", "yellow"), f" {warning}")
    page.line()
    for level, status, text in level_line(report):
        mark = {"met": ("✓ met         ", "green"), "not met": ("✗ not met     ", "red"),
                NOT_ASSESSED: ("? not assessed", "yellow")}[status]
        target = " (target)" if level == report.target_level else ""
        indent = 2 + 11 + 14 + len(target) + 2
        lines = _wrap(text, width - indent, None)
        page.line(f"  {level:<11}", mark, f"{target}  ", (lines[0], "dim"), wrap=False)
        for line in lines[1:]:
            page.line(" " * indent, (line, "dim"), wrap=False)
    page.line()
    beside = width - _LEFT >= _MIN_BESIDE
    room = width - _LEFT if beside else width - _UNDER
    max_lines = None if verbose else max(2, -(-_QUOTE_CHARS // room))
    if beside:
        page.line((f"{'code':<6} {'rule':<22} {'status':<8} evidence, or what is missing", "bold"))
    else:
        page.line((f"{'code':<6} {'rule':<22} status", "bold"))
        page.line((f"{'':<{_UNDER}}evidence, or what is missing", "bold"))
    for result in report.results:
        label = STATUS_LABEL[result.status]
        status = (f"{label:<8}" if beside else label, _STYLE[result.status])
        lines = _wrap(printable(detail(result)), room, max_lines)
        if beside:
            page.line(f"{result.code:<6} {result.name:<22} ", status, f" {lines[0]}", wrap=False)
            rest = lines[1:]
        else:
            page.line(f"{result.code:<6} {result.name:<22} ", status, wrap=False)
            rest = lines
        for line in rest:
            page.line(" " * (_LEFT if beside else _UNDER) + line, wrap=False)
    page.line()
    earned = sum(r.weight * r.credit for r in report.results if r.counts)
    possible = sum(r.weight for r in report.results if r.counts)
    page.line("Score ", (f"{report.score:g}", "bold"), " / 100  ·  rating ", (report.rating, "bold"),
              "  ", (f"({earned:g} of {possible:g} weighted points; partial counts half)", "dim"))
    met = level_met_text(report)
    target = ""
    if report.target_level:
        verdict = report.verdict(report.target_level)
        target = f"  ·  target {report.target_level}: {verdict.status if verdict else 'not met'}"
    if report.fail_under is not None:
        target += f"  ·  fail under {report.fail_under:g}: {'no' if report.score >= report.fail_under else 'yes'}"
    page.line("Level met: ", (met, "bold"), target)
    fixes = top_fixes(report)
    if fixes:
        page.line()
        page.line(("What to add first", "bold"))
        for number, result in enumerate(fixes, start=1):
            # No-break spaces keep "govlint explain NAME" on one line (textwrap breaks at ASCII spaces only).
            text = (f"{number}. {result.name} ({result.code}): {first_sentence(advice(report, result))}  "
                    f"→\u00a0govlint\u00a0explain\u00a0{result.name}")
            for index, line in enumerate(textwrap.wrap(text, width=max(width - 5, 20), break_on_hyphens=False)):
                page.line(("  " if index == 0 else "     ") + line.replace("\u00a0", " "), wrap=False)
