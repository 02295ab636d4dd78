"""The GitHub Action: action.yml's shape, and its run step (scripts/action.sh) run here with the
GITHUB_* files pointed at temporary files, as a runner would set them."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = Path(__file__).parent / "fixtures" / "projects"
INPUTS = ["path", "level", "profile", "format", "fail-under", "sarif-file"]


# The tests that run scripts/action.sh: bash and a govlint process per run (~1 s each), with the slow ones.
SCRIPT = pytest.mark.slow


def run_action(workspace: Path, *, govlint: str | None = None,
               **inputs: str) -> tuple[subprocess.CompletedProcess[str], Path, Path]:
    """Run scripts/action.sh in ``workspace``; returns the process, the job summary and the outputs file."""
    summary, outputs = workspace.parent / "step_summary.md", workspace.parent / "github_output"
    summary.write_text("earlier step's summary\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    env.update({
        "GOVLINT": govlint or f"{sys.executable} -m govlint",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")])),
        "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(outputs),
        "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_WORKSPACE": str(workspace),
    })
    env.update({f"INPUT_{name.upper().replace('-', '_')}": value for name, value in inputs.items()})
    process = subprocess.run(["bash", str(ROOT / "scripts" / "action.sh")], cwd=workspace, env=env,
                             capture_output=True, text=True, timeout=120)
    return process, summary, outputs


def checkout(tmp_path: Path, project: str) -> Path:
    return Path(shutil.copytree(PROJECTS / project, tmp_path / "workspace"))


def sarif_validator():
    import jsonschema

    schema = json.loads((ROOT / "schemas" / "sarif-2.1.0.schema.json").read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def test_action_yml_is_a_composite_action_that_installs_govlint_and_runs_the_script():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert list(action["inputs"]) == INPUTS
    assert action["inputs"]["sarif-file"]["default"] == "govlint.sarif"
    assert action["runs"]["using"] == "composite"
    install, check = action["runs"]["steps"]
    assert 'pip install' in install["run"] and '"$GITHUB_ACTION_PATH"' in install["run"]
    assert check["run"] == 'bash "$GITHUB_ACTION_PATH/scripts/action.sh"'
    # Inputs reach the script as environment variables, never spliced into the shell text.
    for name in INPUTS:
        assert check["env"][f"INPUT_{name.upper().replace('-', '_')}"] == f"${{{{ inputs.{name} }}}}"
    assert (ROOT / "scripts" / "action.sh").is_file()


@SCRIPT
def test_a_project_that_meets_the_level_passes_with_summary_and_sarif(tmp_path):
    workspace = checkout(tmp_path, "exemplary")
    process, summary, outputs = run_action(workspace, path=".", level="incubating", **{"sarif-file": "govlint.sarif"})
    assert process.returncode == 0, process.stdout + process.stderr
    assert process.stdout.startswith("::notice title=govlint::")
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step's summary\n")  # appended, never overwritten
    assert "## govlint: ." in text and "| incubating | ✅ |" in text
    log = json.loads((workspace / "govlint.sarif").read_text(encoding="utf-8"))
    sarif_validator().validate(log)
    assert {r["kind"] for r in log["runs"][0]["results"]} == {"pass"}
    assert outputs.read_text(encoding="utf-8") == "exit-code=0\nsarif-file=govlint.sarif\n"


@SCRIPT
def test_a_project_below_the_level_fails_and_still_leaves_summary_and_sarif(tmp_path):
    from govlint.api import lint

    workspace = checkout(tmp_path, "template-copy")
    missing = {r.code for r in lint(str(workspace)).results
               if r.status in ("fail", "partial") and r.level["incubating"] == "required"}
    assert missing
    process, summary, outputs = run_action(workspace, path=".", level="incubating")
    assert process.returncode == 1, process.stdout + process.stderr
    errors = [line for line in process.stdout.splitlines() if line.startswith("::error ")]
    assert {e.split("title=", 1)[1].split()[0] for e in errors} == missing
    assert all(e.startswith(("::error file=CONTRIBUTOR_LADDER.md,", "::error file=GOVERNANCE.md,",
                             "::error file=MAINTAINERS.md,")) for e in errors)
    assert "| incubating | ❌ |" in summary.read_text(encoding="utf-8")
    log = json.loads((workspace / "govlint.sarif").read_text(encoding="utf-8"))  # the input's default
    sarif_validator().validate(log)
    failing = {r["ruleId"] for r in log["runs"][0]["results"] if r["kind"] == "fail" and r["level"] == "error"}
    assert failing == missing
    assert "exit-code=1" in outputs.read_text(encoding="utf-8")


@SCRIPT
def test_fail_under_and_profile_reach_govlint(tmp_path):
    workspace = checkout(tmp_path, "template-copy")  # score 50 under toc
    assert run_action(workspace, **{"fail-under": "40"})[0].returncode == 0
    assert run_action(workspace, **{"fail-under": "60"})[0].returncode == 1
    # Under the templates profile incubating no longer requires the TOC-only rules.
    assert run_action(workspace, level="incubating", profile="templates")[0].returncode == 0


@SCRIPT
def test_no_sarif_file_when_the_input_is_empty_and_other_log_formats(tmp_path):
    workspace = checkout(tmp_path, "minimal")
    process, _, _ = run_action(workspace, format="text", **{"sarif-file": ""})
    assert process.returncode == 0
    assert "Score" in process.stdout and "::" not in process.stdout
    assert not list(workspace.glob("*.sarif"))


@SCRIPT
def test_an_error_exits_2_with_an_annotation(tmp_path):
    workspace = checkout(tmp_path, "minimal")
    process, summary, _ = run_action(workspace, path="does-not-exist")
    assert process.returncode == 2
    assert "::error title=govlint::govlint could not lint does-not-exist (exit 2)" in process.stdout
    assert "no such file or directory" in process.stderr
    assert summary.read_text(encoding="utf-8") == "earlier step's summary\n"


def test_the_documented_snippets_use_the_real_inputs_and_hook():
    import re

    text = (ROOT / "docs" / "INTEGRATIONS.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S)]
    workflow = next(b for b in blocks if isinstance(b, dict) and "jobs" in b)
    steps = workflow["jobs"]["govlint"]["steps"]
    ours = next(s for s in steps if "govlint@" in s.get("uses", ""))
    assert set(ours["with"]) <= set(INPUTS)
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == yaml.safe_load((ROOT / "action.yml").read_text())["inputs"][
        "sarif-file"]["default"]
    config = next(b for b in blocks if isinstance(b, dict) and "repos" in b)
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert {h["id"] for h in config["repos"][0]["hooks"]} <= hook_ids


@SCRIPT
def test_govlint_runs_once_for_log_summary_and_sarif(tmp_path):
    """One lint feeds all three: the log on stdout, the job summary and the SARIF file."""
    workspace = checkout(tmp_path, "template-copy")
    calls = tmp_path / "calls.log"
    wrapper = tmp_path / "govlint-wrapper"
    wrapper.write_text(f'#!/usr/bin/env bash\necho "$*" >> "{calls}"\nexec "{sys.executable}" -m govlint "$@"\n',
                       encoding="utf-8")
    wrapper.chmod(0o755)
    process, summary, _ = run_action(workspace, govlint=str(wrapper), level="incubating")
    assert process.returncode == 1, process.stdout + process.stderr
    assert len(calls.read_text(encoding="utf-8").splitlines()) == 1
    assert process.stdout.startswith("::")  # the annotations
    assert "## govlint: ." in summary.read_text(encoding="utf-8")
    sarif_validator().validate(json.loads((workspace / "govlint.sarif").read_text(encoding="utf-8")))


def hook_args() -> list[str]:
    """The pre-commit hook's arguments to govlint (tests/test_precommit.py runs it through pre-commit)."""
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    program, *args = hook["entry"].split()
    assert program == "govlint" and hook["pass_filenames"] is False
    return args


