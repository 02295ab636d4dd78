"""`govlint review --activity` against the GitHub test server on 127.0.0.1: each listed maintainer's
newest commit (one request per maintainer and repository, cached), compared with the project's own
inactivity rule (lantern/fish: "no activity for six months ... emeritus"); and against a git
checkout built in tmp_path with commits by several authors at set dates, matched by name and address."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess

import jsonschema
import pytest

from govlint.api import RemoteOptions
from govlint.resources import schema
from govlint.review import draft
from govlint.review.activity import ACTIVITY_RULE

TODAY = dt.date(2025, 6, 30)
HANDLES = ["icarvalho", "kmensah", "rgoldberg", "dsorensen", "meilin-dev"]


def _log(server) -> None:
    server.commit_log[("lantern", "fish")] = [
        {"author": "icarvalho", "date": "2025-06-01T10:00:00Z"},  # active
        {"author": "icarvalho", "date": "2024-01-01T10:00:00Z"},
        {"author": "kmensah", "date": "2025-02-15T10:00:00Z"},  # 4.5 months: active by a six-month rule
        {"author": "rgoldberg", "date": "2024-10-01T10:00:00Z"},  # 9 months: inactive by the rule, not a year
        {"author": "dsorensen", "date": "2023-03-01T10:00:00Z"},  # over two years
    ]  # meilin-dev: no commit at all


def _draft(server, cache):
    remote = RemoteOptions(api_url=server.url, cache_dir=str(cache))
    return draft(["github:lantern/fish"], remote=remote, activity=True, today=TODAY)


def test_activity_is_compared_with_the_documented_rule(github_server, tmp_path):
    _log(github_server)
    result = _draft(github_server, tmp_path / "cache")
    activity = result.activity
    assert activity is not None and activity.period_days == 180
    assert "six months" in activity.period_source
    by_handle = {m.handle: m for m in activity.maintainers}
    assert by_handle["icarvalho"].last_commit == "2025-06-01" and not by_handle["icarvalho"].inactive
    assert not by_handle["kmensah"].inactive
    assert by_handle["rgoldberg"].inactive and by_handle["dsorensen"].inactive
    assert by_handle["meilin-dev"].last_commit is None and by_handle["meilin-dev"].inactive
    silent = [m.handle for m in activity.maintainers if m.handle not in ("icarvalho", "kmensah", "rgoldberg")]
    assert "dsorensen" in silent and "meilin-dev" in silent  # no commit in 12 months, or none at all
    assert activity.summary.startswith(f"{len(silent)} of {len(activity.maintainers)} listed maintainers show no "
                                       "commit in 12 months; ")
    inactive = next(f for f in result.findings if f.title == "Inactive maintainers")
    assert inactive.importance == "High" and "@rgoldberg" in inactive.description
    assert any("six months" in q.text for q in inactive.evidence)  # the rule, quoted by file and line
    jsonschema.Draft202012Validator(schema("review")).validate(result.to_dict())


def test_one_request_per_maintainer_and_repository_cached_like_every_response(github_server, tmp_path):
    _log(github_server)
    cache = tmp_path / "cache"
    first = _draft(github_server, cache)
    maintainers = len(first.activity.maintainers)
    lists = [r for r in github_server.records if r.endpoint == "commits" and "author=" in r.query]
    assert len(lists) == maintainers >= len(HANDLES)
    assert sorted(r.query.split("author=")[1].split("&")[0].lower() for r in lists) == \
        sorted(m.handle for m in first.activity.maintainers)
    github_server.records.clear()
    second = _draft(github_server, cache)
    again = [r for r in github_server.records if r.endpoint == "commits" and "author=" in r.query]
    assert second.activity == first.activity
    assert all(r.conditional for r in again) or not again  # revalidated from the cache, never fetched anew


def test_a_folder_outside_any_checkout_has_no_activity_and_says_so(tmp_path, monkeypatch):
    from conftest import FIXTURES

    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "review" / "project", project)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))  # whatever holds tmp_path is not asked
    result = draft([str(project)], activity=True, today=TODAY)
    assert result.activity is None
    assert any("--activity" in w and "not in a git checkout" in w for w in result.warnings)


# ---- a checkout: git log, matched by name and address ---------------------------------------------

_MAINTAINERS = """# Maintainers

