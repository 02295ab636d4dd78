"""The README's two set-up commands stay true: CI runs the test command verbatim, and the install
command works on a copy of this repository with a fresh virtual environment (non-editable, so
rules/ and schemas/ must ship inside the wheel)."""
from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Set-up: two commands", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [next(line for line in block.splitlines() if line and not line.startswith("#")) for block in blocks]


def test_readme_has_two_commands_and_ci_runs_the_test_command():
    install, tests = readme_commands()
    assert "govlint check" in install and "pip install" in install
    assert "pytest" in tests
    assert tests in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def _copy_repo(target):
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True,
                           text=True, check=True).stdout.split()
    for name in files:
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


@pytest.mark.slow
def test_readme_install_command_runs_govlint_check_from_a_fresh_venv(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is needed to list the repository's files")
    copy = tmp_path / "govlint"
    copy.mkdir()
    _copy_repo(copy)
    install, _ = readme_commands()
    done = subprocess.run(["bash", "-c", install], cwd=copy, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "vote-of-no-confidence" in done.stdout and "Score" in done.stdout
    # rules/ and schemas/ come from the installed wheel, not the source tree: run from elsewhere.
    shutil.rmtree(copy / "rules")
    shutil.rmtree(copy / "schemas")
    elsewhere = subprocess.run([str(copy / ".venv" / "bin" / "govlint"), "check", str(copy / "tests" / "fixtures" / "projects" / "exemplary"),
                                "--format", "json"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert '"name": "escalation-path"' in elsewhere.stdout
