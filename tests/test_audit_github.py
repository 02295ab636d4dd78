"""`govlint audit` against the GitHub test server on 127.0.0.1: faults, shards, and killed audits."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest

from audit_fleet import build_fleet, write_projects_file
from github_server import GitHubFixtureServer
from govlint.audit.results import read_results
from govlint.cli import main
from govlint.resources import schema

SRC = Path(__file__).resolve().parents[1] / "src"
GHOST = {"name": "ghost", "maturity": "sandbox",
         "repositories": [{"name": "missing", "url": "https://github.com/ghost/missing", "check_sets": ["community"]}]}


@pytest.fixture
def fleet(tmp_path: Path) -> tuple[Path, list[dict]]:
    """21 projects on 23 repositories (one project spans three), as a server root and CLOMonitor entries."""
    root = tmp_path / "repos"
    return root, build_fleet(root, 21)


def summary_of(out: Path) -> dict:
    data = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema("summary"))
    return data


def records_of(out: Path) -> list[dict]:
    read = read_results(out / "results.jsonl")
    assert not read.bad_lines and not read.torn_tail
    return read.records


def audit(projects: Path, out: Path, server: GitHubFixtureServer, cache: Path, *extra: str) -> int:
    return main(["audit", str(projects), "--out", str(out), "--api-url", server.url, "--cache-dir", str(cache),
                 "--quiet", *extra])

@pytest.mark.slow

def test_faults_do_not_stop_the_audit_and_only_the_404_ends_in_an_error(tmp_path, fleet, capsys):
    root, projects = fleet
    path = write_projects_file(tmp_path / "cncf.yaml", [*projects[:10], GHOST, *projects[10:]])
    with GitHubFixtureServer(root) as server:
        faults = [
            server.fail(2, status=500, match="/repos/org001/governance"),  # twice in a row: retried
            server.fail(1, status=502, match="/git/trees/", retry_after="1"),
            server.fail(1, status=503, match="/contents/"),
            server.rate_limit(1.0, 1, match="/repos/org007/governance/commits/"),  # waits for the reset
        ]
        started = time.monotonic()
        code = audit(path, tmp_path / "out", server, tmp_path / "cache", "--jobs", "8")
        elapsed = time.monotonic() - started
        assert [f.hits for f in faults] == [2, 1, 1, 1]
        assert server.count(match="/repos/org020/website") == 0  # a docs-only repository is not read
        assert server.count(match="/repos/ghost/missing", status=404) >= 1
    records = {r["project"]: r for r in records_of(tmp_path / "out")}
    assert len(records) == 22
    assert {name for name, r in records.items() if r["status"] == "result"} == {p["name"] for p in projects}
    ghost = records["ghost"]
    assert ghost["status"] == "error" and ghost["error_kind"] == "not-found"
    assert ghost["error"] == "github:ghost/missing: repository not found or private (HTTP 404)"
    assert code == 2
    said = capsys.readouterr()
    assert "21 of 22 projects audited; 1 could not be audited" in said.out
    assert "govlint: error: project ghost: github:ghost/missing: repository not found" in said.err
    summary = summary_of(tmp_path / "out")
    assert summary["totals"]["errors"] == 1 and summary["errors"][0]["kind"] == "not-found"
    assert summary["by_maturity"]["sandbox"]["errors"] == 1
    # The project that spans repositories: its code and community repositories, combined.
    multi = records["project-020"]
    assert [a["name"] for a in multi["audited"]] == ["code", "community"]
    assert multi["report"]["level_met"] == "graduated"
    assert all(a["commit"] and len(a["commit"]) == 40 for a in multi["audited"])
    evidence = [e["url"] for r in records["project-000"]["report"]["results"] for e in r["evidence"]]
    assert evidence and all(u.startswith("https://github.com/org000/governance/blob/") for u in evidence)
    assert elapsed < 30


@pytest.mark.slow  # three audits of the whole fleet: ~7 s
def test_shards_merged_give_the_same_summary_as_one_run(tmp_path, fleet, capsys):
    root, projects = fleet
    path = write_projects_file(tmp_path / "cncf.yaml", [*projects, GHOST])
    with GitHubFixtureServer(root) as server:
        assert audit(path, tmp_path / "all", server, tmp_path / "cache", "--jobs", "6") == 2
        for index in (1, 2, 3):
            assert audit(path, tmp_path / f"shard{index}", server, tmp_path / f"cache{index}",
                         "--shard", f"{index}/3", "--jobs", "3") in (0, 2)
    shard_sizes = [len(records_of(tmp_path / f"shard{i}")) for i in (1, 2, 3)]
    assert sum(shard_sizes) == 22 and min(shard_sizes) >= 7
    capsys.readouterr()
    assert main(["audit-merge", *(str(tmp_path / f"shard{i}") for i in (1, 2, 3)), "--out", str(tmp_path / "merged")]) == 2
    assert "21 of 22 projects audited; 1 could not be audited" in capsys.readouterr().out
    one, merged = summary_of(tmp_path / "all"), summary_of(tmp_path / "merged")
    assert merged["run"]["shards"] == ["1/3", "2/3", "3/3"]
    one.pop("run"), merged.pop("run")
    assert merged == one

    def comparable(out: Path) -> list[dict]:
        rows = sorted(records_of(out), key=lambda r: r["index"])
        return [{k: v for k, v in r.items() if k not in ("finished_at", "seconds")} for r in rows]

    assert comparable(tmp_path / "merged") == comparable(tmp_path / "all")
    assert (tmp_path / "merged" / "index.html").is_file()

    # A missing shard is named, and its projects count as not audited.
    assert main(["audit-merge", str(tmp_path / "shard1"), str(tmp_path / "shard2"), "--out", str(tmp_path / "part")]) == 2
    err = capsys.readouterr().err
    assert "missing shard 3/3" in err
    partial = summary_of(tmp_path / "part")
    assert partial["totals"]["pending"] == shard_sizes[2] and partial["totals"]["projects"] == 22
    # Inputs that are not shards of the same projects are refused.
    other = write_projects_file(tmp_path / "other.yaml", projects[:2])
    with GitHubFixtureServer(root) as server:
        assert audit(other, tmp_path / "other", server, tmp_path / "cache") == 0
    assert main(["audit-merge", str(tmp_path / "shard1"), str(tmp_path / "other"), "--out", str(tmp_path / "x")]) == 2
    assert "different projects files" in capsys.readouterr().err
    assert main(["audit-merge", str(tmp_path / "shard1"), "--out", str(tmp_path / "shard1")]) == 2


def test_a_rate_limit_that_resets_too_late_is_an_error_record_and_retry_errors_finishes_it(tmp_path, fleet):
    root, projects = fleet
    path = write_projects_file(tmp_path / "cncf.yaml", projects[:4])
    out = tmp_path / "out"
    with GitHubFixtureServer(root) as server:
        server.rate_limit(3600, 1, match="/repos/org002/")  # an hour away: no waiting, a clear error
        assert audit(path, out, server, tmp_path / "cache") == 2
        record = read_results(out / "results.jsonl").latest()["project-002"]
        assert record["status"] == "error" and record["error_kind"] == "rate-limit"
        assert "retry after" in record["error"] and "GITHUB_TOKEN" in record["error"]
        server.reset_counts()
        assert audit(path, out, server, tmp_path / "cache", "--resume", "--retry-errors") == 0
        assert server.count(match="/repos/org002/") > 0
        assert server.count(match="/repos/org000/") == server.count(match="/repos/org001/") == 0
    assert summary_of(out)["totals"]["results"] == 4


# --------------------------------------------------------------------------------------------------
# A real process, a real signal

def start_audit(path: Path, out: Path, server: GitHubFixtureServer, cache: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(SRC) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    # A test run started in the background (`pytest ... &`) ignores SIGINT, and an ignored signal
    # stays ignored in a child: the audit must start as a user's terminal starts it, so that
    # Ctrl-C reaches it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        return subprocess.Popen([sys.executable, "-m", "govlint", "audit", str(path), "--out", str(out), "--api-url",
                                 server.url, "--cache-dir", str(cache), *extra], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)


def wait_for_lines(out: Path, count: int, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    results = out / "results.jsonl"
    while time.monotonic() < deadline:
        if results.exists() and results.read_bytes().count(b"\n") >= count:
            return
        if process.poll() is not None:
            pytest.fail(f"the audit ended before it was interrupted: {process.communicate()}")
        time.sleep(0.02)
    pytest.fail("the audit made no progress")


def owner_of(record: dict) -> str:
    return record["repositories"][0]["url"].split("/")[3]


@pytest.mark.slow
def test_a_killed_audit_keeps_its_lines_and_resume_finishes_without_redoing_them(tmp_path, fleet):
    root, projects = fleet
    path = write_projects_file(tmp_path / "cncf.yaml", projects)
    out = tmp_path / "out"
    with GitHubFixtureServer(root, latency=0.08) as server:
        process = start_audit(path, out, server, tmp_path / "cache", "--jobs", "2", "--quiet")
        wait_for_lines(out, 6, process)
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=30)
        assert process.returncode == -signal.SIGKILL
        kept = (out / "results.jsonl").read_bytes()
        before = read_results(out / "results.jsonl")
        assert not before.bad_lines  # whatever was written is whole lines
        finished = [r for r in before.records]
        assert 6 <= len(finished) < len(projects)

        server.reset_counts()
        process = start_audit(path, out, server, tmp_path / "cache", "--jobs", "4", "--resume")
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
        for record in finished:  # not one request for a project that was already done
            assert server.count(match=f"/repos/{owner_of(record)}/") == 0, record["project"]
    data = (out / "results.jsonl").read_bytes()
    complete = kept[:kept.rfind(b"\n") + 1]
    assert data.startswith(complete)  # the finished lines are untouched
    records = records_of(out)
    assert sorted(r["project"] for r in records) == sorted(p["name"] for p in projects)  # each exactly once
    assert f"{len(projects)} of {len(projects)} projects audited; {len(finished)} finished earlier" in stdout
    assert summary_of(out)["totals"]["results"] == len(projects)


@pytest.mark.slow
def test_an_interrupted_audit_stops_cleanly_and_says_how_to_resume(tmp_path, fleet):
    root, projects = fleet
    path = write_projects_file(tmp_path / "cncf.yaml", projects)
    out = tmp_path / "out"
    with GitHubFixtureServer(root, latency=0.08) as server:
        process = start_audit(path, out, server, tmp_path / "cache", "--jobs", "2")
        wait_for_lines(out, 3, process)
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        assert "not audited yet (continue with --resume)" in stdout
        assert "Traceback" not in stderr
        interrupted = summary_of(out)
        assert 3 <= interrupted["totals"]["results"] < len(projects)
        assert interrupted["totals"]["pending"] == len(projects) - interrupted["totals"]["results"]
        # Progress lines in a log (stderr is not a terminal): one per finished project.
        assert f"/{len(projects)}] project-" in stderr
        process = start_audit(path, out, server, tmp_path / "cache", "--jobs", "4", "--resume")
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, stderr
    assert "resuming:" in stderr
    assert sorted(r["project"] for r in records_of(out)) == sorted(p["name"] for p in projects)