| Name | GitHub | Affiliation | Email |
|------|--------|-------------|-------|
| Ada Active | @ada-a | Acme | <ada@acme.example> |
| Ivan Idle | @ivan-i | Globex | <ivan@globex.example> |
| Lena Listed | @lena-l | Initech | <lena@initech.example> |
| Nora None | @nora-n | Umbrella | <nora@umbrella.example> |
"""
_GOVERNANCE = """# Governance

## Maintainers

Maintainers review and merge changes. A maintainer is added by a majority vote of the maintainers.
Maintainers with no contributions for six months are moved to emeritus status.
"""
# (author name, address, date): who committed what, when.
_COMMITS = [
    ("Ivan Idle", "ivan.home@mail.example", "2024-01-10T10:00:00+00:00"),  # by the listed name
    ("ivan", "ivan.home@mail.example", "2024-03-01T10:00:00+00:00"),  # that address, under another name
    ("Lena L.", "lena@initech.example", "2025-01-20T10:00:00+00:00"),  # by the listed address
    ("aa", "12345+ada-a@users.noreply.github.com", "2025-06-01T10:00:00+00:00"),  # by the noreply address
    ("Someone Else", "else@example.org", "2025-06-20T10:00:00+00:00"),
]


def _git_env(tmp_path, name: str = "", email: str = "", date: str = "") -> dict[str, str]:
    config = tmp_path / "gitconfig"
    config.touch()
    env = {**os.environ, "GIT_CONFIG_GLOBAL": str(config), "GIT_CONFIG_NOSYSTEM": "1"}
    if name:
        env.update(GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_AUTHOR_DATE=date,
                   GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email, GIT_COMMITTER_DATE=date)
    return env


def _checkout(tmp_path):
    repo = tmp_path / "widget"
    repo.mkdir()
    (repo / "MAINTAINERS.md").write_text(_MAINTAINERS, encoding="utf-8")
    (repo / "GOVERNANCE.md").write_text(_GOVERNANCE, encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(repo)], check=True, env=_git_env(tmp_path))
    for index, (name, email, date) in enumerate(_COMMITS):
        (repo / "log.txt").write_text(f"change {index}\n", encoding="utf-8")
        env = _git_env(tmp_path, name, email, date)
        subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", str(repo), "commit", "-q", "--no-gpg-sign", "-m", f"change {index}"],
                       check=True, env=env)
    return repo


needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


@needs_git
def test_a_checkout_s_history_shows_who_is_inactive_by_the_documented_rule(tmp_path):
    result = draft([str(_checkout(tmp_path))], activity=True, today=TODAY)
    activity = result.activity
    assert activity is not None and activity.period_days == 180 and "six months" in activity.period_source
    by_handle = {m.handle: m for m in activity.maintainers}
    assert by_handle["ada-a"].last_commit == "2025-06-01" and not by_handle["ada-a"].inactive
    assert "noreply" in by_handle["ada-a"].matched_by
    assert by_handle["lena-l"].last_commit == "2025-01-20" and not by_handle["lena-l"].inactive
    assert "listed address lena@initech.example" in by_handle["lena-l"].matched_by
    # Ivan's newest commit is under another name, found by the address he used under his listed name.
    assert by_handle["ivan-i"].last_commit == "2024-03-01" and by_handle["ivan-i"].inactive
    assert "ivan.home@mail.example" in by_handle["ivan-i"].matched_by
    assert by_handle["nora-n"].last_commit is None and by_handle["nora-n"].inactive
    assert by_handle["nora-n"].matched_by == "no commit found under a matching name or address"
    found = next(f for f in result.findings if f.rule == ACTIVITY_RULE)
    assert found.title == "Inactive maintainers" and "@ivan-i" in found.description and "@nora-n" in found.description
    assert "@ada-a" not in found.description and "@lena-l" not in found.description
    assert found in result.improvements
    jsonschema.Draft202012Validator(schema("review")).validate(result.to_dict())


@needs_git
def test_reading_the_history_runs_no_program_the_checkout_s_config_names(tmp_path):
    # A checkout whose .git/config asks `git log` to verify signatures with a program of its own:
    # the program must not run when govlint reads the history.
    repo = _checkout(tmp_path)
    mark = tmp_path / "ran"
    program = tmp_path / "fake-gpg"
    program.write_text("#!/bin/sh\n"
                       f"for a in \"$@\"; do [ \"$a\" = --verify ] && {{ touch '{mark}'; exit 0; }}; done\n"
                       "cat > /dev/null\n"  # read what git gives it to sign, as gpg does
                       "echo '[GNUPG:] SIG_CREATED D 1 8 00 1 X' >&2\n"
                       "printf -- '-----BEGIN PGP SIGNATURE-----\\n\\nAAAA\\n-----END PGP SIGNATURE-----\\n'\n",
                       encoding="utf-8")
    program.chmod(0o755)
    env = _git_env(tmp_path, "Ada Active", "ada@acme.example", "2025-07-01T10:00:00+00:00")
    subprocess.run(["git", "-C", str(repo), "config", "gpg.program", str(program)], check=True, env=env)
    (repo / "log.txt").write_text("signed\n", encoding="utf-8")
    signed = subprocess.run(["git", "-C", str(repo), "commit", "-q", "-a", "-S", "-m", "signed"], env=env,
                            capture_output=True, text=True)
    assert signed.returncode == 0, signed.stderr
    subprocess.run(["git", "-C", str(repo), "config", "log.showSignature", "true"], check=True, env=env)
    subprocess.run(["git", "-C", str(repo), "log", "-1"], check=True, env=env, capture_output=True)
    assert mark.exists()  # plain `git log` here runs it
    mark.unlink()
    result = draft([str(repo)], activity=True, today=TODAY)
    assert not mark.exists()
    assert {m.handle: m for m in result.activity.maintainers}["ada-a"].last_commit == "2025-07-01"


@needs_git
def test_the_markdown_says_how_each_maintainer_was_matched(tmp_path, run_cli):
    code, out, err = run_cli("review", str(_checkout(tmp_path)), "--activity")
    assert code == 0, err
    assert "| @nora-n | none found | yes | no commit found under a matching name or address |" in out
    ada = next(line for line in out.splitlines() if line.startswith("| @ada-a |"))  # today's date judges her
    assert ada.startswith("| @ada-a | 2025-06-01 |")
    assert ada.endswith("| GitHub noreply address 12345+ada-a@users.noreply.github.com |")
    assert "Inactive maintainers (activity)" in out


def test_without_git_the_draft_notes_that_activity_could_not_be_read(tmp_path, monkeypatch, run_cli):
    project = tmp_path / "widget"
    project.mkdir()
    (project / "MAINTAINERS.md").write_text(_MAINTAINERS, encoding="utf-8")
    (project / "GOVERNANCE.md").write_text(_GOVERNANCE, encoding="utf-8")
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    code, out, err = run_cli("review", str(project), "--activity")
    assert code == 0 and "Traceback" not in err
    notes = [line for line in out.splitlines() if "could not be read" in line]
    assert len(notes) == 1 and "git" in notes[0]
    assert "Activity (observed" not in out


def test_the_markdown_shows_the_activity(github_server, tmp_path, run_cli):
    _log(github_server)
    code, out, err = run_cli("review", "github:lantern/fish", "--activity", "--api-url", github_server.url,
                             "--cache-dir", str(tmp_path / "cache"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["activity"]["period_days"] == 180
    code, out, err = run_cli("review", "github:lantern/fish", "--activity", "--api-url", github_server.url,
                             "--cache-dir", str(tmp_path / "cache"))
    assert code == 0 and "Activity (observed, `--activity`)" in out and "| @dsorensen |" in out
