"""Shared pytest configuration."""

# ==== GitHub API test server (issue 4: remote sources) =========================================
# Fixtures: github_server, github_fixtures, make_github_server (see tests/conftest_github.py).
import sys as _sys
from pathlib import Path as _Path

if str(_Path(__file__).parent) not in _sys.path:
    _sys.path.insert(0, str(_Path(__file__).parent))

from conftest_github import github_fixtures, github_server, make_github_server  # noqa: E402,F401
# ==== end of the GitHub API test server block ===================================================

# ==== Core fixtures ===============================================================================
import pytest  # noqa: E402

FIXTURES = _Path(__file__).parent / "fixtures"
REPO = _Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus"


def benchmark(name: str):
    """A script of benchmarks/ as a module (benchmarks/ is not a package), loaded once per run."""
    import importlib.util

    if name not in _sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        _sys.modules[name] = module  # before running it: its dataclasses look their module up
        spec.loader.exec_module(module)
    return _sys.modules[name]


@pytest.fixture
def fixtures() -> _Path:
    return FIXTURES


@pytest.fixture
def run_cli(capsys):
    """Run the CLI in-process: (exit code, stdout, stderr)."""
    from govlint.cli import main

    def run(*args: str):
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run
# ==== end of core fixtures ========================================================================


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder(tmp_path_factory):
    """Keep the test suite's result and HTTP caches out of the user's cache folder, and the result
    cache's signing key (checkcache.key_file) out of the user's state folder."""
    import os

    names = ("GOVLINT_CACHE_DIR", "XDG_STATE_HOME")
    previous = {name: os.environ.get(name) for name in names}
    os.environ["GOVLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("govlint-cache"))
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
    yield
    for name, value in previous.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def small_checkout(tmp_path: _Path) -> _Path:
    """A checkout holding one short GOVERNANCE.md (tests that run govlint as a process)."""
    checkout = tmp_path / "project"
    checkout.mkdir()
    (checkout / "GOVERNANCE.md").write_text("# Governance\n\nMaintainers decide by a simple majority vote.\n")
    return checkout
