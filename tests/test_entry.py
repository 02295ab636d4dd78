"""The `govlint` command's entry point: the cyclic collector is off for a short run, back on for
runs that may be long or hold many targets, and untouched for programs that import govlint."""
from __future__ import annotations

import gc
import json
import subprocess
import sys

import pytest


def _python(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_the_command_runs_without_the_collector_and_a_library_import_keeps_it():
    assert _python("import gc, govlint.entry; print(gc.isenabled())") == "False"
    assert _python("import gc, govlint.cli, govlint.api; print(gc.isenabled())") == "True"


def test_python_dash_m_govlint_checks_through_the_entry_point(fixtures):
    done = subprocess.run([sys.executable, "-m", "govlint", "check", str(fixtures / "projects" / "exemplary"),
                           "--no-cache", "--format", "json"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rating"] == "A"


@pytest.fixture
def collector_off():
    was = gc.isenabled()
    gc.disable()
    yield
    if was:
        gc.enable()


def test_a_check_of_several_targets_collects_garbage(collector_off, run_cli, fixtures):
    """Each target's document trees are reference cycles: without the collector, a check of
    hundreds of checkouts would hold all of them."""
    projects = fixtures / "projects"
    code, out, _ = run_cli("check", str(projects / "exemplary"), str(projects / "exemplary"), "--no-cache",
                           "--format", "json")
    assert code == 0 and out
    assert gc.isenabled()


def test_an_audit_collects_garbage(collector_off, run_cli, fixtures, tmp_path):
    projects = tmp_path / "projects.txt"
    projects.write_text(f"{fixtures / 'projects' / 'exemplary'} sandbox\n", encoding="utf-8")
    code, _, err = run_cli("audit", str(projects), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 0, err
    assert gc.isenabled()
