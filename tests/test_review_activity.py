"""`govlint review --activity` against the GitHub test server on 127.0.0.1: each listed maintainer's
newest commit (one request per maintainer and repository, cached), compared with the project's own
inactivity rule (lantern/fish: "no activity for six months ... emeritus")."""
from __future__ import annotations

import datetime as dt
import json

import jsonschema

from govlint.api import RemoteOptions
from govlint.resources import schema
from govlint.review import draft

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


def test_activity_needs_a_remote_repository(tmp_path):
    from conftest import FIXTURES

    result = draft([str(FIXTURES / "review" / "project")], activity=True, today=TODAY)
    assert result.activity is None
    assert any("--activity" in w for w in result.warnings)


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
