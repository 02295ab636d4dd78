"""Remote check benchmark: a GitHub look-alike on 127.0.0.1 with a fixed latency per request.

    PYTHONPATH=src python benchmarks/remote.py [--latency 0.05] [--files 3000]

Runs ``govlint.api.lint("github:...")`` twice per repository with a fresh cache folder, cold then
warm, and prints the requests the server saw (200s with a body vs 304s) and the time of each run.
Repositories: ``acme/widget`` from tests/fixtures/github (its governance lives in acme/community and
acme/.github, so links are followed across repositories) and a synthetic repository with many files,
to show the listing costs one request however many paths there are. With ``--source-only`` (or when
govlint.api is missing) it measures the source layer alone: list the files and read the governance
documents.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE.parent / "tests"))

from github_server import FIXTURES, GitHubFixtureServer  # noqa: E402

_GOVERNANCE_NAME = re.compile(r"(governance|maintainers|owners|contributing|code_of_conduct|security|charter|"
                              r"readme)(\.md)?$", re.I)


def make_synthetic(root: Path, files: int) -> None:
    """acme/big: ``files`` source files in nested folders, plus a few governance documents."""
    repo = root / "acme" / "big"
    for i in range(files):
        folder = repo / "src" / f"pkg{i % 40}" / f"mod{i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"file{i}.py").write_text(f"VALUE = {i}\n")
    (repo / "README.md").write_text("# Big\n\nSee [GOVERNANCE.md](GOVERNANCE.md) and the "
                                    "[maintainers](MAINTAINERS.md).\n")
    (repo / "GOVERNANCE.md").write_text("# Governance\n\nDecisions are made by lazy consensus; the maintainers "
                                        "vote by simple majority when consensus fails.\n")
    (repo / "MAINTAINERS.md").write_text("# Maintainers\n\n- Ada (@ada), Acme\n")
    (repo / "CONTRIBUTING.md").write_text("# Contributing\n\nOpen a pull request.\n")


def run_lint(server: GitHubFixtureServer, spec: str, cache: Path, source_only: bool) -> int:
    """One check; returns the number of documents read."""
    if not source_only:
        try:
            from govlint.api import RemoteOptions, lint
        except ImportError:
            source_only = True
    if not source_only:
        report = lint(spec, remote=RemoteOptions(api_url=server.url, cache_dir=str(cache)))
        return len(report.documents)
    from govlint.sources.github import open_github_source

    source = open_github_source(spec, api_url=server.url, cache_dir=str(cache))
    try:
        read = 0
        for path in source.list_files():
            if _GOVERNANCE_NAME.search(path.rsplit("/", 1)[-1]) and path.count("/") <= 1:
                source.read_bytes(path)
                read += 1
        for fallback in source.fallback_sources():
            for path in fallback.list_files():
                if _GOVERNANCE_NAME.search(path.rsplit("/", 1)[-1]):
                    fallback.read_bytes(path)
                    read += 1
        return read
    finally:
        source.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--latency", type=float, default=0.05, help="seconds added to every request (0.05)")
    parser.add_argument("--files", type=int, default=3000, help="files in the synthetic repository (3000)")
    parser.add_argument("--source-only", action="store_true", help="measure the source layer, not govlint.api")
    args = parser.parse_args()
    for name in ("GITHUB_TOKEN", "GH_TOKEN", "GOVLINT_GITHUB_API_URL", "GOVLINT_CACHE_DIR"):
        os.environ.pop(name, None)

    work = Path(tempfile.mkdtemp(prefix="govlint-bench-"))
    try:
        root = work / "repos"
        shutil.copytree(FIXTURES, root)
        make_synthetic(root, args.files)
        mode = "source layer" if args.source_only else "govlint.api.lint"
        print(f"remote check benchmark: {mode}, {args.latency * 1000:.0f} ms latency per request")
        print(f"{'target':<22} {'run':<5} {'requests':>8} {'200':>5} {'304':>5} {'docs':>5} {'seconds':>8}")
        with GitHubFixtureServer(root, latency=args.latency) as server:
            # Imports and rule loading happen once per process: pay them before the clock starts.
            run_lint(server, "github:solo/lonely", work / "cache-warmup", args.source_only)
            for spec in ("github:acme/widget", "github:acme/big"):
                cache = work / f"cache-{spec.split('/')[-1]}"
                for run in ("cold", "warm"):
                    server.reset_counts()
                    start = time.perf_counter()
                    docs = run_lint(server, spec, cache, args.source_only)
                    elapsed = time.perf_counter() - start
                    print(f"{spec:<22} {run:<5} {server.total:>8} {server.full:>5} {server.not_modified:>5} "
                          f"{docs:>5} {elapsed:>8.3f}")
                    if server.unexpected:
                        print(f"  unexpected endpoints: {[r.path for r in server.unexpected]}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
