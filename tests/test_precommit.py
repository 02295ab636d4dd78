"""The pre-commit hook, for real: pre-commit installs govlint from this repository and runs it.

These tests point pre-commit at the repository this file lives in. pre-commit clones it, so
it uses what is committed there: HEAD (try-repo adds uncommitted changes to tracked files, but
never untracked files). Commit the hook and the package before trusting a local run. Installing
the hook builds govlint with its build backend (hatchling) fetched from PyPI.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = Path(__file__).parent / "fixtures" / "projects"
_GIT_ENV = {"GIT_AUTHOR_NAME": "govlint tests", "GIT_AUTHOR_EMAIL": "tests@govlint.invalid",
            "GIT_COMMITTER_NAME": "govlint tests", "GIT_COMMITTER_EMAIL": "tests@govlint.invalid"}


def _head() -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True)
    if out.returncode != 0:
        pytest.skip("the govlint sources are not a git checkout, so pre-commit cannot clone them")
    return out.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """One pre-commit cache for the module, so the hook's environment is built once per revision."""
    home = tmp_path_factory.mktemp("pre-commit-home")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    return {**base, **_GIT_ENV, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}


def make_repo(path: Path, project: str, env: dict[str, str], **extra: str) -> Path:
    """A git repository holding a fixture project's documents (and extra files), committed."""
    shutil.copytree(PROJECTS / project, path)
    for name, text in extra.items():
        (path / name).write_text(text, encoding="utf-8")
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "governance"]):
        subprocess.run(["git", *args], cwd=path, env=env, check=True, capture_output=True)
    return path


def pre_commit(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=900)


def _summary_line(output: str) -> str:
    """govlint's summary line (the concise form's last line), as the hook printed it."""
    return next((line.strip() for line in output.splitlines() if " findings · score " in line), "")


def _finding_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.match(r"^\S+?(:\d+)?: GL\d{3} ", line)]


def hook_config(rev: str) -> str:
    return (f"repos:\n  - repo: {ROOT.as_posix()}\n    rev: {rev}\n    hooks:\n"
            f"      - id: govlint\n        args: [--level, incubating]\n")


def test_try_repo_passes_on_a_good_project(tmp_path, env):
    _head()
    repo = make_repo(tmp_path / "good", "exemplary", env, **{".govlint.yaml": "level: incubating\n"})
    run = pre_commit(repo, env, "try-repo", str(ROOT), "govlint", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "govlint" in run.stdout and "Passed" in run.stdout


def test_try_repo_fails_with_govlints_message_on_a_bad_project(tmp_path, env):
    _head()
    repo = make_repo(tmp_path / "bad", "template-copy", env, **{".govlint.yaml": "level: incubating\n"})
    run = pre_commit(repo, env, "try-repo", str(ROOT), "govlint", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Failed" in run.stdout
    assert _summary_line(run.stdout).endswith("level met: sandbox · target incubating: not met")
    assert any("GL105 restorative-step not met (required for incubating)" in line for line in _finding_lines(run.stdout))
    assert "What to add first" not in run.stdout  # the concise form, not the whole report


def test_pre_commit_config_args_set_the_level(tmp_path, env):
    """The documented setup: a .pre-commit-config.yaml naming this repository, with args."""
    rev = _head()
    repo = make_repo(tmp_path / "configured", "template-copy", env,
                     **{".pre-commit-config.yaml": hook_config(rev)})
    run = pre_commit(repo, env, "run", "govlint", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert _summary_line(run.stdout).endswith("target incubating: not met")
    # Only governance documents and govlint's configuration trigger the hook.
    (repo / "main.go").write_text("package main\n", encoding="utf-8")
    subprocess.run(["git", "add", "main.go"], cwd=repo, env=env, check=True)
    run = pre_commit(repo, env, "run", "govlint")
    assert run.returncode == 0 and "no files to check" in run.stdout.lower(), run.stdout + run.stderr


def test_by_default_the_hook_fails_a_project_rated_c(tmp_path, env):
    """No level configured: a score under 50 fails the commit, with one line per finding."""
    _head()
    repo = make_repo(tmp_path / "rated-c", "template-copy", env)
    (repo / "CONTRIBUTOR_LADDER.md").unlink()
    subprocess.run(["git", "commit", "-qam", "no ladder"], cwd=repo, env=env, check=True, capture_output=True)
    run = pre_commit(repo, env, "try-repo", str(ROOT), "govlint", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert _summary_line(run.stdout).endswith("score 29.4/100 (C) · level met: sandbox · below the minimum score 50")
    assert len(_finding_lines(run.stdout)) == 14
    # The level configured in .govlint.yaml decides instead of the score.
    (repo / ".govlint.yaml").write_text("level: sandbox\n", encoding="utf-8")
    subprocess.run(["git", "add", ".govlint.yaml"], cwd=repo, env=env, check=True)
    run = pre_commit(repo, env, "try-repo", str(ROOT), "govlint", "--all-files")
    assert run.returncode == 0 and "Passed" in run.stdout, run.stdout + run.stderr