def run_hook(repo: Path, run_cli, monkeypatch) -> subprocess.CompletedProcess[str]:
    """The hook's command run in ``repo`` as pre-commit would, in this process (govlint from this checkout)."""
    monkeypatch.chdir(repo)
    code, out, err = run_cli(*hook_args())
    return subprocess.CompletedProcess(["govlint", *hook_args()], code, out, err)


def test_the_hook_fails_a_project_rated_c_by_default_and_prints_the_concise_form(tmp_path, run_cli, monkeypatch):
    repo = checkout(tmp_path, "template-copy")
    (repo / "CONTRIBUTOR_LADDER.md").unlink()  # rated C (29.4); sandbox is met
    run = run_hook(repo, run_cli, monkeypatch)
    assert run.returncode == 1, run.stdout + run.stderr
    *findings, summary = run.stdout.splitlines()
    assert summary == ".: 14 findings · score 29.4/100 (C) · level met: sandbox · below the minimum score 50"
    assert findings and all(line.split(": ", 1)[1].startswith("GL") for line in findings)
    assert "Score" not in run.stdout and len(run.stdout.splitlines()) < 20


def test_the_hook_holds_a_project_to_its_configured_level_instead(tmp_path, run_cli, monkeypatch):
    repo = checkout(tmp_path, "template-copy")
    (repo / "CONTRIBUTOR_LADDER.md").unlink()
    (repo / ".govlint.yaml").write_text("level: sandbox\n", encoding="utf-8")
    assert run_hook(repo, run_cli, monkeypatch).returncode == 0  # sandbox is met: the score default does not apply
    (repo / ".govlint.yaml").write_text("level: incubating\n", encoding="utf-8")
    run = run_hook(repo, run_cli, monkeypatch)
    assert run.returncode == 1 and run.stdout.splitlines()[-1].endswith("target incubating: not met")
