"""What a check imports, in a process of its own as a user runs it: start-up is most of a check's
time (benchmarks/startup.py), and a module not imported costs nothing."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import small_checkout

_RUN = """import json, sys
from govlint.cli import main
try:
    main(['check', {target!r}, '--format', 'json'])
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m in {modules!r} or '.review_' in m)), file=sys.stderr)
"""


def _imported(target: Path, tmp_path: Path, modules: set[str]) -> list[str]:
    """Which of ``modules`` (and of the review pack's checks) a check of ``target`` imports."""
    env = {**os.environ, "GOVLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    out = subprocess.run([sys.executable, "-c", _RUN.format(target=str(target), modules=modules)],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stderr.strip().splitlines()[-1])


def test_a_check_imports_neither_importlib_metadata_nor_the_review_checks(tmp_path):
    assert _imported(small_checkout(tmp_path), tmp_path, {"importlib.metadata"}) == []


def test_a_check_answered_from_the_cache_imports_no_parser(tmp_path):
    checkout = small_checkout(tmp_path)
    parsers = {"govlint.document", "markdown_it", "govlint.rules.registry"}
    assert "govlint.document" in _imported(checkout, tmp_path, parsers)  # the first check parses
    assert _imported(checkout, tmp_path, parsers) == []  # the second is answered from the cache


def test_a_text_report_for_a_pipe_or_a_file_imports_no_rich(tmp_path):
    """rich only paints the report: a text report that is not painted (a pipe, CI's log, a
    pre-commit hook, --no-color) never imports it, about a fifth of a cached check's time."""
    run = _RUN.replace("'--format', 'json'", "'--format', 'text'")
    env = {**os.environ, "GOVLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    out = subprocess.run([sys.executable, "-c", run.format(target=str(small_checkout(tmp_path)), modules={"rich"})],
                         capture_output=True, text=True, env=env, check=True)
    assert "Score" in out.stdout and "\x1b[" not in out.stdout
    assert json.loads(out.stderr.strip().splitlines()[-1]) == []


def test_a_check_builds_only_its_own_command_and_help_still_lists_all(tmp_path, run_cli, monkeypatch):
    """typer builds a click command for every command an app holds, on every run; a check builds one."""
    import typer.main

    built: list[str] = []
    original = typer.main.get_command_from_info

    def recording(command_info, **kwargs):
        built.append(command_info.name or command_info.callback.__name__)
        return original(command_info, **kwargs)

    monkeypatch.setattr(typer.main, "get_command_from_info", recording)
    code, _, err = run_cli("check", str(small_checkout(tmp_path)), "--format", "json", "--no-cache")
    assert code in (0, 1), err
    assert built == ["check"]
    code, out, _ = run_cli("--help")
    assert code == 0 and all(name in out for name in ("check", "rules", "explain", "fix", "audit-merge"))
    code, out, _ = run_cli("check", "--help")
    assert code == 0 and "--format" in out


_COMPILED = """import json, re, sys
compiled = []
original = re.compile
def recording(pattern, flags=0):
    compiled.append(pattern)
    return original(pattern, flags)
re.compile = recording
from govlint.cli import main
try:
    main(['check', {target!r}, '--format', 'json'])
except SystemExit:
    pass
from govlint import engine, frontmatter, maintainer_files, maintainer_formats, plaintext
from govlint.patterns import LazyPattern
waiting = [(module.__name__, name) for module in (engine, frontmatter, maintainer_files, maintainer_formats, plaintext)
           for name, value in vars(module).items() if isinstance(value, LazyPattern) and value.pattern not in compiled]
print(json.dumps([len(compiled), waiting]), file=sys.stderr)
"""


def test_a_check_compiles_no_pattern_its_documents_never_need(tmp_path):
    """Compiling a regular expression costs up to a few milliseconds; a check of one Markdown file
    with no maintainer list, front matter, waiver or proposal compiles none of their patterns."""
    env = {**os.environ, "GOVLINT_CACHE_DIR": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state")}
    out = subprocess.run([sys.executable, "-c", _COMPILED.format(target=str(small_checkout(tmp_path)))],
                         capture_output=True, text=True, env=env, check=True)
    _, waiting = json.loads(out.stderr.strip().splitlines()[-1])
    names = {name for _, name in waiting}
    assert {"_NOISE", "_ROLE_VALUE", "_LABELLED", "_TOML_PAIR", "_QUOTED_ROW", "_RST_ROLE", "_YAML_KEY",
            "_PROPOSAL_ITEM", "_DISABLE"} <= names


def test_the_small_records_a_check_defines_are_light_named_tuples():
    """Defining a frozen dataclass costs ~1 ms of start-up (its methods are compiled from source at
    import); these records are named tuples instead: still read by name, immutable and compared
    by value."""
    import pytest

    from govlint.config import Config, Waiver
    from govlint.engine import InlineWaiver, Unfilled
    from govlint.levels import Ladder, Level, Profile
    from govlint.reporters import RenderOptions
    from govlint.rules.matching import Part
    from govlint.rules.probes import ProbeMatch, Slot
    from govlint.sources.base import External, Located

    records = [InlineWaiver("GL101", "reason", "GOVERNANCE.md:3"),
               Unfilled("GL101", "<two-thirds>", "GOVERNANCE.md", 3, "by a `<two-thirds>` vote"),
               Part(0, 10, None, True), ProbeMatch("removal", 0, 10, 0, 2), Slot("removal", ("removal",)),
               External("https://example.org"), Located(None, "GOVERNANCE.md"),
               Waiver("GL101", "reason"), Config(level="sandbox"), Level("sandbox", "..."), Profile("toc", "..."),
               Ladder((Level("sandbox", "..."),), (Profile("toc", "..."),)), RenderOptions(color=False)]
    for record in records:
        assert isinstance(record, tuple)
        assert record == type(record)(*record) and hash(record) == hash(type(record)(*record))
        with pytest.raises(AttributeError):
            record.anything_new = 1
    assert Located(None, "GOVERNANCE.md").path == "GOVERNANCE.md" and ProbeMatch("removal", 0, 10, 0, 2).fillers == ()
    assert Config().waivers == () and RenderOptions().verbose is False and Ladder((), ()).builtin is False
