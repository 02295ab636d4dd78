"""Output formats: a name -> renderer registry. Every renderer takes the same Report objects.

A new format is a module here with ``render(reports, *, options) -> str`` and a line in FORMATS.
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable, NamedTuple, Sequence

from govlint.report import Report

# name -> (module, one-line description). Modules are imported only when their format is used.
FORMATS: dict[str, tuple[str, str]] = {
    "text": ("govlint.reporters.text", "a readable report for a terminal (painted by rich on a terminal or with --color)"),
    "concise": ("govlint.reporters.concise", "one `path:line: CODE message` line per finding, for CI logs and hooks"),
    "json": ("govlint.reporters.json", "the JSON report (schemas/report.schema.json)"),
    "markdown": ("govlint.reporters.markdown", "a Markdown report, for a job summary or an issue"),
    "sarif": ("govlint.reporters.sarif", "SARIF 2.1.0, for GitHub code scanning"),
    "github": ("govlint.reporters.github", "GitHub Actions workflow commands (annotations)"),
    "junit": ("govlint.reporters.junit", "JUnit XML, one test case per rule"),
    "badge": ("govlint.reporters.badge", "a shields.io endpoint badge (JSON)"),
}


class RenderOptions(NamedTuple):
    color: bool | None = None  # None: decide from the terminal
    width: int | None = None
    verbose: bool = False


def parse_output(value: str, default: str) -> tuple[str, str, bool]:
    """An --output value: ``FORMAT=FILE``, or a plain ``FILE`` for the --format report.
    Returns (format, file, plain)."""
    import re

    from govlint.errors import UsageError

    name, sep, path = value.partition("=")
    if sep and re.fullmatch(r"[a-z]+", name):
        if name not in FORMATS:
            raise UsageError(f"--output {value!r}: unknown format {name!r}: choose one of {', '.join(FORMATS)}")
        if not path:
            raise UsageError(f"--output {value!r}: give a file after {name}=")
        return name, path, False
    return default, value, True


def renderer(name: str) -> Callable[..., str]:
    module, _ = FORMATS[name]
    return import_module(module).render


def render(name: str, reports: Sequence[Report], options: RenderOptions | None = None) -> str:
    return renderer(name)(list(reports), options=options or RenderOptions())
