"""Rule plugins: ours are known by name, and another package's are found through its entry points."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

from conftest import small_checkout

from govlint.rules.plugins import BUILTIN_CHECKS, load_builtin

REPO = Path(__file__).resolve().parent.parent


def test_our_checks_are_the_entry_points_pyproject_declares():
    declared = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["entry-points"]["govlint.rules"]
    assert BUILTIN_CHECKS == declared


def test_our_checks_are_check_functions_not_complete_rules():
    # plugin_rules() never loads ours to look for complete rules: they must all be bare checks.
    for name in BUILTIN_CHECKS:
        check = load_builtin(name)
        assert callable(check) and not hasattr(check, "meta"), name


_PLUGIN = '''
from govlint.report import Criterion
from govlint.rules.model import Finding, RuleMeta

class _Rule:
    meta = RuleMeta(code="XP001", name="extra-plugin-rule", title="An extra rule from a plugin",
                    rationale="r", criterion=Criterion(source="s", text="t"), weight=1.0, levels={},
                    remediation="x", origin="extra-plugin")

    def check(self, docs):
        return Finding(status="pass", message="seen by the plugin")

RULE = _Rule()
'''


def _install_plugin(site: Path) -> None:
    """A package with a complete rule in the group, installed as pip would (a .dist-info folder)."""
    site.mkdir()
    (site / "extra_plugin.py").write_text(_PLUGIN)
    info = site / "extra_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: extra-plugin\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[govlint.rules]\nextra-plugin-rule = extra_plugin:RULE\n")


def _run(args: list[str], *, pythonpath: Path | None = None, code: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), env.get("PYTHONPATH", "")])
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "govlint", *args]
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_another_packages_complete_rule_is_run_and_listed(tmp_path):
    _install_plugin(tmp_path / "site")
    checkout = small_checkout(tmp_path)
    out = _run(["check", str(checkout), "--format", "json", "--no-cache"], pythonpath=tmp_path / "site")
    results = {r["name"]: r for r in json.loads(out.stdout)["reports"][0]["results"]}
    assert results["extra-plugin-rule"]["status"] == "pass"
    assert "leader-coverage" in results  # ours still run beside it
    version = _run(["--version"], pythonpath=tmp_path / "site").stdout
    assert "extra-plugin-rule" in version and "leader-coverage" in version
