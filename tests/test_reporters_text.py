"""The text report as a maintainer reads it in a terminal: it fits the terminal's width, wraps
evidence under its row, quotes enough to judge a verdict, and says which levels were not assessed."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from govlint.api import lint

PROJECTS = Path(__file__).parent / "fixtures" / "projects"


def row(out: str, code: str) -> str:
    """A rule's row with its wrapped evidence lines, joined into one line of text."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(code + " "))
    end = next((i for i in range(start + 1, len(lines)) if not lines[i].startswith(" ")), len(lines))
    return " ".join(" ".join(line.split()) for line in lines[start:end])


@pytest.mark.parametrize("columns", [80, 100])
def test_the_report_fits_the_terminal_and_wraps_evidence_under_its_row(run_cli, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run_cli("check", str(PROJECTS / "template-copy"), "--no-color")
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= columns
    # The 108-character quote of the governance document is shown whole, without -v.
    quote = lint(str(PROJECTS / "template-copy")).result("GL001").evidence[0].text
    assert len(quote) > 100 and f"GOVERNANCE.md:7 “{quote}”" in row(out, "GL001")


def test_a_wide_terminal_gets_wide_rows(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "180")
    _, out, _ = run_cli("check", str(PROJECTS / "template-copy"), "--no-color")
    assert 120 < max(len(line) for line in out.splitlines()) <= 180


def test_long_quotes_are_shortened_unless_verbose(run_cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "100")
    quote = lint(str(PROJECTS / "template-copy")).result("GL103").evidence[0].text
    assert len(quote) > 200
    _, short, _ = run_cli("check", str(PROJECTS / "template-copy"), "--no-color")
    assert quote not in row(short, "GL103") and row(short, "GL103").endswith("…")
    assert quote[:150] in row(short, "GL103")
    _, full, _ = run_cli("check", str(PROJECTS / "template-copy"), "--no-color", "-v")
    assert quote in row(full, "GL103")


def test_a_selection_leaves_levels_not_assessed(run_cli, monkeypatch):
    """Two rules ran: no level can be called met, whatever they say."""
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run_cli("check", str(PROJECTS / "exemplary"), "--no-color", "--select", "GL103,GL104")
    assert code == 0
    levels = [line.split() for line in out.splitlines() if line.startswith("  ") and line.split()[0] in
              ("sandbox", "incubating", "graduated")]
    assert [words[:4] for words in levels] == [[level, "?", "not", "assessed"]
                                               for level in ("sandbox", "incubating", "graduated")]
    assert "✓ met" not in out
    assert "Level met: not assessed" in out
    graduated = next(line for line in out.splitlines() if line.strip().startswith("graduated"))
    assert "required rules not run" in graduated and "maintainer-list" in graduated


def test_brackets_wrapped_across_lines_are_shown_as_written(run_cli, monkeypatch, tmp_path):
    # Document text is never read as rich markup: a "[" wrapped at the end of one line never pairs
    # with a "]" on the next as a tag, painted or not.
    (tmp_path / "GOVERNANCE.md").write_text(
        "# Governance\n\nMaintainers are removed by a two-thirds vote of the maintainers [steering-private "
        "at example.org, see the votes list] and their [access revoked].\n")
    for columns in range(40, 100):
        monkeypatch.setenv("COLUMNS", str(columns))
        _, out, _ = run_cli("check", str(tmp_path), "--no-color", "-v", "--no-cache")
        for painted in (out, plain(run_cli("check", str(tmp_path), "--color", "-v", "--no-cache")[1])):
            joined = "".join(line.strip() for line in painted.splitlines() if line.startswith(("GL101", " ")))
            assert "[steering-privateatexample.org,seethevoteslist]andtheir[accessrevoked]" in joined.replace(" ", ""), \
                columns


def plain(painted: str) -> str:
    """A painted report without its colours (SGR sequences)."""
    return re.sub(r"\x1b\[[0-9;]*m", "", painted)


def test_colour_paints_the_same_report(run_cli, monkeypatch):
    """--color paints the lines the plain report shows: the same text, with the status coloured
    (a failing rule's status bold red) and nothing else changed."""
    monkeypatch.setenv("COLUMNS", "100")
    _, flat, _ = run_cli("check", str(PROJECTS / "template-copy"), "--no-color")
    _, painted, _ = run_cli("check", str(PROJECTS / "template-copy"), "--color")
    assert "\x1b[1;31mFAIL" in painted and "\x1b[" not in flat
    assert [line.rstrip() for line in plain(painted).splitlines()] == flat.splitlines()
