"""Showing an audit's progress on stderr: a rich progress bar on a terminal, one line per project in a
CI log, nothing with ``--quiet``."""
from __future__ import annotations

import sys
import threading
import time
from typing import Any, TextIO

from govlint.audit.projects import Project
from govlint.audit.runner import Listener
from govlint.printable import printable


def listener_for(*, quiet: bool, stream: TextIO | None = None) -> Listener:
    stream = stream or sys.stderr
    if quiet:
        return Listener()
    if stream.isatty():
        return BarListener(stream)
    return LineListener(stream)


class LineListener(Listener):
    """``[12/200] name: B 62.5, meets incubating`` as each project finishes: readable in a CI log."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.lock = threading.Lock()
        self.total = self.done = self.errors = 0
        self.started_at = time.monotonic()

    def begin(self, *, total: int, done: int, errors: int) -> None:
        self.total, self.done, self.errors = total, done, errors
        if done:
            self._print(f"resuming: {done} of {total} projects already audited")

    def finished(self, project: Project, record: dict[str, Any]) -> None:
        with self.lock:
            self.done += 1
            self.errors += record["status"] != "result"
            line = f"[{self.done}/{self.total}] {project.name}: {describe(project, record)}"
        self._print(line)

    def _print(self, line: str) -> None:
        with self.lock:
            print(printable(line), file=self.stream, flush=True)


class BarListener(Listener):
    """A rich progress bar: done/total, rate, errors so far and the project most recently started."""

    def __init__(self, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(file=stream, stderr=stream is sys.stderr)
        self.progress = Progress(
            TextColumn("auditing"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
            TextColumn("[red]{task.fields[errors]}"), TimeElapsedColumn(), TextColumn("{task.fields[current]}"),
            console=self.console, transient=False)
        self.lock = threading.Lock()
        self.task: Any = None
        self.errors = 0
        self.finished_now = 0
        self.started_at = time.monotonic()

    def begin(self, *, total: int, done: int, errors: int) -> None:
        self.errors = errors
        self.started_at = time.monotonic()
        self.progress.start()
        self.task = self.progress.add_task("audit", total=total, completed=done, rate="", current="",
                                           errors=self._errors())

    def started(self, project: Project) -> None:
        name = project.name if len(project.name) <= 40 else "…" + project.name[-39:]
        self.progress.update(self.task, current=_escape(name))

    def finished(self, project: Project, record: dict[str, Any]) -> None:
        with self.lock:
            self.finished_now += 1
            if record["status"] != "result":
                self.errors += 1
                self.console.print(f"[red]error[/red] {_escape(project.name)}: {_escape(record.get('error', ''))}",
                                   highlight=False)
            elapsed = max(time.monotonic() - self.started_at, 1e-6)
            rate = f"{self.finished_now / elapsed:.1f}/s"
            self.progress.update(self.task, advance=1, rate=rate, errors=self._errors())

    def end(self) -> None:
        self.progress.update(self.task, current="")
        self.progress.stop()

    def _errors(self) -> str:
        return f"{self.errors} error{'s' if self.errors != 1 else ''}" if self.errors else ""


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(printable(text))


def describe(project: Project, record: dict[str, Any]) -> str:
    """One line for a finished project: its rating and where it stands against its own level."""
    if record["status"] != "result":
        return f"error: {record.get('error', '')}"
    report = record["report"]
    text = f"{report['rating']} {report['score']:g}"
    if project.maturity:
        met = report["levels"][project.maturity]["met"]
        text += f", {'meets' if met else 'does not meet'} {project.maturity}"
    else:
        text += f", meets {report['level_met'] or 'no level'}"
    return text
