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


@pytest.fixture(autouse=True, scope="session")
def _one_language_per_pack():
    """Compile each built-in pack's Language (its lexicon and probes: ~50 ms) once per session, not on
    every load of the rules: every in-process `govlint check`, `fix` and `audit` loads them again,
    about a thousand times in the suite. Keyed by the words, probes and values themselves, so a pack
    of other content gets its own; user packs (guarded: their value patterns are checked and timed)
    are always compiled afresh, as is anything that is not plain data."""
    import json

    from govlint.rules import loader

    original = loader.build_language
    compiled: dict[str, object] = {}

    def build_once(vocabulary, probes, values=None, *, guard=False):
        try:
            key = None if guard else json.dumps([vocabulary, probes, values], sort_keys=True)
        except (TypeError, ValueError):
            key = None
        if key is None:
            return original(vocabulary, probes, values, guard=guard)
        if key not in compiled:
            compiled[key] = original(vocabulary, probes, values, guard=guard)
        return compiled[key]

    patch = pytest.MonkeyPatch()
    patch.setattr(loader, "build_language", build_once)
    yield
    patch.undo()
