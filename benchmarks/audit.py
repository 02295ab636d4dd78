"""Audit benchmark: `govlint audit` of many repositories on a GitHub look-alike with latency per request.

    PYTHONPATH=src python benchmarks/audit.py [--projects 200] [--latency 0.1] [--jobs 16]

Serves ``--projects`` repositories (copies of the fixture projects, tests/audit_fleet.py) from the
test server on 127.0.0.1 with ``--latency`` seconds added to every request, then runs
``govlint audit`` in a separate process twice with one cache folder: cold (empty cache) and warm
(a new output folder, the same cache). Prints the wall time of each, the requests the server saw,
and how many were full downloads (200 with a body) or 304 Not Modified.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
sys.path.insert(0, str(HERE.parent / "tests"))

from audit_fleet import build_fleet, write_projects_file  # noqa: E402
from github_server import GitHubFixtureServer  # noqa: E402


def run_audit(projects: Path, out: Path, cache: Path, server: GitHubFixtureServer, jobs: int) -> tuple[float, int, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_TOKEN", "GH_TOKEN", "GOVLINT_GITHUB_API_URL", "GOVLINT_CACHE_DIR")}
    env["PYTHONPATH"] = str(SRC)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "govlint", "audit", str(projects), "--out", str(out), "--jobs",
                           str(jobs), "--api-url", server.url, "--cache-dir", str(cache), "--quiet"],
                          env=env, capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done.returncode, (done.stdout + done.stderr).strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=200, help="repositories to audit (200)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds added to every request (0.1)")
    parser.add_argument("--jobs", type=int, default=16, help="govlint audit --jobs (16)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder and print its path")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="govlint-audit-bench-"))
    try:
        root = work / "repos"
        projects = build_fleet(root, args.projects, multi_repo=False)
        path = write_projects_file(work / "projects.yaml", projects)
        cache = work / "cache"
        print(f"audit benchmark: {args.projects} repositories, {args.latency * 1000:.0f} ms latency per request, "
              f"--jobs {args.jobs}")
        print(f"{'run':<5} {'seconds':>8} {'requests':>9} {'200':>6} {'304':>6} {'other':>6} {'req/project':>12} "
              f"{'results':>8} {'errors':>7}")
        with GitHubFixtureServer(root, latency=args.latency) as server:
            for run in ("cold", "warm"):
                server.reset_counts()
                out = work / f"out-{run}"
                seconds, code, output = run_audit(path, out, cache, server, args.jobs)
                totals = json.loads((out / "summary.json").read_text(encoding="utf-8"))["totals"]
                other = server.total - server.full - server.not_modified
                print(f"{run:<5} {seconds:>8.2f} {server.total:>9} {server.full:>6} {server.not_modified:>6} "
                      f"{other:>6} {server.total / args.projects:>12.1f} {totals['results']:>8} {totals['errors']:>7}")
                if code != 0:
                    print(f"  govlint audit exited {code}: {output[-500:]}")
                if server.unexpected:
                    print(f"  unexpected endpoints: {sorted({r.path for r in server.unexpected})[:5]}")
        if args.keep:
            print(f"work folder: {work}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
